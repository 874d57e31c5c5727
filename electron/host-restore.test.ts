// Restore is needed most when the live database is damaged: the damaged file is kept aside
// byte for byte (it cannot pass a backup's check), the restore goes ahead, and the answer
// says where the damaged copy is. Also: leftovers of killed backups are removed at start.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Envelope } from '../core/api';
import { writeFixtureDatabase } from '../test/e2e/fixture-db';
import { Host } from './host';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-restore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function damage(file: string): void {
  const db = new Database(file, { readonly: true });
  const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'org_unit'").get() as { rootpage: number }).rootpage;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (root - 1) * 4096);
  closeSync(fd);
}

it('restores over a damaged live database, keeping the damaged file aside', async () => {
  const userData = join(dir, 'userData');
  const good = join(dir, 'good.sqlite');
  writeFixtureDatabase(good);
  mkdirSync(userData, { recursive: true });
  copyFileSync(good, join(userData, 'thongke.sqlite'));
  damage(join(userData, 'thongke.sqlite'));
  const source = join(dir, 'usb.sqlite');
  copyFileSync(good, source);
  const host = new Host({ userData, appVersion: '0.1.0', dialogs: { openBackup: () => Promise.resolve(source) } as never });
  host.start();
  const units = (await host.call('units.list', {}));
  expect(units.ok).toBe(false);
  const r = (await host.call('backup.restoreFrom', {})) as Envelope<{ safetyBackup: string; kept: string }>;
  expect(r.ok).toBe(true);
  const { safetyBackup: aside, kept } = (r as { ok: true; value: { safetyBackup: string; kept: string } }).value;
  expect(aside).toContain('damaged');
  // The screen then says the old files were kept aside, not that a backup was made.
  expect(kept).toBe('damaged');
  expect(existsSync(aside)).toBe(true);
  expect(((await host.call('units.list', {}))).ok).toBe(true);
  await host.quit();
});

it('removes leftovers of killed backups at start', () => {
  const userData = join(dir, 'userData');
  const backups = join(userData, 'backups');
  mkdirSync(backups, { recursive: true });
  for (const n of ['thongke-daily-20240101-080000.sqlite.partial', 'thongke-daily-20240101-080000.sqlite.partial-journal', 'thongke-quit-20240101-080000.sqlite.0a1b2c3d4e5f.partial-wal']) {
    writeFileSync(join(backups, n), 'x');
  }
  writeFileSync(join(backups, 'thongke-daily-20240102-080000.sqlite'), 'kept');
  new Host({ userData, appVersion: '0.1.0' }).start();
  expect(readdirSync(backups)).toEqual(['thongke-daily-20240102-080000.sqlite']);
});
