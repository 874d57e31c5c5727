// The entry grid's spreadsheet habits: undo and redo of a typed value and of a paste (one
// step), each undo a new audited change with the earlier values restored exactly in the file;
// an undo refused when the cell changed elsewhere. Chromium, the built renderer, a real SQLite file.
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

async function withApp(fn: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const app = await openApp(browser, { seed: seedDemo });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);

async function openEntry(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
  await pickMonth(page, '2024-05');
  await page.getByLabel('Chương trình').selectOption('EPI');
  await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
}

/** The value and the number of audit rows of a cell, read from the SQLite file itself. */
function stored(dbFile: string, unit: string, element: string): { value: number | null; audits: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const where = `u.code = ? AND e.code = ? AND v.period = '2024-05'`;
    const v = db
      .prepare(`SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE ${where}`)
      .get(unit, element) as { value: number | null } | undefined;
    const a = db
      .prepare(`SELECT COUNT(*) AS n FROM audit a JOIN org_unit u ON u.id = a.unit_id JOIN data_element e ON e.id = a.element_id JOIN data_value v ON v.unit_id = a.unit_id AND v.element_id = a.element_id AND v.period = a.period WHERE ${where}`)
      .get(unit, element) as { n: number };
    return { value: v?.value ?? null, audits: a.n };
  } finally {
    db.close();
  }
}

const paste = (page: Page, text: string) =>
  page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

describe('spreadsheet habits in the entry grid', () => {
  it('undoes and redoes a typed value and a paste (one step), each a new audited change', async () => {
    await withApp(async ({ page, host }) => {
      await openEntry(page);
      const before = stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1');
      const beforeNext = stored(host.dbFile, 'TH_HH_03', 'EPI_MEASLES2');
      const undo = page.getByRole('button', { name: /Hoàn tác/ });
      const redo = page.getByRole('button', { name: /Làm lại/ });
      expect(await undo.isDisabled()).toBe(true);

      // A typed value, then a 2×2 paste over it and its neighbours.
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').click();
      await page.keyboard.type('777');
      await page.keyboard.press('Enter');
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').filter({ hasText: /^777$/ }).waitFor();
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').click();
      await paste(page, '11\t12\r\n13\t14\r\n');
      await cell(page, 'TH_HH_03', 'EPI_MEASLES2').filter({ hasText: /^14$/ }).waitFor();

      // Ctrl+Z: the whole paste goes back at once, to the typed 777 and the earlier values.
      await page.keyboard.press('Control+z');
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').filter({ hasText: /^777$/ }).waitFor();
      await page.getByText('Đã hoàn tác 4 ô').waitFor();
      expect(stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1').value).toBe(777);
      expect(stored(host.dbFile, 'TH_HH_03', 'EPI_MEASLES2').value).toBe(beforeNext.value);
      // The button: the typed value goes back too, exactly.
      await undo.click();
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').filter({ hasText: new RegExp(`^${before.value}$`) }).waitFor();
      const undone = stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1');
      expect(undone.value).toBe(before.value);
      // 777, the paste's 11, its undo and this undo: four new audited changes, none rewritten.
      expect(undone.audits).toBe(before.audits + 4);
      expect(await undo.isDisabled()).toBe(true);

      // Redo twice (Ctrl+Y, then the button): 777, then the paste.
      await page.keyboard.press('Control+y');
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').filter({ hasText: /^777$/ }).waitFor();
      await redo.click();
      await cell(page, 'TH_HH_03', 'EPI_MEASLES2').filter({ hasText: /^14$/ }).waitFor();
      expect(stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1').value).toBe(11);
      expect(await redo.isDisabled()).toBe(true);

      // Changed elsewhere since (another window, the CLI): the undo is refused, nothing overwritten.
      const other = await host.call('values.set', { unit: 'TH_HH_03', period: '2024-05', element: 'EPI_MEASLES2', value: 55 });
      expect(other.ok).toBe(true);
      await undo.click();
      await page.getByText('Không hoàn tác được').waitFor();
      expect(stored(host.dbFile, 'TH_HH_03', 'EPI_MEASLES2').value).toBe(55);
      expect(stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1').value).toBe(11);
      await cell(page, 'TH_HH_03', 'EPI_MEASLES2').filter({ hasText: /^55$/ }).waitFor();
    });
  });

  it('a block chosen with Shift+arrows or the mouse: copied as Excel text, pasted back, filled down, cleared, each one undo step', async () => {
    await withApp(async ({ page, host }) => {
      await openEntry(page);
      const v = (unit: string, col: string) => stored(host.dbFile, unit, col).value;
      const original = ['TH_HH_01', 'TH_HH_02', 'TH_HH_03', 'TH_HH_04'].map((u) => v(u, 'EPI_FULL_U1'));

      // Shift+arrows: a 2 × 2 block from Bút Sơn's first cell.
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').click();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => page.locator('.grid-wrap .ag-row:not(.ag-row-pinned) .cell-in-range').count()).toBe(4);
      const copied = await page.evaluate(() => {
        const data = new DataTransfer();
        document.activeElement?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
        return data.getData('text/plain');
      });
      const expected = [['TH_HH_01'], ['TH_HH_02']].map(([u]) => [v(u!, 'EPI_FULL_U1'), v(u!, 'EPI_MEASLES2')].map((x) => (x === null ? '' : String(x))).join('\t')).join('\r\n');
      expect(copied).toBe(`${expected}\r\n`);

      // Pasted onto two other communes: the same values.
      await cell(page, 'TH_HH_05', 'EPI_FULL_U1').click();
      await paste(page, copied);
      await page.getByText('Đã lưu 4 ô').waitFor();
      expect([v('TH_HH_05', 'EPI_FULL_U1'), v('TH_HH_06', 'EPI_MEASLES2')]).toEqual([v('TH_HH_01', 'EPI_FULL_U1'), v('TH_HH_02', 'EPI_MEASLES2')]);

      // The mouse: a drag down four rows of one column, then Ctrl+D fills the top value down.
      const box = async (unit: string) => (await cell(page, unit, 'EPI_FULL_U1').boundingBox())!;
      const a = await box('TH_HH_01');
      const b = await box('TH_HH_04');
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
      await page.mouse.up();
      await expect.poll(() => page.locator('.grid-wrap .ag-row:not(.ag-row-pinned) .cell-in-range').count()).toBe(4);
      await page.keyboard.press('Control+d');
      await expect.poll(() => ['TH_HH_02', 'TH_HH_03', 'TH_HH_04'].map((u) => v(u, 'EPI_FULL_U1'))).toEqual([original[0], original[0], original[0]]);
      // One step back: every cell as it was.
      await page.keyboard.press('Control+z');
      await expect.poll(() => ['TH_HH_01', 'TH_HH_02', 'TH_HH_03', 'TH_HH_04'].map((u) => v(u, 'EPI_FULL_U1'))).toEqual(original);

      // Delete clears the block (one step), and Ctrl+Z brings it back.
      // (the undo's values shown in the grid first, so the click lands on the refreshed rows)
      for (const [i, u] of ['TH_HH_01', 'TH_HH_02'].entries()) await cell(page, u, 'EPI_FULL_U1').filter({ hasText: new RegExp(`^${original[i]}$`) }).waitFor();
      const inRange = () => page.locator('.grid-wrap .ag-row:not(.ag-row-pinned) .cell-in-range').count();
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').click();
      await page.keyboard.press('Shift+ArrowDown');
      expect(await inRange()).toBe(2);
      await page.keyboard.press('Delete');
      await expect.poll(() => [v('TH_HH_01', 'EPI_FULL_U1'), v('TH_HH_02', 'EPI_FULL_U1')]).toEqual([null, null]);
      await page.keyboard.press('Control+z');
      await expect.poll(() => [v('TH_HH_01', 'EPI_FULL_U1'), v('TH_HH_02', 'EPI_FULL_U1')]).toEqual(original.slice(0, 2));
    });
  });

  // ag-grid tells the page of a click's focus a moment later: its grid events (cellFocused,
  // cellMouseDown) are queued and sent on a timer after the input event. Keys pressed in that
  // moment must act on the cell the user clicked, never on the block chosen before it: a Delete
  // there would clear cells the user had left. The page's zero-delay timers are held back here
  // (by 300 ms), so every key below comes before the grid's events, as fast hands or a busy
  // machine make it happen (CI once saw a 2 × 2 block come out as 1 × 2).
  it('keys pressed right after a click act on the clicked cell, not on the block chosen before (Shift+arrows, Delete, Ctrl+D, copy); Shift+click grows the block', async () => {
    await withApp(async ({ page, host }) => {
      await openEntry(page);
      const v = (unit: string, col: string) => stored(host.dbFile, unit, col).value;
      const inRange = () => page.locator('.grid-wrap .ag-row:not(.ag-row-pinned) .cell-in-range').evaluateAll((cs) => cs.map((c) => `${c.closest('.ag-row')!.getAttribute('row-id')}:${c.getAttribute('col-id')}`).sort());
      await page.evaluate(() => {
        const timer = window.setTimeout.bind(window);
        window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => timer(fn, ms ? ms : 300, ...rest)) as typeof window.setTimeout;
      });
      const copyNow = () =>
        page.evaluate(() => {
          const data = new DataTransfer();
          document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
          return data.getData('text/plain');
        });
      const settled = () => page.waitForTimeout(700);

      // A click and two Shift+arrows at once: the 2 × 2 block from the clicked cell.
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').click();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowRight');
      await settled();
      expect(await inRange()).toEqual(['TH_HH_01:EPI_FULL_U1', 'TH_HH_01:EPI_MEASLES2', 'TH_HH_02:EPI_FULL_U1', 'TH_HH_02:EPI_MEASLES2']);

      // With that block chosen, a click elsewhere and Ctrl+C at once copies the clicked cell.
      const far = v('TH_HH_09', 'EPI_MEASLES2');
      await cell(page, 'TH_HH_09', 'EPI_MEASLES2').click();
      expect(await copyNow()).toBe(`${far ?? ''}\r\n`);
      await settled();
      expect(await inRange()).toEqual([]);

      // A block again, then a click elsewhere and Delete at once: only the clicked cell is cleared.
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').click();
      await page.keyboard.press('Shift+ArrowDown');
      await settled();
      expect(await inRange()).toEqual(['TH_HH_01:EPI_FULL_U1', 'TH_HH_02:EPI_FULL_U1']);
      const kept = [v('TH_HH_01', 'EPI_FULL_U1'), v('TH_HH_02', 'EPI_FULL_U1')];
      expect(kept.every((x) => x !== null)).toBe(true);
      expect(v('TH_HH_07', 'EPI_FULL_U1')).not.toBeNull();
      await cell(page, 'TH_HH_07', 'EPI_FULL_U1').click();
      await page.keyboard.press('Delete');
      await expect.poll(() => v('TH_HH_07', 'EPI_FULL_U1')).toBeNull();
      await settled();
      expect([v('TH_HH_01', 'EPI_FULL_U1'), v('TH_HH_02', 'EPI_FULL_U1')]).toEqual(kept);

      // And Ctrl+D: a block of two rows, then a click on a third cell and Ctrl+D at once fills nothing.
      await cell(page, 'TH_HH_03', 'EPI_MEASLES2').click();
      await page.keyboard.press('Shift+ArrowDown');
      await settled();
      const before = [v('TH_HH_03', 'EPI_MEASLES2'), v('TH_HH_04', 'EPI_MEASLES2')];
      await cell(page, 'TH_HH_11', 'EPI_MEASLES2').click();
      await page.keyboard.press('Control+d');
      await settled();
      expect([v('TH_HH_03', 'EPI_MEASLES2'), v('TH_HH_04', 'EPI_MEASLES2')]).toEqual(before);

      // Shift+click: the block from the focused cell to the clicked one.
      await cell(page, 'TH_HH_02', 'EPI_FULL_U1').click();
      await cell(page, 'TH_HH_04', 'EPI_MEASLES2').click({ modifiers: ['Shift'] });
      await settled();
      expect(await inRange()).toEqual(['TH_HH_02:EPI_FULL_U1', 'TH_HH_02:EPI_MEASLES2', 'TH_HH_03:EPI_FULL_U1', 'TH_HH_03:EPI_MEASLES2', 'TH_HH_04:EPI_FULL_U1', 'TH_HH_04:EPI_MEASLES2']);
    });
  });

  it('a comment saved in the panel is one undo step: undone and redone, the value never touched', async () => {
    await withApp(async ({ page, host }) => {
      await host.call('values.setComment', { unit: 'TH_HH_04', period: '2024-05', element: 'EPI_FULL_U1', comment: 'Theo sổ cũ.' });
      await openEntry(page);
      const commentOf = () => {
        const db = new Database(host.dbFile, { readonly: true });
        try {
          return (db.prepare(`SELECT v.comment FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = 'TH_HH_04' AND e.code = 'EPI_FULL_U1' AND v.period = '2024-05'`).get() as { comment: string | null }).comment;
        } finally {
          db.close();
        }
      };
      const value = stored(host.dbFile, 'TH_HH_04', 'EPI_FULL_U1').value;
      await cell(page, 'TH_HH_04', 'EPI_FULL_U1').click();
      const panel = page.getByRole('complementary', { name: 'Ô đang chọn' });
      await panel.getByLabel('Ghi chú giải thích').fill('Đã đối chiếu sổ mới.');
      await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
      await panel.getByRole('status').filter({ hasText: 'Đã lưu ghi chú.' }).waitFor();
      expect(commentOf()).toBe('Đã đối chiếu sổ mới.');

      await page.getByRole('button', { name: /Hoàn tác/ }).click();
      await page.getByText('Đã hoàn tác 1 ô').waitFor();
      await expect.poll(commentOf).toBe('Theo sổ cũ.');
      expect(stored(host.dbFile, 'TH_HH_04', 'EPI_FULL_U1').value).toBe(value);
      await page.getByRole('button', { name: /Làm lại/ }).click();
      await expect.poll(commentOf).toBe('Đã đối chiếu sổ mới.');
      expect(stored(host.dbFile, 'TH_HH_04', 'EPI_FULL_U1').value).toBe(value);
    });
  });

  it('shows each value under its own column header, in the body and the totals row (what is seen is where it is stored)', async () => {
    await withApp(async ({ page, host }) => {
      await host.call('values.setComment', { unit: 'TH_HH_01', period: '2024-05', element: 'EPI_FULL_U1', comment: 'Đã đối chiếu sổ.' });
      await openEntry(page);
      for (const programme of ['EPI', 'TB']) {
        await page.getByLabel('Chương trình').selectOption(programme);
        await page.locator('.grid-wrap[data-loading="false"] .ag-row[row-id="TH_HH_01"]').waitFor();
        const cols = await page.locator('.grid-wrap .ag-header-cell[col-id]').evaluateAll((hs) =>
          hs.map((h) => ({ id: h.getAttribute('col-id')!, box: h.getBoundingClientRect().toJSON() as DOMRect })).filter((h) => h.box.width > 0 && h.box.right <= window.innerWidth),
        );
        expect(cols.length).toBeGreaterThan(2);
        // The cell drawn under the middle of each header, in Bút Sơn's row and in the totals row.
        const under = await page.evaluate((headers) => {
          const rowOf = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
          const body = rowOf('.grid-wrap .ag-row[row-id="TH_HH_01"]:not(.ag-row-pinned)');
          const total = rowOf('.grid-wrap .ag-row.ag-row-pinned');
          const at = (x: number, y: number) => (document.elementFromPoint(x, y)?.closest('.ag-cell') as HTMLElement | null)?.getAttribute('col-id') ?? null;
          return headers.map((h) => ({ id: h.id, body: at(h.box.x + h.box.width / 2, body.y + body.height / 2), total: at(h.box.x + h.box.width / 2, total.y + total.height / 2) }));
        }, cols);
        for (const u of under) expect(u, `under the header ${u.id}`).toEqual({ id: u.id, body: u.id, total: u.id });
      }
      // And the number seen there is the one in the file.
      await page.getByLabel('Chương trình').selectOption('EPI');
      const shown = await cell(page, 'TH_HH_01', 'EPI_FULL_U1').innerText();
      expect(shown.replace(/[^\d]/g, '')).toBe(String(stored(host.dbFile, 'TH_HH_01', 'EPI_FULL_U1').value));
      // The cell's comment (written before the month was opened) in its tooltip (ag-grid's TooltipModule, registered in renderer/grid/modules.ts).
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').hover();
      await expect.poll(() => page.locator('.ag-tooltip').innerText().catch(() => '')).toContain('✎ Đã đối chiếu sổ.');
    });
  });

  it("the figures screen draws an element's 24 months with the year's plan line (ECharts, SVG, offline)", async () => {
    await withApp(async ({ page }) => {
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await page.locator('tr[data-element="EPI_FULL_U1"] .element-link').click();
      const chart = page.getByTestId('trend-chart');
      await chart.locator('svg').waitFor();
      // 24 bars (one per month with a figure), the year-to-date line and the plan's dashed line.
      await expect.poll(() => chart.locator('svg path').count()).toBeGreaterThan(24);
      expect(await chart.locator('svg').innerHTML()).toMatch(/Kế hoạch 2024 ≥/);
      expect(await chart.getAttribute('aria-label')).toContain('tiêm chủng đầy đủ');
      await screenshot(page, '30-figures-trend-chart');
    });
  });
});
