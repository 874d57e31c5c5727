// The narrative sections of a monthly report. A month without its own text starts from the
// most recent earlier month's (users edit last month's text rather than write anew).
import { prepared } from './query';
import type { Store } from './store';

export interface NarrativeSection {
  section: string;
  body: string;
  /** The month the text was written for: the requested one, or the earlier month it carries over from. */
  fromPeriod: string;
  revision: number;
}

export function getNarrative(store: Store, unit: string, period: string): NarrativeSection[] {
  const rows = prepared(
    store.db,
    `SELECT section, body, period, revision FROM narrative n
     WHERE unit_id = @unit AND period = (
       SELECT MAX(period) FROM narrative m WHERE m.unit_id = n.unit_id AND m.section = n.section AND m.period <= @period)
     ORDER BY section`,
  ).all({ unit: store.unitId(unit), period }) as { section: string; body: string; period: string; revision: number }[];
  return rows.map((r) => ({ section: r.section, body: r.body, fromPeriod: r.period, revision: r.revision }));
}

export function setNarrative(store: Store, unit: string, period: string, section: string, body: string, user: string, now = new Date()): number {
  // In its own transaction: with RETURNING, the row comes back before an autocommit's COMMIT
  // runs, and a COMMIT that fails there (a failing disk) would go unseen — "saved" but not.
  const write = () => prepared(
    store.db,
    `INSERT INTO narrative (unit_id, period, section, body, revision, updated_by, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (unit_id, period, section) DO UPDATE SET body = excluded.body, revision = revision + 1,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at
     RETURNING revision`,
  ).get(store.unitId(unit), period, section, body, user, now.toISOString()) as { revision: number };
  return store.db.transaction(write).immediate().revision;
}
