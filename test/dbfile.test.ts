// The database file: whatever sits beside it or happens to it, opening never makes things
// worse, and a refused file stays byte-identical. Real files throughout: a real -wal of
// another database, a real damaged page, a real second process holding the write lock, a
// real immutable file (chattr +i: root ignores chmod 444).
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../db/store';
import { setValues, type ValueInput } from '../db/values.repo';
import { runCli } from './helpers/cli';
import { SMALL_UNITS, smallStore, tempDir, type TempDir } from './helpers/fixture';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir('thongke-dbfile-');
});
afterAll(() => tmp.remove());

const hash = (f: string) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : 'absent');
const hashes = (f: string) => [f, `${f}-wal`, `${f}-shm`].map(hash);

const CSV_HEADER = 'unit,period,element,value,comment';
function csvFile(name: string, rows: string[]): string {
  const f = tmp.path(name);
  writeFileSync(f, [CSV_HEADER, ...rows].join('\n') + '\n');
  return f;
}

/** A database with a year of values for three communes: a few hundred KB. */
function filledDb(name: string): string {
  const file = tmp.path(name);
  const store = smallStore(file);
  const inputs: ValueInput[] = [];
  for (let m = 1; m <= 12; m++) {
    for (const unit of ['C1', 'C2', 'C3']) {
      for (const e of store.catalogue.elements.filter((x) => x.kind !== 'derived' && x.entryLevel === 'commune').slice(0, 40)) {
        inputs.push({ unit, period: `2024-${String(m).padStart(2, '0')}`, element: e.code, value: m + 1, comment: 'ghi chú '.repeat(5) });
      }
    }
  }
  setValues(store, inputs, 'test', 'csv', new Date(2025, 0, 1));
  store.close();
  return file;
}

function valueCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM data_value').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a -wal beside the database', () => {
  it('refuses a -wal of another database and leaves both files byte-identical', async () => {
    const victim = filledDb('victim.sqlite');
    const before = valueCount(victim);
    expect(before).toBeGreaterThan(1000);
    // A real -wal of another (small) database of this app, taken while it was open.
    const other = tmp.path('other.sqlite');
    const o = smallStore(other);
    o.db.prepare("INSERT INTO setting (key, value) VALUES ('user.name', '\"Khác\"')").run();
    copyFileSync(`${other}-wal`, `${victim}-wal`);
    o.close();
    const h = hashes(victim);
    for (const argv of [['units', victim], ['values', 'export', victim, '--period', '2024-05']]) {
      const r = await runCli(argv);
      expect(r.code).toBe(1);
      expect(r.err).toContain('không thuộc về cơ sở dữ liệu này');
      expect(r.err).not.toContain('không mong muốn');
    }
    expect(hashes(victim).slice(0, 2)).toEqual(h.slice(0, 2));
    // Moving the stray -wal aside, as the message says, gives back every value.
    renameSync(`${victim}-wal`, tmp.path('stray-wal'));
    rmSync(`${victim}-shm`, { force: true });
    expect((await runCli(['units', victim])).code).toBe(0);
    expect(valueCount(victim)).toBe(before);
  });

  it('refuses a -wal of a larger database of this app too (damaged once applied)', async () => {
    const victim = tmp.path('small-victim.sqlite');
    smallStore(victim).close();
    const big = filledDb('big.sqlite');
    const bigDb = new Database(big);
    bigDb.pragma('journal_mode = WAL');
    bigDb.pragma('wal_autocheckpoint = 0');
    bigDb.exec("CREATE TABLE scratch AS SELECT * FROM data_value; INSERT INTO setting (key, value) VALUES ('k', '1')");
    copyFileSync(`${big}-wal`, `${victim}-wal`);
    bigDb.close();
    const h = hashes(victim);
    const r = await runCli(['units', victim]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('không mong muốn');
    expect(hashes(victim).slice(0, 2)).toEqual(h.slice(0, 2));
  });

  it("still recovers this database's own -wal after a crash", async () => {
    const file = tmp.path('own.sqlite');
    const s = smallStore(file);
    s.db.prepare("INSERT INTO setting (key, value) VALUES ('user.name', '\"Lan\"')").run();
    // The state a kill leaves: main file and its -wal, no clean close.
    copyFileSync(file, tmp.path('own-crash.sqlite'));
    copyFileSync(`${file}-wal`, tmp.path('own-crash.sqlite-wal'));
    s.close();
    const r = await runCli(['units', tmp.path('own-crash.sqlite')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const again = openStore(tmp.path('own-crash.sqlite'));
    expect(again.db.prepare("SELECT value FROM setting WHERE key = 'user.name'").get()).toEqual({ value: '"Lan"' });
    again.close();
  });
});

describe('a refused file stays byte-identical', () => {
  it('a foreign SQLite file (its journal mode is not switched to WAL)', async () => {
    const file = tmp.path('foreign.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    const h = hash(file);
    const r = await runCli(['units', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không phải của Thống kê Y tế');
    expect(hash(file)).toBe(h);
    expect(readFileSync(file).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
  });

  it('a database of a newer version', async () => {
    const file = tmp.path('newer.sqlite');
    const s = smallStore(file);
    s.db.pragma('journal_mode = DELETE');
    s.db.pragma('user_version = 99');
    s.close();
    const h = hash(file);
    const r = await runCli(['values', 'import', file, csvFile('n.csv', ['C1,2024-05,EPI_FULL_U1,5,'])]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('phiên bản mới hơn');
    expect(hash(file)).toBe(h);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a 0-byte file given to values import is not turned into a database', async () => {
    const file = tmp.path('empty.sqlite');
    writeFileSync(file, '');
    const r = await runCli(['values', 'import', file, csvFile('e.csv', ['C1,2024-05,EPI_FULL_U1,5,'])]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('trống');
    expect(readFileSync(file).length).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a plain read (units) leaves the database byte-identical, with no -wal left', async () => {
    const file = filledDb('plain.sqlite');
    const h = hashes(file);
    expect((await runCli(['units', file])).code).toBe(0);
    expect(hashes(file)).toEqual(h);
  });
});

describe('a damaged page', () => {
  it('refuses an import into a damaged database and says: restore a backup', async () => {
    const file = filledDb('damaged.sqlite');
    const db = new Database(file, { readonly: true });
    const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'data_value'").get() as { rootpage: number }).rootpage;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    const h = hashes(file);
    const r = await runCli(['values', 'import', file, csvFile('d.csv', ['C1,2024-05,EPI_FULL_U1,5,'])]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bị hỏng');
    expect(r.err).toContain('khôi phục');
    expect(hash(file)).toBe(h[0]);
  });
});

describe('another process holds the write lock', () => {
  let holder: ChildProcess | null = null;
  afterEach(() => {
    holder?.kill('SIGKILL');
    holder = null;
  });

  /** A real second process that takes the write lock and keeps it. */
  function holdLock(file: string): Promise<void> {
    const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO setting (key, value) VALUES ('x', '1')").run(); console.log('locked'); setInterval(() => {}, 1000);`;
    holder = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise((resolve) => holder!.stdout!.once('data', () => resolve()));
  }

  it('reads still work, a write says "busy" and names the holder', async () => {
    const file = filledDb('busy.sqlite');
    await holdLock(file);
    const units = await runCli(['units', file]);
    expect(units.err).toBe('');
    expect(units.out.split('\n')).toHaveLength(SMALL_UNITS.length);
    const r = await runCli(['values', 'import', file, csvFile('b.csv', ['C1,2024-05,EPI_FULL_U1,5,'])]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('đang bận');
    expect(r.err).toContain(`pid ${holder!.pid}`);
    expect(r.err).not.toContain('không mong muốn');
  }, 30_000);
});

describe('a read-only file', () => {
  const chattr = (flag: string, f: string) => spawnSync('chattr', [flag, f]).status === 0;
  let locked: string | null = null;
  afterEach(() => {
    if (locked) chattr('-i', locked);
    locked = null;
  });

  it('an immutable database file gets the read-only message, unchanged', async (ctx) => {
    const file = filledDb('immutable.sqlite');
    if (!chattr('+i', file)) ctx.skip(); // the file system or the user cannot set it
    locked = file;
    const h = hash(file);
    const r = await runCli(['values', 'import', file, csvFile('r.csv', ['C1,2024-05,EPI_FULL_U1,5,'])]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('chỉ cho đọc');
    expect(hash(file)).toBe(h);
  });
});
