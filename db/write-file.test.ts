// Writing a user's file all or nothing, never over the open database, never through a planted
// link; file-system mistakes as sentences. Real files in a temporary folder; the full-disk
// cases are in test/out-full-disk.test.ts.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { userMessage } from '../core/i18n';
import { tempDir, type TempDir } from '../test/helpers/fixture';
import { checkDatabasePath, fileSystemError } from './fs-errors';
import { isDatabaseFile, writeFileAtomic } from './write-file';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('thongke-write-');
});
afterEach(() => tmp.remove());

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its permissions and leaves no temporary file', () => {
    const f = tmp.path('r.csv');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    expect(writeFileAtomic(f, 'new content')).toBe(11);
    expect(readFileSync(f, 'utf8')).toBe('new content');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp.dir)).toEqual(['r.csv']);
  });

  it('never follows a link planted at "<dest>.part": the linked file stays as it was', () => {
    const victim = tmp.path('victim.txt');
    writeFileSync(victim, 'precious');
    const dest = tmp.path('bao-cao.docx');
    symlinkSync(victim, `${dest}.part`);
    writeFileAtomic(dest, 'report bytes');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(dest, 'utf8')).toBe('report bytes');
    // The planted link is left alone, and the destination is a file of its own, not the link.
    expect(statSync(dest).ino).not.toBe(statSync(victim).ino);
    expect(readdirSync(tmp.dir).sort()).toEqual(['bao-cao.docx', 'bao-cao.docx.part', 'victim.txt']);
  });

  it('writes through a fresh name each time (two writes use two temporary names)', () => {
    // A symlink in the folder at every name the old scheme could use does not catch the write.
    const dest = tmp.path('a.html');
    for (const n of ['a.html.part', '.a.html.part', 'a.html.tmp']) symlinkSync(tmp.path('nowhere'), tmp.path(n));
    writeFileAtomic(dest, 'x');
    writeFileAtomic(dest, 'y');
    expect(readFileSync(dest, 'utf8')).toBe('y');
    expect(existsSync(tmp.path('nowhere'))).toBe(false);
  });

  it('refuses the open database, its side files and every other name for them', () => {
    const db = tmp.path('demo.sqlite');
    writeFileSync(db, 'SQLite format 3\0 pretend');
    writeFileSync(`${db}-wal`, 'wal');
    const before = hash(db);
    mkdirSync(tmp.path('sub'));
    symlinkSync(db, tmp.path('link.sqlite'));
    linkSync(db, tmp.path('hard.sqlite'));
    const names = [
      db,
      `${db}-wal`,
      `${db}-shm`,
      `${db}-journal`,
      tmp.path('sub/../demo.sqlite'),
      `${tmp.dir}/./demo.sqlite`,
      relative(process.cwd(), db),
      tmp.path('link.sqlite'),
      tmp.path('hard.sqlite'),
    ];
    for (const out of names) {
      const e = userError(() => writeFileAtomic(out, '<html>', { database: db }));
      expect(e.key).toBe('fs.outIsDatabase');
      expect(userMessage(e, 'vi')).toContain('mất toàn bộ số liệu');
    }
    expect(hash(db)).toBe(before);
    expect(readFileSync(`${db}-wal`, 'utf8')).toBe('wal');
    expect(existsSync(`${db}-shm`)).toBe(false);
    // The database opened through a symlink: its real name is protected too.
    expect(isDatabaseFile(tmp.path('link.sqlite'), db)).toBe(true);
    expect(isDatabaseFile(tmp.path('link.sqlite'), `${db}-wal`)).toBe(true);
    // On a case-insensitive disk (Windows, macOS) DEMO.SQLITE-WAL is the same file.
    expect(isDatabaseFile(db, tmp.path('DEMO.SQLITE-SHM'), true)).toBe(true);
    expect(isDatabaseFile(db, tmp.path('DEMO.SQLITE'), false)).toBe(false);
    // Beside the database is fine.
    expect(writeFileAtomic(tmp.path('demo.sqlite.csv'), 'ok', { database: db })).toBe(2);
  });

  it('says in a sentence when the folder is missing, is a file, or the path is a folder', () => {
    const missing = userError(() => writeFileAtomic(tmp.path('khong-co/r.csv'), 'x'));
    expect(missing.key).toBe('fs.folderMissing');
    expect(userMessage(missing, 'vi')).toContain(`Không có thư mục "${tmp.path('khong-co')}"`);
    writeFileSync(tmp.path('file'), 'f');
    expect(userError(() => writeFileAtomic(tmp.path('file/r.csv'), 'x')).key).toBe('fs.notAFolder');
    mkdirSync(tmp.path('folder'));
    const folder = userError(() => writeFileAtomic(tmp.path('folder'), 'x'));
    expect(folder.key).toBe('fs.isFolder');
    expect(userMessage(folder, 'vi')).toMatch(/là một thư mục, không phải tệp/);
    expect(readdirSync(tmp.path('folder'))).toEqual([]);
  });

  // root may write anywhere; test/out-full-disk.test.ts gives root a read-only disk instead.
  it.skipIf(process.getuid?.() === 0)('no permission: a sentence, the old file as it was, nothing left behind', () => {
    const ro = tmp.path('ro');
    mkdirSync(ro);
    writeFileSync(join(ro, 'r.csv'), 'old');
    chmodSync(ro, 0o555);
    const e = userError(() => writeFileAtomic(join(ro, 'r.csv'), 'new'));
    chmodSync(ro, 0o755);
    expect(e.key).toBe('fs.noWritePermission');
    expect(readdirSync(ro)).toEqual(['r.csv']);
    expect(readFileSync(join(ro, 'r.csv'), 'utf8')).toBe('old');
  });
});

describe('file-system errors as sentences', () => {
  it('maps each code a user can cause, and leaves bugs as they are', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: English text`), { code });
    const cases: [string, 'read' | 'write' | 'database', string][] = [
      ['ENOENT', 'read', 'error.fileNotFound'],
      ['ENOENT', 'write', 'fs.folderMissing'],
      ['EISDIR', 'write', 'fs.isFolder'],
      ['EISDIR', 'database', 'fs.databaseIsFolder'],
      ['ENOTDIR', 'write', 'fs.notAFolder'],
      ['EACCES', 'write', 'fs.noWritePermission'],
      ['EPERM', 'read', 'fs.noReadPermission'],
      ['EROFS', 'write', 'fs.readOnlyDisk'],
      ['ENOSPC', 'write', 'fs.diskFull'],
      ['EFBIG', 'write', 'fs.tooLarge'],
      ['EBUSY', 'write', 'fs.busy'],
      ['EIO', 'write', 'fs.ioError'],
      ['ENXIO', 'write', 'fs.cannotWrite'],
    ];
    for (const [code, action, key] of cases) {
      const e = fileSystemError(err(code), '/x/y.csv', action);
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).key).toBe(key);
      for (const lang of ['vi', 'en'] as const) {
        const text = userMessage(e as UserError, lang);
        expect(text).not.toMatch(/English text|^fs\.|\{\{/);
      }
    }
    const bug = new TypeError('x is undefined');
    expect(fileSystemError(bug, '/x', 'write')).toBe(bug);
  });

  it('a folder given as the database, and a database in a folder that does not exist', () => {
    mkdirSync(tmp.path('data'));
    expect(userError(() => checkDatabasePath(tmp.path('data'), false)).key).toBe('fs.databaseIsFolder');
    expect(userError(() => checkDatabasePath(tmp.path('nope/x.sqlite'), true)).key).toBe('fs.folderMissing');
    expect(() => checkDatabasePath(tmp.path('data/x.sqlite'), true)).not.toThrow();
  });
});
