// A database is created under its final name only when complete: an interrupted creation
// leaves nothing there (and its temporary file is removed at the next creation).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDatabase } from './create';
import { openStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-create-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('leaves no file under the final name when the filling fails half-way', () => {
  const file = join(dir, 'new.sqlite');
  expect(() =>
    createDatabase(file, (store) => {
      store.db.prepare("INSERT INTO setting (key, value) VALUES ('user.name', '\"Lan\"')").run();
      throw new Error('killed');
    }),
  ).toThrow('killed');
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});

it('removes what a killed creation left and refuses to replace a database', () => {
  const file = join(dir, 'new.sqlite');
  writeFileSync(join(dir, '.new.sqlite.0123456789ab.creating'), 'half');
  writeFileSync(join(dir, '.new.sqlite.0123456789ab.creating-wal'), 'half');
  createDatabase(file, () => undefined);
  expect(readdirSync(dir)).toEqual(['new.sqlite']);
  expect(() => createDatabase(file, () => undefined)).toThrow();
});

it('the next open removes what a killed creation left, not what a running one writes', () => {
  const file = join(dir, 'new.sqlite');
  createDatabase(file, () => undefined);
  // A process that has ended: its pid is free.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  const stale = `.new.sqlite.${dead}-0123456789ab.creating`;
  const running = `.new.sqlite.${process.ppid}-ba9876543210.creating`;
  for (const n of [stale, `${stale}-wal`, running]) writeFileSync(join(dir, n), 'half');
  openStore(file).close();
  expect(readdirSync(dir).sort()).toEqual([running, 'new.sqlite']);
});
