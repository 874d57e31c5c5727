// The parts of the shell that need Electron's runtime to run, checked without it: the preload
// (electron mocked), the menu template, the packaging configuration and `npm start`'s message.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from './menu';

const exposed: { key: string; api: unknown }[] = [];
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
  ipcRenderer: { invoke: (...a: unknown[]) => Promise.resolve(invoked.push(a)) },
}));

describe('the preload', () => {
  it('exposes one object, window.api, with one function, invoke, on one channel', async () => {
    await import('./preload');
    expect(exposed.map((e) => e.key)).toEqual(['api']);
    const api = exposed[0]!.api as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    await (api.invoke as (op: string, a: unknown) => Promise<unknown>)('values.get', { unit: 'C1' });
    expect(invoked).toEqual([['thongke:invoke', 'values.get', { unit: 'C1' }]]);
  });
});

describe('the menu', () => {
  const actions: MenuActions = { backupNow: vi.fn(), backupTo: vi.fn(), restoreFrom: vi.fn(), setLang: vi.fn(), about: vi.fn() };
  const labels = (lang: 'vi' | 'en') => menuTemplate(lang, actions).map((m) => m.label);

  it('is in Vietnamese, or in English when chosen', () => {
    expect(labels('vi')).toEqual(['Tệp', 'Sửa', 'Xem', 'Ngôn ngữ', 'Trợ giúp']);
    expect(labels('en')).toEqual(['File', 'Edit', 'View', 'Language', 'Help']);
  });

  it('offers the backups in the File menu', () => {
    const file = menuTemplate('vi', actions)[0]!.submenu as { label?: string; click?: () => void }[];
    expect(file.map((i) => i.label).filter(Boolean)).toEqual(['Sao lưu ngay', 'Sao lưu vào…', 'Khôi phục từ tệp sao lưu…', 'Thoát']);
    file.find((i) => i.label === 'Sao lưu vào…')!.click!();
    expect(actions.backupTo).toHaveBeenCalledOnce();
  });
});

describe('packaging', () => {
  const yml = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');

  it('builds a per-user Vietnamese NSIS installer and Linux AppImage + deb, without rebuilding native modules', () => {
    expect(yml).toMatch(/^npmRebuild: false$/m);
    expect(yml).toMatch(/^\s+perMachine: false$/m);
    expect(yml).toMatch(/^\s+allowElevation: false$/m);
    expect(yml).toMatch(/^\s+installerLanguages: \[vi_VN\]$/m);
    expect(yml).toMatch(/- target: nsis/);
    expect(yml).toMatch(/- AppImage\n\s+- deb/);
    expect(yml).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspector; ASAR integrity and ASAR-only loading', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const { fuseConfig } = (await import('../scripts/fuses.mjs')) as { fuseConfig: Record<number, boolean> };
    expect(fuseConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuseConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });
});

describe('npm start without the Electron runtime', () => {
  it('prints one sentence in Vietnamese and English and exits with 1, no stack trace', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Thiếu Electron runtime.*npm start.* \/ The Electron runtime is missing.*npm start/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
