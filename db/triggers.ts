// Row triggers set aside for a bulk write. A trigger that walks the tree for every row is most
// of the cost of writing 100,000 rows; a bulk path that does the trigger's work once per unit and
// month, under the same write transaction, can drop it while it writes.
import type { Store } from './store';

type Db = Store['db'];

/**
 * Runs `write` with the named triggers dropped, inside the caller's write transaction (it must
 * hold the write lock). The triggers are put back, identical, before it returns; if `write`
 * throws, the caller's rollback restores them with everything else.
 */
export function withoutTriggers<T>(db: Db, names: readonly string[], write: (dropped: ReadonlySet<string>) => T): T {
  if (!db.inTransaction) throw new Error('withoutTriggers needs a write transaction');
  const list = names.map((n) => `'${n.replace(/'/g, "''")}'`).join(', ');
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (${list})`).all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  const result = write(new Set(triggers.map((t) => t.name)));
  for (const t of triggers) db.exec(t.sql);
  return result;
}
