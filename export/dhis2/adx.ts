// The same values as an ADX message (IHE QRPH Aggregate Data Exchange, 2015): root `adx` in
// the namespace urn:ihe:qrph:adx:2015 with `exported`, one `group` per unit and period with
// orgUnit, period (2024-05-01/P1M) and dataSet, and one `dataValue` per value with dataElement
// and a decimal value; a value's comment goes into its optional `annotation`. Written with
// xmlbuilder2's streaming builder (names checked, text and attributes escaped by the library),
// never by string concatenation. Valid against the profile's loose schema
// (resources/dhis2/adx/adx_loose.xsd; test/dhis2/adx.test.ts runs the validator).
import { createCB } from 'xmlbuilder2';
import { decimalText, type ExportInput, type ResolvedExport } from './model';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

/** The ADX document; `exported` is the time it was made (ISO 8601). */
export function adxDocument(input: ExportInput, ids: ResolvedExport, exported: Date): string {
  const chunks: string[] = [];
  const xml = createCB({ data: (chunk: string) => void chunks.push(chunk), prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  xml.ele(ADX_NAMESPACE, 'adx', { exported: exported.toISOString() });
  // Rows come ordered by unit; a group closes when the unit changes.
  let open: string | null = null;
  for (const r of ids.rows) {
    if (r.orgUnitId !== open) {
      if (open !== null) xml.up();
      open = r.orgUnitId;
      xml.ele(ADX_NAMESPACE, 'group', {
        orgUnit: r.orgUnitId,
        period: input.period.adx,
        ...(ids.dataSetId !== null ? { dataSet: ids.dataSetId } : {}),
      });
    }
    xml.ele(ADX_NAMESPACE, 'dataValue', { dataElement: r.dataElementId, value: decimalText(r.value) });
    if (r.comment !== null) xml.ele(ADX_NAMESPACE, 'annotation').txt(r.comment).up();
    xml.up();
  }
  if (open !== null) xml.up();
  xml.up().end();
  return chunks.join('');
}
