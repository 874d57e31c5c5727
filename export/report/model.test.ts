// The report model on its own: missing data, missing plans, zero denominators, longer periods
// and the template rules, on a small fixture district (no converters: these run in milliseconds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setPlans } from '../../db/plans.repo';
import type { Store } from '../../db/store';
import { setValues } from '../../db/values.repo';
import { makeFixture, type FixtureOptions } from '../../test/report/fixture';
import { renderReportHtml } from './html';
import { loadReportModel } from './load';
import type { ReportModel } from './model';
import { fillLine, shippedTemplates, unknownTemplateCodes, type ReportTemplates } from './template';

let dir: string;
let store: Store;
const date = { year: 2024, month: 6, day: 10 };
const now = new Date(2024, 5, 10);

function open(opts: FixtureOptions = {}): Store {
  dir = mkdtempSync(join(tmpdir(), 'thongke-model-'));
  store = makeFixture(join(dir, 'f.sqlite'), opts);
  return store;
}

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sentences = (m: ReportModel) => m.body.filter((b) => b.kind === 'para' && !b.narrative).map((b) => (b.kind === 'para' ? b.text : ''));
const line = (m: ReportModel, start: string) => sentences(m).find((s) => s.includes(start)) ?? '';

function clean(m: ReportModel): void {
  const all = JSON.stringify(m);
  expect(all).not.toMatch(/NaN|undefined|Infinity|null%|\{[A-Za-z_.]+\}/);
}

describe('report model', () => {
  it('prints the seed sentences for May 2024 and a Decree 30 header', () => {
    const m = loadReportModel(open(), { unit: 'TH_HH', period: '2024-05', date });
    expect(line(m, 'tiêm chủng đầy đủ')).toBe('- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là 307 trẻ đạt 8,7% kế hoạch.');
    expect(line(m, 'kinh phí')).toContain('49.875.000đ');
    expect(m.header.placeDate).toBe('Hoằng Hóa, ngày 10 tháng 6 năm 2024');
    expect(m.title).toEqual(['BÁO CÁO', 'KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ THÁNG 5', 'VÀ PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 6 NĂM 2024']);
    expect(m.closing.signerTitle).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(m.appendix.communes[0]!.rows.map((r) => r.name)).toEqual(['Thị trấn Bút Sơn', 'Xã Hoằng Giang', 'Xã Hoằng Xuân']);
    clean(m);
  });

  it('a month with no data says "chưa có số liệu", never 0, blank or NaN', () => {
    const m = loadReportModel(open(), { unit: 'TH_HH', period: '2024-03', date });
    expect(line(m, 'tiêm chủng đầy đủ')).toBe('- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là chưa có số liệu.');
    // Each missing figure replaces only its own phrase: the rest of the sentence stays (issue 13).
    expect(line(m, 'đến khám tại các trạm')).toBe(
      'Trong tháng 3 tổng số lượt bệnh nhân đến khám tại các trạm y tế xã, thị trấn là chưa có số liệu. Tổng số lượt bệnh nhân khám có thẻ bảo hiểm y tế: chưa có số liệu. Tổng số bệnh nhân chuyển tuyến: chưa có số liệu. Tổng số kinh phí thu được: chưa có số liệu.',
    );
    expect(line(m, 'Tổng số trẻ sinh')).toMatch(/^- Tổng số trẻ sinh là chưa có số liệu \(trẻ nam chưa có số liệu, trẻ gái chưa có số liệu\)\. Tỷ số giới tính nam\/nữ là /);
    for (const s of sentences(m)) expect(s).not.toMatch(/ là 0 | 0 trẻ|: 0[;.]/);
    expect(m.appendix.programmes[0]!.rows[0]!.cells[0]!.text).toBe('—');
    // Narrative carries over from the latest earlier month; March has none before it.
    expect(m.body.some((b) => b.kind === 'para' && b.text === '(Chưa có nội dung cho mục này.)')).toBe(true);
    clean(m);
    expect(renderReportHtml(m)).toContain('chưa có số liệu');
  });

  it('a unit without a plan says so instead of a percentage', () => {
    const m = loadReportModel(open({ plans: false }), { unit: 'TH_HH', period: '2024-05', date });
    expect(line(m, 'tiêm chủng đầy đủ')).toBe('- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là 307 trẻ (chưa có kế hoạch năm).');
    clean(m);
  });

  it('a plan of 0 and a zero denominator give clear text', () => {
    open();
    setPlans(store, [{ unit: 'TH_HH', year: 2024, element: 'EPI_FULL_U1', target: 0 }], 'test', now);
    setValues(store, ['TH_HH_01', 'TH_HH_02', 'TH_HH_03'].map((unit) => ({ unit, period: '2024-05', element: 'FP_BIRTHS_GIRLS', value: 0 })), 'test', 'ui', now);
    const m = loadReportModel(store, { unit: 'TH_HH', period: '2024-05', date });
    expect(line(m, 'tiêm chủng đầy đủ')).toBe('- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là 307 trẻ (kế hoạch năm bằng 0, không tính được tỷ lệ).');
    expect(line(m, 'Tỷ số giới tính')).toContain('Tỷ số giới tính nam/nữ là không tính được vì mẫu số bằng 0.');
    clean(m);
  });

  it('quarter and year reports sum flows, keep the last stock, and name their periods', () => {
    open();
    const v = (period: string, element: string, value: number) => ({ unit: 'TH_HH_01', period, element, value });
    setValues(store, [v('2024-04', 'EPI_FULL_U1', 100), v('2024-04', 'HIV_LIVING', 999), v('2024-06', 'HIV_LIVING', 300)], 'test', 'ui', now);
    const q = loadReportModel(store, { unit: 'TH_HH', period: '2024-Q2', date });
    expect(q.title).toEqual(['BÁO CÁO', 'KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ QUÝ II', 'VÀ PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ III NĂM 2024']);
    expect(line(q, 'tiêm chủng đầy đủ')).toBe('- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là 407 trẻ đạt 11,6% kế hoạch.');
    // A stock is the period's last month (June: only one commune has entered it), never a sum of months.
    expect(line(q, 'HIV hiện mắc')).toContain('HIV hiện mắc là 300 bệnh nhân');
    expect(line(q, 'Tính đến ngày')).toContain('Tính đến ngày 30/6/2024');
    const y = loadReportModel(store, { unit: 'TH_HH', period: '2024', date });
    expect(y.title).toEqual(['BÁO CÁO', 'KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ NĂM 2024', 'VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025']);
    expect(y.body.some((b) => b.kind === 'heading' && b.text === 'II. KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ NĂM 2024.')).toBe(true);
    const h = loadReportModel(store, { unit: 'TH_HH', period: '2024-H1', date });
    expect(h.title[2]).toBe('VÀ PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024');
    const n = loadReportModel(store, { unit: 'TH_HH', period: '2024-9M', date });
    expect(n.title[1]).toBe('KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ 9 THÁNG ĐẦU NĂM');
    for (const m of [q, y, h, n]) clean(m);
  });

  it('a commune report has no commune table and still reads cleanly', () => {
    const m = loadReportModel(open(), { unit: 'TH_HH_01', period: '2024-05', date });
    expect(m.appendix.communes).toEqual([]);
    clean(m);
  });
});

describe('templates', () => {
  it('the shipped templates name only catalogue elements', () => {
    open();
    expect(unknownTemplateCodes(shippedTemplates(), store.catalogue)).toEqual([]);
    const bad: ReportTemplates = { ...shippedTemplates(), body: [{ p: 'Số {NO_SUCH_CODE} ca.' }] };
    expect(unknownTemplateCodes(bad, store.catalogue)).toEqual(['NO_SUCH_CODE']);
  });

  it('a province rewords a sentence without code', () => {
    const ctx = {
      vars: { 'period.short': 'tháng 5' },
      phrases: shippedTemplates().unavailable,
      resolve: () => ({ ok: true as const, text: '307' }),
    };
    expect(fillLine('Trong {period.short} có [{value} trẻ] được tiêm đủ.', 'EPI_FULL_U1', ctx).text).toBe('Trong tháng 5 có 307 trẻ được tiêm đủ.');
  });
});
