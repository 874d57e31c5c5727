// --out on a full disk, a read-only disk and past the file-size limit, with real file systems:
// a 64 KB tmpfs mounted for the test when the machine lets us (root, as CI runs), and always a
// child process under `ulimit -f` (the kernel's file-size limit, EFBIG). The file that was
// there before stays byte-identical, no temporary file is left, and the user reads a sentence.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { tempDir, type TempDir } from './helpers/fixture';
import { makeFixture } from './report/fixture';

const tmp: TempDir = tempDir('thongke-full-');
const db = tmp.path('demo.sqlite');

function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** A small tmpfs of our own, or null where mounting is not allowed (not root, a container rule). */
const disk: string | null = (() => {
  const dir = tmp.path('disk');
  mkdirSync(dir);
  if (tryMount(dir, 'size=64k')) return dir;
  // The EFBIG test below still runs; say why the ENOSPC one does not.
  console.warn('out-full-disk: cannot mount a tmpfs here (needs root); the full-disk tests are skipped');
  return null;
})();

beforeAll(() => {
  makeFixture(db).close();
});

afterAll(() => {
  if (disk) execFileSync('umount', ['-l', disk], { stdio: 'pipe' });
  tmp.remove();
});

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const exportArgs = (out: string) => ['values', 'export', db, '--period', '2024-05', '--out', out];
const reportArgs = (out: string) => ['report', db, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'html', '--date', '2024-06-10', '--out', out];

/** Fills the disk until less than `leave` bytes are free. */
function fill(dir: string, leave: number): void {
  const free = () => Number(/\s(\d+)\s+\d+%/.exec(execFileSync('df', ['-B1', dir], { encoding: 'utf8' }))?.[1] ?? 0);
  for (let i = 0; free() > leave; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), Buffer.alloc(Math.max(1024, free() - leave)));
    } catch {
      break;
    }
  }
}

describe('--out on a real full disk (64 KB tmpfs)', () => {
  it.runIf(disk !== null)('leaves the earlier file whole, no temporary file, and says the disk is full', async () => {
    const d = disk!;
    const csv = join(d, 'so-lieu.csv');
    const html = join(d, 'bao-cao.html');
    writeFileSync(csv, 'unit,period,element,value,comment\nTH_HH,2024-05,EPI_FULL_U1,1,earlier export\n');
    writeFileSync(html, '<!doctype html><p>báo cáo tháng trước</p>');
    fill(d, 2048);
    const before = readdirSync(d).sort();
    const hashes = [hash(csv), hash(html)];
    for (const argv of [exportArgs(csv), reportArgs(html)]) {
      const r = await runCli(argv);
      expect(r.code).toBe(1);
      expect(r.err).toContain('Ổ đĩa đầy, không ghi được tệp');
      expect(r.err).not.toMatch(/không mong muốn|ENOSPC/);
    }
    expect([hash(csv), hash(html)]).toEqual(hashes);
    expect(readdirSync(d).sort()).toEqual(before);
  });

  it.runIf(disk !== null)('a read-only disk: the read-only sentence, nothing changed', async () => {
    const d = disk!;
    const csv = join(d, 'so-lieu.csv');
    const before = hash(csv);
    execFileSync('mount', ['-o', 'remount,ro', d], { stdio: 'pipe' });
    try {
      const r = await runCli(exportArgs(csv));
      expect(r.code).toBe(1);
      expect(r.err).toContain('chỉ cho đọc');
      expect(hash(csv)).toBe(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', d], { stdio: 'pipe' });
    }
  });
});

describe('--out past the file-size limit (ulimit -f, EFBIG), in a child process', () => {
  it('leaves the earlier file whole, no temporary file, and says the file is too large', () => {
    const dir = tmp.path('limited');
    mkdirSync(dir);
    const out = join(dir, 'bao-cao.html');
    writeFileSync(out, '<!doctype html><p>báo cáo tháng trước</p>');
    const before = hash(out);
    // 64 blocks of 512 bytes: room for SQLite's 32 KB shared-memory file, not for the report
    // (about 100 KB). Node ignores SIGXFSZ, so the write fails with EFBIG instead of a kill.
    const cmd = `ulimit -f 64 && exec "${process.execPath}" bin/thongke.mjs "$@"`;
    const r = spawnSync('bash', ['-c', cmd, 'thongke', ...reportArgs(out)], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('quá lớn so với giới hạn');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hash(out)).toBe(before);
    expect(readdirSync(dir)).toEqual(['bao-cao.html']);
  });
});
