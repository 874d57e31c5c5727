// The entry screen's remaining defects of issue 12: a write refused because the month was marked
// complete elsewhere names the month as people read it; the cell's 12-month chart follows the
// keyboard; a column pasted from Excel into the "Theo xã" form fills the fields down the form.
// Chromium, the built renderer, the real service and a real SQLite file.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo, type AppUnderTest } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NOW = new Date('2024-06-07T09:00:00+07:00');

async function withApp(fn: (app: AppUnderTest) => Promise<void>, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  const app = await openApp(browser, { seed: seedDemo, host: { now: () => NOW }, lang });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

/** A value as the SQLite file holds it. */
function stored(dbFile: string, unit: string, element: string): number | null | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare("SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = ? AND e.code = ? AND v.period = '2024-05'")
      .get(unit, element) as { value: number | null } | undefined;
    return row ? row.value : undefined;
  } finally {
    db.close();
  }
}

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);

async function openEntry(page: Page): Promise<void> {
  await pickMonth(page, '2024-05');
  await page.getByLabel(/^(Chương trình|Programme)$/).selectOption('EPI');
  await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
}

describe('a write into a month marked complete elsewhere', () => {
  it('is refused with the month as people read it: "tháng 5/2024", not "2024-05"', async () => {
    await withApp(async ({ page, host }) => {
      await openEntry(page);
      const before = stored(host.dbFile, 'TH_HH_05', 'EPI_FULL_U1');
      // Another program (the CLI, a second window) marks the district's May complete meanwhile.
      const db = new Database(host.dbFile);
      db.prepare("INSERT INTO month_status (unit_id, period, status, changed_by, changed_at) SELECT id, '2024-05', 'complete', 't', 'x' FROM org_unit WHERE code = 'TH_HH'").run();
      db.close();
      await cell(page, 'TH_HH_05', 'EPI_FULL_U1').click();
      await page.keyboard.type('41');
      await page.keyboard.press('Enter');
      const alert = page.locator('.message[role="alert"]').filter({ hasText: 'đã được đánh dấu hoàn thành' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Xã Hoằng Phú: tháng 5/2024 đã được đánh dấu hoàn thành (tại Huyện Hoằng Hóa)');
      expect(await alert.textContent()).not.toContain('2024-05');
      expect(stored(host.dbFile, 'TH_HH_05', 'EPI_FULL_U1')).toBe(before);
      await screenshot(page, 'entry-lock-message');
    });
  });
});
