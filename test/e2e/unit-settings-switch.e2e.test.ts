// The report screen's unit settings form belongs to the unit it was loaded for. Choosing another
// unit while the form holds typed settings: the typed settings go to their own unit (never to the
// unit chosen next, whose settings are not in yet), and the form shows the new unit's settings
// only once they are read. Chromium, the built renderer, the real service and the demo's SQLite
// file; the host's answer for the second unit is held back to look at that moment.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnitSettingsView } from '../../core/api';
import { launchBrowser, openApp, seedDemo, type AppUnderTest } from './harness';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Holds the host's answers to `report.unitSettings` for `unit` until the returned function is called. */
function holdUnit(app: AppUnderTest, unit: string): () => void {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const call = app.host.call.bind(app.host);
  app.host.call = async (op: unknown, args: unknown) => {
    if (op === 'report.unitSettings' && (args as { unit?: string }).unit === unit) await gate;
    return call(op, args);
  };
  return release;
}

async function own(app: AppUnderTest, unit: string): Promise<UnitSettingsView['own']> {
  const r = (await app.host.call('report.unitSettings', { unit, period: '2024-05' })) as { ok: true; value: UnitSettingsView };
  return r.value.own;
}

describe('the unit settings form when the unit changes', () => {
  it('saves typed settings into their own unit and never shows or saves them as the next unit’s', async () => {
    const app = await openApp(browser, { seed: seedDemo });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      const unitSelect = page.locator('.report-screen select').first();
      await unitSelect.selectOption('TH_HH_02');
      await page.getByRole('button', { name: 'Thiết lập báo cáo của đơn vị…' }).click();
      const signer = page.locator('.unit-settings input[name="signerName"]');
      await expect.poll(() => page.locator('.unit-settings input[name="unitName"]').getAttribute('placeholder'), { timeout: 15_000 }).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');
      await signer.fill('Nguyễn Thị Lan');

      // Another commune chosen; its settings are not in yet.
      const release = holdUnit(app, 'TH_HH_03');
      await unitSelect.selectOption('TH_HH_03');
      await expect.poll(() => page.locator('.unit-settings legend').textContent(), { timeout: 15_000 }).not.toContain('Hoằng Giang');
      // Nothing of Hoằng Giang's form is shown as this commune's, and no save can send it there.
      const shown = (await signer.count()) > 0 ? await signer.inputValue() : '';
      expect(shown).not.toBe('Nguyễn Thị Lan');
      const saveButton = page.getByRole('button', { name: 'Lưu thiết lập' });
      if (await saveButton.isEnabled()) await saveButton.click();
      release();
      await expect.poll(() => page.locator('.unit-settings input[name="unitName"]').getAttribute('placeholder'), { timeout: 15_000 }).not.toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');

      // What was typed is Hoằng Giang's, in the file; the next commune's settings are untouched.
      await expect.poll(async () => (await own(app, 'TH_HH_02')).signerName, { timeout: 15_000 }).toBe('Nguyễn Thị Lan');
      expect(await own(app, 'TH_HH_03')).toEqual({});
      expect(await signer.inputValue()).toBe('');
    } finally {
      await app.close();
    }
  });
});
