// The host's bundle files with scripted dialogs: the name is suggested before anything is made,
// a cancelled save consumes no revision and lists nothing as sent, the file is written where
// the user chose, chosen files reach the page as bytes (an oversized one by its size only), and
// a receiving office's first run makes an empty province database.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChosenFile, Envelope, SavedBundle, SetupStatus } from '../core/api';
import { MAX_BUNDLE_BYTES } from '../core/bundle';
import { writeFixtureDatabase } from '../test/e2e/fixture-db';
import type { FileDialogs, OpenFileRequest, SaveFileRequest } from './files';
import { Host } from './host';

let dir: string;
let hosts: Host[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-bundle-files-'));
  mkdirSync(join(dir, 'out'));
  hosts = [];
});
afterEach(async () => {
  for (const h of hosts) await h.quit();
  rmSync(dir, { recursive: true, force: true });
});

function scripted(answers: (string | string[] | null)[]): FileDialogs & { asked: (SaveFileRequest | OpenFileRequest)[] } {
  const asked: (SaveFileRequest | OpenFileRequest)[] = [];
  const take = (req: SaveFileRequest | OpenFileRequest) => {
    asked.push(req);
    return answers.shift() ?? null;
  };
  return {
    asked,
    saveBackup: () => Promise.resolve(null),
    openBackup: () => Promise.resolve(null),
    saveFile: (req) => Promise.resolve(take(req) as string | null),
    openFiles: (req) => Promise.resolve(take(req) as string[] | null),
  };
}

function makeHost(name: string, dialogs: FileDialogs): Host {
  const h = new Host({ userData: join(dir, name), appVersion: '0.1.0', createDemo: writeFixtureDatabase, now: () => new Date('2024-06-10T08:00:00'), dialogs });
  h.start();
  hosts.push(h);
  return h;
}

function ok<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.key}: ${env.error.message}`);
  return env.value as T;
}

describe('bundle files through the main process', () => {
  it('a cancelled save makes nothing: no revision used, nothing listed as sent', async () => {
    const d = scripted([null, join(dir, 'out', 'chosen.tkb')]);
    const h = makeHost('district', d);
    ok(await h.call('setup.openDemo', {}));
    expect(ok(await h.call('bundle.saveAs', { unit: 'D', from: '2024-05' }))).toBeNull();
    expect(d.asked[0]).toMatchObject({ purpose: 'bundle', defaultName: 'D_2024-05_r1.tkb', extensions: ['tkb'] });
    expect(ok(await h.call('bundle.sent', {}))).toEqual([]);
    // The next save is still revision 1, written where chosen, its path shown.
    const saved = ok<SavedBundle>(await h.call('bundle.saveAs', { unit: 'D', from: '2024-05' }));
    expect(d.asked[1]).toMatchObject({ defaultName: 'D_2024-05_r1.tkb' });
    expect(saved).toMatchObject({ file: 'chosen.tkb', path: join(dir, 'out', 'chosen.tkb'), periods: ['2024-05'], revisions: { '2024-05': 1 } });
    expect(readFileSync(join(dir, 'out', 'chosen.tkb')).subarray(0, 8).toString()).toBe('TKYTSYNC');
    expect(ok<unknown[]>(await h.call('bundle.sent', {}))).toHaveLength(1);
  });

  it('a month in the future is refused before any dialog opens', async () => {
    const d = scripted([join(dir, 'out', 'x.tkb')]);
    const h = makeHost('district', d);
    ok(await h.call('setup.openDemo', {}));
    const r = await h.call('bundle.saveAs', { unit: 'D', from: '2030-01' });
    expect(r.ok).toBe(false);
    expect(d.asked).toHaveLength(0);
  });

  it('chosen files reach the page as bytes; one over the limit by its size only, and the service refuses it', async () => {
    const district = makeHost('district', scripted([join(dir, 'out', 'may.tkb')]));
    ok(await district.call('setup.openDemo', {}));
    ok(await district.call('bundle.saveAs', { unit: 'D', from: '2024-05' }));
    const big = join(dir, 'out', 'big.tkb');
    writeFileSync(big, '');
    truncateSync(big, MAX_BUNDLE_BYTES + 10);
    const d = scripted([[join(dir, 'out', 'may.tkb'), big], null]);
    const province = makeHost('province', d);
    const status = ok<SetupStatus>(await province.call('setup.createParent', { unitName: 'Sở Y tế Thử', code: 'P', userName: 'Người nhận' }));
    expect(status).toMatchObject({ ready: true, homeUnit: 'P', unitName: 'Sở Y tế Thử' });
    const chosen = ok<{ files: ChosenFile[] }>(await province.call('bundle.openFiles', {}));
    expect(chosen.files.map((f) => [f.name, f.size, f.bytes.length])).toEqual([
      ['may.tkb', readFileSync(join(dir, 'out', 'may.tkb')).length, readFileSync(join(dir, 'out', 'may.tkb')).length],
      ['big.tkb', MAX_BUNDLE_BYTES + 10, 0],
    ]);
    const r = ok<{ files: { status: string; reason: string | null }[] }>(await province.call('bundle.import', { files: chosen.files, dryRun: true, trust: true }));
    expect(r.files.map((f) => f.status)).toEqual(['dryRun', 'refused']);
    expect(r.files[1]!.reason).toBe('bundle.refused.tooLarge');
    expect(ok(await province.call('bundle.openFiles', {}))).toBeNull();
  });

  it('a receiving office is set up once; its code is made from the name unless given', async () => {
    const h = makeHost('office', scripted([]));
    const s = ok<SetupStatus>(await h.call('setup.createParent', { unitName: 'Sở Y tế Thanh Hóa', userName: 'Nguyễn Văn A' }));
    expect(s.homeUnit).toBe('THANH_HOA');
    expect(ok<{ code: string; level: string; parent: string | null }[]>(await h.call('units.list', {}))).toEqual([
      expect.objectContaining({ code: 'THANH_HOA', level: 'province', parent: null }),
    ]);
    const again = await h.call('setup.createParent', { unitName: 'Khác', userName: 'B' });
    expect(again).toMatchObject({ ok: false, error: { key: 'ui.error.alreadySetUp' } });
    const bad = await makeHost('bad', scripted([])).call('setup.createParent', { unitName: 'X', code: '../etc', userName: 'B' });
    expect(bad.ok).toBe(false);
  });
});
