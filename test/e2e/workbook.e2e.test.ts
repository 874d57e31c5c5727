// A commune workbook end to end (issue 12): exported by the app's own service, filled by a
// script with another library than the one that wrote it (fflate), imported through the same
// host the app runs on, and its values shown by the entry grid in Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookExportResult, WorkbookImportResult } from '../../core/api';
import { formRows } from '../../export/workbook/layout';
import { shippedCatalogue } from '../../core/catalogue-data';
import { fillWorkbook } from '../workbook/fill';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);
const rowOf = (code: string) => formRows(shippedCatalogue()).find((x) => x.kind === 'element' && x.element.code === code)!.row;

describe('commune workbooks in the app', () => {
  it('a workbook filled by a script and imported shows its values in the grid', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page, host } = app;
      const exported = await host.call('workbook.export', { unit: 'TH_HH', period: '2024-05' });
      if (!exported.ok) throw new Error(exported.error.message);
      const wb = exported.value as WorkbookExportResult;
      const sheetOf = (code: string) => wb.units.find((u) => u.code === code)!.sheet;
      const filled = fillWorkbook(wb.bytes, {
        [sheetOf('TH_HH_01')]: { [`D${rowOf('EPI_FULL_U1')}`]: 77 },
        [sheetOf('TH_HH_02')]: { [`D${rowOf('EPI_FULL_U1')}`]: '1.001' },
      });
      const imported = await host.call('workbook.import', { files: [{ name: 'hoang-hoa.xlsx', bytes: filled }], period: '2024-05' });
      if (!imported.ok) throw new Error(imported.error.message);
      const r = imported.value as WorkbookImportResult;
      expect(r.status, r.problems[0]?.message).toBe('imported');
      expect(r.counts.updated).toBe(2);

      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /^77$/ }).waitFor();
      expect(await cell(page, 'TH_HH_02', 'EPI_FULL_U1').innerText()).toBe('1.001');
      await screenshot(page, '40-entry-workbook-imported');
    } finally {
      await app.close();
    }
  });
});
