// What a DHIS2 export holds, before it is written as a dataValueSet (JSON) or ADX (XML): the
// values of one period, one row per unit and element, with their identifiers resolved by
// code (DHIS2's idScheme=CODE) or through a mapping to the national instance's UIDs.
import type { Dhis2Mapping, MappingKind } from './mapping';
import type { Dhis2Period } from './period';

/** DHIS2's default category option combination: no disaggregation. Its code, and its UID in every instance. */
export const DEFAULT_COC_CODE = 'default';
export const DEFAULT_COC_UID = 'HllvX50cXC0';

/** One value to export, with our codes. */
export interface ExportRow {
  unit: string;
  element: string;
  value: number;
  comment: string | null;
  storedBy: string;
  /** ISO 8601. */
  lastUpdated: string;
}

export interface ExportInput {
  /** Our code of the data set (mapped like the other identifiers). */
  dataSet: string;
  period: Dhis2Period;
  /** The unit named on the command: its orgUnit heads the dataValueSet. */
  root: string;
  /** yyyy-MM-dd when the root unit's period is marked complete, else null. */
  completeDate: string | null;
  rows: readonly ExportRow[];
  mapping: Dhis2Mapping | null;
}

/** A code the mapping has no UID for: reported, and its values left out of the file. */
export interface Unmapped {
  kind: MappingKind;
  code: string;
  /** Values left out because of it (0 for the data set, which leaves no value out). */
  values: number;
}

export interface ResolvedRow extends ExportRow {
  dataElementId: string;
  orgUnitId: string;
}

export interface ResolvedExport {
  dataSetId: string | null;
  rootId: string | null;
  cocId: string;
  rows: ResolvedRow[];
  unmapped: Unmapped[];
}

/**
 * Resolves every identifier. Without a mapping, codes stand (idScheme=CODE). With one, each
 * code is replaced by its UID; a value whose element or unit has none is left out and the code
 * is listed in `unmapped` (never dropped silently); an unmapped data set is left out of the file.
 */
export function resolveIds(input: ExportInput): ResolvedExport {
  const { mapping } = input;
  if (!mapping) {
    // Codes stand: the rows are their own ids (no copy of 80,000 objects for a province month).
    const rows = input.rows as ResolvedRow[];
    for (const r of rows) {
      r.dataElementId = r.element;
      r.orgUnitId = r.unit;
    }
    return { dataSetId: input.dataSet, rootId: input.root, cocId: DEFAULT_COC_CODE, rows, unmapped: [] };
  }
  const missing = new Map<string, Unmapped>();
  const note = (kind: MappingKind, code: string, values: number) => {
    const key = `${kind}\u0000${code}`;
    const m = missing.get(key);
    if (m) m.values += values;
    else missing.set(key, { kind, code, values });
  };
  const uid = (kind: MappingKind, code: string) => mapping.toUid.get(kind)?.get(code) ?? null;
  const dataSetId = uid('dataSet', input.dataSet);
  if (dataSetId === null) note('dataSet', input.dataSet, 0);
  const rows: ResolvedRow[] = [];
  for (const r of input.rows) {
    const de = uid('dataElement', r.element);
    const ou = uid('orgUnit', r.unit);
    if (de === null) note('dataElement', r.element, 1);
    if (ou === null) note('orgUnit', r.unit, de === null ? 0 : 1);
    if (de !== null && ou !== null) rows.push({ ...r, dataElementId: de, orgUnitId: ou });
  }
  const unmapped = [...missing.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));
  return { dataSetId, rootId: uid('orgUnit', input.root), cocId: uid('categoryOptionCombo', DEFAULT_COC_CODE) ?? DEFAULT_COC_UID, rows, unmapped };
}

/**
 * A number as xs:decimal and DHIS2 write it: no exponent ("0.0000001", not "1e-7"), no
 * thousands separator, a dot for decimals.
 */
export function decimalText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Beyond 1e21 String() uses exponents for integers too; values here stay under 1e13.
  return n.toFixed(20).replace(/\.?0+$/, '');
}

export interface DataValueJson {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  value: string;
  storedBy: string;
  lastUpdated: string;
  comment?: string;
}

export interface DataValueSetJson {
  dataSet?: string;
  period: string;
  orgUnit?: string;
  completeDate?: string;
  dataValues: DataValueJson[];
}

/** The dataValueSet JSON DHIS2's /api/dataValueSets reads (values as strings, as DHIS2 writes them). */
export function dataValueSet(input: ExportInput, ids: ResolvedExport): DataValueSetJson {
  return {
    ...(ids.dataSetId !== null ? { dataSet: ids.dataSetId } : {}),
    period: input.period.id,
    ...(ids.rootId !== null ? { orgUnit: ids.rootId } : {}),
    ...(input.completeDate !== null ? { completeDate: input.completeDate } : {}),
    dataValues: ids.rows.map((r) => {
      const v: DataValueJson = {
        dataElement: r.dataElementId,
        period: input.period.id,
        orgUnit: r.orgUnitId,
        categoryOptionCombo: ids.cocId,
        value: decimalText(r.value),
        storedBy: r.storedBy,
        lastUpdated: r.lastUpdated,
      };
      if (r.comment !== null) v.comment = r.comment;
      return v;
    }),
  };
}
