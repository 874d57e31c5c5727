// The data-quality operations through the API contract: argument checks and the service map.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../core/api';
import { createService } from '../service/index';
import type { Store } from '../db/store';
import { smallStore, tempDir, type TempDir } from './helpers/fixture';

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

describe('quality operations', () => {
  it('goes through the API contract with argument checks', async () => {
    const service = createService({ store, now: () => now });
    // An empty month cannot be marked complete: enter one figure first.
    expect((await dispatch(service, 'values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 3 }, 'vi')).ok).toBe(true);
    const ok = await dispatch(service, 'period.markComplete', { unit: 'C1', period: '2024-05' }, 'vi');
    expect(ok).toMatchObject({ ok: true, value: { completed: true } });
    const status = await dispatch(service, 'period.status', { unit: 'C1', period: '2024-05' }, 'vi');
    expect(status).toMatchObject({ ok: true, value: { status: 'complete' } });
    const bad = await dispatch(service, 'quality.validate', { unit: 'C1', period: '2024-5' }, 'vi');
    expect(bad.ok).toBe(false);
    const checked = await dispatch(service, 'quality.validate', { unit: 'C1', period: '2024-05' }, 'vi');
    expect(checked).toMatchObject({ ok: true, value: { unit: 'C1', period: '2024-05', status: { status: 'complete' } } });
  });
});
