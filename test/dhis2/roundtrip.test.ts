// A dataValueSet round trip on real SQLite files: the demo district's month exported as DHIS2
// JSON and imported into an empty database of the same catalogue and units reproduces the
// figures; by codes and through a mapping to UIDs; a dry run writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Dhis2ExportResult, type Dhis2ImportResult, type Operation } from '../../core/api';
import type { Figures } from '../../core/figures';
import { openStore, type Store } from '../../db/store';
import { tempDir, type TempDir } from '../helpers/fixture';
import { demoDistrict, emptyTwin, fileState, service } from './fixtures';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('thongke-dhis2-rt-');
  demoDistrict(tmp.path('d.sqlite'));
  emptyTwin(tmp.path('d.sqlite'), tmp.path('e.sqlite'));
});
afterEach(() => tmp.remove());

async function call<T>(store: Store, op: Operation, args: unknown): Promise<T> {
  const env = await dispatch(service(store), op, args, 'vi');
  if (!env.ok) throw new Error(`${env.error.message}\n${(env.error.details ?? []).join('\n')}`);
  return env.value as T;
}

async function withStore<T>(file: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = openStore(file);
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

/** Every figure's value for the month (derived ones recomputed from the imported parts). */
const valuesOf = (f: Figures) => f.figures.map((x) => [x.element, x.value]);

/** A mapping CSV with a made-up 11-character UID for every unit, element and the data set. */
function mappingFor(store: Store): string {
  let n = 0;
  const uid = () => `u${String(n++).padStart(10, '0')}`;
  const lines = ['kind,code,dhis2Id', `dataSet,THONGKE_MONTHLY,${uid()}`];
  for (const u of store.units()) lines.push(`orgUnit,${u.code},${uid()}`);
  for (const e of store.catalogue.elements) lines.push(`dataElement,${e.code},${uid()}`);
  return `${lines.join('\n')}\n`;
}

describe('dataValueSet round trip', () => {
  it('export → dry run (nothing written) → import into an empty database reproduces the figures', async () => {
    const exp = await withStore(tmp.path('d.sqlite'), (s) => call<Dhis2ExportResult>(s, 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json' }));
    expect(exp.values).toBeGreaterThan(2000);
    const set = JSON.parse(exp.text) as { dataSet: string; period: string; orgUnit: string; dataValues: Record<string, string>[] };
    expect(set).toMatchObject({ dataSet: 'THONGKE_MONTHLY', period: '202405', orgUnit: 'TH_HH' });
    expect(set.dataValues[0]).toMatchObject({ period: '202405', categoryOptionCombo: 'default' });
    expect(Object.keys(set.dataValues[0]!)).toEqual(expect.arrayContaining(['dataElement', 'period', 'orgUnit', 'categoryOptionCombo', 'value', 'storedBy', 'lastUpdated']));

    const before = fileState(tmp.path('e.sqlite'));
    const dry = await withStore(tmp.path('e.sqlite'), (s) => call<Dhis2ImportResult>(s, 'dhis2.import', { text: exp.text, fileName: exp.fileName, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, count: exp.values, imported: exp.values, updated: 0, unchanged: 0, periods: ['2024-05'], units: exp.orgUnits });
    expect(fileState(tmp.path('e.sqlite'))).toBe(before);

    const done = await withStore(tmp.path('e.sqlite'), (s) => call<Dhis2ImportResult>(s, 'dhis2.import', { text: exp.text, fileName: exp.fileName }));
    expect(done).toMatchObject({ dryRun: false, imported: exp.values });

    const original = await withStore(tmp.path('d.sqlite'), (s) => call<Figures>(s, 'figures.get', { unit: 'TH_HH', period: '2024-05' }));
    const copy = await withStore(tmp.path('e.sqlite'), (s) => call<Figures>(s, 'figures.get', { unit: 'TH_HH', period: '2024-05' }));
    expect(valuesOf(copy)).toEqual(valuesOf(original));
    expect(original.figures.filter((f) => f.value !== null).length).toBeGreaterThan(100);
    // Each commune too, not only the district's sums.
    for (const unit of ['TH_HH_01', 'TH_HH_17']) {
      const a = await withStore(tmp.path('d.sqlite'), (s) => call<Figures>(s, 'figures.get', { unit, period: '2024-05' }));
      const b = await withStore(tmp.path('e.sqlite'), (s) => call<Figures>(s, 'figures.get', { unit, period: '2024-05' }));
      expect(valuesOf(b)).toEqual(valuesOf(a));
    }
    // The same file again changes nothing.
    const again = await withStore(tmp.path('e.sqlite'), (s) => call<Dhis2ImportResult>(s, 'dhis2.import', { text: exp.text, fileName: exp.fileName }));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: exp.values });
    // Audited as a DHIS2 import.
    const history = await withStore(tmp.path('e.sqlite'), (s) =>
      call<{ source: string }[]>(s, 'values.history', { unit: set.dataValues[0]!.orgUnit, period: '2024-05', element: set.dataValues[0]!.dataElement }),
    );
    expect(history.map((h) => h.source)).toEqual(['dhis2']);
  });

  it('through a mapping: UIDs out, UIDs back in, the same figures', async () => {
    const mapping = await withStore(tmp.path('d.sqlite'), (s) => Promise.resolve({ text: mappingFor(s), fileName: 'map.csv' }));
    const exp = await withStore(tmp.path('d.sqlite'), (s) => call<Dhis2ExportResult>(s, 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json', mapping }));
    expect(exp).toMatchObject({ idScheme: 'UID', unmapped: [] });
    const set = JSON.parse(exp.text) as { dataSet: string; orgUnit: string; dataValues: Record<string, string>[] };
    expect(set.dataSet).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    expect(set.orgUnit).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    for (const v of set.dataValues.slice(0, 50)) {
      expect(v.dataElement).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
      expect(v.categoryOptionCombo).toBe('HllvX50cXC0');
    }
    const done = await withStore(tmp.path('e.sqlite'), (s) => call<Dhis2ImportResult>(s, 'dhis2.import', { text: exp.text, fileName: exp.fileName, mapping }));
    expect(done.imported).toBe(exp.values);
    const a = await withStore(tmp.path('d.sqlite'), (s) => call<Figures>(s, 'figures.get', { unit: 'TH_HH', period: '2024-05' }));
    const b = await withStore(tmp.path('e.sqlite'), (s) => call<Figures>(s, 'figures.get', { unit: 'TH_HH', period: '2024-05' }));
    expect(valuesOf(b)).toEqual(valuesOf(a));
  });

  it('a quarter is each unit’s months aggregated by kind: flows summed, stocks and rates the last month', async () => {
    const q = await withStore(tmp.path('d.sqlite'), (s) => call<Dhis2ExportResult>(s, 'dhis2.export', { unit: 'TH_HH', period: '2024-Q2', format: 'json' }));
    const set = JSON.parse(q.text) as { period: string; dataValues: { dataElement: string; orgUnit: string; value: string; period: string }[] };
    expect(set.period).toBe('2024Q2');
    const months = await withStore(tmp.path('d.sqlite'), async (s) =>
      Promise.all(['2024-04', '2024-05', '2024-06'].map((period) => call<{ unit: string; element: string; value: number | null }[]>(s, 'values.export', { period, unit: 'TH_HH' }))),
    );
    const kinds = await withStore(tmp.path('d.sqlite'), (s) => Promise.resolve(new Map(s.catalogue.elements.map((e) => [e.code, e.kind]))));
    const at = (m: number, unit: string, element: string) => months[m]!.find((v) => v.unit === unit && v.element === element)?.value ?? null;
    let flows = 0;
    let lasts = 0;
    for (const v of set.dataValues) {
      expect(v.period).toBe('2024Q2');
      const kind = kinds.get(v.dataElement);
      if (kind === 'flow') {
        const sum = [0, 1, 2].map((m) => at(m, v.orgUnit, v.dataElement) ?? 0).reduce((x, y) => x + y, 0);
        expect(Number(v.value)).toBeCloseTo(sum, 9);
        flows++;
      } else {
        expect(kind).not.toBe('derived');
        expect(Number(v.value)).toBe(at(2, v.orgUnit, v.dataElement));
        lasts++;
      }
    }
    expect(flows).toBeGreaterThan(100);
    expect(lasts).toBeGreaterThan(10);
  });

  it('a month marked complete carries its completeDate; importing into a completed month is refused', async () => {
    const d = tmp.path('d.sqlite');
    // The demo's May has unexplained problems, so the app would ask for explanations first:
    // the completion is written as the app records it.
    await withStore(d, (s) => {
      s.db
        .prepare("INSERT INTO month_status (unit_id, period, status, explained_count, changed_by, changed_at) VALUES (?, '2024-05', 'complete', 0, 'test', '2025-01-15T01:00:00.000Z')")
        .run(s.unitId('TH_HH'));
      return Promise.resolve();
    });
    const exp = await withStore(d, (s) => call<Dhis2ExportResult>(s, 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json' }));
    expect(exp.completeDate).toBe('2025-01-15');
    expect(JSON.parse(exp.text)).toMatchObject({ completeDate: '2025-01-15' });
    const q = await withStore(d, (s) => call<Dhis2ExportResult>(s, 'dhis2.export', { unit: 'TH_HH', period: '2024-Q2', format: 'json' }));
    expect(q.completeDate).toBeNull();
    // Back into the same (now locked) month of the source: refused, nothing written.
    const before = fileState(d);
    const s = openStore(d);
    try {
      const env = await dispatch(service(s), 'dhis2.import', { text: exp.text, fileName: exp.fileName }, 'en');
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.details?.[0]).toMatch(/^Value no\. 1: .*complete/);
    } finally {
      s.close();
    }
    expect(fileState(d)).toBe(before);
  });
});
