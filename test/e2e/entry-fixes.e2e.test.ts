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

/** The cell whose 12-month chart the panel shows, once drawn: "unit|element|month". */
const chartCell = (page: Page) => page.locator('.cell-panel [data-testid="cell-trend"]').getAttribute('data-cell');
const chartBars = (page: Page) => page.locator('.cell-panel [data-testid="cell-trend"] [data-testid="trend-chart"] svg path[fill="#7fa7cf"]').count();

describe('the cell’s 12-month chart follows the keyboard', () => {
  it('in the grid (arrows, Enter) and in the "Theo xã" form (↓)', async () => {
    await withApp(async ({ page }) => {
      await openEntry(page);
      const cols = await page.$$eval('.ag-header-cell[col-id]', (els) => els.map((e) => e.getAttribute('col-id')!).filter((c) => c !== 'name'));
      await cell(page, 'TH_HH_01', cols[0]!).click();
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_01|${cols[0]}|2024-05`);
      // Only keys from here: the panel and its chart follow the focused cell.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_02|${cols[0]}|2024-05`);
      expect(await page.locator('.cell-panel .unit').textContent()).toBe('Xã Hoằng Giang');
      await expect.poll(() => chartBars(page)).toBe(12);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_02|${cols[1]}|2024-05`);
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_37|${cols[1]}|2024-05`);
      await expect.poll(() => chartBars(page)).toBe(12);
      await screenshot(page, 'chart-by-keys');
      // Closed, the panel is empty; the same cell clicked again shows it again.
      await page.locator('.cell-panel .close').click();
      await expect.poll(() => page.locator('.cell-panel [data-testid="cell-trend"]').count()).toBe(0);
      await cell(page, 'TH_HH_37', cols[1]!).click();
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_37|${cols[1]}|2024-05`);

      // The form: ↓ to the next field, the chart with it.
      await page.getByRole('button', { name: 'Theo xã' }).click();
      await page.locator('.commune-form[data-loading="false"]').waitFor();
      const fields = await page.locator('.commune-form tr[data-element]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-element')!));
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_37|${cols[1]}|2024-05`);
      const at = fields.indexOf(cols[1]!);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => chartCell(page)).toBe(`TH_HH_37|${fields[at + 1]}|2024-05`);
      await expect.poll(() => chartBars(page)).toBe(12);
    });
  });
});

describe('a column pasted from Excel into the "Theo xã" form', () => {
  const paste = (page: Page, text: string) =>
    page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);

  it('fills the field and the ones below it, checked first, saved at once, undone as one step', async () => {
    await withApp(async ({ page, host }) => {
      await openEntry(page);
      await page.getByRole('button', { name: 'Theo xã' }).click();
      await page.getByLabel('Đơn vị', { exact: true }).selectOption('TH_HH_02');
      await expect.poll(() => page.locator('.commune-form').getAttribute('data-unit')).toBe('TH_HH_02');
      await page.locator('.commune-form[data-loading="false"]').waitFor();
      const fields = await page.locator('.commune-form tr[data-element]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-element')!));
      const at = fields.indexOf('EPI_FULL_U1');
      const three = fields.slice(at, at + 3);
      const v = (e: string) => stored(host.dbFile, 'TH_HH_02', e);
      const before = three.map(v);

      // Typed, not yet saved, then a column pasted over it: the column wins, nothing typed is sent after.
      const input = page.locator(`.commune-form #form-EPI_FULL_U1`);
      await input.click();
      await page.keyboard.type('999');
      await paste(page, '41\r\n42\r\n43\r\n');
      await page.getByText('Đã lưu 3 ô').waitFor();
      expect(three.map(v)).toEqual([41, 42, 43]);
      await expect.poll(() => Promise.all(three.map((e) => page.locator(`.commune-form #form-${e}`).inputValue()))).toEqual(['41', '42', '43']);
      await page.locator(`.commune-form #form-${three[1]}`).click();
      expect(v('EPI_FULL_U1')).toBe(41);

      // One undo step puts all three back.
      await page.keyboard.press('Control+z');
      await expect.poll(() => three.map(v)).toEqual(before);

      // A bad value refuses the whole column, naming its line; nothing is written.
      await input.click();
      await paste(page, '7\nmười\n9\n');
      const alert = page.locator('.message[role="alert"]');
      await alert.getByText('Dòng 2, cột 1 của khối dán').waitFor();
      expect(three.map(v)).toEqual(before);
      await screenshot(page, 'form-paste-refused');

      // The grid shows what the form pasted.
      await paste(page, '51\n52\n');
      await page.getByText('Đã lưu 2 ô').waitFor();
      await page.getByRole('button', { name: 'Theo chương trình' }).click();
      await expect.poll(() => cell(page, 'TH_HH_02', 'EPI_FULL_U1').innerText()).toMatch(/^51/);
    });
  });
});
