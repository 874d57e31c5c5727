// The plans screen's operations (plans.get, plans.set, plans.copyYear) through the API contract,
// on a real SQLite file: every element that can have a target, edits with the same rules as the
// CSV import, copying last year's without overwriting, and refusals that change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type PlansView } from '../core/api';
import { listPlans } from '../db/plans.repo';
import type { Store } from '../db/store';
import { createService } from '../service/index';
import { smallStore, snapshot, tempDir, type TempDir } from './helpers/fixture';

let tmp: TempDir;
let store: Store;
const now = new Date(2024, 5, 10);

beforeEach(() => {
  tmp = tempDir();
  store = smallStore(tmp.path('huyen.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

const service = () => createService({ store, now: () => now, user: 'Nguyễn Thị Lan' });

async function ok<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(env.error.message);
  return env.value as T;
}

describe('plans.get', () => {
  it('lists every element that can have a target: none derived, a commune only its own', async () => {
    const s = service();
    const district = await ok<PlansView>(dispatch(s, 'plans.get', { unit: 'D', year: 2024 }, 'vi'));
    const codes = district.rows.map((r) => r.element);
    expect(codes).toContain('EPI_FULL_U1');
    expect(codes).toContain('ST_CENTRE_TOTAL');
    expect(codes).not.toContain('FP_SEX_RATIO'); // derived
    expect(district.rows.every((r) => r.target === null && r.direction === null)).toBe(true);
    const commune = await ok<PlansView>(dispatch(s, 'plans.get', { unit: 'C1', year: 2024 }, 'vi'));
    expect(commune.rows.map((r) => r.element)).toContain('EPI_FULL_U1');
    expect(commune.rows.map((r) => r.element)).not.toContain('ST_CENTRE_TOTAL'); // district-level
    // In catalogue order: the programmes as the report has them.
    const programmes = [...new Set(district.rows.map((r) => r.programme))];
    expect(programmes).toEqual(store.catalogue.programmes.map((p) => p.code).filter((p) => programmes.includes(p)));
  });

  it('shows the communes\' sum for a district without a target of its own', async () => {
    const s = service();
    await ok(dispatch(s, 'plans.set', { unit: 'C1', year: 2024, element: 'EPI_FULL_U1', target: 100 }, 'vi'));
    await ok(dispatch(s, 'plans.set', { unit: 'C2', year: 2024, element: 'EPI_FULL_U1', target: 50 }, 'vi'));
    const view = await ok<PlansView>(dispatch(s, 'plans.get', { unit: 'D', year: 2024 }, 'vi'));
    expect(view.rows.find((r) => r.element === 'EPI_FULL_U1')).toMatchObject({ target: null, fromBelow: 150 });
  });
});

describe('plans.set', () => {
  it('sets, changes the direction of, and removes a target, recording who', async () => {
    const s = service();
    const row = await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: 3521 }, 'vi'));
    expect(row).toMatchObject({ element: 'EPI_FULL_U1', target: 3521, direction: '>=', updatedBy: 'Nguyễn Thị Lan' });
    await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2024, element: 'SAN_LATRINE_PCT', target: 5, direction: '<' }, 'vi'));
    expect(listPlans(store, 'D', 2024).map((p) => [p.element, p.target, p.direction])).toEqual(
      expect.arrayContaining([['EPI_FULL_U1', 3521, '>='], ['SAN_LATRINE_PCT', 5, '<']]),
    );
    const removed = await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: null }, 'vi'));
    expect(removed).toMatchObject({ target: null, direction: null });
    expect(listPlans(store, 'D', 2024).map((p) => p.element)).toEqual(['SAN_LATRINE_PCT']);
  });

  it('refuses in Vietnamese what the CSV import refuses, and changes nothing', async () => {
    const s = service();
    await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: 3521 }, 'vi'));
    const before = snapshot(store);
    const cases: [Record<string, unknown>, string][] = [
      [{ unit: 'D', year: 2024, element: 'SAN_LATRINE_PCT', target: 150 }, 'error.percentOutOfRange'],
      [{ unit: 'D', year: 2024, element: 'FP_SEX_RATIO', target: 110 }, 'error.derivedNoTarget'],
      [{ unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: 3521.5 }, 'error.notAnInteger'],
      [{ unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: -1 }, 'error.negativeValue'],
      [{ unit: 'D', year: 2024, element: 'NOPE', target: 1 }, 'error.unknownElement'],
      [{ unit: 'XX', year: 2024, element: 'EPI_FULL_U1', target: 1 }, 'error.unknownUnit'],
      [{ unit: 'D', year: 1999, element: 'EPI_FULL_U1', target: 1 }, 'error.badYear'],
      [{ unit: 'C1', year: 2024, element: 'ST_CENTRE_TOTAL', target: 10 }, 'plans.notForUnit'],
    ];
    for (const [args, key] of cases) {
      const env = await dispatch(s, 'plans.set', args, 'vi');
      expect(env.ok, key).toBe(false);
      if (env.ok) continue;
      expect(env.error.key).toBe(key);
      expect(env.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    expect(snapshot(store)).toBe(before);
  });
});

describe('plans.copyYear', () => {
  it('copies last year\'s targets, keeping the ones already set unless asked', async () => {
    const s = service();
    await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2023, element: 'EPI_FULL_U1', target: 3400 }, 'vi'));
    await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2023, element: 'SAN_LATRINE_PCT', target: 5, direction: '<=' }, 'vi'));
    await ok(dispatch(s, 'plans.set', { unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: 3521 }, 'vi'));
    expect(await ok(dispatch(s, 'plans.copyYear', { unit: 'D', from: 2023, to: 2024 }, 'vi'))).toEqual({ copied: 1, kept: 1, overwritten: 0 });
    expect(listPlans(store, 'D', 2024).map((p) => [p.element, p.target, p.direction])).toEqual(
      expect.arrayContaining([['EPI_FULL_U1', 3521, '>='], ['SAN_LATRINE_PCT', 5, '<=']]),
    );
    expect(await ok(dispatch(s, 'plans.copyYear', { unit: 'D', from: 2023, to: 2024, overwrite: true }, 'vi'))).toEqual({ copied: 2, kept: 0, overwritten: 2 });
    expect(listPlans(store, 'D', 2024).find((p) => p.element === 'EPI_FULL_U1')?.target).toBe(3400);
  });

  it('refuses an empty year or the same year, changing nothing', async () => {
    const s = service();
    const before = snapshot(store);
    for (const [args, key] of [
      [{ unit: 'D', from: 2022, to: 2023 }, 'plans.nothingToCopy'],
      [{ unit: 'D', from: 2023, to: 2023 }, 'plans.sameYear'],
      [{ unit: 'D', from: 2023, to: 3000 }, 'error.badYear'],
    ] as const) {
      const env = await dispatch(s, 'plans.copyYear', args, 'vi');
      expect(env.ok ? '' : env.error.key).toBe(key);
    }
    expect(snapshot(store)).toBe(before);
  });
});
