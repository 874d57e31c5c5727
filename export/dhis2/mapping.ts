// The mapping of our codes to a DHIS2 instance's identifiers: a CSV `kind,code,dhis2Id`, where
// kind is dataElement, orgUnit, dataSet or categoryOptionCombo and dhis2Id is an 11-character
// DHIS2 UID (a letter, then 10 letters or digits). All or nothing: a bad line refuses the file
// with every bad line's number, as for the values CSV.
import { parseCsv } from '../../core/csv';
import { FileRejectedError, UserError, type LineProblem } from '../../core/errors';

export const MAPPING_KINDS = ['dataElement', 'orgUnit', 'dataSet', 'categoryOptionCombo'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];
export const MAPPING_HEADER = ['kind', 'code', 'dhis2Id'] as const;

/** DHIS2's UID: 11 characters, a letter first, then letters and digits (CodeGenerator.isValidUid). */
export const DHIS2_UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

export interface Dhis2Mapping {
  /** kind → our code → DHIS2 UID. */
  toUid: ReadonlyMap<MappingKind, ReadonlyMap<string, string>>;
  /** kind → DHIS2 UID → our code (the import's way back). */
  toCode: ReadonlyMap<MappingKind, ReadonlyMap<string, string>>;
  /** Lines read (rows). */
  count: number;
}

function isKind(s: string): s is MappingKind {
  return (MAPPING_KINDS as readonly string[]).includes(s);
}

/** Reads a mapping CSV; throws FileRejectedError with every bad line, or UserError for the file. */
export function parseMapping(text: string, file: string): Dhis2Mapping {
  const parsed = parseCsv(text);
  if (parsed.header.length === 0 || (parsed.header.length === 1 && parsed.header[0] === '')) {
    throw new UserError('error.emptyFile', { file });
  }
  // core/csv reads header names in lower case.
  const header = parsed.header.map((h) => h.trim().toLowerCase());
  if (header.length !== 3 || header.some((h, i) => h !== MAPPING_HEADER[i]!.toLowerCase())) {
    throw new UserError('error.badHeader', { file, expected: MAPPING_HEADER.join(parsed.delimiter), got: parsed.header.join(parsed.delimiter).slice(0, 120) });
  }
  if (parsed.rows.length === 0) throw new UserError('error.emptyFile', { file });
  const problems: LineProblem[] = parsed.broken.map((b) => ({ line: b.line, key: 'error.unterminatedQuote', params: {} }));
  const toUid = new Map<MappingKind, Map<string, string>>(MAPPING_KINDS.map((k) => [k, new Map()]));
  const toCode = new Map<MappingKind, Map<string, string>>(MAPPING_KINDS.map((k) => [k, new Map()]));
  const lineOf = new Map<string, number>();
  for (const { line, fields } of parsed.rows) {
    if (fields.length !== 3) {
      problems.push({ line, key: 'error.badColumnCount', params: { expected: 3, got: fields.length } });
      continue;
    }
    const [kind, code, uid] = fields.map((f) => f.trim()) as [string, string, string];
    if (!isKind(kind)) {
      problems.push({ line, key: 'dhis2.mapping.badKind', params: { kind, kinds: MAPPING_KINDS.join(', ') } });
      continue;
    }
    if (code === '') {
      problems.push({ line, key: 'dhis2.mapping.emptyCode', params: {} });
      continue;
    }
    if (!DHIS2_UID.test(uid)) {
      problems.push({ line, key: 'dhis2.mapping.badUid', params: { uid } });
      continue;
    }
    const byCode = `${kind}\u0000c\u0000${code}`;
    const byUid = `${kind}\u0000u\u0000${uid}`;
    const otherCode = lineOf.get(byCode);
    const otherUid = lineOf.get(byUid);
    if (otherCode !== undefined) {
      problems.push({ line, key: 'dhis2.mapping.duplicateCode', params: { code, other: otherCode } });
      continue;
    }
    if (otherUid !== undefined) {
      problems.push({ line, key: 'dhis2.mapping.duplicateUid', params: { uid, other: otherUid } });
      continue;
    }
    lineOf.set(byCode, line);
    lineOf.set(byUid, line);
    toUid.get(kind)!.set(code, uid);
    toCode.get(kind)!.set(uid, code);
  }
  if (problems.length > 0) throw new FileRejectedError(file, problems.sort((a, b) => a.line - b.line));
  return { toUid, toCode, count: parsed.rows.length };
}
