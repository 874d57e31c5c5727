// An import as one undo step (issue 12): `values.importCsvText` and `workbook.import` asked
// `withChanges` answer each cell whose value changed — its value before and after and the
// revision it was left at, read inside the write's transaction — and nothing else; not asked,
// the answer is as before (the CLI's JSON does not grow). Past UNDO_MAX_CELLS no list is given.
// Replaying the list backwards through values.setMany (what the app's undo does) restores every
// value, and is refused whole, with nothing written, when a cell changed since.
import { describe, expect, it } from 'vitest';
import { dispatch, type CellChange, type CsvImportResult } from '../core/api';
import { createService } from '../service/index';
import { smallStoreEachTest, snapshot } from './helpers/fixture';
import { ChangeLog, writeBulk, resolveInput } from '../db/values.repo';

const db = smallStoreEachTest();
const now = new Date(2024, 5, 10);

const HEADER = 'unit,period,element,value,comment';
const csv = (lines: string[], withChanges?: boolean) => ({ text: [HEADER, ...lines].join('\n'), fileName: 'so-lieu.csv', ...(withChanges === undefined ? {} : { withChanges }) });

async function importCsv(lines: string[], withChanges?: boolean): Promise<CsvImportResult> {
  const service = createService({ store: db.store(), now: () => now });
  const r = await dispatch(service, 'values.importCsvText', csv(lines, withChanges), 'vi');
  if (!r.ok) throw new Error(r.error.message);
  return r.value as CsvImportResult;
}

const valueOf = (unit: string, period: string, element: string) =>
  (db.store().db
    .prepare('SELECT v.value, v.revision FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = ? AND v.period = ? AND e.code = ?')
    .get(unit, period, element) as { value: number | null; revision: number } | undefined) ?? null;

describe('an import answers the cells it changed, for one undo step', () => {
  it('lists each changed cell with its value before and after and its new revision; unchanged cells are not listed', async () => {
    await importCsv(['C1,2024-05,EPI_FULL_U1,10,', 'C2,2024-05,EPI_FULL_U1,20,']);
    const r = await importCsv(['C1,2024-05,EPI_FULL_U1,11,', 'C2,2024-05,EPI_FULL_U1,20,', 'C3,2024-04,EPI_FULL_U1,5,'], true);
    expect(r.changed).toBe(2);
    const byUnit = new Map((r.changes ?? []).map((c) => [c.unit, c]));
    expect([...byUnit.keys()].sort()).toEqual(['C1', 'C3']);
    expect(byUnit.get('C1')).toEqual({ unit: 'C1', element: 'EPI_FULL_U1', period: '2024-05', before: 10, after: 11, revision: valueOf('C1', '2024-05', 'EPI_FULL_U1')!.revision });
    expect(byUnit.get('C3')).toEqual({ unit: 'C3', element: 'EPI_FULL_U1', period: '2024-04', before: null, after: 5, revision: valueOf('C3', '2024-04', 'EPI_FULL_U1')!.revision });
  });

  it('is not answered unless asked (the CLI and other hosts see the result as before)', async () => {
    const r = await importCsv(['C1,2024-05,EPI_FULL_U1,10,']);
    expect(r).toEqual({ count: 1, changed: 1 });
    expect(await importCsv(['C1,2024-05,EPI_FULL_U1,12,'], false)).toEqual({ count: 1, changed: 1 });
  });

  it('replayed backwards through values.setMany restores every value; a cell changed since refuses the replay whole', async () => {
    await importCsv(['C1,2024-05,EPI_FULL_U1,10,', 'C2,2024-05,EPI_MEASLES2,7,']);
    const r = await importCsv(['C1,2024-05,EPI_FULL_U1,11,', 'C2,2024-05,EPI_MEASLES2,8,', 'C3,2024-04,EPI_FULL_U1,5,'], true);
    const undo = (changes: readonly CellChange[]) => ({ entries: changes.map((c) => ({ unit: c.unit, element: c.element, period: c.period, value: c.before, expectedRevision: c.revision })) });
    const service = createService({ store: db.store(), now: () => now });

    // Another writer changes one cell: the replay is refused, nothing written.
    const other = await dispatch(service, 'values.set', { unit: 'C2', period: '2024-05', element: 'EPI_MEASLES2', value: 9 }, 'vi');
    expect(other.ok).toBe(true);
    const held = snapshot(db.store());
    const refused = await dispatch(service, 'values.setMany', undo(r.changes!), 'vi');
    expect(refused.ok).toBe(false);
    expect(snapshot(db.store())).toBe(held);

    // Without it, every value comes back.
    const cells = r.changes!.filter((c) => c.unit !== 'C2');
    expect((await dispatch(service, 'values.setMany', undo(cells), 'vi')).ok).toBe(true);
    expect(valueOf('C1', '2024-05', 'EPI_FULL_U1')!.value).toBe(10);
    expect(valueOf('C3', '2024-04', 'EPI_FULL_U1')?.value ?? null).toBeNull();
  });

  it('bad input: a flag that is not true/false, or a bad file asked withChanges, is refused with its reason and nothing written', async () => {
    await importCsv(['C1,2024-05,EPI_FULL_U1,10,']);
    const service = createService({ store: db.store(), now: () => now });
    const held = snapshot(db.store());
    const flag = await dispatch(service, 'values.importCsvText', { ...csv(['C1,2024-05,EPI_FULL_U1,11,']), withChanges: 'có' }, 'vi');
    expect(flag.ok).toBe(false);
    if (!flag.ok) expect(flag.error.message).toMatch(/withChanges/);
    const bad = await dispatch(service, 'values.importCsvText', csv(['C1,2024-05,EPI_FULL_U1,11,', 'C2,2024-05,EPI_FULL_U1,mười,'], true), 'vi');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toContain('so-lieu.csv');
      expect(bad.error.details?.[0]).toMatch(/^Dòng 3: /);
    }
    expect(snapshot(db.store())).toBe(held);
  });

  it('gives no list past its bound, and the write is the same with or without one', () => {
    const inputs = ['C1', 'C2', 'C3'].map((unit, i) => resolveInput(db.store(), { unit, period: '2024-05', element: 'EPI_FULL_U1', value: i + 1 }, now));
    const full = new ChangeLog(2);
    writeBulk(db.store(), inputs, 'tester', 'csv', now, full);
    expect(full.overflow).toBe(true);
    expect(full.cells).toEqual([]);
    expect([1, 2, 3].map((_, i) => valueOf(['C1', 'C2', 'C3'][i]!, '2024-05', 'EPI_FULL_U1')!.value)).toEqual([1, 2, 3]);
    const room = new ChangeLog(3);
    writeBulk(db.store(), inputs.map((r) => ({ ...r, input: { ...r.input, value: (r.input.value as number) + 10 } })), 'tester', 'csv', now, room);
    expect(room.overflow).toBe(false);
    expect(room.cells.map((c) => [c.unit, c.before, c.after])).toEqual([
      ['C1', 1, 11],
      ['C2', 2, 12],
      ['C3', 3, 13],
    ]);
  });
});
