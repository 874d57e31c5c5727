// The bundled main process (dist/electron/main.cjs, built by npm test) loaded in Node with a
// stand-in for the `electron` module: proves the bundle resolves every module it needs and
// wires the window, the IPC channel and the session the way the plain functions say.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

type Fn = (...a: unknown[]) => unknown;
const bundle = join(import.meta.dirname, '../dist/electron/main.cjs');
const dir = mkdtempSync(join(tmpdir(), 'thongke-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Fake {
  calls: string[];
  windows: { options: Record<string, unknown>; loaded: string[] }[];
  handlers: Map<string, Fn>;
  headers: Fn | null;
  permissions: Fn | null;
  ready: () => Promise<void>;
}

function fakeElectron(lock: boolean): { electron: Record<string, unknown>; fake: Fake } {
  let resolveReady: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (resolveReady = r));
  const fake: Fake = { calls: [], windows: [], handlers: new Map(), headers: null, permissions: null, ready: async () => {
    resolveReady();
    await readyPromise;
    await new Promise((r) => setTimeout(r, 50));
  } };
  class BrowserWindow {
    webContents = { reload: () => undefined };
    constructor(options: Record<string, unknown>) {
      const w = { options, loaded: [] as string[] };
      fake.windows.push(w);
      this.loadFile = (f: string) => {
        w.loaded.push(f);
        return Promise.resolve();
      };
    }
    loadFile: (f: string) => Promise<void>;
    once() {}
    on() {}
  }
  const app = {
    setPath: (name: string) => fake.calls.push(`setPath:${name}`),
    getPath: (name: string) => join(dir, name),
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => lock,
    quit: () => fake.calls.push('quit'),
    enableSandbox: () => fake.calls.push('enableSandbox'),
    on: (event: string) => fake.calls.push(`on:${event}`),
    whenReady: () => readyPromise,
  };
  const electron = {
    app,
    BrowserWindow,
    dialog: {},
    shell: { openExternal: () => Promise.resolve() },
    Menu: { setApplicationMenu: () => fake.calls.push('menu'), buildFromTemplate: (t: unknown) => t },
    ipcMain: { handle: (channel: string, fn: Fn) => fake.handlers.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => (fake.permissions = fn),
        webRequest: { onHeadersReceived: (fn: Fn) => (fake.headers = fn) },
      },
    },
  };
  return { electron, fake };
}

/** Loads the bundle; returns every module request made while it loaded (nested ones included). */
function loadBundle(electron: Record<string, unknown>): string[] {
  const requested: string[] = [];
  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = mod._load;
  mod._load = (request, parent, isMain) => {
    requested.push(request);
    return request === 'electron' ? electron : original(request, parent, isMain);
  };
  try {
    const req = createRequire(import.meta.url);
    delete req.cache[bundle];
    req(bundle);
  } finally {
    mod._load = original;
  }
  return requested;
}

describe('the bundled main process', () => {
  it('never contains playwright-core, and loads no document library when it starts (issue 9)', async () => {
    // The app prints with printToPDF: the PDF code of the CLI is not even in the file.
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toContain('playwright-core');
    expect(text).toContain('require("docx")'); // still there, for when a Word file is made
    const { electron, fake } = fakeElectron(true);
    const requested = loadBundle(electron);
    await fake.ready();
    expect(requested).toContain('better-sqlite3');
    for (const heavy of ['playwright-core', 'docx', 'exceljs']) expect(requested).not.toContain(heavy);
  });

  it('quits at once when another instance holds the lock', () => {
    const { electron, fake } = fakeElectron(false);
    loadBundle(electron);
    expect(fake.calls).toEqual(['setPath:userData', 'quit']);
  });

  it('opens a sandboxed window on the renderer, one IPC channel, a CSP header, no permissions', async () => {
    const { electron, fake } = fakeElectron(true);
    loadBundle(electron);
    await fake.ready();
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.calls).toContain('on:web-contents-created');
    expect(fake.calls).toContain('on:second-instance');
    expect(fake.calls).toContain('on:before-quit');
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(fake.windows[0]!.loaded[0]).toMatch(/renderer[\\/]index\.html$/);
    expect([...fake.handlers.keys()]).toEqual(['thongke:invoke']);
    let header: Record<string, string[]> = {};
    fake.headers!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (header = r.responseHeaders));
    expect(header['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'; script-src 'self'/);
    let granted: boolean | null = null;
    fake.permissions!(null, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    // A call from a foreign frame is refused by the registered handler.
    const handler = fake.handlers.get('thongke:invoke')!;
    const frame = { url: 'https://evil.example/' };
    const env = (await handler({ senderFrame: frame, sender: { mainFrame: frame } }, 'setup.status', {})) as { ok: boolean; error?: { key: string } };
    expect(env).toMatchObject({ ok: false, error: { key: 'ui.error.untrustedSender' } });
  });
});
