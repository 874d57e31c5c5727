// A commune's own report as a real Word file opened by LibreOffice (issue 13): the commune's
// header, symbol, area words and signer, no district-only lines, Decree 30 appendix numbering,
// at least 6 pt after every paragraph, and tables whose header keeps with their first row.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store';
import { renderReport } from '../../export/report/render';
import { makeFixture } from './fixture';
import { flatten } from './seed-phrases';
import { libreOfficeToPdf, pdfText } from './tools';

let dir: string;
let store: Store;
let communeDocx = '';
let communeText = '';
let districtText = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-unit-docx-'));
  store = makeFixture(join(dir, 'f.sqlite'));
  const c = await renderReport(store, { unit: 'TH_HH_02', period: '2024-05', format: 'docx' });
  const d = await renderReport(store, { unit: 'TH_HH', period: '2024-05', format: 'docx' });
  communeDocx = join(dir, c.fileName);
  writeFileSync(communeDocx, c.bytes);
  const districtDocx = join(dir, d.fileName);
  writeFileSync(districtDocx, d.bytes);
  const [cp, dp] = libreOfficeToPdf([communeDocx, districtDocx], join(dir, 'lo'));
  communeText = flatten(pdfText(cp!, { layout: true }));
  districtText = flatten(pdfText(dp!, { layout: true }));
}, 120_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a commune's own report, opened by LibreOffice", () => {
  it("names the commune in its header and title, with its symbol, place, area words and signer", () => {
    for (const p of ['TRẠM Y TẾ XÃ HOẰNG GIANG', 'TRUNG TÂM Y TẾ HUYỆN', '/BC-TYT', 'Hoằng Giang, ngày 05 tháng 6 năm 2024', 'trên địa bàn xã', 'TRƯỞNG TRẠM', 'CỦA TRẠM Y TẾ XÃ HOẰNG GIANG'])
      expect(communeText).toContain(p);
    for (const p of ['/BC-TTYT', 'trong huyện', 'Lê Trọng Tiến', 'VP huyện uỷ', 'Lái xe:', 'Tại PKĐK']) expect(communeText).not.toContain(p);
    // A bracketed phrase of a figure the commune does not enter goes; the commune's own figure stays.
    expect(communeText).toContain('Hồ sơ sức khỏe điện tử là 71.450; Số bộ HSSK đã có dữ liệu phần B là 71.405;');
  });

  it('numbers its appendix with a Roman numeral, refers to it from the body, and says what it is attached to', () => {
    expect(communeText).toContain('Số liệu chi tiết các chương trình tại Phụ lục I kèm theo báo cáo này.');
    expect(communeText).toContain('Phụ lục I');
    expect(communeText).toContain('(Kèm theo Báo cáo số /BC-TYT ngày 05 tháng 6 năm 2024 của Trạm Y Tế Xã Hoằng Giang)');
    // The district has both appendices.
    expect(districtText).toContain('Phụ lục II');
    expect(districtText).toContain('tại Phụ lục I, số liệu theo từng xã, thị trấn tại Phụ lục II');
  });

  it('leaves at least 6 pt after each paragraph and keeps table headers with their first row', () => {
    const doc = strFromU8(unzipSync(new Uint8Array(readFileSync(communeDocx)))['word/document.xml']!);
    const afters = [...doc.matchAll(/<w:spacing [^>]*w:after="(\d+)"/g)].map((m) => Number(m[1]));
    // Paragraph spacing between body paragraphs; 0 only inside tables and stacked header lines.
    const body = afters.filter((a) => a !== 0);
    expect(body.length).toBeGreaterThan(50);
    expect(Math.min(...body)).toBeGreaterThanOrEqual(120);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('<w:keepNext/>');
    expect(doc).toContain('<w:cantSplit/>');
  });
});
