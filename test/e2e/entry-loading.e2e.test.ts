// While another month loads, the entry screen must not show the previous month's figures under
// the new month's name, nor take a typed value as "unchanged" because it equals the figure of the
// month still on screen (the value would be dropped without a word). Chromium, the built renderer,
// the real service and a real SQLite file; the host's answer for the new month is held back so
// the loading moment can be looked at.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Host } from '../../electron/host';
import { launchBrowser, openApp, pickMonth, seedDemo, type AppUnderTest } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function stored(dbFile: string, unit: string, element: string, period: string): number | null | undefined {
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

/** Holds the host's answers to `values.get` and `values.getMany` (the grid's one call) for `period` until the returned function is called. */
function holdMonth(app: AppUnderTest, period: string): () => void {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const call = app.host.call.bind(app.host);
  app.host.call = async (op: unknown, args: unknown) => {
    if ((op === 'values.get' || op === 'values.getMany') && (args as { period?: string }).period === period) await gate;
    return call(op, args);
  };
  return release;
}

const field = (page: Page, element: string) => page.locator(`.commune-form #form-${element}`);
const gridCell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap .ag-row[row-id="${unit}"] [col-id="${col}"]`);

describe('the entry screen while a month loads', () => {
  it('shows no other month’s figures, and a value typed then is saved or visibly refused, never dropped', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page, host } = app;
      // May's figure for Hoằng Phụng differs from April's (the demo has 5 in both).
      const set = (await host.call('values.setMany', { entries: [{ unit: 'TH_HH_02', period: '2024-05', element: 'EPI_FULL_U1', value: 4321 }] })) as { ok: boolean };
      expect(set.ok).toBe(true);
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await page.locator('.grid-wrap[data-loading="false"]').waitFor();
      const may = stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1', '2024-05');
      const april = stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1', '2024-04');
      expect(typeof may).toBe('number');
      expect(april).not.toBe(may);
      const mayText = (may as number).toLocaleString('vi-VN');
      await gridCell(page, 'TH_HH_02', 'EPI_FULL_U1').filter({ hasText: new RegExp(`^${mayText.replace('.', '\\.')}$`) }).waitFor();

      // The grid: April asked for, its figures not here yet; May's are not drawn under April.
      const release = holdMonth(app, '2024-04');
      await pickMonth(page, '2024-04');
      await page.locator('.grid-wrap[data-loading="true"]').waitFor();
      expect((await gridCell(page, 'TH_HH_02', 'EPI_FULL_U1').textContent())?.trim()).not.toBe(mayText);
      release();
      await page.locator('.grid-wrap[data-loading="false"]').waitFor();

      // The form, back to May, then April held again: the field never shows May's figure
      // under April, and a figure typed meanwhile is not dropped as "unchanged".
      await pickMonth(page, '2024-05');
      await page.getByRole('button', { name: 'Theo xã' }).click();
      await page.getByLabel('Đơn vị', { exact: true }).selectOption('TH_HH_02');
      await expect.poll(() => page.locator('.commune-form[data-loading="false"] #form-EPI_FULL_U1').inputValue()).toBe(mayText);
      const release2 = holdMonth(app, '2024-04');
      await pickMonth(page, '2024-04');
      await page.locator('.commune-form[data-loading="true"]').waitFor();
      expect(await field(page, 'EPI_FULL_U1').inputValue()).not.toBe(mayText);
      const wasReadOnly = (await field(page, 'EPI_FULL_U1').getAttribute('readonly')) !== null;
      // The statistician types April's paper figure, which happens to be May's.
      await field(page, 'EPI_FULL_U1').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(String(may));
      await page.keyboard.press('Enter');
      release2();
      await page.locator('.commune-form[data-loading="false"]').waitFor();
      // Either it was not taken (the field was read-only while loading) or it was saved; the
      // field shows what the file holds. Typed, accepted and then dropped: the defect.
      const now = stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1', '2024-04');
      expect(await field(page, 'EPI_FULL_U1').inputValue()).toBe(typeof now === 'number' ? now.toLocaleString('vi-VN') : '');
      if (!wasReadOnly) expect(now).toBe(may);
      else expect(now).toBe(april);
      // Undone: April gets April's own earlier figure back, not the one May's screen showed.
      if (now === may) {
        await page.keyboard.press('Control+z');
        await expect.poll(() => stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1', '2024-04')).toBe(april);
        await expect.poll(() => field(page, 'EPI_FULL_U1').inputValue()).toBe(String(april));
      }
      // May's figure is where it was typed, untouched.
      expect(stored(host.dbFile, 'TH_HH_02', 'EPI_FULL_U1', '2024-05')).toBe(may);
    } finally {
      await app.close();
    }
  });

  it('opens on its month with one call, asked by the boot script before the app’s script ran and taken by it', async () => {
    // Every call the page makes from its first script on (the harness's bridge calls host.call).
    const ops: string[] = [];
    // Unbound on purpose: the wrapper calls it with each host as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const call = Host.prototype.call;
    Host.prototype.call = function (this: Host, op: unknown, args: unknown) {
      ops.push(String(op));
      return call.call(this, op, args);
    };
    let app: AppUnderTest | null = null;
    try {
      // The app's own script is held until the service was asked: only the boot script can
      // have asked by then.
      let askedBeforeApp: boolean | null = null;
      const beforeLoad = async (page: Page) => {
        await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
          for (let i = 0; i < 100 && !ops.includes('session.open'); i++) await new Promise((r) => setTimeout(r, 50));
          askedBeforeApp = ops.includes('session.open');
          await route.continue();
        });
      };
      app = await openApp(browser, { seed: seedDemo, beforeLoad });
      await app.page.locator('.grid-wrap[data-loading="false"] .ag-row[row-id="TH_HH_01"] .num').filter({ hasText: /\d/ }).first().waitFor();
      // The first call is session.open (the boot script's), asked once: the session took its
      // answer instead of asking again; the grid's mount asked no values (they came with it).
      expect(askedBeforeApp).toBe(true);
      expect(ops[0]).toBe('session.open');
      expect(ops.filter((o) => o === 'session.open')).toHaveLength(1);
      expect(ops.filter((o) => o.startsWith('values.') || o === 'period.locked' || o === 'setup.status')).toEqual([]);
      // The month shown is the home unit's newest with data.
      const latest = (await call.call(app.host, 'values.latestPeriod', { unit: 'TH_HH' })) as { ok: true; value: string };
      const [y, m] = latest.value.split('-');
      expect([await app.page.locator('.period-bar select').nth(0).inputValue(), await app.page.locator('.period-bar select').nth(1).inputValue()]).toEqual([String(Number(m)), y]);
    } finally {
      Host.prototype.call = call;
      await app?.close();
    }
  });
});
