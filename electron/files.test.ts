// The host's file operations with scripted dialogs, on the small fixture district: where the
// report and CSV files go, what a cancelled dialog does, the remembered folder, all-or-nothing
// imports with per-line errors, and a failed write that leaves nothing half-written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../core/api';
import { writeFixtureDatabase } from '../test/e2e/fixture-db';
import type { FileDialogs, OpenFileRequest, SaveFileRequest } from './files';
import { Host } from './host';

let dir: string;
let hosts: Host[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-files-'));
  mkdirSync(join(dir, 'out'));
  hosts = [];
});
afterEach(async () => {
  for (const h of hosts) await h.quit();
  rmSync(dir, { recursive: true, force: true });
});

/** Dialogs that answer from a queue and record what they were asked. */
function scripted(answers: (string | null)[]): FileDialogs & { asked: (SaveFileRequest | OpenFileRequest)[] } {
  const asked: (SaveFileRequest | OpenFileRequest)[] = [];
  const next = (req: SaveFileRequest | OpenFileRequest) => {
    asked.push(req);
    return Promise.resolve(answers.shift() ?? null);
  };
  return { asked, saveBackup: () => Promise.resolve(null), openBackup: () => Promise.resolve(null), saveFile: next, openFile: next };
}

async function makeHost(dialogs: FileDialogs, renderPdf?: (html: string) => Promise<Uint8Array>): Promise<Host> {
  const h = new Host({
    userData: join(dir, 'userData'),
    appVersion: '0.1.0',
    createDemo: writeFixtureDatabase,
    now: () => new Date('2024-06-10T08:00:00'),
    dialogs,
    ...(renderPdf ? { renderPdf } : {}),
  });
  h.start();
  hosts.push(h);
  if (!h.status().ready) ok(await h.call('setup.openDemo', {}));
  return h;
}

function ok<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.key}: ${env.error.message}`);
  return env.value as T;
}

const out = (name: string) => join(dir, 'out', name);
const report = { unit: 'D', period: '2024-05', date: '2024-06-10' };

describe('saving and opening files through the main process', () => {
  it('saves the report where the user chose, suggesting its file name and then the last folder', async () => {
    const d = scripted([out('bao-cao.docx'), out('bao-cao.pdf')]);
    const h = await makeHost(d, () => Promise.resolve(new TextEncoder().encode('%PDF-fake')));
    const saved = ok<{ file: string; bytes: number }>(await h.call('report.saveAs', { ...report, format: 'docx' }));
    expect(saved.file).toBe('bao-cao.docx');
    expect(readFileSync(out('bao-cao.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(saved.bytes).toBe(readFileSync(out('bao-cao.docx')).length);
    const preview = ok<{ fileBase: string }>(await h.call('report.preview', report));
    expect(d.asked[0]).toEqual({ purpose: 'report', defaultName: `${preview.fileBase}.docx`, dir: null, extensions: ['docx'] });
    // The PDF comes from the injected renderer (Electron's printToPDF in the app).
    ok(await h.call('report.saveAs', { ...report, format: 'pdf' }));
    expect(readFileSync(out('bao-cao.pdf'), 'utf8')).toBe('%PDF-fake');
    expect(d.asked[1]).toMatchObject({ dir: join(dir, 'out') });
    // The folder is remembered across runs.
    await h.quit();
    hosts = [];
    const again = scripted([null]);
    const h2 = await makeHost(again);
    expect(ok(await h2.call('report.saveAs', { ...report, format: 'xlsx' }))).toBeNull();
    expect(again.asked[0]).toMatchObject({ dir: join(dir, 'out'), extensions: ['xlsx'] });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['bao-cao.docx', 'bao-cao.pdf']);
  });

  it('never takes a path from the page', async () => {
    const h = await makeHost(scripted([]));
    const env = await h.call('report.saveAs', { ...report, format: 'docx', path: '/tmp/x.docx' });
    expect(env.ok || env.error.key).toBe('error.badArgument');
    const csv = await h.call('values.importCsv', { file: '/etc/passwd' });
    expect(csv.ok || csv.error.key).toBe('error.badArgument');
  });

  it('exports a month as CSV that Excel reads as UTF-8, and imports it back changing nothing', async () => {
    const d = scripted([out('thang5.csv'), out('thang5.csv')]);
    const h = await makeHost(d);
    const saved = ok<{ file: string; count: number }>(await h.call('values.exportCsv', { unit: 'D', period: '2024-05' }));
    expect(saved).toMatchObject({ file: 'thang5.csv', count: 3 });
    expect(d.asked[0]).toMatchObject({ purpose: 'csv', defaultName: 'so-lieu-D-2024-05.csv' });
    const text = readFileSync(out('thang5.csv'), 'utf8');
    expect(text.startsWith('\uFEFFunit,period,element,value,comment')).toBe(true);
    // Nothing changed: no cell for the entry screen's undo.
    expect(ok(await h.call('values.importCsv', {}))).toEqual({ file: 'thang5.csv', count: 3, changed: 0, changes: [] });
  });

  it('imports a good values file as the installation user, and refuses a bad one whole with every bad line', async () => {
    writeFileSync(out('tot.csv'), 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,15\nC2,2024-05,EPI_FULL_U1,9\n');
    writeFileSync(out('loi.csv'), 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,99\nC2,2024-05,AREA_KM2,1.234\nXX,2024-05,EPI_FULL_U1,3\n');
    const h = await makeHost(scripted([out('tot.csv'), out('loi.csv'), null]));
    // The cell it changed comes back for the entry screen's undo (C2 held 9 already).
    expect(ok(await h.call('values.importCsv', {}))).toEqual({
      file: 'tot.csv',
      count: 2,
      changed: 1,
      changes: [{ unit: 'C1', element: 'EPI_FULL_U1', period: '2024-05', before: expect.anything() as unknown, after: 15, revision: expect.any(Number) as unknown }],
    });
    const history = ok<{ changedBy: string; source: string }[]>(await h.call('values.history', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1' }));
    expect(history[0]).toMatchObject({ changedBy: 'Nguyễn Thị Thống Kê', source: 'csv' });
    const bad = await h.call('values.importCsv', {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toContain('loi.csv');
      expect(bad.error.details).toHaveLength(2);
      expect(bad.error.details?.[0]).toMatch(/^Dòng 3: .*hai cách/);
      expect(bad.error.details?.[1]).toMatch(/^Dòng 4: /);
    }
    const values = ok<{ unit: string; value: number }[]>(await h.call('values.get', { unit: 'C1', period: '2024-05' }));
    expect(values.find((v) => v.unit === 'C1')?.value).toBe(15);
    expect(ok(await h.call('values.importCsv', {}))).toBeNull();
  });

  it('imports plans, and says clearly when a chosen file is not text', async () => {
    writeFileSync(out('kh.csv'), 'unit,year,element,target,direction\nD,2024,EPI_FULL_U1,3521,>=\n');
    writeFileSync(out('anh.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const h = await makeHost(scripted([out('kh.csv'), out('anh.csv')]));
    expect(ok(await h.call('plans.importCsv', {}))).toEqual({ file: 'kh.csv', count: 1 });
    const figures = ok<{ figures: { element: string; plan: number | null }[] }>(await h.call('figures.get', { unit: 'D', period: '2024' }));
    expect(figures.figures.find((f) => f.element === 'EPI_FULL_U1')).toMatchObject({ plan: 3521 });
    const bad = await h.call('values.importCsv', {});
    expect(bad.ok || bad.error.key).toBe('error.binaryFile');
  });

  it('a write that fails leaves no half-written file and says what to do', async () => {
    const h = await makeHost(scripted([join(dir, 'khong-co', 'bao-cao.docx')]));
    const env = await h.call('report.saveAs', { ...report, format: 'docx' });
    expect(env.ok || env.error.key).toBe('fs.folderMissing');
    if (!env.ok) expect(env.error.message).toContain('chọn thư mục khác');
    expect(existsSync(join(dir, 'khong-co'))).toBe(false);
  });

  it('never saves over the open database, and never through a link planted at "<dest>.part"', async () => {
    const victim = out('victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, `${out('bao-cao.xlsx')}.part`);
    const d = scripted([]);
    const h = await makeHost(d);
    const values = ok<unknown[]>(await h.call('values.get', { unit: 'C1', period: '2024-05' }));
    const dbBytes = readFileSync(h.dbFile);
    // The user picks the database (or its -wal) in the save dialog and confirms "replace".
    d.saveFile = (() => {
      const answers = [h.dbFile, `${h.dbFile}-wal`, h.dbFile, out('bao-cao.xlsx')];
      return () => Promise.resolve(answers.shift() ?? null);
    })();
    for (const op of ['values.exportCsv', 'values.exportCsv'] as const) {
      const env = await h.call(op, { unit: 'D', period: '2024-05' });
      expect(env.ok || env.error.key).toBe('fs.outIsDatabase');
    }
    const env = await h.call('report.saveAs', { ...report, format: 'xlsx' });
    expect(env.ok || env.error.key).toBe('fs.outIsDatabase');
    expect(readFileSync(h.dbFile).equals(dbBytes)).toBe(true);
    expect(ok<unknown[]>(await h.call('values.get', { unit: 'C1', period: '2024-05' }))).toEqual(values);
    // The planted link is not followed: the file it points to stays as it was.
    expect(ok(await h.call('report.saveAs', { ...report, format: 'xlsx' }))).toMatchObject({ file: 'bao-cao.xlsx' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(out('bao-cao.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('without dialogs (a host with no window) the operations do nothing', async () => {
    const h = await makeHost({ saveBackup: () => Promise.resolve(null), openBackup: () => Promise.resolve(null) });
    expect(ok(await h.call('values.exportCsv', { unit: 'D', period: '2024-05' }))).toBeNull();
    expect(ok(await h.call('plans.importCsv', {}))).toBeNull();
  });
});
