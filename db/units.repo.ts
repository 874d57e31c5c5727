// The org-unit tree in the database. Codes are stable; names and parents may change, and
// each change is kept in org_unit_history.
import type { OrgUnit, OrgUnitLevel } from '../core/orgunit';
import { UserError } from '../core/errors';
import type { Db } from './open';
import { all, qb } from './query';

export function listUnits(db: Db): OrgUnit[] {
  const rows = all(
    db,
    qb
      .selectFrom('org_unit as u')
      .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
      .leftJoin('org_unit as m', 'm.id', 'u.merged_into_id')
      .select(['u.code', 'u.name', 'u.level', 'p.code as parent', 'u.closed_from', 'm.code as merged_into', 'u.received_from', 'u.opened_from'])
      .orderBy('u.sort')
      .orderBy('u.id'),
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parent: r.parent ?? null,
    closedFrom: r.closed_from,
    mergedInto: r.merged_into ?? null,
    ...(r.received_from ? { receivedFrom: r.received_from } : {}),
    ...(r.opened_from ? { openedFrom: r.opened_from } : {}),
  }));
}

export function unitIdMap(db: Db): Map<string, number> {
  const rows = all(db, qb.selectFrom('org_unit').select(['id', 'code']));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export interface NewUnit {
  code: string;
  name: string;
  level: OrgUnitLevel;
  parent: string | null;
  sort?: number;
}

/** Adds units in order (parents before children), in one transaction. */
export function addUnits(db: Db, units: readonly NewUnit[], now = new Date().toISOString()): void {
  // Raw SQL: the tree's bulk insert (setup, demo), in one transaction.
  const insert = db.prepare(
    'INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES (?, ?, ?, (SELECT id FROM org_unit WHERE code = ?), ?, ?)',
  );
  db.transaction(() => {
    units.forEach((u, i) => {
      if (u.parent !== null && all(db, qb.selectFrom('org_unit').select('id').where('code', '=', u.parent)).length === 0) {
        throw new UserError('error.unknownUnit', { unit: u.parent });
      }
      insert.run(u.code, u.name, u.level, u.parent, u.sort ?? i, now);
    });
  })();
}

/** Renames a unit; its code, values and history stay. */
export function renameUnit(db: Db, code: string, name: string, user: string, effectiveFrom: string | null = null): void {
  const row = db.prepare('SELECT id, name FROM org_unit WHERE code = ?').get(code) as { id: number; name: string } | undefined;
  if (!row) throw new UserError('error.unknownUnit', { unit: code });
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare('UPDATE org_unit SET name = ? WHERE id = ?').run(name, row.id);
    db.prepare(
      "INSERT INTO org_unit_history (unit_id, change, old_value, new_value, effective_from, changed_by, changed_at) VALUES (?, 'rename', ?, ?, ?, ?, ?)",
    ).run(row.id, row.name, name, effectiveFrom, user, now);
  })();
}

/**
 * Merges `code` into `into` from month `from`: the old unit stops reporting, keeps its past
 * values (which still count in its parent's totals for the months it reported) and points
 * to its successor.
 */
export function mergeUnit(db: Db, code: string, into: string, from: string, user: string): void {
  const ids = unitIdMap(db);
  const id = ids.get(code);
  const intoId = ids.get(into);
  if (id === undefined) throw new UserError('error.unknownUnit', { unit: code });
  if (intoId === undefined) throw new UserError('error.unknownUnit', { unit: into });
  db.transaction(() => {
    db.prepare('UPDATE org_unit SET closed_from = ?, merged_into_id = ? WHERE id = ?').run(from, intoId, id);
    db.prepare(
      "INSERT INTO org_unit_history (unit_id, change, old_value, new_value, effective_from, changed_by, changed_at) VALUES (?, 'merge', ?, ?, ?, ?, ?)",
    ).run(id, code, into, from, user, new Date().toISOString());
  })();
}
