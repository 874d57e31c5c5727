// Writing a user's file (a report, an export) so that a failure never leaves less than before:
// the bytes go to a new temporary file beside the destination, are flushed to the disk, and
// only then take the destination's name. A full disk, a pulled USB stick or a kill leaves the
// earlier file whole and no temporary file behind. The app's save and the CLI's --out both
// write through here.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import { fileSystemError } from './fs-errors';

/** The files SQLite keeps for one database: writing over any of them destroys it. */
const DATABASE_FILES = ['', '-wal', '-shm', '-journal'] as const;

export interface WriteOptions {
  /** The open database: the destination may be neither it nor one of its side files. */
  database?: string;
  /** For tests: compare names ignoring case, as Windows' and macOS's file systems do. */
  caseInsensitive?: boolean;
}

/** The path with its folders' symlinks and `.`/`..` resolved; the file itself need not exist. */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    try {
      return join(realpathSync.native(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

function fileId(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** True when writing `dest` would write over the database `db` or one of its side files. */
export function isDatabaseFile(db: string, dest: string, caseInsensitive = process.platform === 'win32' || process.platform === 'darwin'): boolean {
  const fold = (p: string) => (caseInsensitive ? p.toLowerCase() : p);
  const target = fold(canonical(dest));
  const destId = fileId(dest);
  // SQLite names the side files after the path it opened; a symlinked path may differ from the real one.
  for (const base of new Set([resolve(db), canonical(db)])) {
    for (const suffix of DATABASE_FILES) {
      const side = base + suffix;
      if (fold(canonical(side)) === target) return true;
      // Hard links and case variants: the same file on the disk, whatever its name.
      if (destId !== null && fileId(side) === destId) return true;
    }
  }
  return false;
}

function tempName(dest: string): string {
  // Random and created exclusively: a file or symlink planted beside the destination is never
  // followed. The name is cut so the temporary name stays within the file system's limit.
  return join(dirname(dest), `.${basename(dest).slice(0, 80)}.${randomBytes(8).toString('hex')}.part`);
}

/**
 * Writes `data` to `dest` all or nothing; returns the number of bytes. Throws a UserError that
 * names the file and says what to do when it cannot (no folder, a folder, no permission, full).
 */
export function writeFileAtomic(dest: string, data: Uint8Array | string, opts: WriteOptions = {}): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const target = resolve(dest);
  if (opts.database && isDatabaseFile(opts.database, target, opts.caseInsensitive)) {
    throw new UserError('fs.outIsDatabase', { file: dest });
  }
  let mode: number | null = null;
  try {
    const s = statSync(target);
    if (s.isDirectory()) throw new UserError('fs.isFolder', { file: dest });
    mode = s.mode & 0o777; // a replaced file keeps its permissions
  } catch (e) {
    if (e instanceof UserError) throw e;
    // Not there yet (or its folder is not): the temporary file's creation says which.
  }
  let tmp = '';
  let fd: number | null = null;
  try {
    for (let attempt = 0; fd === null; attempt++) {
      tmp = tempName(target);
      try {
        fd = openSync(tmp, 'wx', 0o666);
      } catch (e) {
        tmp = '';
        if ((e as { code?: string }).code !== 'EEXIST' || attempt >= 3) throw e;
      }
    }
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    if (mode !== null) fchmodSync(fd, mode);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
    tmp = '';
    syncFolder(dirname(target));
  } catch (e) {
    if (fd !== null) closeSync(fd);
    if (tmp) rmSync(tmp, { force: true });
    throw fileSystemError(e, dest, 'write');
  }
  return bytes.length;
}

/** Makes the rename itself survive a power cut (POSIX); Windows cannot open a folder for this. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the file is already complete under its name.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
