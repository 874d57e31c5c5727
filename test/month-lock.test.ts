// A month marked complete is locked for every path that writes (values.set, paste, comment,
// narrative, CSV import in the CLI, a write that skips the checks); an empty, running or
// invalid month cannot be marked complete; a write based on a stale revision is refused and a
// comment never touches the value. Real SQLite files, the real service, the real CLI.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope, type Operation } from '../core/api';
import { markComplete } from '../service/quality';
import { openStore, type Store } from '../db/store';
import { resolveInput, writeBulk, writeResolved } from '../db/values.repo';
import { createService } from '../service/index';
import { runCli } from './helpers/cli';
import { smallStore, snapshot, tempDir, type TempDir } from './helpers/fixture';

let tmp: TempDir;
let file: string;
let store: Store;
const now = new Date(2024, 5, 10);
let service: ReturnType<typeof createService>;

const call = (op: Operation, args: unknown): Promise<Envelope<unknown>> => dispatch(service, op, args, 'vi');
async function ok<T>(op: Operation, args: unknown): Promise<T> {
  const env = await call(op, args);
  if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
  return env.value as T;
}
async function refused(op: Operation, args: unknown): Promise<{ key: string; message: string }> {
  const env = await call(op, args);
  if (env.ok) throw new Error(`${op} was accepted`);
  return env.error;
}
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeEach(() => {
  tmp = tempDir();
  file = tmp.path('huyen.sqlite');
  store = smallStore(file);
  service = createService({ store, now: () => now });
});
afterEach(() => {
  store.close();
  tmp.remove();
});

describe('a completed month is locked', () => {
  it('refuses every write to the district and its communes for that month, until reopened', async () => {
    await ok('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 });
    await ok('narrative.set', { unit: 'D', period: '2024-05', section: 'I.1', body: 'Tốt.' });
    expect(await ok('period.markComplete', { unit: 'D', period: '2024-05' })).toMatchObject({ completed: true });
    const before = snapshot(store);

    const set = await refused('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 13 });
    expect(set.key).toBe('quality.locked.write');
    expect(set.message).toContain('Xã Một: tháng 5/2024 đã được đánh dấu hoàn thành (tại Huyện mẫu)');
    expect(set.message).toContain('Mở lại');
    const en = await dispatch(service, 'values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 13 }, 'en');
    expect(!en.ok && en.error.message).toContain('Xã Một: May 2024 is marked complete (at Huyện mẫu)');
    expect((await refused('values.set', { unit: 'D', period: '2024-05', element: 'SAN_LATRINE_PCT', value: 50 })).key).toBe('quality.locked.write');
    expect((await refused('values.setMany', { entries: [{ unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: 1 }] })).key).toBe('quality.locked.write');
    expect((await refused('values.setComment', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', comment: 'x' })).key).toBe('quality.locked.write');
    expect((await refused('narrative.set', { unit: 'D', period: '2024-05', section: 'I.1', body: 'Khác.' })).key).toBe('quality.locked.write');
    expect(snapshot(store)).toBe(before);

    // Another month and another district's tree stay open.
    await ok('values.set', { unit: 'C1', period: '2024-04', element: 'EPI_FULL_U1', value: 3 });

    await ok('period.reopen', { unit: 'D', period: '2024-05' });
    expect(await ok('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 13 })).toMatchObject({ value: 13 });
  });

  it('a path that skips the check is still refused (by the trigger, or by the bulk path under its write lock), with nothing written', () => {
    const r = resolveInput(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 5 }, now);
    expect(markComplete(store, 'D', '2024-04', 'lan', now, 'vi').completed).toBe(false); // empty: not complete
    store.db.prepare('INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (?, ?, ?, 1, 1, ?, ?)').run(
      store.unitId('C2'), '2024-05', store.elementId('EPI_FULL_U1'), 'lan', 'x');
    expect(markComplete(store, 'D', '2024-05', 'lan', now, 'vi').completed).toBe(true);
    const before = snapshot(store);
    // The one-by-one path (a paste): the database's trigger refuses the row.
    expect(() => writeResolved(store, [r], 'lan', 'ui', now)).toThrow(/quality\.locked\.race/);
    expect(snapshot(store)).toBe(before);
    // The bulk path (CSV) sets the row triggers aside and checks each unit's month once, under
    // its write lock: refused with the clear sentence; nothing written, the triggers still there.
    const triggers = () => store.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
    const kept = triggers();
    expect(() => writeBulk(store, [r], 'lan', 'csv', now)).toThrow(/quality\.locked\.write/);
    expect(snapshot(store)).toBe(before);
    expect(triggers()).toEqual(kept);
    // A month open: written, and the lock triggers are back, identical, after the commit.
    const open = resolveInput(store, { unit: 'C1', period: '2024-04', element: 'EPI_FULL_U1', value: 6 }, now);
    expect(writeBulk(store, [open], 'lan', 'csv', now)).toBe(1);
    expect(triggers()).toEqual(kept);
  });

  it('the CLI refuses a CSV import into a completed month, leaving the file byte-identical', async () => {
    await ok('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 });
    await ok('period.markComplete', { unit: 'D', period: '2024-05' });
    store.close();
    const csv = tmp.path('thang5.csv');
    writeFileSync(csv, 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,99\n');
    const h = hash(file);
    const r = await runCli(['values', 'import', file, csv], () => now);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('đã được đánh dấu hoàn thành');
    expect(hash(file)).toBe(h);
    const help = await runCli(['help'], () => now);
    expect(help.out).toMatch(/thongke reopen [^\n]*\n[^\n]*bị từ chối cho đến khi mở lại/);
    store = openStore(file);
  });
});

describe('what can be marked complete', () => {
  it('refuses an empty month, a month not yet ended and month 0000-01', async () => {
    const empty = await ok<{ completed: boolean; message: string }>('period.markComplete', { unit: 'D', period: '2024-04' });
    expect(empty).toMatchObject({ completed: false });
    expect(empty.message).toContain('chưa có số liệu nào được nhập');
    // June 2024 is still running on 10 June 2024; 2099-01 has not come.
    for (const period of ['2024-06', '2099-01']) {
      const r = await ok<{ completed: boolean; message: string }>('period.markComplete', { unit: 'D', period });
      expect(r.completed).toBe(false);
      expect(r.message).toContain('chưa kết thúc');
    }
    expect(['quality.tooEarly', 'error.badArgument', 'error.badPeriod']).toContain((await refused('period.markComplete', { unit: 'D', period: '0000-01' })).key);
    expect(store.db.prepare('SELECT count(*) AS n FROM month_status').get()).toEqual({ n: 0 });
  });

  it('the CLI says so and exits 1', async () => {
    store.close();
    const empty = await runCli(['complete', file, '--unit', 'D', '--period', '2024-01'], () => now);
    expect(empty.code).toBe(1);
    expect(empty.out).toContain('chưa có số liệu nào được nhập');
    const future = await runCli(['complete', file, '--unit', 'D', '--period', '2099-01'], () => now);
    expect(future.code).toBe(1);
    expect(future.out).toContain('chưa kết thúc');
    const zero = await runCli(['complete', file, '--unit', 'D', '--period', '0000-01'], () => now);
    expect(zero.code).not.toBe(0);
    expect(zero.err).toContain('0000-01');
    store = openStore(file);
  });
});

describe('writes based on what the screen showed', () => {
  it('a value set on a stale revision is refused and the newer value stays', async () => {
    const first = await ok<{ revision: number }>('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 });
    await ok('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 20 });
    const r = await refused('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 15, expectedRevision: first.revision });
    expect(r.key).toBe('error.staleRevision');
    expect((await ok<{ value: number }[]>('values.get', { unit: 'C1', period: '2024-05' }))[0]!.value).toBe(20);
  });

  it('a comment is saved without touching the value, and returns the value stored', async () => {
    await ok('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 });
    await ok('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 20 });
    const r = await ok('values.setComment', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', comment: 'Đã đối chiếu.' });
    expect(r).toMatchObject({ value: 20, comment: 'Đã đối chiếu.', changed: true });
    // A comment on an empty cell keeps it empty; clearing a comment that is not there changes nothing.
    expect(await ok('values.setComment', { unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', comment: 'Trạm chưa báo.' })).toMatchObject({ value: null });
    expect(await ok('values.setComment', { unit: 'C3', period: '2024-05', element: 'EPI_FULL_U1', comment: null })).toMatchObject({ changed: false });
    expect(store.db.prepare('SELECT count(*) AS n FROM data_value').get()).toEqual({ n: 2 });
  });
});
