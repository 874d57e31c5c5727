// Stored unit totals (migration 7): each unit's month totals kept in the file, so a province's
// figures read a few hundred stored rows instead of summing every value of its subtree. Written
// by the bundle apply (inside its transaction) and by `thongke totals rebuild`; read by
// db/figures.repo.ts. Migration 7's triggers forget what a write could make stale.
import { UNSUMMED_KINDS } from '../core/catalogue';
import { buildTree, parentIn, type OrgTree, type UnitChange } from '../core/orgunit';
import type { Db } from './open';
import { prepared } from './query';
import type { Store } from './store';

/** Every move that took effect from a month (units.move, and the units a merger moved). */
export function movesOf(store: Store): UnitChange[] {
  return (
    prepared(
      store.db,
      `SELECT u.code AS unit, h.old_value AS oldValue, h.effective_from AS "from" FROM org_unit_history h
       JOIN org_unit u ON u.id = h.unit_id WHERE h.change = 'move' AND h.effective_from IS NOT NULL`,
    ).all() as { unit: string; oldValue: string | null; from: string }[]
  ).map((r) => ({ ...r, change: 'move' as const, newValue: null, note: null, changedBy: '', changedAt: '' }));
}

/** The tree as it stood in `month`: each moved unit under the parent it had then. */
export function treeIn(tree: OrgTree, month: string, moves: readonly UnitChange[]): OrgTree {
  const moved = new Set(moves.filter((m) => month < m.from!).map((m) => m.unit));
  if (moved.size === 0) return tree;
  return buildTree([...tree.units.values()].map((u) => (moved.has(u.code) ? { ...u, parent: parentIn(u, month, moves) } : u)));
}

const hasTables = new WeakMap<Db, boolean>();

/**
 * Makes this connection compute every figure as if nothing were stored (the tests' and the
 * bench's reference path); `false` reads stored totals again.
 */
export function ignoreStoredTotals(db: Db, ignore = true): void {
  if (ignore) hasTables.set(db, false);
  else hasTables.delete(db);
}

/** False on a read-only connection to a file older than migration 7 (it is never migrated). */
export function hasStoredTotals(db: Db): boolean {
  let has = hasTables.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'unit_total_done'").get() !== undefined;
    hasTables.set(db, has);
  }
  return has;
}

/**
 * The unit's stored totals for those months, and which months are stored (a stored month may
 * have no rows: nothing was entered). One statement, so one snapshot of the file: another
 * program's write between two reads cannot leave a month marked stored without its rows.
 */
export function storedTotals(store: Store, unitId: number, months: readonly string[]): { months: Set<string>; rows: { element_id: number; period: string; total: number }[] } {
  const found = prepared(
    store.db,
    `SELECT d.period, t.element_id, t.total FROM unit_total_done d
     LEFT JOIN unit_total t ON t.period = d.period AND t.unit_id = d.unit_id
     WHERE d.period IN (SELECT value FROM json_each(?)) AND d.unit_id = ?`,
  ).all(JSON.stringify(months), unitId) as { period: string; element_id: number | null; total: number | null }[];
  const rows: { element_id: number; period: string; total: number }[] = [];
  for (const r of found) if (r.element_id !== null && r.total !== null) rows.push({ element_id: r.element_id, period: r.period, total: r.total });
  return { months: new Set(found.map((r) => r.period)), rows };
}

// A unit's month: its own values and those of its children without children, summed, plus the
// stored totals of its children with children — the same rows as the grouped query over its
// whole subtree, in two steps. A rate (UNSUMMED_KINDS) counts only the unit's own value, so a
// child's stored rate total is left out like a child's value. An element whose only values
// are left-out rates has no row (the grouped query gives NULL there, which reads as nothing).
const STORE_TOTAL = `
  INSERT INTO unit_total (period, unit_id, element_id, total)
  SELECT @period, @unit, element_id, total FROM (
    SELECT x.element_id, sum(CASE WHEN x.unit_id <> @unit AND e.kind IN (SELECT value FROM json_each(@unsummed)) THEN NULL ELSE x.value END) AS total
    FROM (
      SELECT unit_id, element_id, value FROM data_value
      WHERE period = @period AND unit_id IN (SELECT value FROM json_each(@own)) AND value IS NOT NULL
      UNION ALL
      SELECT unit_id, element_id, total FROM unit_total WHERE period = @period AND unit_id IN (SELECT value FROM json_each(@inner))
    ) x JOIN data_element e ON e.id = x.element_id
    GROUP BY x.element_id)
  WHERE total IS NOT NULL`;

/** Stores the unit's month unless stored; first the children with children, the same way. */
function ensure(store: Store, tree: OrgTree, code: string, period: string, seen: Set<string>): void {
  if (seen.has(code)) return;
  seen.add(code);
  const id = store.unitId(code);
  if (prepared(store.db, 'SELECT 1 FROM unit_total_done WHERE period = ? AND unit_id = ?').get(period, id)) return;
  const kids = tree.children.get(code) ?? [];
  const inner = kids.filter((k) => (tree.children.get(k)?.length ?? 0) > 0);
  for (const k of inner) ensure(store, tree, k, period, seen);
  const leaves = kids.filter((k) => !inner.includes(k));
  prepared(store.db, STORE_TOTAL).run({
    period,
    unit: id,
    own: JSON.stringify([id, ...leaves.map((k) => store.unitId(k))]),
    inner: JSON.stringify(inner.map((k) => store.unitId(k))),
    unsummed: JSON.stringify(UNSUMMED_KINDS),
  });
  prepared(store.db, 'INSERT INTO unit_total_done (period, unit_id) VALUES (?, ?)').run(period, id);
}

/** The top of the unit's tree in that month (the unit itself when it has no parent there). */
function rootOf(tree: OrgTree, code: string): string {
  const seen = new Set<string>();
  let c = code;
  for (;;) {
    seen.add(c);
    const parent = tree.units.get(c)?.parent;
    if (parent === null || parent === undefined || !tree.units.has(parent) || seen.has(parent)) return c;
    c = parent;
  }
}

/**
 * Stores, for each month, the totals of the unit and of every unit above it as the tree stood
 * then (an ancestor from its children's stored totals, a child not stored yet first); with
 * `upward` false, of the unit (and its subtree) only. Run it inside the caller's write
 * transaction, after the month's values are written.
 */
export function storeTotals(store: Store, unit: string, months: readonly string[], upward = true): void {
  const tree = store.tree();
  const moves = movesOf(store);
  for (const m of months) {
    const t = treeIn(tree, m, moves);
    if (upward || t.units.has(unit)) ensure(store, t, upward ? rootOf(t, unit) : unit, m, new Set());
  }
}

/**
 * After several bundles were applied (each its own transaction, each storing its sender's
 * months): the units above the senders, stored once per month in one transaction instead of
 * once per file. A failure here loses nothing: a month not stored is summed from the values
 * when read, as before.
 */
export function storeAboveSenders(store: Store, sent: readonly { unit: string; months: readonly string[] }[]): void {
  if (sent.length === 0 || !hasStoredTotals(store.db)) return;
  try {
    store.db
      .transaction(() => {
        for (const s of sent) storeTotals(store, s.unit, s.months);
      })
      .immediate();
  } catch (e) {
    // A busy or full disk: nothing to tell the user, the imports are committed and the figures
    // stay right. Anything else is a fault of ours.
    const code = (e as { code?: unknown }).code;
    if (!(typeof code === 'string' && code.startsWith('SQLITE_'))) throw e;
  }
}

// What migration 7's value triggers do for one unit, for many at once (the bundle apply drops
// those triggers while it writes, as it does the others: a row trigger per value is most of a
// bulk write's cost).
const FORGET = (table: string) => `
  DELETE FROM ${table} WHERE period = ? AND unit_id IN (WITH RECURSIVE up(id) AS (
      SELECT value FROM json_each(?)
      UNION SELECT o.parent_id FROM org_unit o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
      UNION SELECT p.id FROM org_unit_history h JOIN up ON h.unit_id = up.id JOIN org_unit p ON p.code = h.old_value WHERE h.change = 'move')
    SELECT id FROM up)`;

/** Forgets the month's totals of these units and of every unit their values count under. */
export function forgetTotals(store: Store, unitIds: readonly number[], period: string): void {
  const ids = JSON.stringify(unitIds);
  prepared(store.db, FORGET('unit_total_done')).run(period, ids);
  prepared(store.db, FORGET('unit_total')).run(period, ids);
}

/**
 * Stores every month's totals of every unit with children, from the top of each tree: what an
 * old database (migrated) or a restored backup lacks. One write transaction.
 */
export function rebuildTotals(store: Store): { months: number; totals: number } {
  store.db
    .transaction(() => {
      store.db.exec('DELETE FROM unit_total_done; DELETE FROM unit_total;');
      const months = (prepared(store.db, 'SELECT DISTINCT period FROM data_value ORDER BY period').all() as { period: string }[]).map((r) => r.period);
      const tree = store.tree();
      const moves = movesOf(store);
      for (const m of months) {
        const t = treeIn(tree, m, moves);
        const seen = new Set<string>();
        for (const u of t.units.values()) if (rootOf(t, u.code) === u.code && (t.children.get(u.code)?.length ?? 0) > 0) ensure(store, t, u.code, m, seen);
      }
    })
    .immediate();
  const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
  return { months: count('SELECT count(DISTINCT period) AS n FROM unit_total_done'), totals: count('SELECT count(*) AS n FROM unit_total') };
}
