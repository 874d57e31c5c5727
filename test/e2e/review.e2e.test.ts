// Reviewing a month end to end in Chromium: the app opens on the newest month with data, a
// cell's comment is written in the side panel (saved in the SQLite file, marked in the grid,
// in the history), and marking May 2024 complete is refused for seed 004's COVID slip until
// the COVID total carries an explanation.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo, type AppUnderTest } from './harness';

// A browser test under a loaded machine: more than the unit tests' 30 s.
vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withDemo(fn: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const app = await openApp(browser, { seed: seedDemo });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

const cell = (page: Page, unit: string, col: string) => page.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="${col}"]`);

function query<T>(dbFile: string, sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

const storedComment = (dbFile: string, unit: string, element: string, period = '2024-05') =>
  query<{ comment: string | null }>(
    dbFile,
    `SELECT v.comment FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
     WHERE u.code = ? AND e.code = ? AND v.period = ?`,
    unit,
    element,
    period,
  )?.comment ?? null;

describe('reviewing a month', () => {
  it('opens on the newest month with data (December 2024), and any month can still be chosen', async () => {
    await withDemo(async ({ page }) => {
      await page.locator('.grid-wrap[data-loading="false"] .ag-row[row-id="TH_HH_01"]').first().waitFor();
      expect(await page.locator('.period-bar select').nth(0).inputValue()).toBe('12');
      expect(await page.locator('.period-bar select').nth(1).inputValue()).toBe('2024');
      await page.getByText('Tháng 12/2024: đang nhập số liệu.').waitFor();
      await pickMonth(page, '2023-03');
      await page.getByText('Tháng 3/2023: đang nhập số liệu.').waitFor();
    });
  });

  it('saves a comment typed in the cell panel, marks the cell, and shows it in the history', async () => {
    await withDemo(async (app) => {
      const { page, host } = app;
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await cell(page, 'TH_HH_01', 'EPI_FULL_U1').filter({ hasText: /\d/ }).click();
      const panel = page.getByRole('complementary', { name: 'Ô đang chọn' });
      await panel.getByText('Thị trấn Bút Sơn').waitFor();
      await panel.getByText('dữ liệu mẫu').first().waitFor();
      const text = 'Trạm báo bổ sung 2 trẻ tiêm muộn của tháng 4.';
      await panel.getByLabel('Ghi chú giải thích').fill(text);
      await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
      await panel.getByRole('status').filter({ hasText: 'Đã lưu ghi chú.' }).waitFor();
      expect(storedComment(host.dbFile, 'TH_HH_01', 'EPI_FULL_U1')).toBe(text);
      await page.locator('.ag-row[row-id="TH_HH_01"] [col-id="EPI_FULL_U1"].cell-commented').waitFor();
      await panel.getByText(`ghi chú: “${text}”`).waitFor();
      await screenshot(page, '13-entry-comment');
      // After a reload the marker comes back from the database.
      await app.reload();
      await pickMonth(page, '2024-05');
      await page.getByLabel('Chương trình').selectOption('EPI');
      await page.locator('.grid-wrap[data-loading="false"] .ag-row[row-id="TH_HH_01"] [col-id="EPI_FULL_U1"].cell-commented').waitFor();
    });
  });

  it('refuses to mark May 2024 complete for the COVID slip, goes to the cell, and accepts once it is explained', async () => {
    await withDemo(async ({ page, host }) => {
      await pickMonth(page, '2024-05');
      await page.getByText('Tháng 5/2024: đang nhập số liệu.').waitFor();
      await page.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
      const refusal = page.locator('.refusal');
      await refusal.getByText('Chưa thể đánh dấu tháng 5/2024').waitFor();
      // Seed 004's slip sits in the six communes that still use the old "mũi nhắc lại" heading:
      // the district's sum (no cell of its own, explained by any commune's comment) and those six.
      expect(await refusal.getByRole('listitem').count()).toBe(7);
      await refusal.getByText(/Huyện Hoằng Hóa:.*526\.604.*509\.591.*số cộng từ các xã/).waitFor();
      await screenshot(page, '14-month-refused');
      // Say five of them were explained earlier; only Xã Hoằng Phượng is left.
      for (const unit of ['TH_HH_10', 'TH_HH_15', 'TH_HH_22', 'TH_HH_29', 'TH_HH_34']) {
        const value = query<{ value: number }>(
          host.dbFile,
          `SELECT v.value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
           WHERE u.code = ? AND e.code = 'COVID_DOSES_CUM' AND v.period = '2024-05'`,
          unit,
        )!.value;
        const env = await host.call('values.set', { unit, period: '2024-05', element: 'COVID_DOSES_CUM', value, comment: 'Tổng theo CDC tỉnh.' });
        expect(env.ok).toBe(true);
      }
      await page.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
      await expect.poll(() => refusal.getByRole('listitem').count()).toBe(1);
      const slip = refusal.getByRole('button', { name: /Xã Hoằng Phượng:.*Covid-19/ });
      await slip.click();
      expect(await page.getByLabel('Chương trình').inputValue()).toBe('DISEASE');
      const panel = page.getByRole('complementary', { name: 'Ô đang chọn' });
      await panel.getByText('Xã Hoằng Phượng').waitFor();
      await panel.locator('.element', { hasText: 'Tổng số mũi tiêm vắc xin phòng Covid-19 (cộng dồn)' }).waitFor();
      await panel.locator('.cell-flags').getByText(/Covid-19/).first().waitFor();
      await page.locator('.ag-row[row-id="TH_HH_04"] [col-id="COVID_DOSES_CUM"].ag-cell-focus').waitFor();
      await panel.getByLabel('Ghi chú giải thích').fill('Tổng theo báo cáo của CDC tỉnh; các mũi thành phần lấy từ hệ thống tiêm chủng, đang đối chiếu.');
      await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
      await panel.getByRole('status').filter({ hasText: 'Đã lưu ghi chú.' }).waitFor();
      await screenshot(page, '15-month-explained');
      await page.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
      await page.getByText(/^Tháng 5\/2024: đã hoàn thành \(/).waitFor();
      await page.getByText('7 lỗi quan trọng đã có ghi chú giải thích.').waitFor();
      expect(await refusal.count()).toBe(0);
      expect(query<{ status: string }>(host.dbFile, "SELECT status FROM month_status WHERE period = '2024-05'")?.status).toBe('complete');
      await screenshot(page, '16-month-complete');
      await page.getByRole('button', { name: 'Mở lại' }).click();
      await page.getByText('Tháng 5/2024: đang nhập số liệu.').waitFor();
      expect(query<{ status: string }>(host.dbFile, "SELECT status FROM month_status WHERE period = '2024-05'")?.status).toBe('open');
    });
  });
});
