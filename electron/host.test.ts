import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, SessionOpen } from '../core/api';
import { writeFixtureDatabase } from '../test/e2e/fixture-db';
import { Host, DAY_MS, type HostDeps } from './host';

let dir: string;
let clock: Date;
let hosts: Host[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-host-'));
  clock = new Date('2024-06-10T08:00:00');
  hosts = [];
});
afterEach(async () => {
  for (const h of hosts) await h.quit();
  rmSync(dir, { recursive: true, force: true });
});

function makeHost(extra: Partial<HostDeps> = {}): Host {
  const h = new Host({ userData: join(dir, 'userData'), appVersion: '0.1.0', createDemo: writeFixtureDatabase, now: () => clock, ...extra });
  h.start();
  hosts.push(h);
  return h;
}

function ok<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.key}: ${env.error.message}`);
  return env.value as T;
}

const setC1 = (value: number) => ({ unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value });

describe('the host', () => {
  it('starts with no database, then opens the demo', async () => {
    const h = makeHost();
    expect(ok<{ ready: boolean }>(await h.call('setup.status', {})).ready).toBe(false);
    const refused = await h.call('values.get', { unit: 'C1', period: '2024-05' });
    expect(refused.ok || refused.error.key).toBe('ui.error.noDatabase');
    const status = ok<{ ready: boolean; homeUnit: string }>(await h.call('setup.openDemo', {}));
    expect(status).toMatchObject({ ready: true, homeUnit: 'D', unitName: 'Huyện Mẫu' });
    const again = await h.call('setup.openDemo', {});
    expect(again.ok || again.error.key).toBe('ui.error.alreadySetUp');
  });

  it('opens the window in one call (session.open), answering as the operations it stands for', async () => {
    const h = makeHost();
    // The first run: the status alone.
    expect(ok<SessionOpen>(await h.call('session.open', { entry: true }))).toEqual({ status: ok(await h.call('setup.status', {})), data: null });
    ok(await h.call('setup.openDemo', {}));
    ok(await h.call('values.set', { unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: 9, comment: 'Sổ tiêm chủng ghi thiếu', expectedRevision: 1 }));
    ok(await h.call('period.markComplete', { unit: 'C3', period: '2024-05' }));
    const opened = ok<SessionOpen>(await h.call('session.open', { entry: true }));
    const data = opened.data!;
    expect(opened.status).toEqual(ok(await h.call('setup.status', {})));
    expect(data.units).toEqual(ok(await h.call('units.list', {})));
    expect(data.catalogue).toEqual(ok(await h.call('catalogue.get', {})));
    expect(data.levelNames).toEqual(ok(await h.call('units.levelNames', {})));
    // The home unit's newest month with data, and the grid's units of that month.
    expect(data.month).toBe(ok(await h.call('values.latestPeriod', { unit: 'D' })));
    expect(data.month).toBe('2024-05');
    const units = ['C1', 'C2', 'C3', 'D', 'F1'];
    expect(data.entry).toEqual({
      month: '2024-05',
      units,
      cells: ok(await h.call('values.getMany', { period: '2024-05', units })),
      locked: ['C3'],
    });
    // values.getMany's compact cells: value, revision, and the comment when there is one.
    expect(data.entry!.cells.C1!.EPI_FULL_U1).toEqual([12, 1]);
    expect(data.entry!.cells.C2!.EPI_FULL_U1).toEqual([9, 2, 'Sổ tiêm chủng ghi thiếu']);
    // A month chosen by the user is kept; without entry, no values are read.
    const april = ok<SessionOpen>(await h.call('session.open', { month: '2024-04' })).data!;
    expect(april.month).toBe('2024-04');
    expect(april.entry).toBeNull();
    expect(ok<SessionOpen>(await h.call('session.open', { month: '2024-04', entry: true })).data!.entry!.cells).toEqual({ C1: { EPI_FULL_U1: [10, 1] } });
    // Bad arguments are refused by the contract, as for any operation.
    for (const bad of [{ month: '2024-13' }, { entry: 'yes' }, { unit: 'D' }]) expect((await h.call('session.open', bad)).ok).toBe(false);
  });

  it('opens on last month when the home unit has no data yet', async () => {
    const h = makeHost();
    ok(await h.call('setup.createUnit', { province: 'Tỉnh Thanh Hóa', unitName: 'Huyện Hoằng Hóa', communes: ['Xã Hoằng Đức'], userName: 'Lê Thị Hoa', directorName: 'Nguyễn Văn An', directorTitle: 'Giám đốc' }));
    const data = ok<SessionOpen>(await h.call('session.open', { entry: true })).data!;
    expect(data.month).toBe('2024-05');
    expect(data.entry).toMatchObject({ month: '2024-05', cells: {}, locked: [] });
    expect(data.entry!.units.length).toBe(2);
  });

  it('sets up a unit from a pasted commune list', async () => {
    const h = makeHost();
    const status = ok<{ homeUnit: string; unitName: string }>(
      await h.call('setup.createUnit', {
        province: 'Tỉnh Thanh Hóa',
        unitName: 'Huyện Hoằng Hóa',
        communes: ['Xã Hoằng Đức', 'Thị trấn Bút Sơn', 'Xã Hoằng Hà'],
        userName: 'Lê Thị Hoa',
        directorName: 'Nguyễn Văn An',
        directorTitle: 'Giám đốc',
      }),
    );
    expect(status).toMatchObject({ homeUnit: 'THANH_HOA_HOANG_HOA', unitName: 'Huyện Hoằng Hóa' });
    const units = ok<{ code: string; level: string }[]>(await h.call('units.list', {}));
    expect(units.filter((u) => u.level === 'commune').map((u) => u.code)).toEqual([
      'THANH_HOA_HOANG_HOA_HOANG_DUC',
      'THANH_HOA_HOANG_HOA_BUT_SON',
      'THANH_HOA_HOANG_HOA_HOANG_HA',
    ]);
    const settings = ok<Record<string, unknown>>(await h.call('settings.get', {}));
    expect(settings).toMatchObject({ 'user.name': 'Lê Thị Hoa', 'report.signerName': 'Nguyễn Văn An', 'report.unitName': 'TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA' });
  });

  it('opens the same database on the next run', async () => {
    const h = makeHost();
    ok(await h.call('setup.openDemo', {}));
    ok(await h.call('values.set', setC1(31)));
    await h.quit();
    const h2 = makeHost();
    expect(h2.status().ready).toBe(true);
    const values = ok<{ element: string; unit: string; value: number }[]>(await h2.call('values.get', { unit: 'C1', period: '2024-05' }));
    expect(values.find((v) => v.element === 'EPI_FULL_U1')?.value).toBe(31);
  });

  it('on quit checkpoints the WAL into the main file and takes a backup', async () => {
    const h = makeHost();
    ok(await h.call('setup.openDemo', {}));
    ok(await h.call('values.set', setC1(44)));
    await h.quit();
    const wal = `${h.dbFile}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    // The main file alone holds the value: open it without its WAL.
    const db = new Database(h.dbFile, { readonly: true });
    expect(db.prepare("SELECT value FROM data_value WHERE value = 44").get()).toEqual({ value: 44 });
    db.close();
    const h2 = makeHost();
    const list = ok<{ reason: string }[]>(await h2.call('backup.list', {}));
    expect(list.map((b) => b.reason)).toEqual(['quit']);
  });

  it('backs up once a day while open', async () => {
    const h = makeHost();
    ok(await h.call('setup.openDemo', {}));
    expect(await h.maybeDailyBackup()).not.toBeNull();
    clock = new Date(clock.getTime() + DAY_MS / 2);
    expect(await h.maybeDailyBackup()).toBeNull();
    clock = new Date(clock.getTime() + DAY_MS);
    expect((await h.maybeDailyBackup())?.reason).toBe('daily');
  });

  it('restores a backup: a round trip, with a safety backup of the database it replaces', async () => {
    const h = makeHost();
    ok(await h.call('setup.openDemo', {}));
    ok(await h.call('values.set', setC1(50)));
    const before = ok<{ name: string }>(await h.call('backup.now', {}));
    clock = new Date(clock.getTime() + 60_000);
    ok(await h.call('values.set', setC1(77)));
    const result = ok<{ safetyBackup: string; kept: string }>(await h.call('backup.restore', { name: before.name }));
    expect(result.safetyBackup).toMatch(/^thongke-restore-/);
    expect(result.kept).toBe('backup');
    const values = ok<{ element: string; value: number }[]>(await h.call('values.get', { unit: 'C1', period: '2024-05' }));
    expect(values.find((v) => v.element === 'EPI_FULL_U1')?.value).toBe(50);
    // The safety backup holds what was replaced: restore it and 77 is back.
    ok(await h.call('backup.restore', { name: result.safetyBackup }));
    const back = ok<{ element: string; value: number }[]>(await h.call('values.get', { unit: 'C1', period: '2024-05' }));
    expect(back.find((v) => v.element === 'EPI_FULL_U1')?.value).toBe(77);
  });

  it('refuses to restore a corrupt, foreign or newer file, in Vietnamese, and changes nothing', async () => {
    let chosen = '';
    const h = makeHost({ dialogs: { openBackup: () => Promise.resolve(chosen), saveBackup: () => Promise.resolve(null) } });
    ok(await h.call('setup.openDemo', {}));
    ok(await h.call('values.set', setC1(61)));
    const junk = join(dir, 'so-lieu.sqlite');
    writeFileSync(junk, 'không phải cơ sở dữ liệu '.repeat(50));
    const foreign = join(dir, 'khac.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE x (a)');
    f.close();
    const newer = join(dir, 'moi.sqlite');
    writeFixtureDatabase(newer);
    const n = new Database(newer);
    n.pragma('user_version = 999');
    n.close();
    for (const [file, text] of [[junk, 'không phải cơ sở dữ liệu'], [foreign, 'không phải của Thống kê Y tế'], [newer, 'phiên bản mới hơn']] as const) {
      chosen = file;
      const env = await h.call('backup.restoreFrom', {});
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.message).toContain(text);
      const values = ok<{ element: string; value: number }[]>(await h.call('values.get', { unit: 'C1', period: '2024-05' }));
      expect(values.find((v) => v.element === 'EPI_FULL_U1')?.value).toBe(61);
    }
    expect(ok<unknown[]>(await h.call('backup.list', {}))).toEqual([]);
  });

  it('backs up to a file the user chose', async () => {
    const dest = join(dir, 'usb', 'sao-luu.sqlite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'usb'));
    const h = makeHost({ dialogs: { openBackup: () => Promise.resolve(null), saveBackup: () => Promise.resolve(dest) } });
    ok(await h.call('setup.openDemo', {}));
    expect(ok(await h.call('backup.saveTo', {}))).toEqual({ file: 'sao-luu.sqlite' });
    expect(existsSync(dest)).toBe(true);
  });

  it('remembers the language, before and after there is a database', async () => {
    const seen: string[] = [];
    const h = makeHost({ onLangChange: (l) => seen.push(l) });
    ok(await h.call('app.setLang', { lang: 'en' }));
    const bad = await h.call('values.get', { unit: 'C1', period: '2024-05' });
    expect(bad.ok || bad.error.message).toMatch(/There is no database yet/);
    ok(await h.call('setup.openDemo', {}));
    expect(ok<{ 'ui.lang'?: string }>(await h.call('settings.get', {}))['ui.lang']).toBe('en');
    expect(seen).toEqual(['en']);
  });

});
