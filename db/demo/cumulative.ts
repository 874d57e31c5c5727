// The running totals of the demo district: COVID-19 doses and electronic health records,
// with the population they are measured against. Built per commune from the May 2024 split
// by adding or removing monthly increments, so no commune's total ever goes down.
import { anchorOf, elementWeights, spread, type AnchorFigures, type CommuneGrid } from './grid';
import { apportion, makeRng, normal, uniform } from './random';
import { ANCHOR, MONTH_COUNT, MONTHS, cumulativeByCommune, monotoneSeries, shrinkingGapsByCommune } from './series';

/** COVID-19 doses given in the district each month, 2023–2024: the campaign winding down. */
const COVID_MONTHLY = [950, 720, 560, 430, 330, 260, 200, 160, 130, 110, 95, 80, 70, 55, 50, 45, 42, 38, 35, 30, 28, 25, 22, 20];

/** The dose parts whose monthly increments come from the doses given (the rest stopped before 2023). */
const COVID_PARTS = ['COVID_DOSE1', 'COVID_DOSE2', 'COVID_DOSE3', 'COVID_BOOSTER', 'COVID_BOOSTER1', 'COVID_BOOSTER2', 'COVID_ADDITIONAL'] as const;

/**
 * The communes (by position) that still record doses under the old "mũi nhắc lại" heading.
 * Only they have a COVID_BOOSTER figure, and they leave it out of their total.
 */
const OLD_BOOSTER_HEADING = [3, 9, 14, 21, 28, 33];

/**
 * COVID_DOSES_MONTH, the seven cumulative dose parts, and the cumulative total. The seed's total
 * (509.591) is its parts (526.604) minus the "mũi nhắc lại" column (17.013): that column was left
 * out of the sum. In the demo the column comes from six communes still using the old heading,
 * and each of them leaves it out of its own total — so the total stays a running total, the
 * district fails the parts = total check as the report does, and the check points at the six
 * communes to correct or explain.
 */
export function covid(grid: CommuneGrid, base: readonly number[], may: AnchorFigures): void {
  const rng = makeRng('COVID');
  const weights = elementWeights(base, 'COVID', 0.15);
  const monthly = COVID_MONTHLY.map((v, m) => (m === ANCHOR ? anchorOf(may, 'COVID_DOSES_MONTH') : Math.max(0, Math.round(v * (1 + 0.1 * normal(rng))))));
  const doses = spread(monthly, weights, rng, 0.4);
  grid.set('COVID_DOSES_MONTH', doses);
  // In 2023 doses went to the first and second boosters and the additional dose; in 2024 to booster 2 only.
  const increments = new Map<string, number[][]>(COVID_PARTS.map((p) => [p, doses.map((row) => row.map(() => 0))]));
  doses.forEach((row, m) =>
    row.forEach((d, c) => {
      const in2023 = MONTHS[m]!.startsWith('2023');
      const b1 = in2023 ? Math.round(d * 0.35) : 0;
      const add = in2023 ? Math.round(d * 0.1) : 0;
      increments.get('COVID_BOOSTER1')![m]![c] = b1;
      increments.get('COVID_ADDITIONAL')![m]![c] = add;
      increments.get('COVID_BOOSTER2')![m]![c] = d - b1 - add;
    }),
  );
  for (const part of COVID_PARTS) {
    const inc = increments.get(part)!;
    const partWeights = weights.map((w, c) => w * uniform(rng, 0.9, 1.1) * (part !== 'COVID_BOOSTER' || OLD_BOOSTER_HEADING.includes(c) ? 1 : 0));
    const anchor = apportion(anchorOf(may, part), partWeights);
    const rows: number[][] = new Array<number[]>(MONTH_COUNT);
    rows[ANCHOR] = anchor;
    for (let m = ANCHOR + 1; m < MONTH_COUNT; m++) rows[m] = rows[m - 1]!.map((v, c) => v + inc[m]![c]!);
    for (let m = ANCHOR - 1; m >= 0; m--) rows[m] = rows[m + 1]!.map((v, c) => v - inc[m + 1]![c]!);
    grid.set(part, rows);
  }
  const counted = COVID_PARTS.filter((p) => p !== 'COVID_BOOSTER').map((p) => grid.get(p)!);
  grid.set('COVID_DOSES_CUM', counted[0]!.map((row, m) => row.map((_, c) => counted.reduce((a, g) => a + g[m]![c]!, 0))));
}

/** A district gap series: fixed at the anchor, `before` more per month going back, `after` less per month going forward. */
function gapSeries(anchor: number, before: number, after: number): number[] {
  return MONTHS.map((_, m) => (m <= ANCHOR ? anchor + (ANCHOR - m) * before : Math.max(0, anchor - (m - ANCHOR) * after)));
}

/**
 * Electronic health records (people, parts B/C/D) and the population. People with a record
 * grow fast through 2023 and slowly after; each part lags the people by a gap that only
 * shrinks, so parts never decrease either; population = people + those still without one.
 */
export function healthRecords(grid: CommuneGrid, base: readonly number[], may: AnchorFigures): void {
  const rng = makeRng('DX_EHR');
  const people = anchorOf(may, 'DX_EHR_PEOPLE');
  const peopleSeries = monotoneSeries(
    people,
    () => Math.max(0, Math.round(760 * (1 + 0.2 * normal(rng)))),
    () => Math.max(0, Math.round(110 * (1 + 0.2 * normal(rng)))),
  );
  const popSeries = MONTHS.map((_, m) => (m === ANCHOR ? anchorOf(may, 'POP_TOTAL') : Math.round(anchorOf(may, 'POP_TOTAL') + 145 * (m - ANCHOR) + 40 * normal(rng))));
  const weights = elementWeights(base, 'DX_EHR', 0.05);
  const peopleRows = cumulativeByCommune(peopleSeries, weights);
  grid.set('DX_EHR_PEOPLE', peopleRows);
  const without = popSeries.map((p, m) => p - peopleSeries[m]!);
  if (without.some((g) => g < 0)) throw new Error('demo: more health records than people');
  const withoutRows = spread(without, weights, rng, 0.05);
  grid.set('POP_TOTAL', peopleRows.map((row, m) => row.map((v, c) => v + withoutRows[m]![c]!)));
  const parts: [string, number, number][] = [
    ['DX_EHR_B', 180, 1],
    ['DX_EHR_C', 2400, 130],
    ['DX_EHR_D', 150, 2],
  ];
  for (const [code, before, after] of parts) {
    const gaps = shrinkingGapsByCommune(gapSeries(people - anchorOf(may, code), before, after), weights);
    grid.set(code, peopleRows.map((row, m) => row.map((v, c) => v - gaps[m]![c]!)));
  }
}
