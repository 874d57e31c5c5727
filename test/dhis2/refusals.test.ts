// What the DHIS2 bridge refuses, with its reasons, leaving the database byte-identical: bad
// mapping files (with line numbers), bad dataValueSet files (each bad value by its number),
// periods DHIS2 has no type for; and codes a mapping lacks, reported and never dropped silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type ApiError, type Dhis2ExportResult, type Operation } from '../../core/api';
import { openStore, type Store } from '../../db/store';
import { tempDir, type TempDir } from '../helpers/fixture';
import { demoDistrict, emptyTwin, fileState, service } from './fixtures';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir('thongke-dhis2-bad-');
  demoDistrict(tmp.path('d.sqlite'));
  emptyTwin(tmp.path('d.sqlite'), tmp.path('e.sqlite'));
  // A read-only open leaves an empty -wal beside the file; one ordinary open and close settles both files.
  for (const f of ['d.sqlite', 'e.sqlite']) openStore(tmp.path(f)).close();
});
afterAll(() => tmp.remove());

/** Runs one call on a freshly opened file; returns the envelope and whether the file changed. */
async function attempt(file: string, op: Operation, args: unknown, lang: 'vi' | 'en' = 'vi') {
  const before = fileState(file);
  const s: Store = openStore(file);
  try {
    const env = await dispatch(service(s), op, args, lang);
    return { env, before };
  } finally {
    s.close();
  }
}

async function refused(file: string, op: Operation, args: unknown, lang: 'vi' | 'en' = 'en'): Promise<ApiError> {
  const { env, before } = await attempt(file, op, args, lang);
  expect(fileState(file)).toBe(before);
  if (env.ok) throw new Error(`expected a refusal, got ${JSON.stringify(env.value).slice(0, 200)}`);
  return env.error;
}

const set = (dataValues: unknown[], head: Record<string, unknown> = {}) => JSON.stringify({ dataSet: 'THONGKE_MONTHLY', period: '202405', ...head, dataValues });
const v = (over: Record<string, unknown> = {}) => ({ dataElement: 'EPI_FULL_U1', period: '202405', orgUnit: 'TH_HH_01', categoryOptionCombo: 'default', value: '12', ...over });

describe('bad mapping files', () => {
  it('are refused with every bad line and its reason, nothing exported', async () => {
    const text = [
      'kind,code,dhis2Id',
      'dataElement,EPI_FULL_U1,fbfJHSPpUQD',
      'indicator,EPI_FULL_U1,cYeuwXTCPkU', // 3: unknown kind
      'orgUnit,TH_HH,12345678901', // 4: starts with a digit
      'orgUnit,TH_HH_01,short', // 5: not 11 characters
      'dataElement,EPI_FULL_U1,Jtf34kNZhzP', // 6: code mapped twice
      'orgUnit,TH_HH_02,fbfJHSPpUQE',
      'orgUnit,TH_HH_03,fbfJHSPpUQE', // 8: UID used twice
      'dataSet,,pBOMPrpg1QX', // 9: no code
      'orgUnit,TH_HH_04', // 10: two columns
    ].join('\n');
    const e = await refused(tmp.path('d.sqlite'), 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json', mapping: { text, fileName: 'map.csv' } });
    expect(e.key).toBe('error.fileRejected');
    expect(e.message).toContain('map.csv');
    expect(e.details).toEqual([
      expect.stringMatching(/^Line 3: there is no kind "indicator"/),
      expect.stringMatching(/^Line 4: "12345678901" is not a DHIS2 identifier/),
      expect.stringMatching(/^Line 5: "short" is not a DHIS2 identifier/),
      expect.stringMatching(/^Line 6: code "EPI_FULL_U1" is already mapped on line 2/),
      expect.stringMatching(/^Line 8: DHIS2 identifier "fbfJHSPpUQE" is already used on line 7/),
      expect.stringMatching(/^Line 9: the code \(column code\) is missing/),
      expect.stringMatching(/^Line 10: /),
    ]);
    const header = await refused(tmp.path('d.sqlite'), 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json', mapping: { text: 'code,uid\nX,fbfJHSPpUQD', fileName: 'map.csv' } });
    expect(header.key).toBe('error.badHeader');
    const importWithBad = await refused(tmp.path('e.sqlite'), 'dhis2.import', { text: set([v()]), fileName: 'x.json', mapping: { text, fileName: 'map.csv' } });
    expect(importWithBad.key).toBe('error.fileRejected');
  });

  it('a code the mapping lacks is listed and its values left out, never silently', async () => {
    const text = ['kind,code,dhis2Id', 'dataSet,THONGKE_MONTHLY,pBOMPrpg1QX', 'orgUnit,TH_HH,ImspTQPwCqd', 'orgUnit,TH_HH_01,DiszpKrYNg8', 'dataElement,EPI_FULL_U1,fbfJHSPpUQD'].join('\n');
    const { env } = await attempt(tmp.path('d.sqlite'), 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json', mapping: { text, fileName: 'map.csv' } });
    if (!env.ok) throw new Error(env.error.message);
    const r = env.value as Dhis2ExportResult;
    const all = (await attempt(tmp.path('d.sqlite'), 'dhis2.export', { unit: 'TH_HH', period: '2024-05', format: 'json' })).env;
    if (!all.ok) throw new Error('export');
    const total = (all.value as Dhis2ExportResult).values;
    // Only TH_HH_01's EPI_FULL_U1 is fully mapped.
    expect(r.values).toBe(1);
    expect(JSON.parse(r.text)).toMatchObject({ dataSet: 'pBOMPrpg1QX', orgUnit: 'ImspTQPwCqd', dataValues: [{ dataElement: 'fbfJHSPpUQD', orgUnit: 'DiszpKrYNg8' }] });
    expect(r.unmapped.find((u) => u.kind === 'orgUnit' && u.code === 'TH_HH_02')).toBeDefined();
    expect(r.unmapped.find((u) => u.kind === 'dataElement' && u.code === 'EPI_ZERO_DOSE')).toBeUndefined();
    // Every value left out is counted against exactly one code.
    expect(r.unmapped.reduce((a, u) => a + u.values, 0)).toBe(total - 1);
  });
});

describe('bad DHIS2 files', () => {
  it('malformed JSON, not a dataValueSet, no values: one sentence, database unchanged', async () => {
    const file = tmp.path('e.sqlite');
    expect((await refused(file, 'dhis2.import', { text: '{"dataValues": [', fileName: 'cut.json' })).key).toBe('dhis2.import.malformed');
    expect((await refused(file, 'dhis2.import', { text: '{"values": []}', fileName: 'x.json' })).key).toBe('dhis2.import.notDataValueSet');
    expect((await refused(file, 'dhis2.import', { text: '[1,2]', fileName: 'x.json' })).key).toBe('dhis2.import.notDataValueSet');
    expect((await refused(file, 'dhis2.import', { text: set([]), fileName: 'x.json' })).key).toBe('dhis2.import.noValues');
    const vi = await refused(file, 'dhis2.import', { text: 'PK\u0003\u0004…', fileName: 'bao-cao.xlsx' }, 'vi');
    expect(vi.message).toMatch(/^Tệp bao-cao\.xlsx không phải JSON hợp lệ/);
  });

  it('every bad value is reported by its number and reason; nothing is written', async () => {
    const file = tmp.path('e.sqlite');
    const values = [
      v(), // 1 good
      v({ dataElement: 'NO_SUCH_ELEMENT' }), // 2
      v({ orgUnit: 'TH_XX' }), // 3
      v({ value: '12,5' }), // 4
      v({ value: '-3' }), // 5
      v({ value: '2.5' }), // 6 a count
      v({ period: '2024Q2' }), // 7
      v({ period: '2024-05' }), // 8
      v({ period: '209912' }), // 9 future
      v({ dataElement: 'EPI_FULL_U1_PCT' }), // 10 derived? (checked below)
      v({ categoryOptionCombo: 'Prlt0C1RF0s' }), // 11
      v({ orgUnit: 'TH_HH_02' }), // 12 good
      v(), // 13 duplicate of 1
      'twelve', // 14
      v({ dataElement: undefined }), // 15
      v({ value: true }), // 16
    ];
    const e = await refused(file, 'dhis2.import', { text: set(values), fileName: 'dhis2.json' });
    expect(e.key).toBe('dhis2.import.refused');
    const lines = e.details ?? [];
    const at = (n: number) => lines.find((l) => l.startsWith(`Value no. ${n}:`));
    expect(at(1)).toBeUndefined();
    expect(at(12)).toBeUndefined();
    expect(at(2)).toMatch(/no data element with code "NO_SUCH_ELEMENT"/);
    expect(at(3)).toMatch(/no unit with code "TH_XX"/);
    expect(at(4)).toMatch(/"12,5" is not a number/);
    expect(at(5)).toMatch(/negative/);
    expect(at(6)).toMatch(/count|whole|integer/i);
    expect(at(7)).toMatch(/"2024Q2" is not a month/);
    expect(at(8)).toMatch(/"2024-05" is not valid/);
    expect(at(9)).toBeDefined();
    expect(at(11)).toMatch(/not the default combination/);
    expect(at(13)).toMatch(/as value no\. 1/);
    expect(at(14)).toMatch(/not a value/);
    expect(at(15)).toMatch(/"dataElement" is missing/);
    expect(at(16)).toMatch(/is not a number/);
    expect(e.message).toMatch(/The database is unchanged/);
  });

  it('a derived element and a value on the wrong level are refused like any entry', async () => {
    const file = tmp.path('e.sqlite');
    const s = openStore(file);
    const derived = s.catalogue.elements.find((x) => x.kind === 'derived')!;
    const communeOnly = s.catalogue.elements.find((x) => x.kind === 'flow' && x.entryLevel === 'commune')!;
    s.close();
    const e = await refused(file, 'dhis2.import', { text: set([v({ dataElement: derived.code }), v({ dataElement: communeOnly.code, orgUnit: 'TH_HH' })]), fileName: 'x.json' });
    expect(e.details).toHaveLength(2);
  });

  it('a dry run of a bad file is refused the same way', async () => {
    const e = await refused(tmp.path('e.sqlite'), 'dhis2.import', { text: set([v({ value: 'abc' })]), fileName: 'x.json', dryRun: true });
    expect(e.key).toBe('dhis2.import.refused');
  });
});

describe('periods and empty exports', () => {
  it('nine months has no DHIS2 period type; a bad period and an empty month are refused', async () => {
    const d = tmp.path('d.sqlite');
    expect((await refused(d, 'dhis2.export', { unit: 'TH_HH', period: '2024-9M', format: 'adx' })).key).toBe('dhis2.period.nineMonths');
    expect((await refused(d, 'dhis2.export', { unit: 'TH_HH', period: '2024W05', format: 'adx' })).key).toBe('dhis2.period.bad');
    const empty = await refused(d, 'dhis2.export', { unit: 'TH_HH', period: '2019-05', format: 'json' }, 'vi');
    expect(empty.key).toBe('dhis2.export.empty');
    expect(empty.message).toBe('Huyện Hoằng Hóa chưa có số liệu nào cho tháng 5/2019: không có gì để xuất sang DHIS2.');
    expect((await refused(d, 'dhis2.export', { unit: 'NOPE', period: '2024-05', format: 'json' })).key).toBe('error.unknownUnit');
  });
});
