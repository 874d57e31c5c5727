// What the entry grid does with an edit that is open when the user leaves it: it is saved into
// the cell where it began (unit, month, element), never dropped and never moved to another
// month; arrows confirm as in Excel; a comment never re-sends the value; a stale write and a
// completed month are refused with a message. Chromium, the built renderer, a real SQLite file.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, seedDemo, type AppUnderTest } from './harness';

// Each test opens Chromium on a copy of the demo: slow on a shared machine.
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

const unitOf = (row: number) => `TH_HH_${String(row + 1).padStart(2, '0')}`;
const cell = (page: Page, row: number, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unitOf(row)}"] [col-id="${col}"]`);

async function openEntry(page: Page, month = '2024-05', programme = 'EPI'): Promise<void> {
  await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
  await pickMonth(page, month);
  await page.getByLabel('Chương trình').selectOption(programme);
  await cell(page, 0, 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
}

/** The value in the SQLite file itself, read with a connection of its own. */
function stored(dbFile: string, unit: string, element: string, period = '2024-05'): number | null {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
         WHERE u.code = ? AND e.code = ? AND v.period = ?`,
      )
      .get(unit, element, period) as { value: number | null } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}

/** Another writer (the CLI, a CSV import, another window) changes a value behind the grid's back. */
async function changeElsewhere(app: AppUnderTest, unit: string, element: string, value: number, period = '2024-05'): Promise<void> {
  const env = await app.host.call('values.set', { unit, period, element, value });
  expect(env.ok).toBe(true);
}

/** Starts an edit by typing into a cell, leaving the editor open. */
async function typeOpen(page: Page, row: number, col: string, text: string): Promise<void> {
  await cell(page, row, col).click();
  await page.keyboard.type(text);
  await page.locator(`.ag-row[row-id="${unitOf(row)}"] [col-id="${col}"] input`).waitFor();
}

describe('entry grid: an open edit belongs to its own cell', () => {
  it('an edit open when the user clicks another screen tab is saved, not dropped', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await typeOpen(page, 0, 'EPI_MEASLES2', '77');
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await expect.poll(() => stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2')).toBe(77);
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await cell(page, 0, 'EPI_MEASLES2').filter({ hasText: /^77$/ }).waitFor();
    });
  });

  it('an edit open when the user changes programme is saved into its own cell', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await typeOpen(page, 1, 'EPI_MEASLES2', '66');
      await page.getByLabel('Chương trình').selectOption('DISEASE');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_02', 'EPI_MEASLES2')).toBe(66);
      await page.getByLabel('Chương trình').selectOption('EPI');
      await cell(page, 1, 'EPI_MEASLES2').filter({ hasText: /^66$/ }).waitFor();
    });
  });

  it('a value typed for June, with the month changed to May before Enter, is saved into June', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page, '2024-06');
      const may = stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2', '2024-05');
      await typeOpen(page, 0, 'EPI_MEASLES2', '88');
      await page.locator('.period-bar select').nth(0).selectOption('5');
      await page.keyboard.press('Enter');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2', '2024-06')).toBe(88);
      await cell(page, 0, 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
      // Give any late write a chance to land in the wrong month before looking.
      await page.waitForTimeout(300);
      expect(stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2', '2024-05')).toBe(may);
      await expect.poll(() => cell(page, 0, 'EPI_MEASLES2').innerText()).toBe(may === null ? '' : String(may));
    });
  });

  it('an invalid value open when the user leaves is not saved, and the message says what was typed', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      const before = stored(host.dbFile, 'TH_HH_01', 'EPI_FULL_U1');
      await typeOpen(page, 0, 'EPI_FULL_U1', '2,5');
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('2,5');
      expect(stored(host.dbFile, 'TH_HH_01', 'EPI_FULL_U1')).toBe(before);
    });
  });

  it('arrow keys confirm the entry and move, as in Excel', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await typeOpen(page, 0, 'EPI_MEASLES2', '5');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2')).toBe(5);
      await page.locator(`.ag-row[row-id="${unitOf(1)}"] [col-id="EPI_MEASLES2"].ag-cell-focus`).waitFor();
      expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
      await page.keyboard.type('6');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_02', 'EPI_MEASLES2')).toBe(6);
      await page.locator(`.ag-row[row-id="${unitOf(0)}"] [col-id="EPI_MEASLES2"].ag-cell-focus`).waitFor();
      await page.keyboard.type('7');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2')).toBe(7);
      await page.locator(`.ag-row[row-id="${unitOf(0)}"] [col-id="EPI_FULL_U1"].ag-cell-focus`).waitFor();
      await page.keyboard.type('8');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_01', 'EPI_FULL_U1')).toBe(8);
      await page.locator(`.ag-row[row-id="${unitOf(0)}"] [col-id="EPI_MEASLES2"].ag-cell-focus`).waitFor();
    });
  });

  // ag-grid tells the page that an edit began a tick late (its grid events come on a timer).
  // Held back here by 300 ms, so the keys come first: whether ← → confirm the entry (after
  // typing) or move in its text (after a double-click) is known from the keys and the mouse
  // themselves, not from that late event.
  it('with the grid’s events late: a digit then → confirms and moves; a double-click then → stays in the text', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await page.evaluate(() => {
        const timer = window.setTimeout.bind(window);
        window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => timer(fn, ms ? ms : 300, ...rest)) as typeof window.setTimeout;
      });
      await cell(page, 4, 'EPI_FULL_U1').click();
      await page.keyboard.type('8');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => stored(host.dbFile, 'TH_HH_05', 'EPI_FULL_U1')).toBe(8);
      await page.locator(`.ag-row[row-id="${unitOf(4)}"] [col-id="EPI_MEASLES2"].ag-cell-focus`).waitFor();

      const before = stored(host.dbFile, 'TH_HH_06', 'EPI_FULL_U1');
      await cell(page, 5, 'EPI_FULL_U1').dblclick();
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(700);
      const editor = page.locator(`.ag-row[row-id="${unitOf(5)}"] [col-id="EPI_FULL_U1"] input`);
      expect(await editor.count()).toBe(1);
      expect(stored(host.dbFile, 'TH_HH_06', 'EPI_FULL_U1')).toBe(before);
      await page.keyboard.press('Escape');
      await expect.poll(() => editor.count()).toBe(0);
      expect(stored(host.dbFile, 'TH_HH_06', 'EPI_FULL_U1')).toBe(before);
    });
  });
});

describe('entry grid: writes based on what the screen showed', () => {
  it('saving a comment keeps a value changed elsewhere meanwhile', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await cell(page, 2, 'EPI_MEASLES2').click();
      await changeElsewhere(app, 'TH_HH_03', 'EPI_MEASLES2', 4321);
      const panel = page.getByRole('complementary', { name: 'Ô đang chọn' });
      await panel.getByLabel('Ghi chú giải thích').fill('Số theo sổ tiêm chủng.');
      await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
      await panel.getByRole('status').filter({ hasText: 'Đã lưu ghi chú.' }).waitFor();
      expect(stored(host.dbFile, 'TH_HH_03', 'EPI_MEASLES2')).toBe(4321);
      await cell(page, 2, 'EPI_MEASLES2').filter({ hasText: '4.321' }).waitFor();
    });
  });

  it('a value typed over a stale one is refused with a message, and the newer value is shown', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await changeElsewhere(app, 'TH_HH_04', 'EPI_MEASLES2', 1234);
      await typeOpen(page, 3, 'EPI_MEASLES2', '9');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('vừa được thay đổi');
      expect(stored(host.dbFile, 'TH_HH_04', 'EPI_MEASLES2')).toBe(1234);
      await cell(page, 3, 'EPI_MEASLES2').filter({ hasText: '1.234' }).waitFor();
    });
  });
});

describe('drafts of the same kind: a comment and the narrative', () => {
  it('a comment half written is saved to its own cell when the user picks another cell or leaves the screen', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await openEntry(page);
      const panel = page.getByRole('complementary', { name: 'Ô đang chọn' });
      const comment = (unit: string) =>
        (new Database(host.dbFile, { readonly: true })
          .prepare(
            `SELECT v.comment FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
             WHERE u.code = ? AND e.code = 'EPI_MEASLES2' AND v.period = '2024-05'`,
          )
          .get(unit) as { comment: string | null } | undefined)?.comment ?? null;
      await cell(page, 4, 'EPI_MEASLES2').click();
      await panel.getByLabel('Ghi chú giải thích').fill('Trạm báo muộn.');
      await cell(page, 5, 'EPI_MEASLES2').click();
      await expect.poll(() => comment('TH_HH_05')).toBe('Trạm báo muộn.');
      await panel.getByLabel('Ghi chú giải thích').fill('Đã đối chiếu sổ.');
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await expect.poll(() => comment('TH_HH_06')).toBe('Đã đối chiếu sổ.');
      expect(comment('TH_HH_05')).toBe('Trạm báo muộn.');
    });
  });

  it('narrative text typed for June is saved into June when the month changes', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      await page.getByRole('tab', { name: 'Nhận xét' }).click();
      await pickMonth(page, '2024-06');
      await page.locator('.narrative-list[data-loading="false"]').waitFor();
      const box = page.locator('.narrative-section textarea').first();
      await box.fill('Tháng 6: mưa lớn, hai trạm báo muộn.');
      await page.locator('.period-bar select').nth(0).selectOption('5');
      await page.locator('.narrative-list[data-loading="false"]').waitFor();
      const db = new Database(host.dbFile, { readonly: true });
      await expect
        .poll(() => (db.prepare("SELECT body FROM narrative WHERE period = '2024-06' AND section = 'I.1'").get() as { body: string } | undefined)?.body)
        .toBe('Tháng 6: mưa lớn, hai trạm báo muộn.');
      expect((db.prepare("SELECT body FROM narrative WHERE period = '2024-05' AND section = 'I.1'").get() as { body: string } | undefined)?.body).not.toBe(
        'Tháng 6: mưa lớn, hai trạm báo muộn.',
      );
      db.close();
    });
  });
});

describe('entry grid: a completed month', () => {
  it('shows the month read-only and refuses typing and pasting into it', async () => {
    await withApp(async (app) => {
      const { page, host } = app;
      const db = new Database(host.dbFile);
      db.prepare(
        "INSERT INTO month_status (unit_id, period, status, changed_by, changed_at) SELECT id, '2024-05', 'complete', 'lan', '2024-06-10T08:00:00.000Z' FROM org_unit WHERE code = 'TH_HH'",
      ).run();
      db.close();
      await openEntry(page);
      await page.getByText(/^Tháng 5\/2024: đã hoàn thành/).waitFor();
      const before = stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2');
      await cell(page, 0, 'EPI_MEASLES2').click();
      await page.keyboard.type('55');
      await page.keyboard.press('Enter');
      expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
      await cell(page, 0, 'EPI_MEASLES2').click();
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', '11\t12\n');
        document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('đã hoàn thành');
      expect(stored(host.dbFile, 'TH_HH_01', 'EPI_MEASLES2')).toBe(before);
      expect(stored(host.dbFile, 'TH_HH_01', 'EPI_FULL_U1')).not.toBe(11);
    });
  });
});
