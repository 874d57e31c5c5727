// Data values: read, set (one durable transaction per change, audited by trigger), and
// bulk import (all or nothing, prepared statements in one transaction).
import type { AuditEntry, CellChange, SetValueResult } from '../core/api/data';
import { UserError } from '../core/errors';
import { checkMonth, checkValue, type DataValue } from '../core/values';
import { subtree } from '../core/orgunit';
import { asUserError } from './open';
import { isMonthLockedError, lockingUnit, monthLockedError } from './periods.repo';
import { all, inList, prepared, qb } from './query';
import type { Store } from './store';
import { withoutTriggers } from './triggers';

export interface ValueInput {
  unit: string;
  period: string;
  element: string;
  /** null clears the value. */
  value: number | null;
  /** undefined keeps the current comment; null clears it. */
  comment?: string | null;
  /** When given, the change is refused if the stored revision differs (another window changed it). */
  expectedRevision?: number;
}

/** The outcome of setting one value, as the API returns it. */
export type SetResult = SetValueResult;

export type ChangeSource = 'ui' | 'csv' | 'bundle' | 'demo' | 'workbook' | 'dhis2';

export interface Resolved {
  input: ValueInput;
  unitId: number;
  elementId: number;
}

/** Checks one input against the catalogue, the tree and the calendar; throws UserError. */
export function resolveInput(
  store: Store,
  input: ValueInput,
  now: Date = new Date(),
  monthChecks?: Map<string, UserError | null>,
): Resolved {
  const unit = store.unit(input.unit);
  assertNotReceived(store, input.unit);
  const element = store.element(input.element);
  // Bulk paths pass a cache: a file of 100,000 values has a handful of months.
  let monthError = monthChecks?.get(input.period);
  if (monthError === undefined) {
    monthError = checkMonth(input.period, now);
    monthChecks?.set(input.period, monthError);
  }
  if (monthError) throw monthError;
  const err = checkValue(element, unit, input.period, input.value, input.comment ?? null);
  if (err) throw err;
  // A completed month is locked (here or above): say so clearly before the trigger refuses.
  const lockKey = `lock|${input.unit}|${input.period}`;
  let lockError = monthChecks?.get(lockKey);
  if (lockError === undefined) {
    const locker = lockingUnit(store, input.unit, input.period);
    lockError = locker ? monthLockedError(store, input.unit, input.period, locker) : null;
    monthChecks?.set(lockKey, lockError);
  }
  if (lockError) throw lockError;
  return { input, unitId: store.unitId(input.unit), elementId: store.elementId(input.element) };
}

/**
 * Data received from below by sync bundle belongs to its sender: read, checked and reported on
 * here, never edited (the sender corrects it and sends a higher revision).
 */
export function assertNotReceived(store: Store, unit: string): void {
  const from = store.unit(unit).receivedFrom;
  if (from) throw new UserError('bundle.readOnly', { unit: store.unit(unit).name, sender: store.tree().units.get(from)?.name ?? from });
}

// Raw SQL: the write path (one statement per value, RETURNING what was stored), prepared once.
const UPSERT = `
  INSERT INTO data_value (unit_id, period, element_id, value, comment, revision, updated_by, updated_at, source)
  VALUES (@unitId, @period, @elementId, @value, @comment, 1, @user, @at, @source)
  ON CONFLICT (unit_id, period, element_id) DO UPDATE SET
    value = excluded.value,
    comment = CASE WHEN @keepComment THEN comment ELSE excluded.comment END,
    revision = revision + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at, source = excluded.source
  WHERE value IS NOT excluded.value OR (NOT @keepComment AND comment IS NOT excluded.comment)
  RETURNING value, comment, revision`;

type Current = { value: number | null; comment: string | null; revision: number };

const CURRENT = 'SELECT value, comment, revision FROM data_value WHERE unit_id = ? AND period = ? AND element_id = ?';

/** The stored cell: before a write that must compare revisions, and around an import's write (ChangeLog). */
function currentOf(store: Store, unitId: number, period: string, elementId: number): Current | undefined {
  return prepared(store.db, CURRENT).get(unitId, period, elementId) as Current | undefined;
}

function writeOne(store: Store, r: Resolved, user: string, at: string, source: ChangeSource): SetResult {
  const { input } = r;
  const db = store.db;
  const readCurrent = () => currentOf(store, r.unitId, input.period, r.elementId);
  const keepComment = input.comment === undefined;
  const base = { unit: input.unit, period: input.period, element: input.element };
  // The bulk path (a new value, no revision check) needs no read before the write.
  if (input.expectedRevision !== undefined || input.value === null) {
    const current = readCurrent();
    if (input.expectedRevision !== undefined && (current?.revision ?? 0) !== input.expectedRevision) {
      throw new UserError('error.staleRevision', { current: current?.revision ?? 0 });
    }
    // Clearing what was never there is no change at all.
    if (!current && input.value === null && (keepComment || input.comment === null)) {
      return { ...base, value: null, comment: null, revision: 0, changed: false };
    }
  }
  const row = prepared(db, UPSERT).get({
    unitId: r.unitId,
    period: input.period,
    elementId: r.elementId,
    value: input.value,
    comment: keepComment ? null : input.comment,
    keepComment: keepComment ? 1 : 0,
    user,
    at,
    source,
  }) as Current | undefined;
  if (!row) {
    const current = readCurrent()!;
    return { ...base, value: current.value, comment: current.comment, revision: current.revision, changed: false };
  }
  return { ...base, value: row.value, comment: row.comment, revision: row.revision, changed: true };
}

/**
 * The user's sentence for a failed write. A month completed between the check and the write
 * (another process) is refused by the database's trigger: name it generically.
 */
function refusal(store: Store, e: unknown): unknown {
  if (isMonthLockedError(e)) return new UserError('quality.locked.race');
  return asUserError(e, store.file);
}

/** Sets one value in its own durable transaction. */
export function setValue(store: Store, input: ValueInput, user: string, source: ChangeSource = 'ui', now = new Date()): SetResult {
  const r = resolveInput(store, input, now);
  try {
    return store.db.transaction(() => writeOne(store, r, user, now.toISOString(), source)).immediate();
  } catch (e) {
    throw refusal(store, e);
  }
}

export interface CommentInput {
  unit: string;
  period: string;
  element: string;
  /** null or blank clears it. */
  comment: string | null;
  /** When given, refused if the stored revision differs. */
  expectedRevision?: number;
}

// A comment alone: the value is never part of the statement, so a value changed elsewhere
// since the screen loaded it is kept, never reverted. A comment on an empty cell makes a row
// without a value (as a cleared value does).
const SET_COMMENT = `
  INSERT INTO data_value (unit_id, period, element_id, value, comment, revision, updated_by, updated_at, source)
  VALUES (@unitId, @period, @elementId, NULL, @comment, 1, @user, @at, @source)
  ON CONFLICT (unit_id, period, element_id) DO UPDATE SET
    comment = excluded.comment,
    revision = revision + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at, source = excluded.source
  WHERE comment IS NOT excluded.comment
  RETURNING value, comment, revision`;

/** Sets a cell's explanation comment without touching its value, in its own transaction. */
export function setComment(store: Store, input: CommentInput, user: string, source: ChangeSource = 'ui', now = new Date()): SetResult {
  const comment = input.comment?.trim() ? input.comment : null;
  // The same checks as a value (month, level, lock, comment length), with the value left out.
  const r = resolveInput(store, { unit: input.unit, period: input.period, element: input.element, value: null, comment }, now);
  const base = { unit: input.unit, period: input.period, element: input.element };
  const db = store.db;
  try {
    return db.transaction((): SetResult => {
      const current = currentOf(store, r.unitId, input.period, r.elementId);
      if (input.expectedRevision !== undefined && (current?.revision ?? 0) !== input.expectedRevision) {
        throw new UserError('error.staleRevision', { current: current?.revision ?? 0 });
      }
      if (!current && comment === null) return { ...base, value: null, comment: null, revision: 0, changed: false };
      const row = prepared(db, SET_COMMENT).get({ unitId: r.unitId, period: input.period, elementId: r.elementId, comment, user, at: now.toISOString(), source }) as
        | Current
        | undefined;
      const after = row ?? current!;
      return { ...base, value: after.value, comment: after.comment, revision: after.revision, changed: !!row };
    }).immediate();
  } catch (e) {
    throw refusal(store, e);
  }
}

/** Sets many values at once (a paste): every one is checked first; all are saved or none. */
export function setValues(
  store: Store,
  inputs: readonly ValueInput[],
  user: string,
  source: ChangeSource = 'ui',
  now = new Date(),
): SetResult[] {
  return writeResolved(store, inputs.map((i) => resolveInput(store, i, now)), user, source, now);
}

// The bulk path hands SQLite all rows as one JSON array and upserts them set-based: one
// statement instead of one call per row, and the audit triggers run inside SQLite.
const bulkUpsert = (keepComment: boolean) => `
  INSERT INTO data_value (unit_id, period, element_id, value, comment, revision, updated_by, updated_at, source)
  SELECT r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, 1, @user, @at, @source
  FROM json_each(@rows) AS r WHERE true
  ON CONFLICT (unit_id, period, element_id) DO UPDATE SET value = excluded.value,
    ${keepComment ? '' : 'comment = excluded.comment,'}
    revision = revision + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at, source = excluded.source
  WHERE value IS NOT excluded.value ${keepComment ? '' : 'OR comment IS NOT excluded.comment'}`;
const BULK_UPSERT_KEEP_COMMENT = bulkUpsert(true);
const BULK_UPSERT_SET_COMMENT = bulkUpsert(false);
const BULK_CHUNK = 50_000;
/** `unit|period` of every month marked complete among these periods (one query). */
function completeMonths(store: Store, periods: readonly string[]): Set<string> {
  const rows = prepared(store.db, "SELECT unit_id, period FROM month_status WHERE status = 'complete' AND period IN (SELECT value FROM json_each(?))").all(
    JSON.stringify(periods),
  ) as { unit_id: number; period: string }[];
  return new Set(rows.map((r) => `${store.unitCode(r.unit_id)}|${r.period}`));
}

/** The unit (itself or above it) whose month is complete, as lockingUnit finds it, from a set. */
function lockerIn(store: Store, complete: ReadonlySet<string>, unit: string, period: string): string | null {
  const tree = store.tree();
  const seen = new Set<string>();
  for (let u: string | null = unit; u !== null && !seen.has(u); u = tree.units.get(u)?.parent ?? null) {
    seen.add(u);
    if (complete.has(`${u}|${period}`)) return u;
  }
  return null;
}

/** The per-row lock triggers the bulk path checks once per unit and month instead. */
const LOCK_TRIGGERS = ['data_value_locked_insert', 'data_value_locked_update', 'data_value_locked_delete'];

/**
 * What a bulk write changed, cell by cell, for the app's undo of an import (one step): each
 * cell's value before and after and the revision it was left at. Read inside the write's own
 * transaction, so "before" is exactly what was overwritten. Bounded: past `max` cells it keeps
 * nothing and says so (`overflow`), as an undo that large would not be offered.
 */
export class ChangeLog {
  cells: CellChange[] = [];
  overflow = false;
  constructor(readonly max: number) {}
}

/** Before a batch is written: its cells as they are (null when the log is already full). */
function cellsBefore(store: Store, resolved: readonly Resolved[], log: ChangeLog | undefined): (number | null)[] | null {
  if (!log || log.overflow) return null;
  if (log.cells.length + resolved.length > log.max) {
    log.overflow = true;
    log.cells = [];
    return null;
  }
  return resolved.map((r) => currentOf(store, r.unitId, r.input.period, r.elementId)?.value ?? null);
}

/** After it was written: the cells whose value changed, with their new revision. */
function cellsAfter(store: Store, resolved: readonly Resolved[], before: readonly (number | null)[] | null, log: ChangeLog | undefined): void {
  if (!log || !before) return;
  resolved.forEach((r, i) => {
    const now = currentOf(store, r.unitId, r.input.period, r.elementId);
    const after = now?.value ?? null;
    if (after !== before[i]) log.cells.push({ unit: r.input.unit, element: r.input.element, period: r.input.period, before: before[i] ?? null, after, revision: now?.revision ?? 0 });
  });
}

/**
 * Writes many checked values in one transaction and counts those that changed — the path of
 * CSV import. Clearing goes through the careful one-by-one path (a missing row is not created).
 */
export function writeBulk(store: Store, resolved: readonly Resolved[], user: string, source: ChangeSource, now: Date, log?: ChangeLog): number {
  const at = now.toISOString();
  const db = store.db;
  const keep: unknown[][] = [];
  const set: unknown[][] = [];
  const clears: Resolved[] = [];
  for (const r of resolved) {
    const { input } = r;
    if (input.value === null) clears.push(r);
    else if (input.comment === undefined) keep.push([r.unitId, input.period, r.elementId, input.value, null]);
    else set.push([r.unitId, input.period, r.elementId, input.value, input.comment]);
  }
  const upsert = (sql: string, rows: unknown[][]) => {
    let changed = 0;
    for (let i = 0; i < rows.length; i += BULK_CHUNK) {
      changed += prepared(db, sql).run({ rows: JSON.stringify(rows.slice(i, i + BULK_CHUNK)), user, at, source }).changes;
    }
    return changed;
  };
  // Migration 3's lock triggers walk the tree for every row (half the time of a 100,000-value
  // file): under this transaction's write lock nobody else can complete a month, so each unit's
  // month is checked once here instead, as the bundle apply does, and the triggers are set aside
  // while the rows are written (put back before the commit).
  const months = new Map<string, { unit: string; period: string }>();
  for (const r of resolved) months.set(`${r.unitId}|${r.input.period}`, { unit: r.input.unit, period: r.input.period });
  try {
    return db.transaction(() => {
      const complete = completeMonths(store, [...new Set([...months.values()].map((m) => m.period))]);
      for (const m of months.values()) {
        const locker = complete.size === 0 ? null : lockerIn(store, complete, m.unit, m.period);
        if (locker) throw monthLockedError(store, m.unit, m.period, locker);
      }
      const before = cellsBefore(store, resolved, log);
      const changed = withoutTriggers(db, LOCK_TRIGGERS, () => {
        let n = upsert(BULK_UPSERT_KEEP_COMMENT, keep) + upsert(BULK_UPSERT_SET_COMMENT, set);
        for (const r of clears) if (writeOne(store, r, user, at, source).changed) n++;
        return n;
      });
      cellsAfter(store, resolved, before, log);
      return changed;
    }).immediate();
  } catch (e) {
    throw refusal(store, e);
  }
}

/** Writes already-checked inputs in one transaction (the path of a paste into the grid). */
export function writeResolved(store: Store, resolved: readonly Resolved[], user: string, source: ChangeSource, now: Date): SetResult[] {
  const at = now.toISOString();
  try {
    return store.db.transaction(() => resolved.map((r) => writeOne(store, r, user, at, source))).immediate();
  } catch (e) {
    // A full disk or a locked file rolls the whole transaction back: nothing was written.
    throw refusal(store, e);
  }
}

function toDataValue(store: Store, r: {
  unit_id: number; period: string; element_id: number; value: number | null; comment: string | null;
  revision: number; updated_by: string; updated_at: string;
}): DataValue {
  return {
    unit: store.unitCode(r.unit_id),
    period: r.period,
    element: store.elementCode(r.element_id),
    value: r.value,
    comment: r.comment,
    revision: r.revision,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

/** Every stored value of the unit and the units below it for a month (cleared ones included). */
export function getValues(store: Store, unit: string, period: string): DataValue[] {
  store.unit(unit);
  return valuesOfUnits(store, subtree(store.tree(), unit).map((c) => store.unitId(c)), period);
}

/** The stored rows of a month for these unit ids, as the API gives them. */
function valuesOfUnits(store: Store, ids: readonly number[], period: string): DataValue[] {
  const rows = all(
    store.db,
    qb
      .selectFrom('data_value')
      .select(['unit_id', 'period', 'element_id', 'value', 'comment', 'revision', 'updated_by', 'updated_at'])
      .where('period', '=', period)
      .where('unit_id', 'in', inList(ids)),
  );
  return rows.map((r) => toDataValue(store, r));
}

/**
 * A month's values of each of `units` (their own rows, not their subtrees'), in one query; an
 * unknown unit is refused as in getValues. Units listed twice are read once.
 */
export function getUnitsValues(store: Store, units: readonly string[], period: string): DataValue[] {
  return valuesOfUnits(store, [...new Set(units.map((u) => store.unitId(store.unit(u).code)))], period);
}

/** Values of a list of months for export, optionally limited to a unit's subtree. */
export function exportValues(store: Store, period: string, unit?: string): DataValue[] {
  const ids = unit ? subtree(store.tree(), store.unit(unit).code).map((c) => store.unitId(c)) : null;
  const rows = all(
    store.db,
    qb
      .selectFrom('data_value as v')
      .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
      .innerJoin('data_element as e', 'e.id', 'v.element_id')
      .select(['v.unit_id', 'v.period', 'v.element_id', 'v.value', 'v.comment', 'v.revision', 'v.updated_by', 'v.updated_at'])
      .where('v.period', '=', period)
      .where('v.value', 'is not', null)
      .$if(ids !== null, (q) => q.where('v.unit_id', 'in', inList(ids ?? [])))
      .orderBy('u.sort')
      .orderBy('u.id')
      .orderBy('e.sort'),
  );
  return rows.map((r) => toDataValue(store, r));
}


/** The history of one value, newest first. */
export function valueHistory(store: Store, unit: string, period: string, element: string): AuditEntry[] {
  const rows = all(
    store.db,
    qb
      .selectFrom('audit')
      .select(['old_value', 'new_value', 'old_comment', 'new_comment', 'revision', 'changed_by', 'changed_at', 'source'])
      .where('period', '=', period)
      .where('unit_id', '=', store.unitId(unit))
      .where('element_id', '=', store.elementId(element))
      .orderBy('revision', 'desc'),
  );
  return rows.map((r) => ({
    oldValue: r.old_value,
    newValue: r.new_value,
    oldComment: r.old_comment,
    newComment: r.new_comment,
    revision: r.revision,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    source: r.source,
  }));
}
