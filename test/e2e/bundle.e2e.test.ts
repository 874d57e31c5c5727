// Two apps, each with its own host and SQLite file, as two PCs would be: the demo district
// sends May 2024 from "Gửi báo cáo"; an empty provincial office, set up from its first run,
// receives the file from "Nhận báo cáo" (fingerprint confirmed, dry run, apply) and its
// province figures for May 2024 equal the district's. A correction at the district (a higher
// revision) updates the province; the older file, dropped on the window, is then refused.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Figure } from '../../core/figures';
import { communeBundle, newKey } from '../bundle/fixtures';
import { launchBrowser, openApp, pickMonth, screenshot, scriptedDialogs, seedDemo } from './harness';

vi.setConfig({ testTimeout: 180_000 });

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'thongke-bundle-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Gửi báo cáo' }).click();
  await pickMonth(page, '2024-05');
  const plan = page.getByTestId('send-plan');
  await plan.waitFor();
  await page.getByRole('button', { name: /Lưu tệp|Vẫn gửi/ }).click();
  const saved = page.getByTestId('send-saved');
  await saved.waitFor();
  return saved.locator('code.path').innerText();
}

/** Drops a file on the receive screen as the user would from the file manager. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      return dt;
    },
    { name, data: [...bytes] },
  );
  await page.locator('.bundle-screen').dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Every figure but the rates typed as rates (a sanitation or cure rate the district enters as a
 * percentage): a rate is never summed, so above the unit that typed it there is no such figure
 * (null), however many districts there are. Derived rates are recomputed from summed parts.
 */
const values = (figures: Figure[]) => Object.fromEntries(figures.filter((f) => f.kind !== 'rate').map((f) => [f.element, f.value]));

describe('the month travels up: district → province, in two apps', () => {
  it('sends, confirms the key, checks, applies; a correction updates; the older file is refused', async () => {
    const r1 = join(dir, 'TH_HH_2024-05_r1.tkb');
    const r2 = join(dir, 'TH_HH_2024-05_r2.tkb');
    const district = await openApp(browser, { seed: seedDemo, host: { dialogs: scriptedDialogs([r1, r2]).dialogs } });
    const receiving = scriptedDialogs([[r1], [r2]]);
    const province = await openApp(browser, { host: { dialogs: receiving.dialogs } });
    try {
      // The district: its fingerprint in Settings, then "Gửi báo cáo" for May 2024.
      const d = district.page;
      await d.getByRole('tab', { name: 'Cài đặt' }).click();
      const fingerprint = (await d.getByTestId('key-fingerprint').locator('.fingerprint').innerText()).trim();
      expect(fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
      await d.getByRole('tab', { name: 'Gửi báo cáo' }).click();
      await pickMonth(d, '2024-05');
      // The demo's May is not marked complete: said before sending, and sending is still allowed.
      await d.getByTestId('send-warnings').getByText('chưa được đánh dấu hoàn thành').waitFor();
      await d.getByText('TH_HH_2024-05_r1.tkb').first().waitFor();
      await screenshot(d, '20-send-month');
      expect(await send(d)).toBe(r1);
      await d.getByTestId('sent-list').getByText('TH_HH_2024-05_r1.tkb').waitFor();
      expect(readFileSync(r1).length).toBeLessThan(50 * 1024);

      // The provincial office: its first run makes an empty receiving database.
      const p = province.page;
      await p.locator('input[name="parentName"]').fill('Sở Y tế Thanh Hóa');
      await p.locator('input[name="parentCode"]').fill('TH');
      await p.locator('input[name="parentUser"]').fill('Nguyễn Văn Tỉnh');
      await p.getByRole('button', { name: 'Tạo cơ sở dữ liệu nhận báo cáo' }).click();
      await p.getByRole('tab', { name: 'Nhận báo cáo' }).click();
      // A province sends no bundle: no "Gửi báo cáo" tab.
      expect(await p.getByRole('tab', { name: 'Gửi báo cáo' }).count()).toBe(0);

      // The file from the dialog: first refused until the key is confirmed, showing the fingerprint.
      await p.getByRole('button', { name: 'Chọn tệp gói…' }).click();
      const trustBox = p.getByTestId('trust-box');
      await trustBox.waitFor({ timeout: 8000 }).catch(async (e: unknown) => {
        console.log('DEBUG', await p.locator('.bundle-screen').innerText());
        throw e;
      });
      expect((await trustBox.locator('.fingerprint').innerText()).trim()).toBe(fingerprint);
      expect(await p.getByRole('button', { name: /^Nhận vào/ }).isDisabled()).toBe(true);
      await screenshot(p, '21-receive-trust');
      await p.getByRole('button', { name: /Mã khoá khớp/ }).click();
      const row = p.locator('[data-testid="receive-files"] tr[data-file="TH_HH_2024-05_r1.tkb"]');
      await row.locator('.bundle-status').filter({ hasText: 'Sẵn sàng nhận' }).waitFor();
      expect(await row.innerText()).toContain('Huyện Hoằng Hóa');
      // The dry run wrote nothing.
      expect((await province.host.call('units.list', {})) as { ok: boolean; value: unknown[] }).toMatchObject({ ok: true, value: [{ code: 'TH' }] });
      await screenshot(p, '22-receive-dry-run');
      await p.getByRole('button', { name: 'Nhận vào (1 tệp)' }).click();
      await row.locator('.bundle-status').filter({ hasText: 'Đã nhận' }).waitFor();
      // The log: the refusal before the key was confirmed, then the import.
      await p.getByTestId('import-log').locator('tr').filter({ hasText: 'TH_HH_2024-05_r1.tkb' }).filter({ hasText: 'Đã nhận' }).waitFor();
      await p.getByTestId('import-log').locator('tr').filter({ hasText: 'TH_HH_2024-05_r1.tkb' }).filter({ hasText: 'Không nhận' }).waitFor();

      // The province's figures for May 2024 equal the district's, element by element.
      const districtFigures = await district.host.call('figures.get', { unit: 'TH_HH', period: '2024-05' });
      const provinceFigures = await province.host.call('figures.get', { unit: 'TH', period: '2024-05' });
      if (!districtFigures.ok || !provinceFigures.ok) throw new Error('figures.get failed');
      const dv = values((districtFigures.value as { figures: Figure[] }).figures);
      const pv = values((provinceFigures.value as { figures: Figure[] }).figures);
      expect(Object.values(dv).filter((v) => v !== null).length).toBeGreaterThan(100);
      expect(pv).toEqual(dv);
      const typedRates = (provinceFigures.value as { figures: Figure[] }).figures.filter((f) => f.kind === 'rate');
      expect(typedRates.length).toBeGreaterThan(0);
      expect(typedRates.every((f) => f.value === null)).toBe(true);
      // And on the province's screen.
      await p.getByRole('tab', { name: 'Số liệu tổng hợp' }).click();
      await pickMonth(p, '2024-05');
      await p.getByLabel('Chương trình').selectOption('EPI');
      await p.locator('tr[data-element="EPI_FULL_U1"] [data-col="value"]').filter({ hasText: '307' }).waitFor();
      await screenshot(p, '23-province-figures');

      // A correction at the district, sent again: revision 2 updates the province.
      const set = await district.host.call('values.set', { unit: 'TH_HH_01', period: '2024-05', element: 'EPI_FULL_U1', value: 99 });
      expect(set.ok).toBe(true);
      expect(await send(d)).toBe(r2);
      await p.getByRole('tab', { name: 'Nhận báo cáo' }).click();
      await p.getByRole('button', { name: 'Chọn tệp gói…' }).click();
      const row2 = p.locator('[data-testid="receive-files"] tr[data-file="TH_HH_2024-05_r2.tkb"]');
      // The same key: no confirmation this time; one value changed.
      await row2.locator('.bundle-status').filter({ hasText: 'Sẵn sàng nhận' }).waitFor();
      expect(await p.getByTestId('trust-box').count()).toBe(0);
      expect(await row2.locator('td').nth(5).innerText()).toBe('1');
      await p.getByRole('button', { name: 'Nhận vào (1 tệp)' }).click();
      await row2.locator('.bundle-status').filter({ hasText: 'Đã nhận' }).waitFor();
      const after = await province.host.call('figures.get', { unit: 'TH', period: '2024-05' });
      const districtAfter = await district.host.call('figures.get', { unit: 'TH_HH', period: '2024-05' });
      if (!after.ok || !districtAfter.ok) throw new Error('figures.get failed');
      expect(values((after.value as { figures: Figure[] }).figures)).toEqual(values((districtAfter.value as { figures: Figure[] }).figures));

      // The older file, dropped on the window: refused, saying which revision is held; nothing changes.
      await dropFile(p, 'TH_HH_2024-05_r1.tkb', readFileSync(r1));
      const old = p.locator('[data-testid="receive-files"] tr[data-file="TH_HH_2024-05_r1.tkb"]').last();
      await old.locator('.bundle-status').filter({ hasText: 'Không nhận' }).waitFor();
      expect(await old.innerText()).toMatch(/phiên bản 1.*cũ hơn phiên bản 2/s);
      await screenshot(p, '24-receive-older-refused');
      const still = await province.host.call('figures.get', { unit: 'TH', period: '2024-05' });
      if (!still.ok) throw new Error('figures.get failed');
      expect(values((still.value as { figures: Figure[] }).figures)).toEqual(values((districtAfter.value as { figures: Figure[] }).figures));

      // Who reported: Hoằng Hóa's May, sent now (2026) for a 2024 month, is late; its other months missing.
      await p.getByRole('tab', { name: 'Tình hình báo cáo' }).click();
      const hh = p.getByTestId('status-table').locator('tr[data-unit="TH_HH"]');
      await hh.waitFor();
      expect(await hh.locator('td[data-period="2024-05"]').innerText()).toMatch(/◷\*!?\s*Muộn/);
      expect(await hh.locator('td[data-period="2024-04"]').innerText()).toContain('✗');
      await p.getByRole('button', { name: 'Soạn nhắc nhở tháng 4/2024' }).click();
      expect(await p.getByTestId('reminder').locator('textarea').inputValue()).toContain('Huyện Hoằng Hóa');
      await screenshot(p, '26-reporting-status');

      // Received data belongs to its sender: the API refuses to write over it.
      const write = await province.host.call('values.set', { unit: 'TH_HH_01', period: '2024-05', element: 'EPI_FULL_U1', value: 1 });
      expect(write).toMatchObject({ ok: false, error: { key: 'bundle.readOnly' } });
    } finally {
      await district.close();
      await province.close();
    }
  });

  it("a district receiving a commune's own bundle: the row is read-only with the sender's name, its history says which bundle", async () => {
    const file = join(dir, 'district-may.tkb');
    const catchUp = join(dir, 'district-mar-may.tkb');
    const district = await openApp(browser, { seed: seedDemo, host: { dialogs: scriptedDialogs([file, catchUp]).dialogs } });
    try {
      const p = district.page;
      // The district's own May bundle, cut down to one commune and re-signed by the commune's key.
      expect(await send(p)).toBe(file);
      const bytes = communeBundle(readFileSync(file), 'TH_HH_01', newKey(), (e, v) => (e === 'EPI_FULL_U1' && v !== null ? v + 1 : v));
      await p.getByRole('tab', { name: 'Nhận báo cáo' }).click();
      await dropFile(p, 'TH_HH_01_2024-05_r1.tkb', bytes);
      await p.getByRole('button', { name: /Mã khoá khớp/ }).click();
      const row = p.locator('[data-testid="receive-files"] tr[data-file="TH_HH_01_2024-05_r1.tkb"]');
      await row.locator('.bundle-status').filter({ hasText: 'Sẵn sàng nhận' }).waitFor();
      await p.getByRole('button', { name: 'Nhận vào (1 tệp)' }).click();
      await row.locator('.bundle-status').filter({ hasText: 'Đã nhận' }).waitFor();

      await p.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await pickMonth(p, '2024-05');
      await p.getByLabel('Chương trình').selectOption('EPI');
      const cell = (unit: string) => p.locator(`.grid-wrap[data-loading="false"] .ag-row[row-id="${unit}"] [col-id="EPI_FULL_U1"]`);
      await cell('TH_HH_01').filter({ hasText: /\d/ }).waitFor();
      const name = p.locator('.grid-wrap .ag-row[row-id="TH_HH_01"] [col-id="name"]');
      expect(await name.innerText()).toBe('Thị trấn Bút Sơn · nhận qua gói số liệu, chỉ xem');
      const before = await cell('TH_HH_01').innerText();
      expect(await cell('TH_HH_01').getAttribute('class')).toContain('cell-readonly');
      // Typing on it opens no editor and changes nothing.
      await cell('TH_HH_01').click();
      await p.keyboard.type('5');
      await p.keyboard.press('Enter');
      expect(await p.locator('.ag-cell-inline-editing').count()).toBe(0);
      await expect.poll(() => cell('TH_HH_01').innerText()).toBe(before);
      // Another commune's row is still typed in.
      expect(await cell('TH_HH_02').getAttribute('class')).not.toContain('cell-readonly');
      // The cell's history names the bundle it came from.
      await cell('TH_HH_01').click();
      await p.locator('.cell-panel').getByText('gói số liệu của Thị trấn Bút Sơn, phiên bản 1').first().waitFor();
      // Its comment cannot be edited either.
      expect(await p.locator('.cell-panel textarea').count()).toBe(0);
      await p.locator('.cell-panel').getByText('chỉ xem').waitFor();
      await screenshot(p, '25-received-commune-row');

      // Catching up: March to May in one file (revision 1 for March and April, 2 for May).
      await p.getByRole('tab', { name: 'Gửi báo cáo' }).click();
      await p.getByLabel('Gửi kèm các tháng trước').selectOption({ label: 'Từ tháng 3/2024 (3 tháng)' });
      await p.getByTestId('send-plan').getByText('TH_HH_2024-03_2024-05_r2.tkb').waitFor();
      await p.getByRole('button', { name: /Lưu tệp|Vẫn gửi/ }).click();
      await p.getByTestId('send-saved').locator('code.path').filter({ hasText: catchUp }).waitFor();
      expect(await p.getByTestId('sent-list').locator('tr').filter({ hasText: 'TH_HH_2024-03_2024-05_r2.tkb' }).count()).toBe(3);
    } finally {
      await district.close();
    }
  });
});
