// The plans screen (Kế hoạch): the demo district's 2024 targets, copying them into 2025 without
// overwriting, editing a target and its direction, a refusal that keeps the typed text and
// changes nothing, and the filter to the elements without a target.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlansView } from '../../core/api';
import { launchBrowser, openApp, screenshot, seedDemo } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the plans screen', () => {
  it('shows, copies, edits and filters the annual targets', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page, host } = app;
      const plans = async (year: number): Promise<PlansView> => {
        const env = await host.call('plans.get', { unit: 'TH_HH', year });
        if (!env.ok) throw new Error(env.error.message);
        return env.value as PlansView;
      };
      await page.getByRole('tab', { name: 'Kế hoạch', exact: true }).click();
      await expect.poll(() => page.locator('h2').innerText()).toBe('Kế hoạch năm 2024 của Huyện Hoằng Hóa');
      const target = (element: string) => page.locator(`tr[data-element="${element}"] input.plan-target`);
      await expect.poll(() => target('EPI_FULL_U1').inputValue()).toBe('3.521');
      // Grouped by programme, under the report's section.
      expect(await page.locator('tbody[data-programme="EPI"] tr.programme-row').innerText()).toMatch(/Tiêm chủng/);

      // 2025 has no plan yet: copy last year's.
      await page.locator('select[name="year"]').selectOption('2025');
      await expect.poll(() => target('EPI_FULL_U1').inputValue()).toBe('');
      await target('EPI_FULL_U1').fill('3600');
      await target('EPI_FULL_U1').press('Enter');
      await page.locator('tr[data-element="EPI_FULL_U1"] td[data-state="saved"]').waitFor();
      await page.getByRole('button', { name: 'Sao chép kế hoạch năm trước' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã sao chép 22 chỉ tiêu từ kế hoạch năm 2024; giữ nguyên 1 chỉ tiêu đã có.' }).waitFor();
      await expect.poll(() => target('EPI_MEASLES2').inputValue()).toBe('3.480');
      expect(await target('EPI_FULL_U1').inputValue()).toBe('3.600');
      const after = await plans(2025);
      expect(after.rows.find((r) => r.element === 'EPI_FULL_U1')).toMatchObject({ target: 3600, direction: '>=' });
      expect(after.rows.find((r) => r.element === 'FP_BIRTHS')).toMatchObject({ target: 3300, direction: '<=' });

      // The direction: a ceiling.
      await page.getByLabel(/^Hướng: .*/).first().waitFor();
      await page.locator('tr[data-element="FP_BIRTHS"] select[name="direction"]').selectOption('<');
      await expect.poll(async () => (await plans(2025)).rows.find((r) => r.element === 'FP_BIRTHS')?.direction).toBe('<');

      // A percentage over 100 is refused in Vietnamese; the text stays, nothing is saved.
      const before = JSON.stringify(await plans(2025));
      await target('SAN_LATRINE_PCT').fill('150');
      await target('SAN_LATRINE_PCT').press('Enter');
      const alert = page.locator('tr[data-element="SAN_LATRINE_PCT"] [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/100/);
      expect(await target('SAN_LATRINE_PCT').inputValue()).toBe('150');
      expect(JSON.stringify(await plans(2025))).toBe(before);
      await target('SAN_LATRINE_PCT').press('Escape');
      await expect.poll(() => alert.count()).toBe(0);

      // Only the elements without a target.
      await page.getByLabel(/Chỉ hiện chỉ tiêu chưa có chỉ tiêu kế hoạch/).check();
      await expect.poll(() => page.locator('tr[data-element="EPI_FULL_U1"]').count()).toBe(0);
      const missing = (await plans(2025)).rows.filter((r) => r.target === null).length;
      await expect.poll(() => page.locator('tr[data-element]').count()).toBe(missing);
      await screenshot(page, 'plans-screen');
    } finally {
      await app.close();
    }
  }, 120_000);
});
