// Opening the database: check the file is ours before anything is written (db/filecheck.ts),
// set the pragmas that make every committed transaction survive a power cut, and bring the
// schema up to date.
import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { storageError, UserError } from '../core/errors';
import { cleanStaleCreations } from './files';
import { checkDatabasePath } from './fs-errors';
import { effectiveHeader, fileSize, readDbHeader, readWal } from './filecheck';
import { describeHolders } from './holders';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

/** PRAGMA application_id of our files: "TKYT". */
export const APPLICATION_ID = 0x544b5954;

export interface OpenOptions {
  /**
   * Create the file when it does not exist or is empty. Only `init` and the first-run setup
   * ask for this, and they create into a temporary file renamed when complete; every other
   * command refuses a missing or empty file, leaving it as it is.
   */
  create?: boolean;
  readonly?: boolean;
}

/** Sets the durability pragmas; returns the same connection. */
export function configure(db: Db): Db {
  // Wait for another writer before anything else: even switching the journal mode takes a lock.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL in WAL mode, which may lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
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
  const storage = storageError(e);
  if (storage) return storage;
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new UserError('error.readOnly', { file: basename(file) });
  }
  if (code?.startsWith('SQLITE_READONLY')) return new UserError('error.readOnly', { file: basename(file) });
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    const holders = describeHolders(file);
    return holders
      ? new UserError('error.busyBy', { file: basename(file), holder: holders })
      : new UserError('error.busy', { file: basename(file) });
  }
  if (code === 'SQLITE_NOTADB') return new UserError('error.notADatabase', { file: basename(file) });
  if (code?.startsWith('SQLITE_CORRUPT')) return new UserError('error.damaged', { file: basename(file) });
  const fsCode = (e as { code?: string }).code;
  if (fsCode === 'EACCES' || fsCode === 'EPERM' || fsCode === 'EROFS') return new UserError('error.readOnly', { file: basename(file) });
  return e;
}

/** Refuses a damaged database (PRAGMA quick_check): the user should restore a backup. */
export function assertIntact(db: Db, file: string): void {
  let result: string;
  try {
    result = db.pragma('quick_check(1)', { simple: true }) as string;
  } catch (e) {
    throw asUserError(e, file);
  }
  if (result !== 'ok') throw new UserError('error.damaged', { file: basename(file) });
}

/** Whose file is it? Refuses, before any write, a file that is not a database of this app. */
function checkOwner(file: string): { recovering: boolean } {
  const header0 = readDbHeader(file);
  if (!header0) throw new UserError('error.notADatabase', { file: basename(file) });
  const recovering = readWal(`${file}-wal`) !== null;
  const header = effectiveHeader(file, header0);
  if (header.applicationId !== APPLICATION_ID || header.userVersion < 1) {
    throw new UserError('error.foreignDatabase', { file: basename(file) });
  }
  if (header.userVersion > SCHEMA_VERSION) {
    throw new UserError('error.newerDatabase', { file: basename(file), found: header.userVersion, supported: SCHEMA_VERSION });
  }
  return { recovering };
}

/**
 * A -wal with commits means the last session ended without closing (a crash, a kill) or
 * another program has the file open. Before a read-write connection may checkpoint those
 * pages into the file, a read-only one checks the result; it never checkpoints on close.
 */
function probeRecovery(file: string): void {
  let probe: Db | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    probe.pragma('busy_timeout = 5000');
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const stray = new UserError('error.strayWal', { file: basename(file), wal: `${basename(file)}-wal` });
    if (appId !== APPLICATION_ID) throw stray;
    // With its -wal applied the file fails the check: the -wal is not its own (or the file is
    // damaged, which the next open without the -wal will say).
    const result = probe.pragma('quick_check(1)', { simple: true }) as string;
    if (result !== 'ok') throw stray;
  } catch (e) {
    throw asUserError(e, file);
  } finally {
    probe?.close();
  }
}

function openNew(file: string): Db {
  let db: Db | null = null;
  try {
    db = configure(new Database(file));
    migrate(db, file);
    return db;
  } catch (e) {
    db?.close();
    throw asUserError(e, file);
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file === ':memory:') return openNew(file);
  checkDatabasePath(file, opts.create ?? false);
  // What a killed `init` left beside the file (db/create.ts): removed by the next command.
  if (!opts.readonly) cleanStaleCreations(file);
  const size = fileSize(file);
  if (size === null || size === 0) {
    if (!opts.create) throw new UserError(size === null ? 'error.databaseMissing' : 'error.emptyDatabase', { file });
    return openNew(file);
  }
  const { recovering } = checkOwner(file);
  if (recovering) probeRecovery(file);
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: true });
    if (!opts.readonly) configure(db);
    else {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    }
    // Reading the schema fails here, not later, when the file is not a database.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!opts.readonly) migrate(db, file);
    return db;
  } catch (e) {
    db?.close();
    throw asUserError(e, file);
  }
}
