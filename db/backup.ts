// Backups of the live database. Each one is taken with SQLite's online backup API into a
// temporary file, made self-contained (journal_mode=DELETE, so one file carries everything),
// checked with integrity_check and only then renamed into place: a half-written or damaged
// copy never replaces a good one. Automatic backups rotate (the last KEEP_BACKUPS are kept).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors';
import { SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID, type Db } from './open';

export const KEEP_BACKUPS = 14;

export type BackupReason = 'daily' | 'quit' | 'manual' | 'restore' | 'setup';

export interface BackupFile {
  name: string;
  file: string;
  createdAt: Date;
  bytes: number;
  reason: BackupReason;
}

const NAME_RE = /^thongke-([a-z]+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite$/;

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** A backup file name that sorts by time: thongke-daily-20240612-083000.sqlite. */
export function backupName(reason: BackupReason, at: Date, dir?: string): string {
  const base = `thongke-${reason}-${stamp(at)}`;
  if (!dir) return `${base}.sqlite`;
  let name = `${base}.sqlite`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}.sqlite`;
  return name;
}

function parseName(name: string): { reason: BackupReason; createdAt: Date } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, reason, y, mo, d, h, mi, s] = m;
  return { reason: reason as BackupReason, createdAt: new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) };
}

/**
 * Checks that a file is a sound database of this app that this version can open; throws a
 * UserError naming what is wrong. Opens it read-write because it is our own temporary copy:
 * the user's original (on a USB stick) is never opened.
 */
export function verifyDatabaseCopy(copy: string, shownName: string): void {
  let db: Db | null = null;
  try {
    db = new Database(copy, { fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const result = db.pragma('integrity_check', { simple: true }) as string;
    if (result !== 'ok') throw new UserError('ui.error.backupDamaged', { file: shownName });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version < 1) throw new UserError('error.foreignDatabase', { file: shownName });
    if (version > SCHEMA_VERSION) {
      throw new UserError('error.newerDatabase', { file: shownName, found: version, supported: SCHEMA_VERSION });
    }
    // One self-contained file: no -wal beside it to lose when it is copied.
    db.pragma('journal_mode = DELETE');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('error.notADatabase', { file: shownName });
  } finally {
    db?.close();
  }
}

/**
 * Backs the live database up into `dest` (a full path). Safe while the app is writing:
 * the online backup API copies a consistent snapshot.
 */
export async function backupTo(db: Db, dest: string): Promise<void> {
  // A random name created exclusively: a planted file or symlink is never followed. A kill
  // leaves it behind; cleanBackupDir removes such leftovers at the next start and rotation.
  const tmp = `${dest}.${randomBytes(6).toString('hex')}.partial`;
  closeSync(openSync(tmp, 'wx'));
  try {
    await db.backup(tmp);
    verifyDatabaseCopy(tmp, basename(dest));
    renameSync(tmp, dest);
  } finally {
    removeDatabaseFiles(tmp);
  }
}

/** Leftovers of a backup or a check that was killed: temporary copies and their journals. */
const LEFTOVER = /^thongke-.*\.sqlite(\.[0-9a-f]+)?\.partial(-wal|-shm|-journal)?$|^thongke-.*\.sqlite-(wal|shm|journal)$/;

/** Removes what killed backups left in the automatic folder; returns the names removed. */
export function cleanBackupDir(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!LEFTOVER.test(name)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    out.push({ name, file, createdAt: parsed.createdAt, reason: parsed.reason, bytes: statSync(file).size });
  }
  // Newest first; the name breaks ties within one second.
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Deletes the oldest backups beyond `keep`. Called only after a new backup has passed its check. */
export function rotateBackups(dir: string, keep = KEEP_BACKUPS): string[] {
  const removed: string[] = cleanBackupDir(dir);
  for (const b of listBackups(dir).slice(keep)) {
    rmSync(b.file, { force: true });
    removed.push(b.name);
  }
  return removed;
}

/** Takes a backup into the automatic folder and rotates; returns the new file. */
export async function autoBackup(db: Db, dir: string, reason: BackupReason, at: Date, keep = KEEP_BACKUPS): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true });
  const name = backupName(reason, at, dir);
  const file = join(dir, name);
  await backupTo(db, file);
  rotateBackups(dir, keep);
  return { name, file, createdAt: at, reason, bytes: statSync(file).size };
}

/**
 * Copies a file the user chose into `workDir` and checks the copy. The original is only read.
 * Returns the verified copy, ready to be swapped in.
 */
export function importBackupCopy(source: string, workDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const copy = join(workDir, `restore-${Date.now()}-${randomBytes(4).toString('hex')}.sqlite`);
  try {
    if (!existsSync(source) || !statSync(source).isFile()) throw new UserError('error.fileNotFound', { file: basename(source) });
    boundedCopy(source, copy);
    // A database in WAL mode may keep its latest commits beside it: take them along.
    if (existsSync(`${source}-wal`)) boundedCopy(`${source}-wal`, `${copy}-wal`);
    verifyDatabaseCopy(copy, basename(source));
    return copy;
  } catch (e) {
    removeDatabaseFiles(copy);
    throw e;
  }
}

const CHUNK = 1024 * 1024;

/**
 * Copies a file that may change while it is read (a backup on a USB stick being written):
 * reads at most the size it had when opened, in bounded chunks, and refuses when it ends
 * early or its size changed. (fs.copyFileSync loops for ever at 100% CPU on a file that
 * shrinks under it: libuv's sendfile loop never sees the end.) The copy is created exclusively.
 */
export function boundedCopy(source: string, dest: string): void {
  const changed = () => new UserError('error.sourceChanged', { file: basename(source) });
  const inFd = openSync(source, 'r');
  try {
    const size = fstatSync(inFd).size;
    const outFd = openSync(dest, 'wx');
    try {
      const buf = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
      for (let pos = 0; pos < size; ) {
        const n = readSync(inFd, buf, 0, Math.min(buf.length, size - pos), pos);
        if (n === 0) throw changed();
        for (let w = 0; w < n; ) w += writeSync(outFd, buf, w, n - w, pos + w);
        pos += n;
      }
    } finally {
      closeSync(outFd);
    }
    if (fstatSync(inFd).size !== size || statSync(dest).size !== size) throw changed();
  } finally {
    closeSync(inFd);
  }
}

/** Copies a database file and its -wal byte for byte, no check: a damaged file kept aside. */
export function keepAside(file: string, dir: string, at: Date): string {
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, `thongke-damaged-${stamp(at)}-${randomBytes(3).toString('hex')}.sqlite`);
  boundedCopy(file, dest);
  if (existsSync(`${file}-wal`)) boundedCopy(`${file}-wal`, `${dest}-wal`);
  return dest;
}

/** Removes a database file and its -wal, -shm and -journal companions. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

/** Writes every committed page back into the main file and empties the WAL (on quit). */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
