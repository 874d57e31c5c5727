// The provincial office's screens on a real province database holding two received districts
// (signed bundles, imported): "Chỉ tiêu kế hoạch" shows the province's value as the ratio of the
// districts' sums (not the mean of their ratios), verdicts in words, a non-computable indicator
// named as such, and the chart of an indicator drawn as SVG with its target line; "Tình hình báo
// cáo" draws the timeliness chart, and a unit's name opens that unit's figures.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IndicatorsView } from '../../core/api';
import { formatIndicatorValue } from '../../core/charts/indicator-text';
import { launchBrowser, openApp, pickMonth, screenshot } from './harness';
import { provinceWithTwoDistricts } from './province-fixture';

vi.setConfig({ testTimeout: 180_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('province screens: plan indicators and reporting timeliness', () => {
  it('shows ratios of sums with verdicts in words, the chart with its target line, the timeliness chart, and links to units', async () => {
    const app = await openApp(browser, { seed: provinceWithTwoDistricts });
    try {
      const p = app.page;
      // What the service computes, to compare the screen with.
      const got = await app.host.call('indicators.get', { unit: 'TH', period: '2024-05' });
      if (!got.ok) throw new Error('indicators.get failed');
      const view = got.value as IndicatorsView;
      expect(view.units.map((u) => u.unit)).toEqual(['TH', 'TH_HH', 'TH_QX']);
      const epi = (unit: string) => view.units.find((u) => u.unit === unit)!.indicators.find((i) => i.code === 'IND04_EPI_FULL')!;
      const def = view.definitions.find((d) => d.code === 'IND04_EPI_FULL')!;
      // The province: (1.497 + 307) / (3.521 + 10.563) = 12,81%, while the districts' ratios are
      // 42,52% and 2,91%, whose mean (22,71%) is not the province's figure.
      expect(epi('TH').numerator).toBe(epi('TH_HH').numerator! + epi('TH_QX').numerator!);
      expect(epi('TH').denominator).toBe(epi('TH_HH').denominator! + epi('TH_QX').denominator!);
      const mean = (epi('TH_HH').value! + epi('TH_QX').value!) / 2;
      const shown = formatIndicatorValue(epi('TH').value!, def, 'vi');
      expect(shown).toBe('12,81%');
      expect(formatIndicatorValue(mean, def, 'vi')).toBe('22,71%');

      await p.getByRole('tab', { name: 'Chỉ tiêu kế hoạch' }).click();
      await pickMonth(p, '2024-05');
      const table = p.getByTestId('indicators-table');
      const cell = (code: string, unit: string) => table.locator(`tr[data-indicator="${code}"] td[data-unit="${unit}"]`);
      await cell('IND04_EPI_FULL', 'TH').locator('.indicator-value').filter({ hasText: shown }).waitFor();
      expect(await table.locator('thead th').allInnerTexts()).toEqual(['Chỉ tiêu', 'Kế hoạch', 'Tỉnh Thanh Hóa', 'Huyện Hoằng Hóa', 'Huyện Quảng Xương']);
      await expect.poll(() => cell('IND04_EPI_FULL', 'TH_HH').locator('.indicator-value').innerText()).toBe('42,52%');
      await expect.poll(() => cell('IND04_EPI_FULL', 'TH_QX').locator('.indicator-value').innerText()).toBe('2,91%');
      expect(await table.locator('tr[data-indicator="IND04_EPI_FULL"] [data-col="target"]').innerText()).toBe('≥ 98%');
      // Verdicts as a sign and a word: immunization below its floor, HIV under its ceiling.
      expect((await cell('IND04_EPI_FULL', 'TH').locator('.verdict').innerText()).trim()).toBe('✗ Chưa đạt');
      expect((await cell('IND12_HIV_PREVALENCE', 'TH').locator('.verdict').innerText()).trim()).toBe('✓ Đạt');
      expect(await table.locator('tr[data-indicator="IND12_HIV_PREVALENCE"] [data-col="target"]').innerText()).toBe('< 0,3%');
      expect(await table.locator('tr[data-indicator="IND10_INFANT_MORTALITY"] [data-col="target"]').innerText()).toBe('< 8‰');
      // What the catalogue cannot compute is named as such, with what it lacks.
      expect(await table.locator('tr[data-indicator="IND02_BEDS"] [data-col="reason"]').innerText()).toMatch(/^Không tính được từ danh mục: .*số giường bệnh/);
      // No raw codes in what the user reads.
      expect(await table.innerText()).not.toMatch(/IND\d\d_|EPI_|RH_/);

      // The chart of the first computable indicator is there; choose immunization by its name.
      await table.locator('tr[data-indicator="IND04_EPI_FULL"] button').click();
      expect(await p.getByLabel('Biểu đồ chỉ tiêu').inputValue()).toBe('IND04_EPI_FULL');
      const chart = p.getByTestId('indicator-chart');
      await chart.locator('svg text').filter({ hasText: 'Kế hoạch ≥ 98%' }).waitFor();
      const svg = await chart.locator('svg').innerHTML();
      // Bars labelled with value and sign, the dashed target line, the province's value dotted.
      expect(svg).toContain('42,52% ✗');
      expect(svg).toContain('2,91% ✗');
      expect(svg).toContain('Tỉnh Thanh Hóa: 12,81%');
      expect(svg).toMatch(/stroke-dasharray/);
      expect(await chart.getAttribute('aria-label')).toContain('Huyện Hoằng Hóa 42,52%, Chưa đạt; Huyện Quảng Xương 2,91%, Chưa đạt');
      await screenshot(p, '40-province-indicators');

      // Another indicator from the picker above the table: HIV, both districts on track.
      await p.getByLabel('Biểu đồ chỉ tiêu').selectOption({ label: view.definitions.find((d) => d.code === 'IND12_HIV_PREVALENCE')!.nameVi });
      await chart.locator('svg text').filter({ hasText: 'Kế hoạch < 0,3%' }).waitFor();
      expect(await chart.locator('svg').innerHTML()).toContain('0,14% ✓');

      // A quarter: the same screen for 2024-Q2.
      await p.getByLabel('Kỳ').selectOption({ label: 'Quý' });
      await table.and(p.locator('[data-period="2024-Q2"]')).waitFor();
      await p.getByRole('heading', { name: /quý 2\/2024/ }).waitFor();

      // "Tình hình báo cáo": the timeliness chart, then a unit's name opens its figures.
      await p.getByRole('tab', { name: 'Tình hình báo cáo' }).click();
      const timeliness = p.getByTestId('timeliness-chart');
      await timeliness.locator('svg text').filter({ hasText: 'Tỷ lệ đã gửi' }).waitFor();
      const tsvg = await timeliness.locator('svg').innerHTML();
      expect(tsvg).toContain('✓ Đúng hạn');
      expect(tsvg).toContain('◷ Muộn');
      expect(tsvg).toContain('✗ Chưa gửi');
      expect(tsvg).toContain('100%');
      expect(await timeliness.getAttribute('aria-label')).toContain('tháng 5/2024 đã nhận 2/2 (100%): 1 đúng hạn, 1 muộn, 0 chưa gửi');
      await screenshot(p, '41-reporting-timeliness');
      await p.getByTestId('status-table').getByRole('button', { name: 'Huyện Quảng Xương' }).click();
      expect(await p.getByRole('tab', { name: 'Số liệu tổng hợp' }).getAttribute('aria-selected')).toBe('true');
      await p.getByRole('heading', { name: /Số liệu Huyện Quảng Xương/ }).waitFor();
      expect(await p.getByLabel('Số liệu của đơn vị').inputValue()).toBe('TH_QX');
      await pickMonth(p, '2024-05');
      await p.getByLabel('Chương trình').selectOption('EPI');
      // Quảng Xương's own May figure (the same as the demo's), not the province's sum.
      await p.locator('tr[data-element="EPI_FULL_U1"] [data-col="value"]').filter({ hasText: /^307$/ }).waitFor();
    } finally {
      await app.close();
    }
  });
});
