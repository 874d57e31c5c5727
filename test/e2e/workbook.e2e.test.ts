// A commune workbook end to end (issue 12), from the entry screen's buttons: saved where the
// user chose, filled by a script with another library than the one that wrote it (fflate),
// chosen back in the open dialog, checked, confirmed, imported, and its values shown by the grid;
// a workbook with a bad cell is refused naming the sheet and cell, nothing written; files dropped
// on the screen go the same way.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formRows } from '../../export/workbook/layout';
import { shippedCatalogue } from '../../core/catalogue-data';
import { fillWorkbook } from '../workbook/fill';
import { launchBrowser, openApp, pickMonth, screenshot, scriptedDialogs, seedDemo } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'thongke-workbook-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);
const rowOf = (code: string) => formRows(shippedCatalogue()).find((x) => x.kind === 'element' && x.element.code === code)!.row;

describe('commune workbooks in the app', () => {
  it('exported from the entry screen, filled by a script, imported back: the grid shows its values', async () => {
    const saved = join(dir, 'hoang-hoa-2024-05.xlsx');
    const bad = join(dir, 'bad.xlsx');
    const good = join(dir, 'filled.xlsx');
    const app = await openApp(browser, { seed: seedDemo, host: { dialogs: scriptedDialogs([saved, [bad], [good]]).dialogs } });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
      await page.getByRole('button', { name: 'Xuất biểu Excel cho xã…' }).click();
      await page.getByText('Đã lưu biểu nhập tháng 5/2024').waitFor();

      // The communes' sheets are named after them; fill two cells with another library.
      const bytes = new Uint8Array(readFileSync(saved));
      const exported = await app.host.call('workbook.export', { unit: 'TH_HH', period: '2024-05' });
      if (!exported.ok) throw new Error(exported.error.message);
      const units = (exported.value as { units: { code: string; sheet: string }[] }).units;
      const sheetOf = (code: string) => units.find((u) => u.code === code)!.sheet;
      writeFileSync(bad, fillWorkbook(bytes, { [sheetOf('TH_HH_01')]: { [`D${rowOf('EPI_FULL_U1')}`]: -3 } }));
      writeFileSync(good, fillWorkbook(bytes, {
        [sheetOf('TH_HH_01')]: { [`D${rowOf('EPI_FULL_U1')}`]: 77 },
        [sheetOf('TH_HH_02')]: { [`D${rowOf('EPI_FULL_U1')}`]: '1.001' },
      }));

      // A bad cell: refused, named by sheet and cell, nothing asked, nothing written.
      const before = await cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText();
      const before2 = await cell(page, 'TH_HH_02', 'EPI_FULL_U1').innerText();
      const stored1 = Number(before.replace(/\./g, ''));
      const stored2 = Number(before2.replace(/\./g, ''));
      await page.getByRole('button', { name: 'Nhập biểu Excel của xã…' }).click();
      const alert = page.getByRole('alert');
      await alert.getByText(`${sheetOf('TH_HH_01')}!D${rowOf('EPI_FULL_U1')}`, { exact: false }).waitFor();
      await expect.poll(() => cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText()).toBe(before);

      // The filled one: the check's summary is confirmed, then the grid shows the values.
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Nhập biểu Excel của xã…' }).click();
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /^77$/ }).waitFor();
      await expect.poll(() => cell(page, 'TH_HH_02', 'EPI_FULL_U1').innerText()).toBe('1.001');
      await screenshot(page, '40-entry-workbook-imported');

      // The import is one undo step: both communes' cells back as they were, in the file too;
      // then redone.
      const inFile = (unit: string) => {
        const db = new Database(app.host.dbFile, { readonly: true });
        try {
          return (db.prepare(`SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = ? AND e.code = 'EPI_FULL_U1' AND v.period = '2024-05'`).get(unit) as { value: number | null } | undefined)?.value ?? null;
        } finally {
          db.close();
        }
      };
      expect([inFile('TH_HH_01'), inFile('TH_HH_02')]).toEqual([77, 1001]);
      await page.getByRole('button', { name: /Hoàn tác/ }).click();
      await page.getByText('Đã hoàn tác 2 ô').waitFor();
      await expect.poll(() => cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText()).toBe(before);
      await expect.poll(() => cell(page, 'TH_HH_02', 'EPI_FULL_U1').innerText()).toBe(before2);
      expect([inFile('TH_HH_01'), inFile('TH_HH_02')]).toEqual([stored1, stored2]);
      await page.getByRole('button', { name: /Làm lại/ }).click();
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /^77$/ }).waitFor();
      expect([inFile('TH_HH_01'), inFile('TH_HH_02')]).toEqual([77, 1001]);

      // Dropped on the screen instead of chosen: a file that is not a workbook is refused with
      // its reason and nothing asked; a filled workbook is checked, confirmed and imported.
      const dropFiles = async (files: { name: string; bytes: Uint8Array }[]) => {
        const transfer = await page.evaluateHandle((list) => {
          const dt = new DataTransfer();
          for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
          return dt;
        }, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
        await page.locator('.entry-screen').dispatchEvent('dragover', { dataTransfer: transfer });
        await page.locator('.entry-screen').dispatchEvent('drop', { dataTransfer: transfer });
      };
      const before3 = await cell(page, 'TH_HH_03', 'EPI_FULL_U1').innerText();
      await dropFiles([{ name: 'ghi-chu.xlsx', bytes: new TextEncoder().encode('không phải biểu Excel') }]);
      await page.getByRole('alert').getByText('ghi-chu.xlsx', { exact: false }).waitFor();
      await expect.poll(() => cell(page, 'TH_HH_03', 'EPI_FULL_U1').innerText()).toBe(before3);
      const dropped = fillWorkbook(bytes, { [sheetOf('TH_HH_03')]: { [`D${rowOf('EPI_FULL_U1')}`]: 55 } });
      page.once('dialog', (d) => void d.accept());
      await dropFiles([{ name: 'tha-vao.xlsx', bytes: dropped }]);
      await cell(page, 'TH_HH_03', 'EPI_FULL_U1').filter({ hasText: /^55$/ }).waitFor();
    } finally {
      await app.close();
    }
  });
});
