// Reading a user's text file: it must exist, be text (no NUL bytes, valid UTF-8) and not be
// empty. Anything else is a user error that says what to do, before any parsing.
// Also the temporary files written beside a database, and the removal of those a killed
// process left.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors';
import { fileSystemError } from './fs-errors';

/** Files larger than this are not CSV figures of one district. */
const MAX_TEXT_FILE = 256 * 1024 * 1024;

export function readTextFile(path: string): string {
  const name = basename(path);
  let buf: Buffer;
  try {
    if (statSync(path).size > MAX_TEXT_FILE) throw new UserError('error.fileUnreadable', { file: name, reason: 'quá lớn / too large' });
    buf = readFileSync(path);
  } catch (e) {
    throw fileSystemError(e, path, 'read');
  }
  if (buf.length === 0) throw new UserError('error.emptyFile', { file: name });
  if (buf.includes(0)) throw new UserError('error.binaryFile', { file: name });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UserError('error.binaryFile', { file: name });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError('error.emptyFile', { file: name });
  return text;
}

/**
 * A user's binary file (a sync bundle), read up to `limit + 1` bytes: a file over the limit is
 * never read whole, and its caller sees from `size` that it is too large.
 */
export function readFileHead(path: string, limit: number): { name: string; bytes: Uint8Array; size: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileSystemError(e, path, 'read');
  }
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, limit + 1));
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { name: basename(path), bytes: buf.subarray(0, off), size };
  } catch (e) {
    throw fileSystemError(e, path, 'read');
  } finally {
    closeSync(fd);
  }
}

/**
 * Temporary names beside a database: `.<name>.<pid>-<random>.creating`. The process id tells a
 * leftover of a killed process (its process is gone) from a file another process is still
 * writing (a second `thongke init` of the same name, running now).
 */
const TEMPORARY = /^\.(.+)\.(?:(\d+)-)?[0-9a-f]{12}\.creating$/;

/** Creates an empty temporary file beside `file`, exclusively, under a random name. */
export function temporaryBeside(file: string): string {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.creating`);
  // Exclusive: a file or symlink planted at that name is never followed or overwritten.
  closeSync(openSync(tmp, 'wx'));
  return tmp;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files (and their -wal/-shm/-journal) of creations of `file` whose
 * process is gone: a killed `init` or first-run setup. Best effort: a file that cannot be
 * removed (Windows keeps open files) stays for the next time. Returns the names removed.
 */
export function cleanStaleCreations(file: string): string[] {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMPORARY.exec(name.replace(/-(wal|shm|journal)$/, ''));
    if (!m || m[1] !== basename(file)) continue;
    if (m[2] !== undefined && processAlive(Number(m[2]))) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // still open elsewhere: next time
    }
  }
  return removed;
}
