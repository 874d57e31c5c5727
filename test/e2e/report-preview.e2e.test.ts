// The report screen's preview is drawn once per visit: coming back to the screen in another month
// does not draw the last visit's preview first (its print HTML, 2,3 million characters with the
// fonts embedded, was parsed twice per visit; a DevTools session such as the e2e harness's kept
// both copies, docs/readme/entry-memory.md).
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, pickMonth, seedDemo } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the report preview', () => {
  it('draws one preview per visit, of the month chosen, also after leaving while it was on its way', { timeout: 45_000 }, async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      const drawn: string[] = [];
      const onNav = (f: Frame) => {
        if (f !== page.mainFrame()) drawn.push(f.url());
      };
      page.on('framenavigated', onNav);
      const preview = page.locator('iframe.report-preview');
      const previewText = () => preview.contentFrame().locator('body').innerText();
      // The report's title names its month ("… CÔNG TÁC Y TẾ THÁNG 5 NĂM 2024 / VÀ … THÁNG 6 …").
      const titled = (month: string) => `CÔNG TÁC Y TẾ THÁNG ${Number(month.slice(5))} NĂM ${month.slice(0, 4)}`;
      const visit = async (month: string) => {
        await page.locator('#tab-entry').click();
        await pickMonth(page, month);
        drawn.length = 0;
        await page.locator('#tab-report').click();
        await preview.waitFor();
        await expect.poll(previewText, { timeout: 15_000 }).toContain(titled(month));
        // A second draw would follow the first within the same answer: give it a moment.
        await page.waitForTimeout(300);
        return drawn.length;
      };
      expect(await visit('2024-05')).toBe(1);
      expect(await visit('2024-06')).toBe(1);

      // Left before its answer came: the late answer is dropped, and the next visit shows its month.
      await page.locator('#tab-entry').click();
      await pickMonth(page, '2024-03');
      await page.locator('#tab-report').click();
      await page.locator('#tab-entry').click();
      await page.waitForTimeout(500);
      expect(await visit('2024-04')).toBe(1);
      expect(await previewText()).not.toContain(titled('2024-03'));
    } finally {
      await app.close();
    }
  });
});
