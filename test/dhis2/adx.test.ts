// ADX exports validated by a real XML schema validator (xmllint-wasm: libxml2 in WebAssembly)
// against the IHE ADX 2015 loose schema kept in resources/dhis2/adx; a broken document is
// rejected in the same run, so the test can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { dispatch, type Dhis2ExportResult } from '../../core/api';
import { openStore, type Store } from '../../db/store';
import { setValue } from '../../db/values.repo';
import { tempDir, type TempDir } from '../helpers/fixture';
import { NOW, demoDistrict, service, validateAdx } from './fixtures';

let tmp: TempDir;
let store: Store;
beforeAll(() => {
  tmp = tempDir('thongke-adx-');
  demoDistrict(tmp.path('d.sqlite'));
  store = openStore(tmp.path('d.sqlite'));
});
afterAll(() => {
  store.close();
  tmp.remove();
});

async function exportAdx(args: Record<string, unknown>): Promise<Dhis2ExportResult> {
  const env = await dispatch(service(store), 'dhis2.export', { unit: 'TH_HH', format: 'adx', ...args }, 'vi');
  if (!env.ok) throw new Error(env.error.message);
  return env.value as Dhis2ExportResult;
}

type Node = Record<string, unknown>;
const list = (x: unknown): Node[] => (Array.isArray(x) ? (x as Node[]) : x === undefined ? [] : [x as Node]);

describe('ADX export', () => {
  it('a district month is valid against the IHE ADX 2015 loose schema, one group per unit', async () => {
    // A comment with characters XML must escape travels in the value's annotation.
    setValue(store, { unit: 'TH_HH_01', period: '2024-05', element: 'EPI_FULL_U1', value: 31, comment: 'Tiêm bù <đợt 2> & "chiến dịch"' }, 'test', 'ui', NOW);
    // A control character pasted into a comment cannot go into XML 1.0: it becomes a space.
    setValue(store, { unit: 'TH_HH_02', period: '2024-05', element: 'EPI_FULL_U1', value: 20, comment: 'dán từ Excel\u0001\u000b' }, 'test', 'ui', NOW);
    const r = await exportAdx({ period: '2024-05' });
    expect(r.text).toContain('<annotation>dán từ Excel  </annotation>');
    expect(r).toMatchObject({ period: '202405', adxPeriod: '2024-05-01/P1M', periodType: 'Monthly', idScheme: 'CODE', unmapped: [] });
    const result = await validateAdx(r.text);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'group' || name === 'dataValue' }).parse(r.text) as { adx: Node };
    expect(doc.adx['@xmlns']).toBe('urn:ihe:qrph:adx:2015');
    expect(Date.parse(doc.adx['@exported'] as string)).toBe(NOW.getTime());
    const groups = list(doc.adx.group);
    expect(groups.length).toBe(r.orgUnits);
    expect(new Set(groups.map((g) => g['@orgUnit'])).size).toBe(groups.length);
    for (const g of groups) expect(g).toMatchObject({ '@period': '2024-05-01/P1M', '@dataSet': 'THONGKE_MONTHLY' });
    const values: Node[] = groups.flatMap((g) => list(g.dataValue).map((v) => ({ unit: g['@orgUnit'], ...v })));
    expect(values.length).toBe(r.values);
    const epi = values.find((v) => v.unit === 'TH_HH_01' && v['@dataElement'] === 'EPI_FULL_U1');
    expect(epi).toMatchObject({ '@value': '31', annotation: 'Tiêm bù <đợt 2> & "chiến dịch"' });
    expect(r.text).toContain('<annotation>Tiêm bù &lt;đợt 2&gt; &amp; &quot;chiến dịch&quot;</annotation>');
  });

  it('quarters, six months and years carry DHIS2 period types and ADX durations, and stay valid', async () => {
    for (const [period, id, adx] of [
      ['2024-Q2', '2024Q2', '2024-04-01/P3M'],
      ['2024S1', '2024S1', '2024-01-01/P6M'],
      ['2024', '2024', '2024-01-01/P1Y'],
    ] as const) {
      const r = await exportAdx({ period });
      expect(r.period).toBe(id);
      expect(r.adxPeriod).toBe(adx);
      const v = await validateAdx(r.text);
      expect(v.errors, period).toEqual([]);
      expect(r.text).toContain(`period="${adx}"`);
    }
  });

  it('with a mapping: UIDs, the unmapped left out and listed, still valid', async () => {
    const text = ['kind,code,dhis2Id', 'orgUnit,TH_HH_01,DiszpKrYNg8', 'orgUnit,TH_HH_02,ImspTQPwCqd', 'dataElement,EPI_FULL_U1,fbfJHSPpUQD'].join('\n');
    const r = await exportAdx({ period: '2024-05', mapping: { text, fileName: 'map.csv' } });
    expect(r).toMatchObject({ idScheme: 'UID', values: 2, orgUnits: 2 });
    expect(r.unmapped).toContainEqual({ kind: 'dataSet', code: 'THONGKE_MONTHLY', values: 0 });
    expect(r.text).not.toContain('dataSet=');
    expect(r.text).toContain('<group orgUnit="DiszpKrYNg8" period="2024-05-01/P1M">');
    expect((await validateAdx(r.text)).errors).toEqual([]);
  });

  it('the validator really runs: broken documents are rejected', async () => {
    const good = (await exportAdx({ period: '2024-05' })).text;
    expect((await validateAdx(good)).valid).toBe(true);
    const broken = [
      good.replace(/ exported="[^"]*"/, ''), // exported is required
      good.replace(/value="(\d+)"/, 'value="1.234,5"'), // not an xs:decimal
      good.replace(/period="2024-05-01\/P1M"/, 'period="May 2024"'), // not a time range
      good.replace(/ dataElement="[^"]*"/, ''), // dataElement is required
      good.replace('urn:ihe:qrph:adx:2015', 'urn:example:not-adx'), // wrong namespace
    ];
    for (const xml of broken) {
      expect(xml).not.toBe(good);
      const r = await validateAdx(xml);
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});
