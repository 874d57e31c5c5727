// The same values as an ADX message (IHE QRPH Aggregate Data Exchange, 2015): root `adx` in
// the namespace urn:ihe:qrph:adx:2015 with `exported`, one `group` per unit and period with
// orgUnit, period (2024-05-01/P1M) and dataSet, and one `dataValue` per value with dataElement
// and a decimal value; a value's comment goes into its optional `annotation`. Written by
// fast-xml-parser's XMLBuilder (attributes and text escaped by the library), never by string
// concatenation: a province month (≈ 80,000 values) in well under the 500 ms of issue 11, where
// xmlbuilder2 took over a second (bench/dhis2.bench.ts). Valid against the profile's loose
// schema (resources/dhis2/adx/adx_loose.xsd; test/dhis2/adx.test.ts runs the validator).
import { XMLBuilder } from 'fast-xml-parser';
import { decimalText, type ExportInput, type ResolvedExport } from './model';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

// Characters XML 1.0 cannot carry at all (C0 controls other than tab and line breaks, lone
// surrogates, U+FFFE/U+FFFF): a comment pasted from elsewhere may hold one.
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface DataValueNode {
  '@dataElement': string;
  '@value': string;
  annotation?: string;
}

interface GroupNode {
  '@orgUnit': string;
  '@period': string;
  '@dataSet'?: string;
  dataValue: DataValueNode[];
}

/** The ADX document; `exported` is the time it was made (ISO 8601). */
export function adxDocument(input: ExportInput, ids: ResolvedExport, exported: Date): string {
  const groups: GroupNode[] = [];
  let group: GroupNode | null = null;
  // Rows come ordered by unit: a new group starts when the unit changes.
  for (const r of ids.rows) {
    if (group === null || group['@orgUnit'] !== r.orgUnitId) {
      group = { '@orgUnit': r.orgUnitId, '@period': input.period.adx, ...(ids.dataSetId !== null ? { '@dataSet': ids.dataSetId } : {}), dataValue: [] };
      groups.push(group);
    }
    const value: DataValueNode = { '@dataElement': r.dataElementId, '@value': decimalText(r.value) };
    if (r.comment !== null) value.annotation = r.comment.replace(NOT_XML, ' ');
    group.dataValue.push(value);
  }
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    adx: { '@xmlns': ADX_NAMESPACE, '@exported': exported.toISOString(), group: groups },
  };
  return builder.build(doc);
}
