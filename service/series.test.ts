// The trend a chart draws is the figures model month by month: every point equals what
// `figures.get` says for that month, derived elements included; plans come per year.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../core/period';
import { getFigures } from '../db/figures.repo';
import { openStore, type Store } from '../db/store';
import { demoDistrict } from '../test/bundle/fixtures';
import { figureSeries } from './series';

let dir: string;
let store: Store;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-series-'));
  demoDistrict(join(dir, 'demo.sqlite'));
  store = openStore(join(dir, 'demo.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an element month by month', () => {
  it.each([
    ['TH_HH', 'EPI_FULL_U1'],
    ['TH_HH_01', 'EPI_FULL_U1'],
    ['TH_HH', 'DX_EHR_PCT'],
  ])('%s %s: each point is figures.get of its month (value and year-to-date)', (unit, element) => {
    const s = figureSeries(store, unit, element, '2024-12', 24);
    expect(s.points).toHaveLength(24);
    expect(s.points[0]!.period).toBe('2023-01');
    for (const p of s.points) {
      const f = getFigures(store, unit, p.period).figures.find((x) => x.element === element)!;
      expect([p.period, p.value, p.ytd]).toEqual([p.period, f.value, f.ytd]);
    }
    expect(s.points.some((p) => p.value !== null)).toBe(true);
    expect(s.plans.map((p) => p.year)).toEqual([2023, 2024]);
  });

  it('gives the year plan and its direction where there is one', () => {
    const may = getFigures(store, 'TH_HH', '2024-05').figures.find((x) => x.element === 'EPI_FULL_U1')!;
    const s = figureSeries(store, 'TH_HH', 'EPI_FULL_U1', addMonths('2024-05', 0), 12);
    expect(s.plans.find((p) => p.year === 2024)).toEqual({ year: 2024, target: may.plan, direction: may.planDirection });
  });
});

describe("the expected range beside a cell", () => {
  it('is the range the outlier check used: every value the check flags in May 2024 is flagged here too, with the same centre', async () => {
    const { validateMonth } = await import('./quality');
    const outliers = validateMonth(store, 'TH_HH', '2024-05', 'vi').outliers;
    expect(outliers.length).toBeGreaterThan(0);
    for (const o of outliers) {
      const s = figureSeries(store, o.unit, o.element, '2024-05', 13);
      expect(s.range, `${o.unit} ${o.element}`).not.toBeNull();
      expect(s.range!.flagged).toBe(true);
      expect(s.range!.expected).toBeCloseTo(o.expected, 6);
    }
  });
});
