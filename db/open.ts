// Opening the database: check the file is ours, set the pragmas that make every committed
// transaction survive a power cut, and bring the schema up to date.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors';
import { checkDatabasePath } from './fs-errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

/** PRAGMA application_id of our files: "TKYT". */
export const APPLICATION_ID = 0x544b5954;

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise a missing file is a user error). */
  create?: boolean;
  readonly?: boolean;
}

function looksLikeSqlite(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true; // an empty file is a new database
  if (size < 100) return false;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Sets the durability pragmas; returns the same connection. */
export function configure(db: Db): Db {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL in WAL mode, which may lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 16 MB of page cache: a district's few years of data fit, so bulk imports do not spill.
  db.pragma('cache_size = -16000');
  // Tests make SQLite report a full disk (SQLITE_FULL) by capping the file's size.
  const maxPages = process.env.THONGKE_TEST_MAX_PAGES;
  if (maxPages && /^\d+$/.test(maxPages)) db.pragma(`max_page_count = ${maxPages}`);
  return db;
}

/** Runs every pending migration in one transaction; refuses a newer or a foreign database. */
export function migrate(db: Db, file = 'database'): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new UserError('error.newerDatabase', { file: basename(file), found: version, supported: SCHEMA_VERSION });
  }
  if (version > 0 && appId !== APPLICATION_ID) throw new UserError('error.foreignDatabase', { file: basename(file) });
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new UserError('error.foreignDatabase', { file: basename(file) });
  }
  if (version === SCHEMA_VERSION) return version;
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
  return SCHEMA_VERSION;
}

/** Translates SQLite's failures that a user can cause into messages they can act on. */
export function asUserError(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_FULL') return new UserError('error.diskFull');
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new UserError('error.readOnly', { file: basename(file) });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new UserError('error.busy');
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new UserError('error.notADatabase', { file: basename(file) });
  return e;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  checkDatabasePath(file, opts.create ?? false);
  const exists = file !== ':memory:' && existsSync(file);
  if (file !== ':memory:' && !exists && !opts.create) throw new UserError('error.databaseMissing', { file });
  if (exists && !looksLikeSqlite(file)) throw new UserError('error.notADatabase', { file: basename(file) });
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
    if (!opts.readonly) configure(db);
    else db.pragma('foreign_keys = ON');
    // Reading the schema fails here, not later, when the file is not a database.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!opts.readonly) migrate(db, file);
    else {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new UserError('error.newerDatabase', { file: basename(file), found: version, supported: SCHEMA_VERSION });
      }
    }
    return db;
  } catch (e) {
    db?.close();
    throw asUserError(e, file);
  }
}
