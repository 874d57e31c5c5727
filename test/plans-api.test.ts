// Plan targets through the API contract (plans.importCsvText, what `thongke plans import` and
// the app's "import plans" both run): the same rules as values, all or nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../core/api';
import { userMessage } from '../core/i18n';
import { createService } from '../service/index';
import { smallStore, snapshot, tempDir, type TempDir } from './helpers/fixture';
import { listPlans } from '../db/plans.repo';
import type { Store } from '../db/store';

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

const HEADER = 'unit,year,element,target,direction';
const csv = (...lines: string[]) => ({ text: [HEADER, ...lines].join('\n'), fileName: 'ke-hoach.csv' });

describe('plans.importCsvText', () => {
  it('refuses a target its element would refuse as a value, and changes nothing', async () => {
    const service = createService({ store, now: () => now });
    expect((await dispatch(service, 'plans.importCsvText', csv('D,2024,EPI_FULL_U1,3521,>='), 'vi')).ok).toBe(true);
    const before = snapshot(store);
    const cases: [string, string][] = [
      ['D,2024,SAN_LATRINE_PCT,150,>=', 'error.percentOutOfRange'],
      ['D,2024,FP_SEX_RATIO,110,>=', 'error.derivedNoTarget'],
      ['D,2024,EPI_FULL_U1,3521.5,>=', 'error.notAnInteger'],
      ['D,2024,CUR_FEES,"0,5",>=', 'error.notAnInteger'],
      ['D,2024,EPI_FULL_U1,-1,>=', 'error.negativeValue'],
      ['D,2024,NOPE,1,>=', 'error.unknownElement'],
      ['XX,2024,EPI_FULL_U1,1,>=', 'error.unknownUnit'],
      ['D,1999,EPI_FULL_U1,1,>=', 'error.badYear'],
      ['D,0000,EPI_FULL_U1,1,>=', 'error.badYear'],
    ];
    for (const [bad, key] of cases) {
      // The bad line comes after a good one: nothing of the file is saved.
      const env = await dispatch(service, 'plans.importCsvText', csv('D,2024,EPI_FULL_U1,4000,>=', bad), 'vi');
      expect(env.ok, key).toBe(false);
      if (env.ok) continue;
      expect(env.error.key).toBe('error.fileRejected');
      expect(env.error.details, bad).toHaveLength(1);
      // The line's message is the one its key gives (the parameters differ per line).
      const head = userMessage({ key, params: {} }, 'vi').split('{')[0]!.split('"')[0]!.slice(0, 12);
      expect(env.error.details![0], bad).toContain(`Dòng 3: ${head}`);
    }
    expect(snapshot(store)).toBe(before);
    expect(listPlans(store, 'D', 2024).map((p) => p.target)).toEqual([3521]);
  });

  it('takes whole counts, money and percentages up to 100, and removes a target', async () => {
    const service = createService({ store, now: () => now });
    const env = await dispatch(service, 'plans.importCsvText', csv('D,2024,EPI_FULL_U1,3521,', 'D,2024,CUR_FEES,12000000,', 'D,2024,SAN_LATRINE_PCT,100,', 'D,2024,RH_ANC_AVG,"4,5",'), 'vi');
    expect(env).toEqual({ ok: true, value: { count: 4 } });
    // Removing a target is always allowed, even one a derived element should never have had.
    expect((await dispatch(service, 'plans.importCsvText', csv('D,2024,SAN_LATRINE_PCT,,', 'D,2024,FP_SEX_RATIO,,'), 'vi')).ok).toBe(true);
    expect(listPlans(store, 'D', 2024).map((p) => p.element).sort()).toEqual(['CUR_FEES', 'EPI_FULL_U1', 'RH_ANC_AVG']);
  });
});
