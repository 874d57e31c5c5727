// The files a `thongke` command writes and reads, as a user mistypes them: --out naming the
// database itself (or its -wal), a folder, a folder that does not exist; a folder given as the
// database. Each is refused with one sentence (exit 1, no "unexpected error"), and the
// database stays byte-identical.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { tempDir, type TempDir } from './helpers/fixture';
import { makeFixture } from './report/fixture';

let tmp: TempDir;
let db: string;
beforeAll(() => {
  tmp = tempDir('thongke-cli-files-');
  db = tmp.path('demo.sqlite');
  makeFixture(db).close();
});
afterAll(() => tmp.remove());

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function expectOneSentence(r: { code: number; err: string }) {
  expect(r.code).toBe(1);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/không mong muốn|unexpected|EISDIR|ENOENT|illegal operation/);
}

const report = (out: string) => ['report', db, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'html', '--date', '2024-06-10', '--out', out];
const exportCsv = (out: string) => ['values', 'export', db, '--period', '2024-05', '--out', out];

describe('--out never names the open database', () => {
  it('report and values export refuse the database, its side files and other names for it', async () => {
    const before = hash(db);
    const files = readdirSync(tmp.dir).sort();
    symlinkSync(db, tmp.path('link.sqlite'));
    const names = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, relative(process.cwd(), db), tmp.path('link.sqlite')];
    for (const out of names) {
      for (const argv of [report(out), exportCsv(out)]) {
        const r = await runCli(argv);
        expectOneSentence(r);
        expect(r.err).toContain('cơ sở dữ liệu đang dùng');
      }
    }
    expect(hash(db)).toBe(before);
    expect(readdirSync(tmp.dir).sort()).toEqual([...files, 'link.sqlite'].sort());
    const en = await runCli([...report(db), '--lang', 'en']);
    expect(en.err).toContain('it is the database in use');
  });

  it('writes the report and the export beside the database as before', async () => {
    expect((await runCli(report(tmp.path('r.html')))).code).toBe(0);
    expect(readFileSync(tmp.path('r.html'), 'utf8')).toContain('307 trẻ đạt 8,7% kế hoạch');
    expect((await runCli(exportCsv(tmp.path('v.csv')))).code).toBe(0);
    expect(readFileSync(tmp.path('v.csv'), 'utf8')).toMatch(/^unit,period,element,value,comment\n/);
  });
});

describe('file-system mistakes get a sentence', () => {
  it('--out to a folder, or into a folder that does not exist', async () => {
    mkdirSync(tmp.path('folder'));
    for (const argv of [report(tmp.path('folder')), exportCsv(tmp.path('folder'))]) {
      const r = await runCli(argv);
      expectOneSentence(r);
      expect(r.err).toContain('là một thư mục, không phải tệp');
    }
    expect(readdirSync(tmp.path('folder'))).toEqual([]);
    for (const argv of [report(tmp.path('khong-co/r.html')), exportCsv(tmp.path('khong-co/v.csv'))]) {
      const r = await runCli(argv);
      expectOneSentence(r);
      expect(r.err).toContain(`Không có thư mục "${tmp.path('khong-co')}"`);
    }
    expect(existsSync(tmp.path('khong-co'))).toBe(false);
  });

  it('a folder given as the database, a database in a missing folder, a folder to import', async () => {
    mkdirSync(tmp.path('data'), { recursive: true });
    const asDb = await runCli(['units', tmp.path('data')]);
    expectOneSentence(asDb);
    expect(asDb.err).toContain('là một thư mục, không phải tệp cơ sở dữ liệu');
    const init = await runCli(['init', tmp.path('khong-co/moi.sqlite')]);
    expectOneSentence(init);
    expect(init.err).toContain('Không có thư mục');
    const before = hash(db);
    const imp = await runCli(['values', 'import', db, tmp.path('data')]);
    expectOneSentence(imp);
    expect(imp.err).toContain('là một thư mục');
    writeFileSync(tmp.path('a-file'), 'x');
    const notDir = await runCli(['values', 'export', db, '--period', '2024-05', '--out', tmp.path('a-file/v.csv')]);
    expectOneSentence(notDir);
    expect(hash(db)).toBe(before);
  });
});
