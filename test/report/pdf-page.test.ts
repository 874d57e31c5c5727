// The print page is kept and reused between reports (a new page costs Chromium a renderer):
// prints asked for at the same time come out each with its own content, a page that failed is
// replaced, and the page runs no script.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser, htmlToPdf } from '../../export/report/pdf';
import { tempDir, type TempDir } from '../helpers/fixture';
import { pdfText } from './tools';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(async () => {
  await closePdfBrowser();
  tmp.remove();
});

const page = (body: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>${body}</body></html>`;

function text(bytes: Uint8Array, name: string): string {
  const file = tmp.path(name);
  writeFileSync(file, bytes);
  return pdfText(file);
}

describe('the kept print page', () => {
  it('prints reports asked for together each with its own text, in order', async () => {
    const names = ['Xã Hoằng Kim', 'Xã Hoằng Trung', 'Huyện Quảng Xương'];
    const printed: string[] = [];
    const pdfs = await Promise.all(names.map((n, i) => htmlToPdf(page(`<h1>${n}</h1>`), () => printed.push(String(i)))));
    expect(printed).toEqual(['0', '1', '2']);
    for (const [i, n] of names.entries()) {
      const t = text(pdfs[i]!, `r${i}.pdf`);
      expect(t).toContain(n);
      for (const other of names.filter((o) => o !== n)) expect(t).not.toContain(other);
    }
  });

  it('runs no script: a report is printed as written', async () => {
    const pdf = await htmlToPdf(page('<p id="x">Số liệu gốc</p><script>document.getElementById("x").textContent = "Đã bị sửa"</script>'));
    const t = text(pdf, 'script.pdf');
    expect(t).toContain('Số liệu gốc');
    expect(t).not.toContain('Đã bị sửa');
  });

  it('goes on after the browser is closed under it', async () => {
    await htmlToPdf(page('<p>Một</p>'));
    await closePdfBrowser();
    expect(text(await htmlToPdf(page('<p>Hai</p>')), 'after.pdf')).toContain('Hai');
  });
});
