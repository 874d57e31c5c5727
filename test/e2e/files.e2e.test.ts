// The user's files end to end in Chromium: the report previewed, printed and saved through the
// main process's dialog (DOCX, XLSX, and PDF from a real Chromium), and values CSV exported and
// imported (a good file updates the grid; a bad one lists its lines and changes nothing).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, screenshot, scriptedDialogs, seedDemo, type AppUnderTest } from './harness';


// Chromium on a copy of the demo, and the report's PDF: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 120_000 });
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'thongke-e2e-files-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function withApp(opts: Parameters<typeof openApp>[1], fn: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const app = await openApp(browser, opts);
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

const file = (name: string) => join(dir, name);
const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);

/** Every data value of the file, for "unchanged" assertions. */
function allValues(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT unit_id, period, element_id, value, comment, revision FROM data_value ORDER BY 1, 2, 3').all());
  } finally {
    db.close();
  }
}

describe('files in the app', () => {
  it('previews the May 2024 report, prints the preview, and saves DOCX, XLSX and PDF where the dialog says', async () => {
    const { dialogs, calls } = scriptedDialogs([file('bc.docx'), file('bc.xlsx'), file('bc.pdf')]);
    await withApp({ seed: seedDemo, host: { dialogs } }, async ({ page }) => {
      // The month is the session's: chosen on the entry screen, the report follows it.
      await pickMonth(page, '2024-05');
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await page.getByLabel('Ngày ký').fill('10/06/2024');
      const preview = page.frameLocator('iframe.report-preview');
      await preview.getByText('307 trẻ đạt 8,7% kế hoạch').first().waitFor();
      await preview.getByText('ngày 10 tháng 6 năm 2024').first().waitFor();
      // Print prints the preview frame (the browser's own print dialog is stubbed).
      await page.evaluate(() => {
        const w = document.querySelector<HTMLIFrameElement>('iframe.report-preview')!.contentWindow!;
        w.print = () => void ((window as unknown as { printed: number }).printed = 1);
      });
      await page.getByRole('button', { name: 'In', exact: true }).click();
      expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
      for (const [label, name] of [['Lưu Word (DOCX)', 'bc.docx'], ['Lưu Excel (XLSX)', 'bc.xlsx'], ['Lưu PDF', 'bc.pdf']] as const) {
        await page.getByRole('button', { name: label }).click();
        await page.getByRole('status').filter({ hasText: `Đã lưu: ${name}` }).waitFor({ timeout: 20_000 });
      }
      await screenshot(page, '10-report-saved');
      // The dialog suggested the report's own file name in each format.
      expect(calls.map((c) => c.defaultName?.split('.').pop())).toEqual(['docx', 'xlsx', 'pdf']);
      expect(new Set(calls.map((c) => c.defaultName?.replace(/\.\w+$/, ''))).size).toBe(1);
    });
    const docx = unzipSync(readFileSync(file('bc.docx')));
    expect(readFileSync(file('bc.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(Object.keys(docx)).toContain('word/document.xml');
    expect(new TextDecoder().decode(docx['word/document.xml'])).toContain('8,7%');
    expect(readFileSync(file('bc.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(Object.keys(unzipSync(readFileSync(file('bc.xlsx'))))).toEqual(expect.arrayContaining(['xl/workbook.xml', '[Content_Types].xml']));
    expect(readFileSync(file('bc.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports the month as CSV, imports a good file into the grid, and refuses a bad one whole with its lines listed', async () => {
    writeFileSync(file('tot.csv'), '\uFEFFunit,period,element,value,comment\nTH_HH_01,2024-05,EPI_FULL_U1,99,\nTH_HH_02,2024-05,EPI_FULL_U1,"1.001,0",\nTH_HH_01,2024-04,EPI_FULL_U1,98,\n');
    const bad = ['unit;period;element;value', 'TH_HH_01;2024-05;EPI_FULL_U1;5', 'TH_HH_02;2024-05;AREA_KM2;1.234', 'TH_HH_03;2024-13;EPI_FULL_U1;4'];
    for (let i = 0; i < 40; i++) bad.push(`KHONG_CO_${i};2024-05;EPI_FULL_U1;1`);
    writeFileSync(file('loi.csv'), bad.join('\n'));
    const { dialogs } = scriptedDialogs([file('xuat.csv'), file('tot.csv'), file('loi.csv')]);
    await withApp({ seed: seedDemo, host: { dialogs } }, async ({ page, host }) => {
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
      await page.getByRole('button', { name: 'Xuất CSV…' }).click();
      await page.getByRole('status').filter({ hasText: 'xuat.csv' }).waitFor();
      expect(readFileSync(file('xuat.csv'), 'utf8')).toMatch(/^\uFEFFunit,period,element,value,comment\n.*TH_HH_01,2024-05,EPI_FULL_U1,/s);

      const valuesOnly = () => JSON.stringify((JSON.parse(allValues(host.dbFile)) as { revision: number }[]).map(({ revision: _, ...v }) => v));
      const beforeImport = valuesOnly();
      const shown1 = await cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText();
      await page.getByRole('button', { name: 'Nhập từ CSV…' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã nhập tệp tot.csv: 3 dòng' }).waitFor();
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /^99$/ }).waitFor();
      await expect.poll(() => cell(page, 'TH_HH_02', 'EPI_FULL_U1').innerText()).toBe('1.001');
      await screenshot(page, '11-entry-csv-imported');

      const before = allValues(host.dbFile);
      const shown = await cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText();
      await page.getByRole('button', { name: 'Nhập từ CSV…' }).click();
      const alert = page.getByRole('alert');
      await alert.getByText('Tệp loi.csv không được nhập: có 42 dòng lỗi').waitFor();
      const lines = alert.getByRole('list', { name: 'Các dòng có lỗi' }).getByRole('listitem');
      expect(await lines.count()).toBe(42);
      expect(await lines.nth(0).innerText()).toMatch(/^Dòng 3: .*hai cách/);
      expect(await lines.nth(1).innerText()).toMatch(/^Dòng 4: /);
      await screenshot(page, '12-entry-csv-rejected');
      expect(allValues(host.dbFile)).toBe(before);
      await expect.poll(() => cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText()).toBe(shown);

      // The good file's import is one undo step, over both its months: every value as before.
      await page.getByRole('button', { name: /Hoàn tác/ }).click();
      await page.getByRole('status').filter({ hasText: 'Đã hoàn tác 3 ô (tháng 4/2024, tháng 5/2024)' }).waitFor();
      await expect.poll(() => cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText()).toBe(shown1);
      expect(valuesOnly()).toBe(beforeImport);
    });
  });

  it('imports annual plans from CSV on the figures screen: % of plan follows; a bad file changes nothing', async () => {
    writeFileSync(file('kh.csv'), 'unit;year;element;target;direction\nTH_HH;2024;EPI_FULL_U1;3070;>=\n');
    writeFileSync(file('kh-loi.csv'), 'unit,year,element,target,direction\nTH_HH,2024,EPI_FULL_U1,3521,>=\nTH_HH,24,EPI_MEASLES2,1,\nTH_HH,2024,NO_SUCH,1,\n');
    const { dialogs } = scriptedDialogs([file('kh.csv'), file('kh-loi.csv')]);
    await withApp({ seed: seedDemo, host: { dialogs } }, async ({ page, host }) => {
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      const pct = page.locator('tr[data-element="EPI_FULL_U1"] [data-col="pct"]');
      await pct.filter({ hasText: '8,7%' }).waitFor();
      await page.getByRole('button', { name: 'Nhập kế hoạch năm từ CSV…' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã nhập kế hoạch từ tệp kh.csv: 1 dòng' }).waitFor();
      await pct.filter({ hasText: '10,0%' }).waitFor();

      const plans = () => {
        const db = new Database(host.dbFile, { readonly: true });
        try {
          return JSON.stringify(db.prepare('SELECT * FROM plan_target ORDER BY 1, 2, 3').all());
        } finally {
          db.close();
        }
      };
      const before = plans();
      await page.getByRole('button', { name: 'Nhập kế hoạch năm từ CSV…' }).click();
      const alert = page.getByRole('alert');
      await alert.getByText(/Tệp kh-loi.csv không được nhập: có 2 dòng lỗi/).waitFor();
      expect(await alert.getByRole('list', { name: 'Các dòng có lỗi' }).getByRole('listitem').count()).toBe(2);
      await screenshot(page, '17-figures-plans-rejected');
      expect(plans()).toBe(before);
      expect(await pct.innerText()).toBe('10,0%');
    });
  });
});
