import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { APPLICATION_ID } from './open';
import { autoBackup, backupName, backupTo, importBackupCopy, listBackups, rotateBackups } from './backup';
import { openStore } from './store';
import { SCHEMA_VERSION } from './migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refusedWith(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('backups', () => {
  it('copies a consistent, self-contained database and leaves no partial file', async () => {
    const store = openStore(join(dir, 'live.sqlite'), { create: true });
    store.db.prepare("INSERT INTO setting (key, value) VALUES ('user.name', '\"Lan\"')").run();
    const dest = join(dir, 'copy.sqlite');
    await backupTo(store.db, dest);
    store.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual(['copy.sqlite']);
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.prepare("SELECT value FROM setting WHERE key = 'user.name'").get()).toEqual({ value: '"Lan"' });
    copy.close();
  });

  it('rotates automatic backups, keeping the newest', async () => {
    const store = openStore(join(dir, 'live.sqlite'), { create: true });
    const backups = join(dir, 'backups');
    for (let day = 1; day <= 5; day++) await autoBackup(store.db, backups, 'daily', new Date(2024, 5, day, 8), 3);
    store.close();
    expect(listBackups(backups).map((b) => b.name)).toEqual([
      'thongke-daily-20240605-080000.sqlite',
      'thongke-daily-20240604-080000.sqlite',
      'thongke-daily-20240603-080000.sqlite',
    ]);
    expect(rotateBackups(backups, 1)).toHaveLength(2);
  });

  it('names backups so they sort by time and never overwrite each other', () => {
    const at = new Date(2024, 4, 31, 23, 59, 1);
    expect(backupName('quit', at)).toBe('thongke-quit-20240531-235901.sqlite');
    writeFileSync(join(dir, 'thongke-quit-20240531-235901.sqlite'), '');
    expect(backupName('quit', at, dir)).toBe('thongke-quit-20240531-235901-2.sqlite');
  });

  it('refuses a file that is not a database, and leaves the original alone', () => {
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'PK\u0003\u0004 this is a zip file, not a database'.repeat(20));
    const e = refusedWith(() => importBackupCopy(bad, join(dir, 'work')));
    expect(e.key).toBe('error.notADatabase');
    expect(existsSync(bad)).toBe(true);
    expect(readdirSync(join(dir, 'work'))).toEqual([]);
  });

  it('refuses a SQLite database of another program', () => {
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 1');
    db.close();
    expect(refusedWith(() => importBackupCopy(other, join(dir, 'work'))).key).toBe('error.foreignDatabase');
  });

  it('refuses a database from a newer version of the app', () => {
    const newer = join(dir, 'newer.sqlite');
    openStore(newer, { create: true }).close();
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(refusedWith(() => importBackupCopy(newer, join(dir, 'work'))).key).toBe('error.newerDatabase');
  });

  it('refuses a damaged database', () => {
    const file = join(dir, 'damaged.sqlite');
    const store = openStore(file, { create: true });
    store.db.pragma('journal_mode = DELETE');
    const insert = store.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
    store.db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`, JSON.stringify('x'.repeat(200)));
    })();
    store.close();
    // Overwrite a few pages in the middle of the file with garbage.
    const fd = new Database(file);
    const pages = fd.pragma('page_count', { simple: true }) as number;
    fd.close();
    const buf = Buffer.alloc(4096 * 3, 0x5a);
    const h = openSync(file, 'r+');
    writeSync(h, buf, 0, buf.length, 4096 * Math.floor(pages / 2));
    closeSync(h);
    const e = refusedWith(() => importBackupCopy(file, join(dir, 'work')));
    expect(['ui.error.backupDamaged', 'error.notADatabase']).toContain(e.key);
  });
});
