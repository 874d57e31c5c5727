// The sync bundle in the database: what a unit's months hold for export, what was sent and
// received, trusted keys, the import log, and applying a checked bundle. The apply is the bulk
// path: prepared statements reused across rows, positional parameters, one transaction.
import type { BundleHistory, BundleMonth, BundleNarrative, BundleStatus, BundleUnit, BundleValue } from '../core/bundle';
import { subtree } from '../core/orgunit';
import { MONTH_LOCKED } from './migrations/0003-month-lock';
import { lockingUnit } from './periods.repo';
import { prepared } from './query';
import type { Store } from './store';
import { withoutTriggers } from './triggers';
import { forgetTotals, hasStoredTotals, storeTotals } from './unit-total.repo';

const subtreeIds = (store: Store, unit: string): number[] => subtree(store.tree(), unit).map((c) => store.unitId(c));

/** The subtree's units, the unit first and parents before children, as a bundle carries them. */
export function bundleUnits(store: Store, unit: string): BundleUnit[] {
  const tree = store.tree();
  return subtree(tree, unit).map((c) => {
    const u = tree.units.get(c)!;
    return { code: u.code, name: u.name, level: u.level, parent: u.parent, closedFrom: u.closedFrom ?? null, mergedInto: u.mergedInto ?? null };
  });
}

export function bundleHistory(store: Store, unit: string): BundleHistory[] {
  const rows = prepared(
    store.db,
    `SELECT u.code AS unit, h.change, h.old_value, h.new_value, h.effective_from, h.changed_by, h.changed_at
     FROM org_unit_history h JOIN org_unit u ON u.id = h.unit_id
     WHERE h.unit_id IN (SELECT value FROM json_each(?))
       -- The bundle format carries these four; additions and sub-sites (migration 5) stay here.
       AND h.change IN ('rename', 'move', 'merge', 'close') ORDER BY h.id`,
  ).all(JSON.stringify(subtreeIds(store, unit))) as {
    unit: string; change: BundleHistory['change']; old_value: string | null; new_value: string | null;
    effective_from: string | null; changed_by: string; changed_at: string;
  }[];
  return rows.map((r) => ({
    unit: r.unit, change: r.change, oldValue: r.old_value, newValue: r.new_value,
    effectiveFrom: r.effective_from, changedBy: r.changed_by, changedAt: r.changed_at,
  }));
}

/** A month of the subtree: every value (cleared ones included), the narrative, the statuses. */
export function monthForBundle(store: Store, unit: string, period: string): Pick<BundleMonth, 'values' | 'people' | 'narrative' | 'statuses'> {
  const ids = JSON.stringify(subtreeIds(store, unit));
  const rows = prepared(
    store.db,
    `SELECT u.code, e.code, v.value, v.comment, v.revision, v.updated_by, v.updated_at
     FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
     WHERE v.period = ? AND v.unit_id IN (SELECT value FROM json_each(?)) ORDER BY v.unit_id, v.element_id`,
  ).raw(true).all(period, ids) as [string, string, number | null, string | null, number, string, string][];
  const people: string[] = [];
  const index = new Map<string, number>();
  const values: BundleValue[] = rows.map((r) => {
    let i = index.get(r[5]);
    if (i === undefined) {
      i = people.push(r[5]) - 1;
      index.set(r[5], i);
    }
    return [r[0], r[1], r[2], r[3], r[4], i, r[6]];
  });
  const narrative = prepared(
    store.db,
    `SELECT u.code, n.section, n.body, n.revision, n.updated_by, n.updated_at
     FROM narrative n JOIN org_unit u ON u.id = n.unit_id
     WHERE n.period = ? AND n.unit_id IN (SELECT value FROM json_each(?)) ORDER BY n.unit_id, n.section`,
  ).raw(true).all(period, ids) as BundleNarrative[];
  const statuses = prepared(
    store.db,
    `SELECT u.code, s.status, s.explained_count, s.changed_by, s.changed_at
     FROM month_status s JOIN org_unit u ON u.id = s.unit_id
     WHERE s.period = ? AND s.unit_id IN (SELECT value FROM json_each(?)) ORDER BY s.unit_id`,
  ).raw(true).all(period, ids) as BundleStatus[];
  return { values, people, narrative, statuses };
}

/** The next revision of (unit, period) at the source: one more than the last one sent. */
export function nextRevision(store: Store, unit: string, period: string): number {
  const row = prepared(store.db, 'SELECT max(revision) AS r FROM bundle_sent WHERE unit_id = ? AND period = ?').get(store.unitId(unit), period) as {
    r: number | null;
  };
  return (row.r ?? 0) + 1;
}

export function recordSent(
  store: Store,
  unit: string,
  revisions: Readonly<Record<string, number>>,
  fileName: string,
  fileHash: string,
  user: string,
  at: string,
): void {
  const st = prepared(store.db, 'INSERT INTO bundle_sent (unit_id, period, revision, file_name, file_hash, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const id = store.unitId(unit);
  store.db.transaction(() => {
    for (const [period, revision] of Object.entries(revisions)) st.run(id, period, revision, fileName, fileHash, user, at);
  }).immediate();
}

export interface SentRow {
  unit: string;
  period: string;
  revision: number;
  fileName: string;
  fileHash: string;
  sentBy: string;
  sentAt: string;
}

export function listSent(store: Store): SentRow[] {
  const rows = prepared(
    store.db,
    `SELECT u.code AS unit, s.period, s.revision, s.file_name, s.file_hash, s.sent_by, s.sent_at
     FROM bundle_sent s JOIN org_unit u ON u.id = s.unit_id ORDER BY s.sent_at DESC, s.period DESC`,
  ).all() as { unit: string; period: string; revision: number; file_name: string; file_hash: string; sent_by: string; sent_at: string }[];
  return rows.map((r) => ({ unit: r.unit, period: r.period, revision: r.revision, fileName: r.file_name, fileHash: r.file_hash, sentBy: r.sent_by, sentAt: r.sent_at }));
}

/** The highest revision accepted for (unit, period); null when none (or the unit is unknown here). */
export function receivedRevision(store: Store, unit: string, period: string): number | null {
  const row = prepared(
    store.db,
    'SELECT r.revision FROM bundle_received r JOIN org_unit u ON u.id = r.unit_id WHERE u.code = ? AND r.period = ?',
  ).get(unit, period) as { revision: number } | undefined;
  return row?.revision ?? null;
}

export interface TrustedKey {
  unit: string;
  publicKey: string;
  fingerprint: string;
  trustedBy: string;
  trustedAt: string;
}

export function trustedKey(store: Store, unit: string): TrustedKey | null {
  const row = prepared(store.db, 'SELECT unit, public_key, fingerprint, trusted_by, trusted_at FROM bundle_trust WHERE unit = ?').get(unit) as
    | { unit: string; public_key: string; fingerprint: string; trusted_by: string; trusted_at: string }
    | undefined;
  return row ? { unit: row.unit, publicKey: row.public_key, fingerprint: row.fingerprint, trustedBy: row.trusted_by, trustedAt: row.trusted_at } : null;
}

/** The subtree's stored values of a month: "unit|element" → [value, comment]. */
export function existingValues(store: Store, unitIds: readonly number[], period: string): Map<string, [number | null, string | null]> {
  const rows = prepared(
    store.db,
    `SELECT u.code, e.code, v.value, v.comment FROM data_value v
     JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
     WHERE v.period = ? AND v.unit_id IN (SELECT value FROM json_each(?))`,
  ).raw(true).all(period, JSON.stringify(unitIds)) as [string, string, number | null, string | null][];
  const out = new Map<string, [number | null, string | null]>();
  for (const r of rows) out.set(`${r[0]}|${r[1]}`, [r[2], r[3]]);
  return out;
}

export interface ImportLogRow {
  at: string;
  fileName: string;
  fileHash: string;
  unit: string;
  periods: string[];
  revisions: Record<string, number>;
  fingerprint: string;
  result: string;
  counts: Record<string, number> | null;
  by: string;
  reason?: string;
}

export function listImports(store: Store): ImportLogRow[] {
  const rows = prepared(
    store.db,
    'SELECT file_name, file_hash, unit, periods, revisions, fingerprint, result, counts, imported_by, imported_at FROM bundle_import ORDER BY id',
  ).all() as {
    file_name: string; file_hash: string; unit: string; periods: string; revisions: string; fingerprint: string;
    result: string; counts: string; imported_by: string; imported_at: string;
  }[];
  return rows.map((r) => ({
    at: r.imported_at, fileName: r.file_name, fileHash: r.file_hash, unit: r.unit,
    periods: JSON.parse(r.periods) as string[], revisions: JSON.parse(r.revisions) as Record<string, number>,
    fingerprint: r.fingerprint, result: r.result, counts: JSON.parse(r.counts) as Record<string, number>, by: r.imported_by,
  }));
}

/** One checked month, reduced to what changes: rows to write, in the bundle's own terms. */
export interface MonthWrite {
  period: string;
  revision: number;
  /** Who, by the index in the value rows. */
  people: string[];
  /** Values with no row here yet. */
  inserts: BundleValue[];
  /** Values whose row here differs. */
  updates: BundleValue[];
  narrative: BundleNarrative[];
  statuses: BundleStatus[];
  /** The bundle's count of unexplained high-importance problems of the month. */
  unexplained?: number;
}

export interface ApplyInput {
  source: string;
  /** The unit the source hangs under here (or the source itself when known): its lock is checked. */
  attach: string;
  /** Units the receiver does not know yet, parents first. */
  newUnits: BundleUnit[];
  /** Every unit of the bundle (to bring names, parents and closures up to date). */
  units: BundleUnit[];
  history: BundleHistory[];
  months: MonthWrite[];
  trust: { publicKey: string; fingerprint: string } | null;
  fingerprint: string;
  fileName: string;
  fileHash: string;
  periods: string[];
  revisions: Record<string, number>;
  counts: Record<string, number>;
  user: string;
  at: string;
  /** The bundle header's signed send time. */
  created: string;
}

const UPSERT_VALUE = `
  INSERT INTO data_value (unit_id, period, element_id, value, comment, revision, updated_by, updated_at, source)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (unit_id, period, element_id) DO UPDATE SET value = excluded.value, comment = excluded.comment,
    revision = max(revision + 1, excluded.revision), updated_by = excluded.updated_by, updated_at = excluded.updated_at,
    source = excluded.source`;

// Rows the receiver does not hold yet (most of a first bundle): a plain insert, INSERT_BATCH rows
// per statement. Each run() of a statement costs a round trip through the native binding (bind,
// step, reset, a result object), and each text parameter a conversion: batching, with the month
// and the source bound once per statement (@period, @source), takes about a third off the
// rows' CPU time.
const VALUE_PARAMS = 7;
const INSERT_BATCH = 64;
const VALUE_ROW = '(?, @period, ?, ?, ?, ?, ?, ?, @source)';
const INSERT_VALUES = (rows: number) => `
  INSERT INTO data_value (unit_id, period, element_id, value, comment, revision, updated_by, updated_at, source)
  VALUES ${Array(rows).fill(VALUE_ROW).join(', ')}`;

// The row triggers the apply replaces by set-based work (see applyBundle).
const DROPPED_TRIGGERS = [
  'data_value_locked_insert',
  'data_value_locked_update',
  'data_value_audit_insert',
  'unit_total_value_insert',
  'unit_total_value_update',
  'unit_total_value_delete',
];

const UPSERT_NARRATIVE = `
  INSERT INTO narrative (unit_id, period, section, body, revision, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (unit_id, period, section) DO UPDATE SET body = excluded.body, revision = max(revision + 1, excluded.revision),
    updated_by = excluded.updated_by, updated_at = excluded.updated_at
  WHERE body IS NOT excluded.body`;

/**
 * Applies a checked bundle in one transaction: new units, the tree's names and closures, history,
 * then per month: the subtree's statuses are cleared (a completed month is locked by migration 3's
 * triggers), the changed values and narrative written, the sender's statuses put back, and the
 * accepted revision recorded; then trust and the log. Any failure rolls everything back.
 */
export function applyBundle(store: Store, a: ApplyInput): void {
  const db = store.db;
  const upsertValue = prepared(db, UPSERT_VALUE);
  const insertValue = prepared(db, INSERT_VALUES(1));
  const insertValues = prepared(db, INSERT_VALUES(INSERT_BATCH));
  const batch: unknown[] = new Array<unknown>(INSERT_BATCH * VALUE_PARAMS);
  const upsertNarrative = prepared(db, UPSERT_NARRATIVE);
  // Foreign keys: SQLite's per-row check doubled the cost of each value row (two parent lookups
  // per row). They are switched off for this transaction (only possible outside one) and the
  // same check is made once, set-based, before the commit: checkForeignKeys below.
  const foreignKeys = !db.inTransaction && db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (a.newUnits.length > 0) {
        const sortBase = (db.prepare('SELECT coalesce(max(sort), 0) AS s FROM org_unit').get() as { s: number }).s + 1;
        const insert = db.prepare(
          'INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES (?, ?, ?, (SELECT id FROM org_unit WHERE code = ?), ?, ?)',
        );
        a.newUnits.forEach((u, i) => insert.run(u.code, u.name, u.level, u.parent, sortBase + i, a.at));
      }
      const update = db.prepare(
        // A unit registered here (units import) keeps its registered name and parent: the
        // import plan shows the bundle's differences as warnings instead.
        `UPDATE org_unit SET name = CASE WHEN registered_at IS NULL THEN ? ELSE name END,
           parent_id = CASE WHEN ? IS NULL OR registered_at IS NOT NULL THEN parent_id ELSE (SELECT id FROM org_unit WHERE code = ?) END,
           closed_from = ?, merged_into_id = (SELECT id FROM org_unit WHERE code = ?), received_from = ? WHERE code = ?`,
      );
      a.units.forEach((u, i) => {
        // The source unit keeps its place here; the units below it follow the sender's tree.
        const parent = i === 0 ? null : u.parent;
        update.run(u.name, parent, parent, u.closedFrom, u.mergedInto, a.source, u.code);
      });
      const hasHistory = db.prepare(
        `SELECT 1 FROM org_unit_history h JOIN org_unit u ON u.id = h.unit_id WHERE u.code = ? AND h.change = ?
         AND h.old_value IS ? AND h.new_value IS ? AND h.effective_from IS ? AND h.changed_at = ?`,
      );
      const addHistory = db.prepare(
        `INSERT INTO org_unit_history (unit_id, change, old_value, new_value, effective_from, changed_by, changed_at)
         VALUES ((SELECT id FROM org_unit WHERE code = ?), ?, ?, ?, ?, ?, ?)`,
      );
      for (const h of a.history) {
        if (!hasHistory.get(h.unit, h.change, h.oldValue, h.newValue, h.effectiveFrom, h.changedAt)) {
          addHistory.run(h.unit, h.change, h.oldValue, h.newValue, h.effectiveFrom, h.changedBy, h.changedAt);
        }
      }
      store.invalidateUnits();
      const ids = new Map(a.units.map((u) => [u.code, store.unitId(u.code)]));
      const elementIds = new Map(store.catalogue.elements.map((e) => [e.code, store.elementId(e.code)]));
      const subtreeJson = JSON.stringify([...ids.values()]);
      const clearStatus = db.prepare('DELETE FROM month_status WHERE period = ? AND unit_id IN (SELECT value FROM json_each(?))');
      const putStatus = db.prepare(
        'INSERT INTO month_status (unit_id, period, status, explained_count, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const received = db.prepare(
        `INSERT INTO bundle_received (unit_id, period, revision, fingerprint, file_hash, received_by, received_at, sent_at, first_sent_at, first_received_at, unexplained)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (unit_id, period) DO UPDATE SET revision = excluded.revision, fingerprint = excluded.fingerprint,
           file_hash = excluded.file_hash, received_by = excluded.received_by, received_at = excluded.received_at,
           sent_at = excluded.sent_at, unexplained = excluded.unexplained,
           first_sent_at = coalesce(first_sent_at, excluded.first_sent_at), first_received_at = coalesce(first_received_at, excluded.first_received_at)`,
      );
      const sourceId = ids.get(a.source)!;
      const auditInserted = db.prepare(
        `INSERT INTO audit (unit_id, period, element_id, old_value, new_value, old_comment, new_comment, revision, changed_by, changed_at, source)
         SELECT unit_id, period, element_id, NULL, value, NULL, comment, revision, updated_by, updated_at, source FROM data_value
         WHERE period = ? AND source = ? AND unit_id IN (SELECT value FROM json_each(?))`,
      );
      // Row triggers are most of the cost of a bulk write. Migration 3's lock triggers walk the
      // tree for every row: under this transaction's write lock nobody else can complete a month,
      // so the lock is checked once per month here instead. Migration 1's insert-audit trigger
      // runs once per row: the same audit rows are written set-based after each month's inserts.
      // Migration 7's triggers forget stored totals row by row: the months are forgotten once
      // each here instead (the sender and every unit above it), and the sender's totals stored
      // again (storeTotals) before the commit; the units above are stored once for all the
      // files of an import, after them (storeAboveSenders in service/bundle.ts).
      // The triggers are put back, identical, before the commit (withoutTriggers); a failure rolls the drop back
      // with everything else. Updates keep their audit trigger.
      for (const m of a.months) {
        const locker = lockingUnit(store, a.attach, m.period);
        if (locker && !ids.has(locker)) throw new Error(MONTH_LOCKED);
      }
      withoutTriggers(db, DROPPED_TRIGGERS, (dropped) => {
        const totals = hasStoredTotals(db);
        const auditSetBased = dropped.has('data_value_audit_insert');
        for (const m of a.months) {
          const source = `bundle:${a.source}:r${m.revision}`;
          clearStatus.run(m.period, subtreeJson);
          const month = { period: m.period, source };
          let k = 0;
          for (const v of m.inserts) {
            const o = k * VALUE_PARAMS;
            batch[o] = ids.get(v[0]);
            batch[o + 1] = elementIds.get(v[1]);
            batch[o + 2] = v[2];
            batch[o + 3] = v[3];
            batch[o + 4] = v[4];
            batch[o + 5] = m.people[v[5]];
            batch[o + 6] = v[6];
            if (++k === INSERT_BATCH) {
              insertValues.run(batch, month);
              k = 0;
            }
          }
          for (let i = 0; i < k; i++) insertValue.run(batch.slice(i * VALUE_PARAMS, (i + 1) * VALUE_PARAMS), month);
          // Exactly the rows just inserted: no row carried this bundle revision's tag before
          // (a revision is applied once), and the updates below come after.
          if (auditSetBased && m.inserts.length > 0) auditInserted.run(m.period, source, subtreeJson);
          for (const v of m.updates) upsertValue.run(ids.get(v[0]), m.period, elementIds.get(v[1]), v[2], v[3], v[4], m.people[v[5]], v[6], source);
          for (const n of m.narrative) upsertNarrative.run(ids.get(n[0]), m.period, n[1], n[2], n[3], n[4], n[5]);
          for (const s of m.statuses) putStatus.run(ids.get(s[0]), m.period, s[1], s[2], s[3], s[4]);
          received.run(sourceId, m.period, m.revision, a.fingerprint, a.fileHash, a.user, a.at, a.created, a.created, a.at, m.unexplained ?? null);
          if (totals) {
            if (m.inserts.length > 0 || m.updates.length > 0) forgetTotals(store, [...ids.values()], m.period);
            storeTotals(store, a.source, [m.period], false);
          }
        }
      });
      if (foreignKeys) checkForeignKeys(db, [...ids.values()], [...elementIds.values()]);
      if (a.trust) {
        db.prepare(
          `INSERT INTO bundle_trust (unit, public_key, fingerprint, trusted_by, trusted_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (unit) DO UPDATE SET public_key = excluded.public_key, fingerprint = excluded.fingerprint,
             trusted_by = excluded.trusted_by, trusted_at = excluded.trusted_at`,
        ).run(a.source, a.trust.publicKey, a.trust.fingerprint, a.user, a.at);
      }
      db.prepare(
        `INSERT INTO bundle_import (file_name, file_hash, unit, periods, revisions, fingerprint, result, counts, imported_by, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, 'imported', ?, ?, ?)`,
      ).run(a.fileName, a.fileHash, a.source, JSON.stringify(a.periods), JSON.stringify(a.revisions), a.fingerprint, JSON.stringify(a.counts), a.user, a.at);
    }).immediate();
  } catch (e) {
    // The unit cache may hold units of the rolled-back transaction (after a commit it is right).
    store.invalidateUnits();
    throw e;
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}

/** Tables the apply writes that have foreign keys, other than data_value (checked by its ids). */
const CHECKED_TABLES = ['org_unit', 'org_unit_history', 'month_status', 'narrative', 'bundle_received'] as const;

/**
 * What `PRAGMA foreign_keys = ON` checks row by row, checked once inside the apply's transaction:
 * every unit and element id the value rows point to exists, and the other tables written have no
 * row pointing nowhere. A violation throws SQLite's own message and the transaction rolls back.
 */
function checkForeignKeys(db: Store['db'], unitIds: readonly number[], elementIds: readonly number[]): void {
  const count = (table: string, ids: readonly number[]) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(ids)) as { n: number }).n;
  const ok =
    count('org_unit', unitIds) === new Set(unitIds).size &&
    count('data_element', elementIds) === new Set(elementIds).size &&
    CHECKED_TABLES.every((t) => (db.pragma(`foreign_key_check(${t})`) as unknown[]).length === 0);
  if (!ok) throw new Error('FOREIGN KEY constraint failed');
}
