// The app end to end: Chromium, the built renderer, the real host and a real SQLite file.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo, type AppUnderTest } from './harness';


// Chromium on a copy of the demo, and the report's PDF: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 120_000 });
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withApp(opts: Parameters<typeof openApp>[1], fn: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const app = await openApp(browser, opts);
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

/** Opens the entry grid of May 2024, programme EPI, and waits for its values. */
async function openEntry(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
  await pickMonth(page, '2024-05');
  await page.getByLabel('Chương trình').selectOption('EPI');
  await cell(page, 0, 'EPI_FULL_U1').filter({ hasText: /\d/ }).waitFor();
}

/** A cell by row (0 = the first commune, TH_HH_01) and element; ag-grid 36 keeps a row's cells in one element. */
const rowId = (row: number) => `TH_HH_${String(row + 1).padStart(2, '0')}`;
const cell = (page: Page, row: number, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${rowId(row)}"] [col-id="${col}"]`);

/** The value stored in the SQLite file itself, read with a connection of its own. */
function storedValue(dbFile: string, unitIndex: number, element: string): number | null {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
         WHERE u.code = ? AND e.code = ? AND v.period = '2024-05'`,
      )
      .get(`TH_HH_${String(unitIndex).padStart(2, '0')}`, element) as { value: number | null } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}

async function typeInto(page: Page, row: number, col: string, text: string): Promise<void> {
  await cell(page, row, col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('Thống kê Y tế in Chromium', () => {
  it('first run: opens the demo district and shows its May 2024 figures (307; 8,7% of plan)', async () => {
    await withApp({}, async ({ page }) => {
      await page.getByRole('button', { name: 'Mở huyện mẫu' }).waitFor();
      await screenshot(page, '01-first-run');
      await page.getByRole('button', { name: 'Mở huyện mẫu' }).click();
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      const row = page.locator('tr[data-element="EPI_FULL_U1"]');
      await row.locator('[data-col="value"]').filter({ hasText: '307' }).waitFor();
      expect(await row.locator('[data-col="pct"]').innerText()).toBe('8,7%');
      expect(await page.locator('h2').innerText()).toContain('Huyện Hoằng Hóa');
      await screenshot(page, '03-figures-may-2024');
    });
  });

  it('first run: sets up a unit from a pasted commune list', async () => {
    await withApp({}, async ({ page }) => {
      await page.locator('input[name="province"]').fill('Thanh Hóa');
      await page.locator('input[name="unitName"]').fill('Huyện Nga Sơn');
      await page.locator('input[name="userName"]').fill('Trần Thị Mai');
      await page.locator('input[name="directorName"]').fill('Lê Văn Bình');
      await page.locator('textarea[name="communes"]').fill('1. Thị trấn Nga Sơn\n2. Xã Nga Yên\n3. Xã Nga Thủy\n');
      await page.getByText('3 xã').waitFor();
      await screenshot(page, '01b-first-run-filled');
      await page.getByRole('button', { name: 'Tạo cơ sở dữ liệu', exact: true }).click();
      await page.locator('.unit-name', { hasText: 'Huyện Nga Sơn' }).waitFor();
      await page.locator('.ag-row', { hasText: 'Xã Nga Thủy' }).waitFor();
      await screenshot(page, '01c-new-unit-entry');
    });
  });

  it('a value typed survives a reload, and is in the SQLite file', async () => {
    await withApp({ seed: seedDemo }, async (app) => {
      const { page, host } = app;
      await openEntry(page);
      await screenshot(page, '02-entry-may-2024');
      await typeInto(page, 0, 'EPI_MEASLES2', '9');
      await page.locator(`.ag-row[row-id="${rowId(0)}"] [col-id="EPI_MEASLES2"].cell-saved`).waitFor();
      expect(storedValue(host.dbFile, 1, 'EPI_MEASLES2')).toBe(9);
      await app.reload();
      await openEntry(page);
      await expect.poll(() => cell(page, 0, 'EPI_MEASLES2').innerText()).toBe('9');
    });
  });

  it('takes 1.234 as 1234 in a count, and refuses a decimal count and 1 2 in Vietnamese, keeping the old value', async () => {
    await withApp({ seed: seedDemo }, async ({ page, host }) => {
      await openEntry(page);
      // A count has no decimals: 1.234 is what the grid itself displays for 1234, so it is 1234.
      await typeInto(page, 0, 'EPI_MEASLES2', '1.234');
      await page.locator(`.ag-row[row-id="${rowId(0)}"] [col-id="EPI_MEASLES2"].cell-saved`).waitFor();
      expect(storedValue(host.dbFile, 1, 'EPI_MEASLES2')).toBe(1234);
      await expect.poll(() => cell(page, 0, 'EPI_MEASLES2').innerText()).toBe('1.234');
      const before = storedValue(host.dbFile, 1, 'EPI_FULL_U1');
      const shown = await cell(page, 0, 'EPI_FULL_U1').innerText();
      await typeInto(page, 0, 'EPI_FULL_U1', '1 2');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('"1 2" không phải là một số');
      await screenshot(page, '04-entry-refused');
      await typeInto(page, 0, 'EPI_FULL_U1', '2,5');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('không nhận số thập phân');
      await expect.poll(() => cell(page, 0, 'EPI_FULL_U1').innerText()).toBe(shown);
      expect(await page.locator(`.ag-row[row-id="${rowId(0)}"] [col-id="EPI_FULL_U1"].cell-error`).count()).toBe(1);
      expect(storedValue(host.dbFile, 1, 'EPI_FULL_U1')).toBe(before);
      // Where decimals are allowed (area in km², a decimal), 1.234 reads two ways and is refused.
      await page.getByLabel('Chương trình').selectOption('GENERAL');
      await cell(page, 0, 'AREA_KM2').filter({ hasText: /\d/ }).waitFor();
      const area = await cell(page, 0, 'AREA_KM2').innerText();
      await typeInto(page, 0, 'AREA_KM2', '1.234');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('có thể hiểu theo hai cách');
      await expect.poll(() => cell(page, 0, 'AREA_KM2').innerText()).toBe(area);
    });
  });

  it('pastes a block from Excel all at once, and refuses a block with one bad cell entirely', async () => {
    await withApp({ seed: seedDemo }, async ({ page, host }) => {
      await openEntry(page);
      const paste = (text: string) =>
        page.evaluate((t) => {
          const data = new DataTransfer();
          data.setData('text/plain', t);
          document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, text);
      await cell(page, 1, 'EPI_FULL_U1').click();
      await paste('11\t12\r\n13\t14\r\n');
      await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã lưu 4 ô');
      expect([storedValue(host.dbFile, 2, 'EPI_FULL_U1'), storedValue(host.dbFile, 2, 'EPI_MEASLES2')]).toEqual([11, 12]);
      expect([storedValue(host.dbFile, 3, 'EPI_FULL_U1'), storedValue(host.dbFile, 3, 'EPI_MEASLES2')]).toEqual([13, 14]);
      await cell(page, 1, 'EPI_FULL_U1').click();
      await paste('21\t22\n23\tabc\n');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('Chưa có số nào được lưu');
      expect(storedValue(host.dbFile, 2, 'EPI_FULL_U1')).toBe(11);
    });
  });

  it('visits every screen (screenshots for a person to look at)', async () => {
    await withApp({ seed: seedDemo }, async ({ page }) => {
      await openEntry(page);
      await page.getByRole('tab', { name: 'Nhận xét' }).click();
      await page.locator('.narrative-list[data-loading="false"]').waitFor();
      await screenshot(page, '05-narrative');
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await screenshot(page, '06-report');
      await page.getByRole('tab', { name: 'Cài đặt' }).click();
      await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
      await page.getByRole('status').waitFor();
      await screenshot(page, '07-settings');
      await page.getByLabel('Ngôn ngữ').selectOption('en');
      await page.getByRole('tab', { name: 'Data entry' }).click();
      await page.locator('.ag-row[row-index="0"]').first().waitFor();
      await screenshot(page, '08-entry-english');
    });
  });

  it('the page has no require, no process, one frozen api, and cannot navigate away or run inline script', async () => {
    await withApp({ seed: seedDemo }, async ({ page }) => {
      await page.getByRole('tab', { name: 'Nhập số liệu' }).waitFor();
      const globals = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        module: typeof (window as unknown as { module?: unknown }).module,
        apiKeys: Object.keys(window.api ?? {}),
        frozen: Object.isFrozen(window.api),
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', apiKeys: ['invoke'], frozen: true });
      const start = page.url();
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = 1';
        document.body.append(s);
      });
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      await page.evaluate(() => window.location.assign('https://example.com/')).catch(() => undefined);
      await page.evaluate(() => window.open('https://moh.gov.vn/', '_blank'));
      // The harness closes a popup as soon as it opens; on a loaded machine that takes a moment.
      await expect.poll(() => page.context().pages().length, { timeout: 10_000 }).toBe(1);
      expect(page.url()).toBe(start);
      await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      expect(await page.getByRole('tab', { name: 'Số liệu tổng hợp' }).getAttribute('aria-selected')).toBe('true');
    });
  });
});
