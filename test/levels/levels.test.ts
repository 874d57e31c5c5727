// Levels are data (issue 13): with the province's names "Trung tâm Y tế khu vực" / "Điểm trạm"
// (setting units.levelNames), what users read names the levels so — a service message, the CLI's
// output, the report's level defaults — and with no setting the words are today's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { dispatch, type UnitsImportResult } from '../../core/api';
import { translator, userMessage } from '../../core/i18n';
import { customLevelParams, levelInSentence, levelParams, parseLevel } from '../../core/levels';
import { REFORM_LEVEL_NAMES, type LevelNames } from '../../core/orgunit';
import { setSetting } from '../../db/settings.repo';
import { openStore } from '../../db/store';
import { getValues, setValues } from '../../db/values.repo';
import { shippedTemplates } from '../../export/report/template';
import { unitReportHeader } from '../../export/report/unit-settings';
import { demoDistrict, emptyProvince, fileState, openAt, service } from '../bundle/fixtures';

const REGIONAL: LevelNames = { ...REFORM_LEVEL_NAMES, commune: 'Trạm Y tế xã' };

describe('level words', () => {
  it('in a sentence, at its start, in English, and read back from what a user typed', () => {
    expect(levelInSentence('Trung tâm Y tế khu vực')).toBe('trung tâm Y tế khu vực');
    expect(levelInSentence('TTYT khu vực')).toBe('TTYT khu vực');
    const vi = levelParams(null, 'vi');
    expect([vi.commune, vi.Commune, vi.district, vi.province, vi.subsite]).toEqual(['xã', 'Xã', 'huyện', 'tỉnh', 'điểm trạm']);
    const en = levelParams(null, 'en');
    expect([en.commune, en.Communes, en.facilities, en.subsites]).toEqual(['commune', 'Communes', 'facilities', 'sub-sites']);
    const reform = levelParams(REFORM_LEVEL_NAMES, 'en');
    expect([reform.district, reform.District, reform.commune, reform.subsite]).toEqual(['trung tâm Y tế khu vực', 'Trung tâm Y tế khu vực', 'commune', 'điểm trạm']);
    expect(customLevelParams(null)).toEqual({});
    expect(Object.keys(customLevelParams(REFORM_LEVEL_NAMES)).sort()).toEqual(
      ['District', 'Districts', 'Facilities', 'Facility', 'Subsite', 'Subsites', 'district', 'districts', 'facilities', 'facility', 'subsite', 'subsites'].sort(),
    );
    expect(parseLevel(' trung tâm y tế  KHU VỰC ', REFORM_LEVEL_NAMES)).toBe('district');
    expect(parseLevel('Commune', REFORM_LEVEL_NAMES)).toBe('commune');
    expect(parseLevel('huyện', REFORM_LEVEL_NAMES)).toBeNull();
    // A text with no level passed reads today's words.
    expect(translator('vi')('ui.progress.emptyCount', { count: 1, total: 37 })).toBe('1/37 xã chưa nhập gì');
    expect(translator('vi')('ui.progress.emptyCount', { count: 1, total: 37, ...levelParams(REGIONAL, 'vi') })).toBe('1/37 trạm Y tế xã chưa nhập gì');
    // An element entered at another level: the message names that level, in the reader's language.
    expect(userMessage({ key: 'error.wrongEntryLevel', params: { element: 'Số trẻ', unit: 'Huyện Hoằng Hóa', context: 'commune' } }, 'vi')).toBe(
      'Chỉ tiêu "Số trẻ" nhập ở cấp xã, không nhập cho đơn vị "Huyện Hoằng Hóa".',
    );
    expect(userMessage({ key: 'error.wrongEntryLevel', params: { element: 'X', unit: 'Y', context: 'district', ...customLevelParams(REGIONAL) } }, 'en')).toBe(
      '"X" is entered at trung tâm Y tế khu vực level, not for unit "Y".',
    );
  });
});

describe('the report templates’ level defaults', () => {
  it('name the levels by the province’s names, and by today’s words without them', () => {
    const unit = { code: 'TH_NS', name: 'Trung tâm Y tế khu vực Nghi Sơn', level: 'district', parent: 'TH' } as const;
    const header = (settings: Record<string, unknown>) =>
      unitReportHeader({ templates: shippedTemplates(), unit, name: unit.name, parentUnitName: 'SỞ Y TẾ', periodEnd: '2025-08', settings }).words;
    const plain = header({});
    expect([plain['area.in'], plain['area.on'], plain['area.stations']]).toEqual(['trong huyện', 'trên địa bàn huyện', 'các trạm y tế xã, thị trấn']);
    const named = header({ 'units.levelNames': REFORM_LEVEL_NAMES });
    expect([named['area.in'], named['area.on'], named['area.stations'], named['level.facility']]).toEqual([
      'trong trung tâm Y tế khu vực',
      'trên địa bàn trung tâm Y tế khu vực',
      'các trạm y tế xã, thị trấn',
      'điểm trạm',
    ]);
  });
});

describe('with the province’s level names', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thongke-levels-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the units import reads a level by its name and names levels so in its refusals, writing nothing', async () => {
    const file = join(dir, 'p.sqlite');
    emptyProvince(file);
    const store = openAt(file);
    try {
      setSetting(store, 'units.levelNames', REFORM_LEVEL_NAMES);
      const run = (text: string, dryRun: boolean) => dispatch(service(store), 'units.importCsvText', { text, fileName: 'dv.csv', dryRun }, 'vi');
      const ok = await run('code,name,level,parent\nTH_NS,Trung tâm Y tế khu vực Nghi Sơn,Trung tâm Y tế khu vực,TH\nTH_NS_01,Xã Hải Bình,xã,TH_NS\n', false);
      expect(ok.ok).toBe(true);
      if (ok.ok) expect((ok.value as UnitsImportResult).added.map((u) => [u.code, u.level])).toEqual([['TH_NS', 'district'], ['TH_NS_01', 'commune']]);
      const before = fileState(file);
      const bad = await run('code,name,level,parent\nTH_NS,Trung tâm Y tế khu vực Nghi Sơn,xã,TH\nTH_X,Huyện X,huyen,TH\n', true);
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.error.details).toEqual([
          expect.stringMatching(/^Dòng 2: .*cấp Trung tâm Y tế khu vực, thuộc TH; tệp ghi tên "Trung tâm Y tế khu vực Nghi Sơn", cấp Xã,/),
          expect.stringMatching(/^Dòng 3: cấp "huyen" không hợp lệ; các cấp có thể dùng: Tỉnh \(province\), Trung tâm Y tế khu vực \(district\), Xã \(commune\), Điểm trạm \(facility\)/),
        ]);
      }
      expect(fileState(file)).toBe(before);
    } finally {
      store.close();
    }
  });

  it('a service message: a workbook asked of a province names the levels as the province does', async () => {
    const file = join(dir, 'd.sqlite');
    demoDistrict(file);
    const store = openAt(file);
    try {
      const plain = await dispatch(service(store), 'workbook.export', { unit: 'TH', period: '2024-05' }, 'vi');
      expect(plain.ok).toBe(false);
      if (!plain.ok) expect(plain.error.message).toBe('Chỉ xuất được biểu nhập cho một xã, hoặc cho một huyện (mỗi xã một trang tính); "Tỉnh Thanh Hóa" không phải xã hay huyện.');
      setSetting(store, 'units.levelNames', REGIONAL);
      const named = await dispatch(service(store), 'workbook.export', { unit: 'TH', period: '2024-05' }, 'vi');
      if (!named.ok) {
        expect(named.error.message).toBe(
          'Chỉ xuất được biểu nhập cho một trạm Y tế xã, hoặc cho một trung tâm Y tế khu vực (mỗi trạm Y tế xã một trang tính); "Tỉnh Thanh Hóa" không phải trạm Y tế xã hay trung tâm Y tế khu vực.',
        );
      } else throw new Error('expected a refusal');
      // An error thrown by core (no store there) gets the names on its way out of the service.
      const wrong = await dispatch(service(store), 'values.set', { unit: 'TH_HH', period: '2024-05', element: 'EPI_FULL_U1', value: 1 }, 'vi');
      if (!wrong.ok) expect(wrong.error.message).toMatch(/nhập ở cấp trạm Y tế xã, không nhập cho đơn vị "Huyện Hoằng Hóa"/);
      else throw new Error('expected a refusal');
      const en = await dispatch(service(store), 'workbook.export', { unit: 'TH', period: '2024-05' }, 'en');
      if (!en.ok) expect(en.error.message).toContain('or for a trung tâm Y tế khu vực (one sheet per trạm Y tế xã)');
    } finally {
      store.close();
    }
  });

  it('CLI: names set with `units levels`; progress and a merge keeping former stations use the names', async () => {
    const file = join(dir, 'd.sqlite');
    demoDistrict(file);
    const store = openStore(file);
    const own = getValues(store, 'TH_HH_05', '2024-05').filter((v) => v.unit === 'TH_HH_05');
    setValues(store, own.map((v) => ({ unit: v.unit, period: v.period, element: v.element, value: null })), 'test', 'ui', new Date('2024-06-01T00:00:00Z'));
    store.close();
    const run = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), now: () => new Date('2024-06-07T02:00:00Z') });
      return { code, out, err };
    };
    const levels = await run('units', 'levels', file, '--set', 'Tỉnh; Trung tâm Y tế khu vực ;Trạm Y tế xã;Điểm trạm');
    expect(levels.code, levels.err).toBe(0);
    expect(levels.out).toBe('province\tTỉnh\ndistrict\tTrung tâm Y tế khu vực\ncommune\tTrạm Y tế xã\nfacility\tĐiểm trạm\n');
    expect((await run('units', 'levels', file, '--set', 'Tỉnh;Xã')).code).toBe(2);
    const progress = await run('progress', file, '--period', '2024-05');
    expect(progress.code, progress.err).toBe(0);
    expect(progress.out).toMatch(/^Trạm Y tế xã chưa nhập gì: Xã Hoằng Phú$/m);
    const merged = await run('units', 'merge', file, 'TH_HH_01', 'TH_HH_02', '--into', 'TH_HH_NEW', '--name', 'Xã Mới', '--from', '2025-07', '--keep-sites');
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toMatch(/^Giữ làm điểm trạm: /m);
    const history = await run('units', 'history', file);
    expect(history.out).toContain('giữ làm điểm trạm');
  });
});
