// One commune's whole report as a form, where the month stands, and the cell's small chart
// (issue 12). Chromium, the built renderer, the real service and a real SQLite file; the host's
// clock stands at 7 June 2024, 09:00 in Hà Nội, five days before May's deadline (the 12th).
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntryProgress } from '../../core/api';
import type { DataValue } from '../../core/values';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo, VIEWPORT, type AppUnderTest } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NOW = new Date('2024-06-07T09:00:00+07:00');

async function withApp(fn: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const app = await openApp(browser, { seed: seedDemo, host: { now: () => NOW } });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

/** A value as the SQLite file holds it. */
function stored(dbFile: string, unit: string, element: string, period = '2024-05'): number | null | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare('SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = ? AND e.code = ? AND v.period = ?')
      .get(unit, element, period) as { value: number | null } | undefined;
    return row ? row.value : undefined;
  } finally {
    db.close();
  }
}

async function call<T>(app: AppUnderTest, op: string, args: unknown): Promise<T> {
  const r = (await app.host.call(op, args)) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);
const field = (page: Page, element: string) => page.locator(`.commune-form[data-loading="false"] #form-${element}`);
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const formUnit = (page: Page) => page.locator('.commune-form').getAttribute('data-unit');

async function openEntry(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
  await pickMonth(page, '2024-05');
  await page.getByLabel('Chương trình').selectOption('EPI');
  await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
}

describe('one commune’s whole report as a form', () => {
  it('enters a value the grid then shows and the file holds; undo and redo; keeps the field across communes; Esc and a bad value save nothing', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await page.getByRole('button', { name: 'Theo xã' }).click();
      await page.getByLabel('Đơn vị', { exact: true }).selectOption('TH_HH_02');
      await expect.poll(() => formUnit(page)).toBe('TH_HH_02');

      // Sections in report order, labelled fields with their unit, last month and last year beside.
      const epiRow = page.locator('.commune-form tr[data-element="EPI_FULL_U1"]');
      await expect.poll(() => epiRow.locator('td.ref').allTextContents()).toEqual(['5', '6']);
      expect(await page.locator('.commune-form label[for="form-EPI_FULL_U1"]').textContent()).toMatch(/ \(trẻ\)$/);
      const sections = await page.locator('.commune-form .form-section th').allTextContents();
      expect(sections[0]).toBe('I.1. Thông tin chung');
      expect(sections).toContain('II.6.1. Tiêm chủng mở rộng');
      expect(sections.indexOf('II.6.1. Tiêm chủng mở rộng')).toBeGreaterThan(sections.indexOf('II.2. Công tác phòng chống dịch, bệnh'));
      // District-level elements only on the district's own form.
      expect(await page.locator('.commune-form #form-ST_CENTRE_TOTAL').count()).toBe(0);

      // Typed, Enter: saved through the grid's own store, the next field gets the focus.
      const next = await page.locator('.commune-form tr[data-element="EPI_FULL_U1"] + tr').getAttribute('data-element');
      await field(page, 'EPI_FULL_U1').click();
      await page.keyboard.type('4321');
      await page.keyboard.press('Enter');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1')).toBe(4321);
      await expect.poll(() => epiRow.locator('td.mark').textContent()).toMatch(/✓/);
      expect(await activeId(page)).toBe(`form-${next}`);

      // Esc puts the stored value back; nothing is saved.
      const before = stored(host.dbFile, 'TH_HH_02', next!);
      await page.keyboard.type('999');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowUp');
      expect(await activeId(page)).toBe('form-EPI_FULL_U1');
      expect(stored(host.dbFile, 'TH_HH_02', next!)).toBe(before);

      // Ctrl+Z / Ctrl+Y in a field not typed into: the screen's undo and redo, shown at once.
      await page.keyboard.press('Control+z');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1')).toBe(5);
      await expect.poll(() => field(page, 'EPI_FULL_U1').inputValue()).toBe('5');
      await page.keyboard.press('Control+y');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1')).toBe(4321);
      await expect.poll(() => field(page, 'EPI_FULL_U1').inputValue()).toBe('4.321');

      // A bad value: the grid's own message, nothing saved.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('12abc');
      await page.keyboard.press('Enter');
      await page.getByText(/“12abc” chưa được lưu/).waitFor();
      expect(stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1')).toBe(4321);

      // Switching commune (the picker, then the › button) keeps the field: the same element.
      await field(page, 'EPI_FULL_U1').focus();
      await page.getByLabel('Đơn vị', { exact: true }).selectOption('TH_HH_03');
      await expect.poll(() => formUnit(page)).toBe('TH_HH_03');
      await expect.poll(() => activeId(page)).toBe('form-EPI_FULL_U1');
      await page.getByRole('button', { name: 'Đơn vị sau' }).click();
      await expect.poll(() => formUnit(page)).toBe('TH_HH_04');
      await expect.poll(() => activeId(page)).toBe('form-EPI_FULL_U1');
      // The district: its own elements, no commune ones.
      await page.getByLabel('Đơn vị', { exact: true }).selectOption('TH_HH');
      await field(page, 'ST_CENTRE_TOTAL').waitFor();
      expect(await page.locator('.commune-form #form-EPI_FULL_U1').count()).toBe(0);
      await screenshot(page, 'commune-form');

      // Back to the grid: on the cell the form was at; and it shows the value typed in the form.
      const at = (await activeId(page)).replace(/^form-/, '');
      await page.getByRole('button', { name: 'Theo chương trình' }).click();
      await page.locator(`.grid-wrap .ag-row[row-id="TH_HH"] .ag-cell-focus[col-id="${at}"]`).waitFor();
      await page.getByLabel('Chương trình').selectOption('EPI');
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').filter({ hasText: /^4\.321$/ }).waitFor();
    });
  });

  it('shows where the month stands: cells per programme, the communes with nothing, the days left; the cell’s 12-month chart', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      // Xã Hoằng Phú has entered nothing for May yet.
      const own = (await call<DataValue[]>(app, 'values.get', { unit: 'TH_HH_05', period: '2024-05' })).filter((v) => v.unit === 'TH_HH_05');
      await call(app, 'values.setMany', { entries: own.map((v) => ({ unit: v.unit, period: v.period, element: v.element, value: null })) });
      const p = await call<EntryProgress>(app, 'entry.progress', { unit: 'TH_HH', period: '2024-05' });
      expect(p.deadline).toMatchObject({ date: '2024-06-12', daysLeft: 5 });
      expect(p.units.find((u) => u.unit === 'TH_HH_05')!.filled).toBe(0);

      await openEntry(page);
      const line = page.getByTestId('month-progress');
      const n = (v: number) => v.toLocaleString('vi-VN');
      await expect.poll(() => line.getByTestId('progress-cells').textContent()).toBe(`đã nhập ${n(p.total.filled)}/${n(p.total.expected)} ô (${Math.round((p.total.filled / p.total.expected) * 100)}%)`);
      expect(await line.getByTestId('progress-empty').textContent()).toBe('1/37 xã chưa nhập gì');
      expect(await line.getByTestId('progress-deadline').textContent()).toBe('hạn nộp 12/06/2024, còn 5 ngày');

      // The line does not push the grid off a 1366×768 screen.
      const grid = await page.locator('.grid-wrap').boundingBox();
      expect(grid!.y).toBeLessThan(260);
      expect(grid!.y + grid!.height).toBeLessThanOrEqual(VIEWPORT.height);

      // Opened: every programme's filled / expected, and the communes with nothing, named.
      await line.getByRole('button').click();
      const epi = p.programmes.find((x) => x.programme === 'EPI')!;
      expect(await page.locator('.progress-panel tr[data-programme="EPI"] td.num').textContent()).toBe(`${n(epi.filled)}/${n(epi.expected)}`);
      expect(await page.getByTestId('progress-empty-names').textContent()).toBe('Xã Hoằng Phú');
      await screenshot(page, 'month-progress');
      await page.keyboard.press('Escape');
      await page.locator('.progress-panel').waitFor({ state: 'detached' });

      // A value typed in the grid counts at once (a moment after the save).
      await cell(page, 'TH_HH_05', 'EPI_FULL_U1').click();
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_05', 'EPI_FULL_U1')).toBe(3);
      await expect.poll(() => line.getByTestId('progress-empty').textContent()).toBe('0/37 xã chưa nhập gì');

      // The cell's small chart: its last 12 months, the band the outlier check used.
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').click();
      const chart = page.locator('.cell-panel [data-testid="cell-trend"] [data-testid="trend-chart"] svg');
      await chart.waitFor();
      // Twelve bars (June 2023 … May 2024; the axis writes every third month), the band behind them.
      await expect.poll(() => chart.locator('path[fill="#7fa7cf"]').count()).toBe(12);
      const labels = await chart.locator('text').allTextContents();
      expect(labels).toContain('6/2023');
      expect(labels).not.toContain('5/2023');
      expect(await page.locator('.cell-trend [data-testid="trend-chart"]').getAttribute('aria-label')).toMatch(/12 tháng/);
      const series = await call<{ range: { low: number; high: number } | null }>(app, 'figures.series', { unit: 'TH_HH_01', element: 'EPI_FULL_U1', to: '2024-05', months: 13 });
      if (series.range) await page.locator('.cell-trend').getByText(/khoảng thường gặp/).waitFor();
      await screenshot(page, 'cell-chart');
    });
  });
});
