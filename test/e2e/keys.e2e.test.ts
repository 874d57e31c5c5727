// The entry grid's keys as in Excel (Home/End, Ctrl+Home/End, Ctrl+arrows to the edge of the
// filled cells, Page Up/Down, Esc cancelling an edit), the staffing programme's 28 columns at
// 1366×768 (pinned unit column, column groups by total and parts, horizontal scroll), and the
// refusal list of "mark complete" bounded so the grid stays on screen.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo, VIEWPORT, type AppUnderTest } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withApp(fn: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const app = await openApp(browser, { seed: seedDemo });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);

/** The focused cell as "row-id|col-id", read from the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.closest('.ag-row')?.getAttribute('row-id') ?? '?'}|${el?.closest('[col-id]')?.getAttribute('col-id') ?? '?'}`;
  });

async function openProgramme(page: Page, programme: string, probe: [string, string]): Promise<void> {
  await pickMonth(page, '2024-05');
  await page.getByLabel('Chương trình').selectOption(programme);
  await cell(page, ...probe).waitFor();
}

function stored(dbFile: string, unit: string, element: string): number | null {
  const db = new Database(dbFile, { readonly: true });
  try {
    const r = db
      .prepare(
        `SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
         WHERE u.code = ? AND e.code = ? AND v.period = '2024-05'`,
      )
      .get(unit, element) as { value: number | null } | undefined;
    return r?.value ?? null;
  } finally {
    db.close();
  }
}

describe('entry grid keys, as in Excel', () => {
  it('Home, End, Ctrl+Home, Ctrl+End, Ctrl+arrows, Page Up/Down and Esc', async () => {
    await withApp(async ({ page, host }) => {
      await openProgramme(page, 'EPI', ['TH_HH_05', 'EPI_MEASLES2']);
      const cols = await page.$$eval('.ag-header-cell[col-id]', (els) => els.map((e) => e.getAttribute('col-id')!).filter((c) => c !== 'name'));
      const [first, last] = [cols[0]!, cols[cols.length - 1]!];
      const press = async (key: string, from: [string, string] = ['TH_HH_05', 'EPI_MEASLES2']) => {
        await cell(page, ...from).click();
        await page.keyboard.press(key);
        return focused(page);
      };
      // The focus moves once the grid has scrolled and drawn the row: read it until it settles.
      const goes = async (key: string, to: string) => {
        await press(key);
        await expect.poll(() => focused(page)).toBe(to);
      };
      // Home and End stay in the row; the unit column is a row header, like frozen panes.
      await goes('Home', `TH_HH_05|${first}`);
      await goes('End', `TH_HH_05|${last}`);
      await goes('Control+Home', `TH_HH_01|${first}`);
      await goes('Control+End', `TH_HH_37|${last}`);
      // Page Down moves a page down, Page Up a page back (ag-grid's own, as in Excel).
      await press('PageDown');
      await expect.poll(async () => Number(/TH_HH_(\d+)/.exec(await focused(page))?.[1] ?? 0)).toBeGreaterThan(10);
      await page.keyboard.press('PageUp');
      await expect.poll(() => focused(page)).toBe('TH_HH_05|EPI_MEASLES2');

      // A gap in the column: Ctrl+↓ stops at the edges of the filled cells.
      await cell(page, 'TH_HH_10', 'EPI_MEASLES2').click();
      await page.keyboard.press('Delete');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_10', 'EPI_MEASLES2')).toBeNull();
      await cell(page, 'TH_HH_10', 'EPI_MEASLES2').filter({ hasText: /^$/ }).waitFor();
      await goes('Control+ArrowDown', 'TH_HH_09|EPI_MEASLES2');
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => focused(page)).toBe('TH_HH_11|EPI_MEASLES2');
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => focused(page)).toBe('TH_HH_37|EPI_MEASLES2');
      await page.keyboard.press('Control+ArrowUp');
      await expect.poll(() => focused(page)).toBe('TH_HH_11|EPI_MEASLES2');
      await goes('Control+ArrowRight', `TH_HH_05|${last}`);
      await goes('Control+ArrowLeft', `TH_HH_05|${first}`);

      // Esc cancels an edit: nothing saved, the cell shows what it had.
      const before = stored(host.dbFile, 'TH_HH_05', 'EPI_MEASLES2');
      const shown = await cell(page, 'TH_HH_05', 'EPI_MEASLES2').innerText();
      await cell(page, 'TH_HH_05', 'EPI_MEASLES2').click();
      await page.keyboard.type('777');
      await page.locator('.ag-cell-inline-editing').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.ag-cell-inline-editing').count()).toBe(0);
      // The grid puts the cell's renderer back a moment after the editor goes.
      await expect.poll(() => cell(page, 'TH_HH_05', 'EPI_MEASLES2').innerText()).toBe(shown);
      await cell(page, 'TH_HH_06', 'EPI_MEASLES2').click();
      expect(stored(host.dbFile, 'TH_HH_05', 'EPI_MEASLES2')).toBe(before);
    });
  });
});

describe('Ctrl+Shift+arrows, as in Excel', () => {
  it('extend the block to the edge of the filled cells', async () => {
    await withApp(async ({ page, host }) => {
      await openProgramme(page, 'EPI', ['TH_HH_05', 'EPI_MEASLES2']);
      const cols = await page.$$eval('.ag-header-cell[col-id]', (els) => els.map((e) => e.getAttribute('col-id')!).filter((c) => c !== 'name'));
      const from = cols.indexOf('EPI_MEASLES2');
      const last = cols[cols.length - 1]!;
      const inRange = () => page.locator('.grid-wrap .ag-row:not(.ag-row-pinned) .cell-in-range').count();
      // A gap at Hoằng Kim (TH_HH_10): the block stops above it, as Ctrl+↓ does.
      await cell(page, 'TH_HH_10', 'EPI_MEASLES2').click();
      await page.keyboard.press('Delete');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_10', 'EPI_MEASLES2')).toBeNull();
      await cell(page, 'TH_HH_10', 'EPI_MEASLES2').filter({ hasText: /^$/ }).waitFor();
      await cell(page, 'TH_HH_05', 'EPI_MEASLES2').click();
      await cell(page, 'TH_HH_05', 'EPI_MEASLES2').and(page.locator('.ag-cell-focus')).waitFor();
      await page.keyboard.press('Control+Shift+ArrowDown');
      await expect.poll(() => focused(page)).toBe('TH_HH_09|EPI_MEASLES2');
      await expect.poll(inRange).toBe(5);
      // Then to the row's last filled column: 5 rows × the columns from Measles 2 to the last.
      await page.keyboard.press('Control+Shift+ArrowRight');
      await expect.poll(() => focused(page)).toBe(`TH_HH_09|${last}`);
      await expect.poll(inRange).toBe(5 * (cols.length - from));
      // And back: Ctrl+Shift+↑ from the moving corner goes to the top of its block (row 1).
      await page.keyboard.press('Control+Shift+ArrowUp');
      await expect.poll(() => focused(page)).toBe(`TH_HH_01|${last}`);
      await expect.poll(inRange).toBe(5 * (cols.length - from));
      await screenshot(page, 'keys-ctrl-shift-block');
    });
  });
});

describe('a wide programme at 1366×768', () => {
  it('staffing: the unit column stays pinned, columns are grouped by total and parts, the grid scrolls sideways', async () => {
    await withApp(async ({ page }) => {
      expect(page.viewportSize()).toEqual(VIEWPORT);
      await openProgramme(page, 'STAFFING', ['TH_HH_01', 'ST_CENTRE_TOTAL']);
      const group = page.locator('.ag-header-group-cell').filter({ hasText: 'Tổng số cán bộ tại Trung tâm Y tế' });
      await group.waitFor();
      expect(await page.locator('.ag-header-cell[col-id="ST_CENTRE_TOTAL"]').innerText()).toBe('Tổng số');
      // To the last column: the grid scrolls; the unit's name stays beside it.
      await cell(page, 'TH_HH_01', 'ST_CENTRE_TOTAL').click();
      await page.keyboard.press('End');
      const lastCol = (await focused(page)).split('|')[1]!;
      expect(lastCol).toMatch(/^ST_/);
      expect(lastCol).not.toBe('ST_CENTRE_TOTAL');
      await expect.poll(() => page.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      const inView = async (selector: string) => {
        const box = await page.locator(selector).first().boundingBox();
        return !!box && box.x >= 0 && box.x + box.width <= VIEWPORT.width && box.y >= 0 && box.y + box.height <= VIEWPORT.height;
      };
      // The last column's header comes into view (the body scrolls with it: see the screenshot);
      // the unit column, pinned, stays.
      await expect.poll(() => inView(`.ag-header-cell[col-id="${lastCol}"]`)).toBe(true);
      expect(await inView('.ag-row[row-id="TH_HH_01"] [col-id="name"]')).toBe(true);
      expect(await inView('.ag-header-cell[col-id="name"]')).toBe(true);
      // The focused last cell is wholly visible: its right edge is left of the vertical
      // scrollbar (which ag-grid lays over the cells when the browser's scrollbars take no room,
      // as in headless Chromium or with overlay scrollbars), and its right end is the cell itself.
      const edges = () =>
        page.evaluate((col) => {
          const c = document.querySelector(`.grid-wrap .ag-row[row-id="TH_HH_01"] [col-id="${col}"]`)!.getBoundingClientRect();
          const bar = document.querySelector('.grid-wrap .ag-body-vertical-scroll')?.getBoundingClientRect();
          const viewport = document.querySelector('.grid-wrap .ag-grid-viewport')!;
          const v = viewport.getBoundingClientRect();
          const clientRight = Math.min(v.left + viewport.clientLeft + viewport.clientWidth, bar && bar.width > 0 ? bar.left : Infinity);
          const hit = document.elementFromPoint(c.right - 3, c.top + c.height / 2);
          return { right: c.right, clientRight, hitsCell: !!hit?.closest(`[col-id="${col}"]`) };
        }, lastCol);
      await expect.poll(edges).toMatchObject({ hitsCell: true });
      const e = await edges();
      expect(e.right).toBeLessThanOrEqual(e.clientRight);
      await screenshot(page, 'keys-staffing-scrolled');
    });
  });
});

describe('the refusal of "mark complete"', () => {
  it('lists the problems in a bounded box that leaves the grid on screen', async () => {
    await withApp(async ({ page }) => {
      await openProgramme(page, 'EPI', ['TH_HH_05', 'EPI_MEASLES2']);
      await page.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
      const refusal = page.locator('.refusal');
      await refusal.waitFor();
      const list = await refusal.locator('ul').boundingBox();
      expect(list!.height).toBeLessThanOrEqual(VIEWPORT.height * 0.18 + 1);
      const row = await cell(page, 'TH_HH_01', 'EPI_MEASLES2').boundingBox();
      expect(row!.y + row!.height).toBeLessThanOrEqual(VIEWPORT.height);
      await screenshot(page, 'keys-refusal');
    });
  });
});
