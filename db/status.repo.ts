// Storage of the provincial office's view (issue 11): which units were registered by
// `units import`, and what was received from below per unit and month (migration 5's columns
// of bundle_received, the sender's month status).
import type { NewUnit } from './units.repo';
import { prepared } from './query';
import type { Store } from './store';

/** Codes of the units registered here by `units import`. */
export function registeredUnits(store: Store): Set<string> {
  const rows = prepared(store.db, 'SELECT code FROM org_unit WHERE registered_at IS NOT NULL').pluck().all() as string[];
  return new Set(rows);
}

export interface ReceivedRow {
  unit: string;
  period: string;
  revision: number;
  receivedAt: string;
  sentAt: string | null;
  firstSentAt: string | null;
  firstReceivedAt: string | null;
  unexplained: number | null;
  /** The sender's own status of the month, as the bundle carried it. */
  status: string | null;
}

/** What was received for `units` in the months from..to (inclusive), one row per unit and month. */
export function receivedRows(store: Store, units: readonly string[], from: string, to: string): ReceivedRow[] {
  const rows = prepared(
    store.db,
    `SELECT u.code, r.period, r.revision, r.received_at, r.sent_at, r.first_sent_at, r.first_received_at, r.unexplained, s.status
     FROM bundle_received r JOIN org_unit u ON u.id = r.unit_id
     LEFT JOIN month_status s ON s.unit_id = r.unit_id AND s.period = r.period
     WHERE r.period BETWEEN ? AND ? AND u.code IN (SELECT value FROM json_each(?))`,
  ).raw(true).all(from, to, JSON.stringify(units)) as [string, string, number, string, string | null, string | null, string | null, number | null, string | null][];
  return rows.map((r) => ({
    unit: r[0], period: r[1], revision: r[2], receivedAt: r[3], sentAt: r[4], firstSentAt: r[5], firstReceivedAt: r[6], unexplained: r[7], status: r[8],
  }));
}

/** Adds registered units in order (parents first), in one transaction. */
export function registerUnits(store: Store, units: readonly NewUnit[], at: string): void {
  const db = store.db;
  const insert = db.prepare(
    `INSERT INTO org_unit (code, name, level, parent_id, sort, created_at, registered_at)
     VALUES (?, ?, ?, (SELECT id FROM org_unit WHERE code = ?), ?, ?, ?)`,
  );
  db.transaction(() => {
    const base = (db.prepare('SELECT coalesce(max(sort), 0) AS s FROM org_unit').get() as { s: number }).s + 1;
    units.forEach((u, i) => {
      insert.run(u.code, u.name, u.level, u.parent, base + i, at, at);
    });
  }).immediate();
  store.invalidateUnits();
}
