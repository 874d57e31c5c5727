// CSV import and export of data values and plan targets. Imports are all or nothing: every
// line is checked first, every bad line is reported with its number and reason, and the
// database is written only when the whole file is good.
import type { ValueType } from '../core/catalogue';
import { parseCsv, readCsv, toCsv, type CsvHead, type ParsedCsv } from '../core/csv';
import { guardCell, unguardCell } from '../core/csv-guard';
import { FileRejectedError, UserError, type LineProblem } from '../core/errors';
import { parseUserNumber } from '../core/numbers';
import { isYearInRange } from '../core/period';
import { checkTarget, parseDirection, type PlanDirection } from '../core/plan';
import { setPlans, type PlanInput } from './plans.repo';
import type { Store } from './store';
import { exportValues, resolveInput, writeBulk, type ChangeLog, type ChangeSource, type Resolved, type ValueInput } from './values.repo';
import { asUserError, assertIntact } from './open';
import { isMonthLockedError } from './periods.repo';

export const VALUES_HEADER = ['unit', 'period', 'element', 'value', 'comment'] as const;
export const PLANS_HEADER = ['unit', 'year', 'element', 'target', 'direction'] as const;

function checkHeader(p: CsvHead, expected: readonly string[], file: string): number {
  const required = expected.slice(0, 4);
  const ok =
    (p.header.length === 4 || p.header.length === 5) &&
    p.header.every((h, i) => h === expected[i]) &&
    required.every((h, i) => p.header[i] === h);
  if (!ok) {
    throw new UserError('error.badHeader', {
      file,
      expected: `${required.join(p.delimiter)}[${p.delimiter}${expected[4]}]`,
      got: p.header.join(p.delimiter).slice(0, 120),
    });
  }
  return p.header.length;
}

function problemOf(line: number, e: unknown): LineProblem {
  if (e instanceof UserError) return { line, key: e.key, params: e.params };
  throw e;
}

/** A number read for an element of `valueType` (null when the element is unknown: the strictest reading). */
function numberOrProblem(text: string, valueType: ValueType | null): number | null | UserError {
  if (text === '') return null;
  const n = parseUserNumber(text, valueType);
  if (n.ok) return n.value;
  if (n.reason === 'ambiguous') return new UserError('error.ambiguousNumber', { text });
  return new UserError('error.notANumber', { text });
}

function parseFile(text: string, file: string): ParsedCsv {
  const parsed = parseCsv(text);
  if (parsed.header.length === 0 || (parsed.header.length === 1 && parsed.header[0] === '')) {
    throw new UserError('error.emptyFile', { file });
  }
  return parsed;
}

/**
 * Reads a values file line by line and checks every line: calls `onGood` for each good line,
 * in file order, and throws FileRejectedError with every bad line (or a UserError for the file
 * as a whole) at the end (duplicates only when `duplicates`). No line is kept after it is checked: a file of a million lines costs
 * its text, the duplicate index and one line at a time.
 */
function scanValuesCsv(
  store: Store,
  text: string,
  file: string,
  now: Date,
  onGood: (r: Resolved) => void,
  duplicates = true,
): number {
  let columns = 0;
  let rows = 0;
  const problems: LineProblem[] = [];
  // Duplicates, per month: unit and element ids packed into one small integer (no string keys:
  // a file of 100,000 lines would otherwise build as many strings for the garbage collector).
  const seen = new Map<string, Map<number, number>>();
  const monthChecks = new Map<string, UserError | null>();
  const broken = readCsv(
    text,
    (head) => {
      if (head.header.length === 0 || (head.header.length === 1 && head.header[0] === '')) {
        throw new UserError('error.emptyFile', { file });
      }
      columns = checkHeader(head, VALUES_HEADER, file);
    },
    ({ line, fields }) => {
      rows++;
      if (fields.length !== columns && !(columns === 5 && fields.length === 4)) {
        problems.push({ line, key: 'error.badColumnCount', params: { expected: columns, got: fields.length } });
        return;
      }
      const [unit = '', period = '', element = '', valueText = '', comment] = fields.map(unguardCell);
      // The element's type decides how "1.234" reads (1234 for a count). An unknown element is
      // reported as such by resolveInput below, not as a number that could be read two ways.
      const known = store.catalogue.byCode.get(element);
      const value = known ? numberOrProblem(valueText, known.valueType) : null;
      if (value instanceof UserError) {
        problems.push(problemOf(line, value));
        return;
      }
      const input: ValueInput = columns === 5 ? { unit, period, element, value, comment: comment || null } : { unit, period, element, value };
      let resolved: Resolved;
      try {
        resolved = resolveInput(store, input, now, monthChecks);
      } catch (e) {
        problems.push(problemOf(line, e));
        return;
      }
      if (!duplicates) return onGood(resolved);
      let inMonth = seen.get(period);
      if (!inMonth) seen.set(period, (inMonth = new Map<number, number>()));
      const key = resolved.unitId * 65_536 + resolved.elementId;
      const other = inMonth.get(key);
      if (other !== undefined) {
        problems.push({ line, key: 'error.duplicateRow', params: { other } });
        return;
      }
      inMonth.set(key, line);
      onGood(resolved);
    },
  );
  if (rows === 0) throw new UserError('error.emptyFile', { file });
  for (const b of broken) problems.push({ line: b.line, key: 'error.unterminatedQuote', params: {} });
  if (problems.length > 0) throw new FileRejectedError(file, problems.sort((a, b) => a.line - b.line));
  return rows;
}

/** Checks every line of a values file; returns the inputs or throws FileRejectedError with all bad lines. */
export function checkValuesCsv(store: Store, text: string, file: string, now: Date): Resolved[] {
  const ok: Resolved[] = [];
  scanValuesCsv(store, text, file, now, (r) => ok.push(r));
  return ok;
}

export interface ImportSummary {
  count: number;
  changed: number;
}

/**
 * Lines written per batch in the write pass: small enough that a batch's objects die young
 * (20,000 kept ≈ 150 MB more garbage in the old generation on a million-line file).
 */
const WRITE_BATCH = 2_000;

/**
 * Imports a values CSV: all lines or none. Two passes over the text, none of them holding the
 * file's lines (issue 9: a file of a million lines stays far under 400 MB): the first checks
 * every line and refuses the file with all its bad lines, having written nothing; the second
 * reads it again and writes it in batches inside one transaction.
 */
export function importValuesCsv(
  store: Store,
  text: string,
  file: string,
  user: string,
  now = new Date(),
  source: ChangeSource = 'csv',
  log?: ChangeLog,
): ImportSummary {
  // A bulk write into a damaged file makes it worse: refuse and say "restore a backup".
  assertIntact(store.db, store.file);
  scanValuesCsv(store, text, file, now, () => undefined);
  let count = 0;
  let changed = 0;
  let batch: Resolved[] = [];
  const flush = () => {
    changed += writeBulk(store, batch, user, source, now, log);
    batch = [];
  };
  try {
    store.db.transaction(() => {
      scanValuesCsv(store, text, file, now, (r) => {
        count++;
        batch.push(r);
        if (batch.length >= WRITE_BATCH) flush();
      }, false); // duplicates were refused by the first pass
      flush();
    }).immediate();
  } catch (e) {
    // Everything is rolled back. A month completed by another program between the passes, a
    // full disk or a locked file: one clear sentence.
    throw isMonthLockedError(e) ? new UserError('quality.locked.race') : asUserError(e, store.file);
  }
  return { count, changed };
}

/**
 * The values of a month as CSV that importValuesCsv reads back. Text cells (codes, comments) are
 * guarded against spreadsheet formulas (core/csv-guard.ts); numbers are written as numbers.
 */
export function exportValuesCsv(store: Store, period: string, unit?: string): string {
  const values = exportValues(store, period, unit);
  const text = (s: string | null) => (s === null ? null : guardCell(s));
  return toCsv(VALUES_HEADER, values.map((v) => [text(v.unit), v.period, text(v.element), v.value, text(v.comment)]));
}

/** Imports plan targets: header unit,year,element,target[,direction]; all or nothing. */
export function importPlansCsv(store: Store, text: string, file: string, user: string, now = new Date()): number {
  assertIntact(store.db, store.file);
  const parsed = parseFile(text, file);
  const columns = checkHeader(parsed, PLANS_HEADER, file);
  if (parsed.rows.length === 0) throw new UserError('error.emptyFile', { file });
  const problems: LineProblem[] = parsed.broken.map((b) => ({ line: b.line, key: 'error.unterminatedQuote', params: {} }));
  const inputs: PlanInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of parsed.rows) {
    if (fields.length !== columns && !(columns === 5 && fields.length === 4)) {
      problems.push({ line, key: 'error.badColumnCount', params: { expected: columns, got: fields.length } });
      continue;
    }
    const [unit = '', yearText = '', element = '', targetText = '', directionText = ''] = fields;
    try {
      store.unit(unit);
      const e = store.element(element);
      if (!/^\d{4}$/.test(yearText) || !isYearInRange(Number(yearText))) throw new UserError('error.badYear', { year: yearText });
      const target = numberOrProblem(targetText, e.valueType);
      if (target instanceof UserError) throw target;
      const err = checkTarget(e, target);
      if (err) throw err;
      const direction: PlanDirection | null = parseDirection(directionText);
      if (direction === null) throw new UserError('error.badDirection', { text: directionText });
      const key = `${unit}\u0000${yearText}\u0000${element}`;
      const other = seen.get(key);
      if (other !== undefined) throw new UserError('error.duplicateRow', { other });
      seen.set(key, line);
      inputs.push({ unit, year: Number(yearText), element, target, direction });
    } catch (e) {
      problems.push(problemOf(line, e));
    }
  }
  if (problems.length > 0) throw new FileRejectedError(file, problems.sort((a, b) => a.line - b.line));
  return setPlans(store, inputs, user, now);
}
