// The narrative sections of a monthly report. A month without its own text starts from the
// most recent earlier month's (users edit last month's text rather than write anew). A quarter,
// 6/9-month or year (2024-Q2, 2024-H1, 2024-9M, 2024) has only its own text: it neither carries
// a month's text nor is carried into a month.
import { sql } from 'kysely';
import { isMonth } from '../core/period';
import { all, prepared, qb } from './query';
import type { Store } from './store';

export interface NarrativeSection {
  section: string;
  body: string;
  /** The month the text was written for: the requested one, or the earlier month it carries over from. */
  fromPeriod: string;
  revision: number;
}

export function getNarrative(store: Store, unit: string, period: string): NarrativeSection[] {
  const rows = all(
    store.db,
    qb
      .selectFrom('narrative as n')
      .select(['n.section', 'n.body', 'n.period', 'n.revision'])
      .where('n.unit_id', '=', store.unitId(unit))
      .where('n.period', '=', (eb) =>
        eb
          .selectFrom('narrative as m')
          .select((m) => m.fn.max('m.period').as('latest'))
          .whereRef('m.unit_id', '=', 'n.unit_id')
          .whereRef('m.section', '=', 'n.section')
          .where('m.period', '<=', period)
          // Months carry over from months only ("2023-Q4" sorts after "2023-12"); a period reads its own.
          .where(isMonth(period) ? sql<boolean>`m.period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'` : sql<boolean>`m.period = ${period}`),
      )
      .orderBy('n.section'),
  );
  return rows.map((r) => ({ section: r.section, body: r.body, fromPeriod: r.period, revision: r.revision }));
}

export function setNarrative(store: Store, unit: string, period: string, section: string, body: string, user: string, now = new Date()): number {
  // Raw SQL: an upsert that bumps the revision and returns it in one statement. In its own
  // transaction: with RETURNING, the row comes back before an autocommit's COMMIT runs, and a
  // COMMIT that fails there (a failing disk) would go unseen — "saved" but not.
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
