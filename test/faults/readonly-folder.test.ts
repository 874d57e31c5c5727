// A database in a folder that cannot be written (a read-only share, a write-protected USB
// stick, a folder without write permission): SQLite in WAL mode must create the -wal and -shm
// beside the file, so opening for writing fails. The user reads the read-only sentence (exit 1),
// the file stays byte-identical and nothing is created in the folder.
// Tests run as root in CI, and root ignores folder permissions; an immutable folder
// (chattr +i) is refused to root too, so it stands in for a read-only folder there. Otherwise
// (not root) chmod 555 is the real thing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { smallStore, tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
let folder: string;
let locked: (() => void) | null = null;
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  tmp = tempDir('thongke-rofolder-');
  folder = tmp.path('share');
  spawnSync('mkdir', [folder]);
  smallStore(`${folder}/db.sqlite`).close();
  writeFileSync(tmp.path('v.csv'), 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,4\n');
  if (isRoot) {
    if (spawnSync('chattr', ['+i', folder]).status === 0) locked = () => void spawnSync('chattr', ['-i', folder]);
  } else {
    chmodSync(folder, 0o555);
    locked = () => chmodSync(folder, 0o755);
  }
});

afterAll(() => {
  locked?.();
  tmp.remove();
});

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

it('values import into a database in a read-only folder: the read-only sentence, nothing changed', async (ctx) => {
  // Root on a file system without the immutable flag (tmpfs): nothing here can make the
  // folder read-only for this process.
  if (!locked) ctx.skip();
  const file = `${folder}/db.sqlite`;
  const before = hash(file);
  const r = await runCli(['values', 'import', file, tmp.path('v.csv')]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^Không ghi được vào cơ sở dữ liệu db\.sqlite: tệp hoặc thư mục chỉ cho đọc/);
  expect(hash(file)).toBe(before);
  expect(readdirSync(folder)).toEqual(['db.sqlite']);
  const en = await runCli(['values', 'import', file, tmp.path('v.csv'), '--lang', 'en']);
  expect(en.err).toMatch(/read-only/);
  expect(hash(file)).toBe(before);
});
