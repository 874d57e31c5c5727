// Checks on a database file's raw bytes, made before SQLite opens it for writing: whose file
// it is (header), and whether a -wal beside it belongs to it. SQLite cannot tell a -wal of
// another database from its own (the WAL header carries no link to the main file), and it
// applies whatever valid frames it finds at the first checkpoint: a stray -wal of a small
// database once shrank a 9.9 MB database to 73 KB. So we read both files ourselves first and
// refuse, leaving them byte-identical, when the -wal cannot be this file's.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors';

const SQLITE_MAGIC = 'SQLite format 3\0';
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export interface DbHeader {
  pageSize: number;
  pages: number;
  userVersion: number;
  applicationId: number;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

function parseHeader(page1: Buffer, fileBytes: number): DbHeader | null {
  if (page1.length < 100 || page1.toString('latin1', 0, 16) !== SQLITE_MAGIC) return null;
  const raw = page1.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return null;
  return {
    pageSize,
    pages: Math.floor(fileBytes / pageSize),
    userVersion: page1.readUInt32BE(60),
    applicationId: page1.readUInt32BE(68),
  };
}

/** The header of an SQLite file, or null when the file is not one. Only reads. */
export function readDbHeader(file: string): DbHeader | null {
  const fd = openSync(file, 'r');
  try {
    return parseHeader(readAt(fd, 100, 0), fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** SQLite's WAL checksum (wal.c, walChecksumBytes), continued from (s0, s1). */
function checksum(buf: Buffer, bigEndian: boolean, s0: number, s1: number): [number, number] {
  for (let i = 0; i + 8 <= buf.length; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export interface WalSummary {
  pageSize: number;
  /** Frames up to the last commit SQLite would apply. */
  committedFrames: number;
  /** Database size in pages after the last commit (0 = no commit). */
  lastCommitPages: number;
  /** The newest committed image of page 1, if the WAL holds one. */
  page1: Buffer | null;
}

/** What SQLite would take from a -wal file: null when it holds nothing SQLite would apply. */
export function readWal(walFile: string): WalSummary | null {
  let fd: number;
  try {
    fd = openSync(walFile, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, WAL_HEADER, 0);
    if (head.length < WAL_HEADER) return null;
    const magic = head.readUInt32BE(0);
    if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return null;
    const bigEndian = magic === WAL_MAGIC_BE;
    const pageSize = head.readUInt32BE(8);
    let [s0, s1] = checksum(head.subarray(0, 24), bigEndian, 0, 0);
    if (s0 !== head.readUInt32BE(24) || s1 !== head.readUInt32BE(28)) return null;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
    const salt1 = head.readUInt32BE(16);
    const salt2 = head.readUInt32BE(20);
    const summary: WalSummary = { pageSize, committedFrames: 0, lastCommitPages: 0, page1: null };
    let pendingPage1: Buffer | null = null;
    const frameBytes = FRAME_HEADER + pageSize;
    for (let off = WAL_HEADER, n = 1; off + frameBytes <= size; off += frameBytes, n++) {
      const frame = readAt(fd, frameBytes, off);
      if (frame.length < frameBytes) break;
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      [s0, s1] = checksum(frame.subarray(0, 8), bigEndian, s0, s1);
      [s0, s1] = checksum(frame.subarray(FRAME_HEADER), bigEndian, s0, s1);
      if (s0 !== frame.readUInt32BE(16) || s1 !== frame.readUInt32BE(20)) break;
      const pgno = frame.readUInt32BE(0);
      if (pgno === 1) pendingPage1 = Buffer.from(frame.subarray(FRAME_HEADER));
      const commitPages = frame.readUInt32BE(4);
      if (commitPages !== 0) {
        summary.committedFrames = n;
        summary.lastCommitPages = commitPages;
        if (pendingPage1) summary.page1 = pendingPage1;
      }
    }
    return summary.committedFrames > 0 ? summary : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The header the database will have once SQLite has applied its -wal, after checking that the
 * -wal can be this database's. Throws error.strayWal (files untouched) when it cannot:
 * another page size, a last commit smaller than the file (this app never shrinks a database:
 * no VACUUM, no auto_vacuum), or a page 1 of another application.
 */
export function effectiveHeader(file: string, header: DbHeader): DbHeader {
  const wal = readWal(`${file}-wal`);
  if (!wal) return header;
  const stray = () => new UserError('error.strayWal', { file: basename(file), wal: `${basename(file)}-wal` });
  if (wal.pageSize !== header.pageSize) throw stray();
  if (wal.lastCommitPages < header.pages) throw stray();
  if (!wal.page1) return { ...header, pages: wal.lastCommitPages };
  const p1 = parseHeader(wal.page1, wal.lastCommitPages * wal.pageSize);
  if (!p1 || p1.pageSize !== header.pageSize) throw stray();
  // A -wal written over a file of this app keeps its application id (set once, at creation).
  if (header.applicationId !== 0 && p1.applicationId !== header.applicationId) throw stray();
  return p1;
}

/** Size of a file, or null when it does not exist; a folder is refused. */
export function fileSize(file: string): number | null {
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError('error.isFolder', { file: basename(file) });
    return st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EACCES' || code === 'EPERM') throw new UserError('error.readOnly', { file: basename(file) });
    throw e;
  }
}
