// Data quality on a real SQLite file: validation of a district month, mark complete (refused,
// then accepted once each high-importance problem carries a comment), re-check of one cell,
// and rules that cannot be checked (division by zero, before the first data).
import { recheckCell } from '../core/rules/validate';
import { shippedRules } from '../core/rules/shipped';
import { loadWindows } from '../db/quality.repo';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../core/errors';
import { addMonths } from '../core/period';
import { shippedCatalogue } from '../core/catalogue-data';
import { compileRules } from '../core/rules/ruleset';
import { SHIPPED_RULE_FILES } from '../core/rules/shipped';
import { smallStore, tempDir, type TempDir } from '../test/helpers/fixture';
import { markComplete, monthStatus, reopenMonth, validateMonth } from './quality';
import type { Store } from '../db/store';
import { setValues, type ValueInput } from '../db/values.repo';

/** The live check of one edited cell (core/rules/validate.ts), fed from the database. */
function recheck(store: Store, unit: string, period: string, element: string, value: number | null, lang: 'vi' | 'en') {
  return recheckCell(shippedRules(store.catalogue), store.catalogue, store.tree(), loadWindows(store, unit, period), unit, element, value, lang);
}

let tmp: TempDir;
let store: Store;
const now = new Date(2024, 5, 10);

function put(entries: [string, string, string, number | null, string?][]): void {
  const inputs: ValueInput[] = entries.map(([unit, period, element, value, comment]) => ({ unit, period, element, value, ...(comment ? { comment } : {}) }));
  setValues(store, inputs, 'lan', 'ui', now);
}

const COVID: [string, number][] = [
  ['COVID_DOSE1', 157_422], ['COVID_DOSE2', 157_561], ['COVID_DOSE3', 36_724], ['COVID_BOOSTER', 17_013],
  ['COVID_BOOSTER1', 103_236], ['COVID_BOOSTER2', 38_317], ['COVID_ADDITIONAL', 16_331],
];

/** Seed 004's COVID figures split over two communes: consistent in C1, the slip in C2. */
function seedCovid(): void {
  const c1 = COVID.map(([e, v]): [string, string, string, number] => ['C1', '2024-05', e, Math.floor(v / 3)]);
  const c1Total = c1.reduce((a, r) => a + r[3], 0);
  const c2 = COVID.map(([e, v]): [string, string, string, number] => ['C2', '2024-05', e, v - Math.floor(v / 3)]);
  put([...c1, ...c2, ['C1', '2024-05', 'COVID_DOSES_CUM', c1Total], ['C2', '2024-05', 'COVID_DOSES_CUM', 509_591 - c1Total]]);
}

beforeEach(() => {
  tmp = tempDir();
  store = smallStore(tmp.path('huyen.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

describe('validating a month on a real database', () => {
  it('flags the COVID slip on the commune and on the district aggregate, in vi-VN numbers', () => {
    seedCovid();
    const r = validateMonth(store, 'D', '2024-05', 'vi');
    const covid = r.violations.filter((v) => v.rule === 'PARTS_COVID_DOSES_CUM');
    expect(covid.map((v) => v.unit)).toEqual(['D', 'C2']);
    expect(covid[0]).toMatchObject({ importance: 'high', left: 509_591, right: 526_604 });
    expect(covid[0]!.message).toContain('526.604');
    expect(covid[0]!.message).toContain('509.591');
    expect(r.summary.high).toBe(2);
    expect(r.status.status).toBe('open');
    expect(r.ruleProblems).toEqual([]);
    // Before the first data: the never-decreases rules are noted, not violated.
    expect(r.notes.filter((n) => n.rule === 'CUMULATIVE_COVID_DOSES_CUM')).toMatchObject([{ reason: 'beforeFirstData', units: ['D', 'C1', 'C2'] }]);
    const c1 = validateMonth(store, 'C1', '2024-05', 'vi');
    expect(c1.violations).toEqual([]);
    expect(c1.completeness.byUnit.map((u) => u.unit)).toEqual(['C1']);
  });

  it('counts completeness per commune and programme, with 0 as filled and cleared as empty', () => {
    put([['C1', '2024-05', 'HIV_NEW', 0], ['C1', '2024-05', 'AIDS_DEATHS', 3], ['F1', '2024-05', 'HIV_METHADONE', 110]]);
    put([['C1', '2024-05', 'AIDS_DEATHS', null]]);
    const c = validateMonth(store, 'D', '2024-05', 'vi').completeness;
    expect(c.byUnit.map((u) => [u.unit, u.filled])).toEqual([['D', 1], ['C1', 1], ['C2', 0], ['C3', 0]]);
    expect(c.byProgramme.find((p) => p.programme === 'HIV')).toMatchObject({ filled: 2, expected: 3 * 4 + 4 });
  });

  it('flags an outlier against the commune history with the expected range', () => {
    const rows: [string, string, string, number][] = [];
    for (let i = 1; i <= 12; i++) rows.push(['C1', addMonths('2024-05', -i), 'CUR_VISITS', 200 + (i % 3) * 5]);
    rows.push(['C1', '2024-05', 'CUR_VISITS', 2050]);
    put(rows);
    const r = validateMonth(store, 'D', '2024-05', 'vi');
    const o = r.outliers.find((x) => x.unit === 'C1')!;
    expect(o).toMatchObject({ element: 'CUR_VISITS', value: 2050, median: 205, history: 12 });
    expect(o.message).toContain('2.050');
    expect(o.message).toMatch(/khoảng dự kiến \d+–\d+/);
  });

  it('skips, with a note, a rule dividing by zero; a bad rule file never stops the checks', () => {
    const rules = compileRules(shippedCatalogue(), [
      ...SHIPPED_RULE_FILES,
      {
        name: 'tinh.json',
        data: {
          rules: [
            { id: 'SEX_RATIO_CEILING', left: 'FP_BIRTHS_BOYS / FP_BIRTHS_GIRLS * 100', op: '<=', right: '130', importance: 'medium', messageVi: 'Tỷ số {left}', messageEn: 'Ratio {left}' },
            { id: 'BROKEN', left: 'FP_BIRTHS_BOYS +', op: '<=', right: '1', importance: 'high', messageVi: 'x', messageEn: 'x' },
          ],
        },
      },
    ]);
    put([['C1', '2024-05', 'FP_BIRTHS_BOYS', 3], ['C1', '2024-05', 'FP_BIRTHS_GIRLS', 0], ['C1', '2024-05', 'FP_BIRTHS', 3]]);
    const r = validateMonth(store, 'C1', '2024-05', 'vi', rules);
    expect(r.notes.find((n) => n.rule === 'SEX_RATIO_CEILING')).toMatchObject({ reason: 'divisionByZero', units: ['C1'] });
    expect(r.violations).toEqual([]);
    expect(r.ruleProblems).toHaveLength(1);
    expect(r.ruleProblems[0]).toContain('BROKEN');
    expect(r.ruleProblems[0]).toContain('tinh.json');
  });

  it('refuses a bad month or unit with a user error', () => {
    for (const [u, p] of [['D', '2024-13'], ['XX', '2024-05']] as const) {
      try {
        validateMonth(store, u, p, 'vi');
        expect.unreachable();
      } catch (e) {
        expect(isUserError(e)).toBe(true);
      }
    }
  });

  it('re-checks one cell without saving it', () => {
    put([['C1', '2024-05', 'HIV_LIVING', 10], ['C1', '2024-05', 'AIDS_LIVING', 4]]);
    const c = recheck(store, 'C1', '2024-05', 'AIDS_LIVING', 40, 'vi');
    expect(c.units).toEqual(['C1']);
    expect(c.violations.map((v) => v.rule)).toEqual(['AIDS_LE_HIV_LIVING']);
    expect(validateMonth(store, 'C1', '2024-05', 'vi').violations).toEqual([]);
  });
});

describe('marking a month complete', () => {
  it('is refused while a high-importance problem has no comment, then accepted', () => {
    seedCovid();
    const refused = markComplete(store, 'D', '2024-05', 'lan', now, 'vi');
    expect(refused.completed).toBe(false);
    expect(refused.unexplained.map((v) => `${v.unit}:${v.rule}`)).toEqual(['D:PARTS_COVID_DOSES_CUM', 'C2:PARTS_COVID_DOSES_CUM']);
    expect(refused.message).toContain('2 lỗi quan trọng');
    expect(monthStatus(store, 'D', '2024-05').status).toBe('open');
    // One comment on one of the rule's cells in C2 explains both (the district's is C2's sum).
    put([['C2', '2024-05', 'COVID_DOSES_CUM', 509_591 - COVID.reduce((a, [, v]) => a + Math.floor(v / 3), 0), 'Số tổng theo báo cáo của tỉnh; đang đối chiếu.']]);
    const done = markComplete(store, 'D', '2024-05', 'lan', now, 'vi');
    expect(done).toMatchObject({ completed: true, unexplained: [] });
    expect(done.explained).toHaveLength(2);
    expect(monthStatus(store, 'D', '2024-05')).toMatchObject({ status: 'complete', explainedCount: 2, changedBy: 'lan' });
    expect(reopenMonth(store, 'D', '2024-05', 'lan', now)).toMatchObject({ status: 'open' });
  });

});
