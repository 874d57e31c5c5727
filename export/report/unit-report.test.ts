// Issue 13, "Every unit's own report": a commune's report is the commune's (header, symbol,
// recipients, signer, area words, no district-only lines); the plan year is the period's; the
// document date defaults after the period; carried-over narrative is marked; a missing figure
// replaces only its own phrase. On the small fixture district (real SQLite file, no converters).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setNarrative } from '../../db/narrative.repo';
import { setPlans } from '../../db/plans.repo';
import { setSettings } from '../../db/settings.repo';
import type { Store } from '../../db/store';
import { setValues } from '../../db/values.repo';
import { makeFixture } from '../../test/report/fixture';
import { loadReportModel } from './load';
import { defaultReportDate, type ReportModel } from './model';

let dir: string;
let store: Store;
const now = new Date(2024, 5, 10);

function open(): Store {
  dir = mkdtempSync(join(tmpdir(), 'thongke-unit-report-'));
  store = makeFixture(join(dir, 'f.sqlite'));
  return store;
}

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const paras = (m: ReportModel) => m.body.flatMap((b) => (b.kind === 'para' ? [b.text] : []));
const sentences = (m: ReportModel) => m.body.flatMap((b) => (b.kind === 'para' && !b.narrative ? [b.text] : []));
const headings = (m: ReportModel) => m.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const line = (m: ReportModel, part: string) => sentences(m).find((s) => s.includes(part)) ?? '';
const allText = (m: ReportModel) => JSON.stringify(m);

describe("a commune's own report", () => {
  it('carries the commune header, symbol, recipients, signer and area words, and no district-only lines', () => {
    const m = loadReportModel(open(), { unit: 'TH_HH_02', period: '2024-05' });
    expect(m.header.unitName).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');
    // Before July 2025 a station answers to the district health centre.
    expect(m.header.parentBody).toBe('TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA');
    expect(m.header.number).toBe('Số:        /BC-TYT');
    expect(m.header.placeDate).toBe('Hoằng Giang, ngày 05 tháng 6 năm 2024');
    expect(m.title).toContain('CỦA TRẠM Y TẾ XÃ HOẰNG GIANG');
    expect(m.closing.signerTitle).toEqual(['TRƯỞNG TRẠM']);
    expect(m.closing.signerName).toBe('');
    expect(m.closing.recipients).toEqual(['- UBND xã (B/c);', '- Trung tâm Y tế (B/c);', '- Lưu: VT.']);
    const text = allText(m);
    for (const district of ['Lê Trọng Tiến', 'VP huyện uỷ', 'BC-TTYT', 'trong huyện', 'trên địa bàn huyện', 'SỞ Y TẾ THANH HÓA']) expect(text).not.toContain(district);
    expect(line(m, 'Tính đến ngày')).toContain('tổng số mũi tiêm trên địa bàn xã là');
    expect(line(m, 'vệ sinh môi trường trên địa bàn xã')).not.toBe('');
    // Lines of the district centre (its staff, Methadone, PKĐK, laboratory) are left out, not "chưa có số liệu".
    expect(JSON.stringify(m.body)).not.toMatch(/Lái xe|Methadone\)|Tại trung tâm Y tế huyện|Tại PKĐK|Xét nghiệm tìm AFB|Đài truyền thanh/);
    expect(headings(m)).not.toContain('* Tại trung tâm Y tế huyện.');
    expect(headings(m)).not.toContain('* Tại cơ sở điều trị Methadone.');
    // The commune's own figures (30 % of the district's in the fixture) are printed.
    expect(line(m, 'tiêm chủng đầy đủ')).toMatch(/^- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là \d+ trẻ/);
    expect(text).not.toMatch(/NaN|undefined|\{[A-Za-z_.]+\}/);
  });

  it('a thị trấn says "trên địa bàn thị trấn"; from July 2025 a station answers to the commune People\'s Committee', () => {
    open();
    const t = loadReportModel(store, { unit: 'TH_HH_01', period: '2024-05' });
    expect(t.header.unitName).toBe('TRẠM Y TẾ THỊ TRẤN BÚT SƠN');
    expect(line(t, 'Tính đến ngày')).toContain('trên địa bàn thị trấn');
    const m = loadReportModel(store, { unit: 'TH_HH_02', period: '2025-07' });
    expect(m.header.parentBody).toBe('UBND XÃ HOẰNG GIANG');
  });

  it("the unit's own settings win over its level's defaults; the home unit keeps the installation's settings", () => {
    open();
    setSettings(store, {
      'report.units': {
        TH_HH_02: { signerName: 'Nguyễn Thị Lan', signerTitle: ['KT. TRƯỞNG TRẠM', 'PHÓ TRƯỞNG TRẠM'], recipients: ['UBND xã Hoằng Giang (B/c);', 'Lưu: VT.'], unitShort: 'TYT-HG' },
      },
    });
    const m = loadReportModel(store, { unit: 'TH_HH_02', period: '2024-05' });
    expect(m.closing.signerName).toBe('Nguyễn Thị Lan');
    expect(m.closing.signerTitle).toEqual(['KT. TRƯỞNG TRẠM', 'PHÓ TRƯỞNG TRẠM']);
    expect(m.closing.recipients).toEqual(['- UBND xã Hoằng Giang (B/c);', '- Lưu: VT.']);
    expect(m.header.number).toBe('Số:        /BC-TYT-HG');
    const d = loadReportModel(store, { unit: 'TH_HH', period: '2024-05', date: { year: 2024, month: 6, day: 10 } });
    expect(d.header).toMatchObject({ parentBody: 'SỞ Y TẾ THANH HÓA', unitName: 'TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA', number: 'Số:        /BC-TTYT' });
    expect(d.closing.signerName).toBe('Lê Trọng Tiến');
    expect(line(d, 'Tính đến ngày')).toContain('tổng số mũi tiêm trong huyện là');
  });
});

describe('dates and the plan year', () => {
  it('a December report dated in January compares with that December year\'s plan', () => {
    open();
    const jan = new Date(2025, 0, 10);
    setPlans(store, [{ unit: 'TH_HH', year: 2025, element: 'EPI_FULL_U1', target: 100 }], 'test', jan);
    setValues(store, [{ unit: 'TH_HH_01', period: '2024-12', element: 'EPI_FULL_U1', value: 351 }], 'test', 'ui', jan);
    const m = loadReportModel(store, { unit: 'TH_HH', period: '2024-12', date: { year: 2025, month: 1, day: 10 } });
    expect(m.header.placeDate).toBe('Hoằng Hóa, ngày 10 tháng 01 năm 2025');
    // 351 of the 2024 plan (3.529 in the demo plans), not of the 2025 plan of 100.
    expect(line(m, 'tiêm chủng đầy đủ')).toMatch(/^- Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là 351 trẻ đạt \d+,\d% kế hoạch\.$/);
    expect(line(m, 'tiêm chủng đầy đủ')).not.toContain('351,0%');
    expect(line(m, 'các Đề án năm')).toContain('các Đề án năm 2024 tại các xã, thị trấn.');
    expect(m.appendix.columns.values).toContain('KH năm 2024');
  });

  it('the document date defaults to the 5th of the month after the period', () => {
    expect(defaultReportDate('2024-05')).toEqual({ year: 2024, month: 6, day: 5 });
    expect(defaultReportDate('2024-12')).toEqual({ year: 2025, month: 1, day: 5 });
    expect(defaultReportDate('2024-Q2')).toEqual({ year: 2024, month: 7, day: 5 });
    expect(defaultReportDate('2024')).toEqual({ year: 2025, month: 1, day: 5 });
    const m = loadReportModel(open(), { unit: 'TH_HH', period: '2024-12' });
    expect(m.header.placeDate).toBe('Hoằng Hóa, ngày 05 tháng 01 năm 2025');
  });
});

describe('missing figures', () => {
  it("an empty month's sentences keep every other figure", () => {
    open();
    // June: only diarrhoea and the first doses are entered.
    setValues(
      store,
      [
        { unit: 'TH_HH_01', period: '2024-06', element: 'DIS_DIARRHOEA', value: 12 },
        { unit: 'TH_HH_01', period: '2024-06', element: 'COVID_DOSE1', value: 1234 },
      ],
      'test',
      'ui',
      now,
    );
    const m = loadReportModel(store, { unit: 'TH_HH', period: '2024-06' });
    expect(line(m, 'Bệnh cúm thường')).toBe(
      '- Một số bệnh truyền nhiễm nhóm B xuất hiện có khả năng gây thành dịch như: Bệnh cúm thường là chưa có số liệu, tiêu chảy là 12 bệnh nhân.',
    );
    const covid = line(m, 'vắc xin phòng Covid-19: Tổng số');
    expect(covid).toContain('Tổng số chưa có số liệu. Tính đến ngày 30/6/2024 tổng số mũi tiêm trong huyện là chưa có số liệu.');
    expect(covid).toContain('Mũi 1: 1.234 liều; Mũi 2: chưa có số liệu;');
    // Nothing at all in March: every sentence keeps its words and each figure says so on its own.
    const march = loadReportModel(store, { unit: 'TH_HH', period: '2024-03' });
    expect(line(march, 'Bệnh cúm thường')).toBe(
      '- Một số bệnh truyền nhiễm nhóm B xuất hiện có khả năng gây thành dịch như: Bệnh cúm thường là chưa có số liệu, tiêu chảy là chưa có số liệu.',
    );
    expect(line(march, 'Mũi bổ sung')).toMatch(/Mũi bổ sung: chưa có số liệu\.$/);
    for (const s of sentences(march)) expect(s).not.toMatch(/ là 0 | 0 trẻ|: 0[;.]|NaN|undefined/);
  });
});

describe('narrative carried over', () => {
  it('a month report marks text written for an earlier month; a quarter never prints one month\'s text', () => {
    open();
    const may = loadReportModel(store, { unit: 'TH_HH', period: '2024-05' });
    expect(may.carried).toEqual([]);
    expect(paras(may).some((p) => p.startsWith('(Dự thảo'))).toBe(false);
    const june = loadReportModel(store, { unit: 'TH_HH', period: '2024-06' });
    expect(june.carried.length).toBeGreaterThan(0);
    expect(june.carried[0]!.fromPeriod).toBe('2024-05');
    expect(paras(june)).toContain('(Dự thảo: nội dung mục này chép từ báo cáo tháng 5/2024, chưa cập nhật cho tháng 6 năm 2024.)');
    const mayText = paras(may).find((p) => p.length > 80 && !p.startsWith('-'))!;
    const q = loadReportModel(store, { unit: 'TH_HH', period: '2024-Q2' });
    expect(paras(q)).not.toContain(mayText);
    expect(paras(q)).toContain('(Chưa có nội dung riêng cho quý II năm 2024; không dùng nội dung của một tháng thay cho cả kỳ.)');
    // Text written for the quarter itself is printed.
    setNarrative(store, 'TH_HH', '2024-Q2', 'I.1', 'Quý II: tình hình ổn định.', 'test', now);
    const q2 = loadReportModel(store, { unit: 'TH_HH', period: '2024-Q2' });
    expect(paras(q2)).toContain('Quý II: tình hình ổn định.');
  });
});
