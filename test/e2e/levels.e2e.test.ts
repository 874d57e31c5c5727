// Levels are data, on screen (issue 13), and registering units by paste (issue 11).
// 1. The demo district whose province calls its levels "Trung tâm Y tế khu vực" / "Trạm Y tế xã"
//    / "Điểm trạm": the entry screen's progress line names the commune level so.
// 2. "Tình hình báo cáo" of a province database (two districts received): a pasted CSV is checked
//    first (a dry run: the units it would add, levels by the province's names), a bad paste lists
//    its lines and writes nothing, then "Đăng ký" registers and the table shows the new unit.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REFORM_LEVEL_NAMES, type LevelNames, type OrgUnit } from '../../core/orgunit';
import { setSetting } from '../../db/settings.repo';
import { openStore } from '../../db/store';
import { launchBrowser, openApp, pickMonth, screenshot, seedDemo } from './harness';
import { provinceWithTwoDistricts } from './province-fixture';
import { fileState } from '../bundle/fixtures';

vi.setConfig({ testTimeout: 180_000 });

const NAMES: LevelNames = { ...REFORM_LEVEL_NAMES, commune: 'Trạm Y tế xã' };

function withNames(file: string, names: LevelNames): void {
  const store = openStore(file);
  try {
    setSetting(store, 'units.levelNames', names);
  } finally {
    store.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('level names on screen', () => {
  it('the entry screen’s progress line names the commune level as the province does', async () => {
    const app = await openApp(browser, {
      seed: (f) => {
        seedDemo(f);
        withNames(f, NAMES);
      },
    });
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
      await pickMonth(page, '2024-05');
      const line = page.getByTestId('month-progress');
      await line.waitFor();
      const empty = line.getByTestId('progress-empty');
      await expect.poll(async () => (await line.isVisible() ? line.innerText() : ''), { timeout: 60_000 }).toMatch(/trạm Y tế xã/);
      await expect.poll(() => empty.textContent(), { timeout: 30_000 }).toMatch(/^\d+\/37 trạm Y tế xã chưa nhập gì$/);
    } finally {
      await app.close();
    }
  });
});

describe('registering units by paste on "Tình hình báo cáo"', () => {
  it('checks first, lists a bad paste by line writing nothing, then registers', async () => {
    const app = await openApp(browser, {
      seed: async (f) => {
        await provinceWithTwoDistricts(f);
        withNames(f, REFORM_LEVEL_NAMES);
      },
    });
    try {
      const { page, host } = app;
      const units = async () => {
        const r = await host.call('units.list', {});
        if (!r.ok) throw new Error('units.list failed');
        return (r.value as OrgUnit[]).map((u) => u.code).sort();
      };
      const before = await units();
      await page.getByRole('tab', { name: 'Tình hình báo cáo' }).click();
      await page.getByTestId('status-table').waitFor();
      await page.getByRole('button', { name: 'Dán danh sách đơn vị…' }).click();
      const box = page.getByTestId('units-paste');
      expect(await box.locator('.hint').innerText()).toContain('Trung tâm Y tế khu vực (district)');
      const area = box.getByLabel('Danh sách đơn vị (CSV)');

      // A bad paste: every bad line named, nothing written.
      const fileBefore = fileState(host.dbFile);
      await area.fill('code,name,level,parent\nTH_NS,Trung tâm Y tế khu vực Nghi Sơn,khu vuc,TH\nTH_NS_01,Xã Hải Bình,Xã,TH_ZZ\n');
      await box.getByRole('button', { name: 'Kiểm tra' }).click();
      const refused = box.getByTestId('units-paste-refused');
      await refused.waitFor();
      const lines = await refused.locator('li').allInnerTexts();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Dòng 2: cấp "khu vuc" không hợp lệ; .*Trung tâm Y tế khu vực \(district\)/);
      expect(lines[1]).toMatch(/^Dòng 3: .*"TH_ZZ"/);
      expect(await box.getByRole('button', { name: 'Đăng ký' }).isDisabled()).toBe(true);
      expect(await units()).toEqual(before);
      expect(fileState(host.dbFile)).toBe(fileBefore);

      // A good paste (the level by its name or its key): the dry run's table, then registered.
      await area.fill('code;name;level;parent\nTH_NS;Trung tâm Y tế khu vực Nghi Sơn;Trung tâm Y tế khu vực;TH\nTH_NS_01;Xã Hải Bình;commune;TH_NS\n');
      await box.getByRole('button', { name: 'Kiểm tra' }).click();
      const preview = box.getByTestId('units-paste-preview');
      await preview.waitFor();
      expect(await preview.getByRole('status').innerText()).toBe('Sẽ đăng ký 2 đơn vị mới (0 đã có, giữ nguyên). Chưa ghi gì.');
      expect(await preview.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)))).toEqual([
        ['TH_NS', 'Trung tâm Y tế khu vực Nghi Sơn', 'Trung tâm Y tế khu vực', 'TH'],
        ['TH_NS_01', 'Xã Hải Bình', 'Xã', 'TH_NS'],
      ]);
      expect(await units()).toEqual(before);
      await screenshot(page, 'units-paste-check');
      await box.getByRole('button', { name: 'Đăng ký' }).click();
      await expect.poll(() => box.getByTestId('units-paste-done').textContent(), { timeout: 30_000 }).toBe('Đã đăng ký 2 đơn vị (0 đã có).');
      expect(await units()).toEqual([...before, 'TH_NS', 'TH_NS_01'].sort());
      // The province now expects the new centre: its row is in the table.
      await page.getByTestId('status-table').locator('tr[data-unit="TH_NS"]').waitFor();
    } finally {
      await app.close();
    }
  });
});
