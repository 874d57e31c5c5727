// Kysely builds our queries (typed against db/schema.ts); better-sqlite3 runs them
// synchronously. Prepared statements are cached per connection and SQL text, so a query
// built many times is prepared once.
import type { Statement } from 'better-sqlite3';
import {
  sql,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Db } from './open';
import type { DB } from './schema';

/** A query builder that never connects: it only compiles. */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const statements = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}

/**
 * `column in (…ids)` as one JSON parameter (SQLite's json_each): the SQL text, and so its
 * prepared statement, stays the same whatever the number of ids.
 */
export function inList<T extends number | string>(ids: readonly T[]) {
  return sql<T>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** Runs a typed Kysely query on the connection: the rows have the types the query builder gives. */
export function all<R>(db: Db, q: Compilable<R>): R[] {
  const c = q.compile();
  return prepared(db, c.sql).all(...(c.parameters as unknown[])) as R[];
}
