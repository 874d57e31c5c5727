// Reading a DHIS2 dataValueSet (JSON, as /api/dataValueSets writes it) back into our values:
// identifiers by code or through the mapping's UIDs, monthly periods only (values are kept per
// month here), one default category option combination (we keep no disaggregation). Every bad
// value is reported with its number in the file; the caller refuses the file when any is bad.
import { type LineProblem, UserError } from '../../core/errors';
import type { Dhis2Mapping, MappingKind } from './mapping';
import { DEFAULT_COC_CODE, DEFAULT_COC_UID } from './model';
import { monthOfDhis2Id, specOfDhis2Id } from './period';

/** One value of the file, with our codes. */
export interface ImportEntry {
  /** 1-based position in `dataValues`. */
  index: number;
  unit: string;
  period: string;
  element: string;
  /** null clears the value (an empty value, or `deleted: true`). */
  value: number | null;
  /** undefined: the file says nothing, the stored comment stays. */
  comment?: string | null;
}

export interface ReadResult {
  entries: ImportEntry[];
  problems: LineProblem[];
  /** The file's own data set and completeDate, for the summary. */
  dataSet: string | null;
}

/** The most values one file may carry (a province's year is far below). */
export const MAX_IMPORT_VALUES = 1_000_000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const AT_VALUE = 'dhis2.import.atValue';

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function text(x: unknown): string | null {
  if (typeof x === 'string') return x.trim();
  return null;
}

/** Our code for an identifier of the file: a mapped UID's code, or the identifier itself (idScheme=CODE). */
function codeOf(mapping: Dhis2Mapping | null, kind: MappingKind, id: string): string {
  return mapping?.toCode.get(kind)?.get(id) ?? id;
}

function isDefaultCombo(mapping: Dhis2Mapping | null, id: string | null): boolean {
  if (id === null || id === '') return true;
  return id === DEFAULT_COC_CODE || id === DEFAULT_COC_UID || codeOf(mapping, 'categoryOptionCombo', id) === DEFAULT_COC_CODE;
}

function numberOf(x: unknown): number | null | undefined {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (typeof x !== 'string') return undefined;
  const s = x.trim();
  if (s === '') return null;
  return NUMBER.test(s) ? Number(s) : undefined;
}

/** Reads the file; throws UserError when it is not a dataValueSet at all. */
export function readDataValueSet(source: string, file: string, mapping: Dhis2Mapping | null): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError('dhis2.import.malformed', { file, detail: e instanceof Error ? e.message : 'JSON' });
  }
  if (!isObject(doc) || !Array.isArray(doc.dataValues)) throw new UserError('dhis2.import.notDataValueSet', { file });
  const values = doc.dataValues as unknown[];
  if (values.length === 0) throw new UserError('dhis2.import.noValues', { file });
  if (values.length > MAX_IMPORT_VALUES) throw new UserError('dhis2.import.tooMany', { file, max: MAX_IMPORT_VALUES });
  // DHIS2's header fields stand for every value that leaves them out.
  const top = { period: text(doc.period), orgUnit: text(doc.orgUnit), coc: text(doc.attributeOptionCombo) };
  const problems: LineProblem[] = [];
  const entries: ImportEntry[] = [];
  const bad = (index: number, key: string, params: Record<string, string | number> = {}) =>
    problems.push({ line: index, key, params, lineKey: AT_VALUE });
  values.forEach((raw, i) => {
    const index = i + 1;
    if (!isObject(raw)) return bad(index, 'dhis2.import.notAValue');
    const de = text(raw.dataElement);
    const ou = text(raw.orgUnit) || top.orgUnit;
    const pe = text(raw.period) || top.period;
    if (!de) return bad(index, 'dhis2.import.missing', { field: 'dataElement' });
    if (!ou) return bad(index, 'dhis2.import.missing', { field: 'orgUnit' });
    if (!pe) return bad(index, 'dhis2.import.missing', { field: 'period' });
    const month = monthOfDhis2Id(pe);
    if (month === null) {
      return bad(index, specOfDhis2Id(pe) === null ? 'dhis2.import.badPeriod' : 'dhis2.import.notMonthly', { period: pe });
    }
    for (const field of ['categoryOptionCombo', 'attributeOptionCombo'] as const) {
      const combo = text(raw[field]) ?? (field === 'attributeOptionCombo' ? top.coc : null);
      if (!isDefaultCombo(mapping, combo)) return bad(index, 'dhis2.import.disaggregated', { field, id: combo ?? '' });
    }
    const value = raw.deleted === true ? null : numberOf(raw.value);
    if (value === undefined) return bad(index, 'dhis2.import.badValue', { text: typeof raw.value === 'string' ? raw.value : JSON.stringify(raw.value) ?? '' });
    if (raw.comment !== undefined && raw.comment !== null && typeof raw.comment !== 'string') return bad(index, 'dhis2.import.badComment');
    const comment = typeof raw.comment === 'string' ? (raw.comment === '' ? null : raw.comment) : undefined;
    entries.push({
      index,
      unit: codeOf(mapping, 'orgUnit', ou),
      period: month,
      element: codeOf(mapping, 'dataElement', de),
      value,
      ...(comment !== undefined ? { comment } : {}),
    });
  });
  return { entries, problems, dataSet: text(doc.dataSet) };
}
