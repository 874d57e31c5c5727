// Restoring a backup smaller than the live database (the live one has grown since, and its
// -wal holds commits not yet written into it): afterwards the database is exactly the backup —
// its rows, its page count — with no page of the bigger file and no -wal or -shm left over.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openStore } from '../../db/store';
import { setValues } from '../../db/values.repo';
import { Host } from '../../electron/host';
import { smallStore, snapshot, tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir('thongke-shrink-');
});
afterAll(() => tmp.remove());

it('leaves exactly the smaller backup, no stale page, no -wal', async () => {
  const small = tmp.path('small.sqlite');
  smallStore(small).close();
  const reader = openStore(small, { readonly: true });
  const backupState = snapshot(reader);
  reader.close();
  const backupPages = (() => {
    const db = new Database(small, { readonly: true });
    try {
      return db.pragma('page_count', { simple: true }) as number;
    } finally {
      db.close();
    }
  })();

  const userData = tmp.path('userData');
  mkdirSync(join(userData, 'backups'), { recursive: true });
  copyFileSync(small, join(userData, 'backups', 'thongke-manual-20240601-080000.sqlite'));
  copyFileSync(small, join(userData, 'thongke.sqlite'));
  const host = new Host({ userData, appVersion: 't', now: () => new Date(2024, 11, 31) });
  host.start();
  // The live database grows well past the backup; the last commits stay in its -wal.
  const entries = [];
  for (const unit of ['C1', 'C2', 'C3']) {
    for (let m = 1; m <= 12; m++) {
      for (const element of ['EPI_FULL_U1', 'EPI_MEASLES2', 'TB_NEW_ALL', 'HIV_NEW', 'CUR_VISITS']) {
        entries.push({ unit, period: `2024-${String(m).padStart(2, '0')}`, element, value: m, comment: 'ghi chú dài '.repeat(30) });
      }
    }
  }
  setValues(host.store!, entries, 'Lan', 'ui', new Date(2024, 11, 31));
  host.store!.db.pragma('wal_checkpoint(PASSIVE)');
  setValues(host.store!, entries.slice(0, 20).map((e) => ({ ...e, value: 99 })), 'Lan', 'ui', new Date(2024, 11, 31));
  expect(statSync(join(userData, 'thongke.sqlite')).size).toBeGreaterThan(statSync(small).size * 2);
  expect(statSync(join(userData, 'thongke.sqlite-wal')).size).toBeGreaterThan(0);

  const r = await host.call('backup.restore', { name: 'thongke-manual-20240601-080000.sqlite' });
  expect(r.ok).toBe(true);
  expect(snapshot(host.store!)).toBe(backupState);
  expect(host.store!.db.pragma('page_count', { simple: true })).toBe(backupPages);
  host.store!.close();

  const live = join(userData, 'thongke.sqlite');
  expect(existsSync(`${live}-wal`)).toBe(false);
  expect(existsSync(`${live}-shm`)).toBe(false);
  // No page of the bigger database is left in the file.
  const db = new Database(live, { readonly: true });
  try {
    expect(statSync(live).size).toBe(backupPages * (db.pragma('page_size', { simple: true }) as number));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
  } finally {
    db.close();
  }
  const again = openStore(live);
  expect(snapshot(again)).toBe(backupState);
  again.close();
});
