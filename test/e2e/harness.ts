// The end-to-end harness (environment.md): Debian's Chromium, driven by playwright-core, on
// the built renderer (dist/renderer), with `window.api` bridged to a real Host, i.e. the real
// contract, service and SQLite file, in the test process. Each app gets its own data folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDemoDatabase } from '../../db/demo';
import { Host, type HostDeps } from '../../electron/host';
import { shouldBlockNavigation } from '../../electron/security';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_INDEX = join(ROOT, 'dist/renderer/index.html');
export const SCREENS_DIR = join(ROOT, 'test-output/screens');
export const VIEWPORT = { width: 1366, height: 768 } as const;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(RENDERER_INDEX)) throw new Error(`${RENDERER_INDEX} is missing: run "npm run build:renderer" first`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // Chromium's own window parts that Electron has not: its omnibox popup, a WebUI page it
    // preloads for every new window (some 400 module requests, competing with the app's page for
    // the CPU).
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-features=WebUIOmniboxPopup,PreloadTopChromeWebUI'],
  });
}

let demoFile: string | null = null;

/** The demo district, built once per test file; each app gets its own copy of it. */
export function demoTemplate(): string {
  if (!demoFile) {
    const dir = mkdtempSync(join(tmpdir(), 'thongke-demo-'));
    demoFile = join(dir, 'demo.sqlite');
    createDemoDatabase(demoFile);
  }
  return demoFile;
}

/** Seeds a data folder with a copy of the demo district (a later run on the demo). */
export const seedDemo = (dbFile: string): void => copyFileSync(demoTemplate(), dbFile);

export interface AppUnderTest {
  page: Page;
  host: Host;
  userData: string;
  /** Loads the page again (the host and its database stay). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Writes a database into the data folder before the app starts (a "later run"). */
  seed?: (dbFile: string) => void | Promise<void>;
  host?: Partial<HostDeps>;
  lang?: 'vi' | 'en';
  /** Runs on the page before it navigates to the app (a test's own routes, say). */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/**
 * The script injected before the page's own: the preload's one `invoke`, and nothing else.
 * Electron's IPC carries values by structured clone, natively; playwright's binding walks
 * every value of an answer in JavaScript on both sides (a month of values, 2,600 objects, took
 * 0,4 s), so the bridge carries one JSON string each way, parsed natively as IPC would. Bytes
 * (a bundle's, a workbook's Uint8Array) cross it as `{ __bytes: base64 }`.
 */
export const BRIDGE = `
  (() => {
    const toB64 = (u8) => { let s = ''; for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000)); return btoa(s); };
    const fromB64 = (b64) => { const s = atob(b64); const u8 = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i); return u8; };
    const replacer = (k, v) => v instanceof Uint8Array ? { __bytes: toB64(v) } : v;
    const reviver = (k, v) => v && typeof v === 'object' && typeof v.__bytes === 'string' && Object.keys(v).length === 1 ? fromB64(v.__bytes) : v;
    const parse = (s) => s.includes('"__bytes"') ? JSON.parse(s, reviver) : JSON.parse(s);
    Object.defineProperty(window, 'api', {
      value: Object.freeze({ invoke: async (op, args) => parse(await window.__thongkeInvoke(op, args === undefined ? undefined : JSON.stringify(args, replacer))) }),
      writable: false, configurable: false,
    });
  })();`;

/** The host's side of the bridge (see BRIDGE): the page's JSON with its bytes back as Uint8Array. */
export function decodeBytes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeBytes);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.__bytes === 'string' && Object.keys(o).length === 1) return new Uint8Array(Buffer.from(o.__bytes, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeBytes(x)]));
  }
  return v;
}

export function encodeBytes(v: unknown): unknown {
  if (v instanceof Uint8Array) return { __bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Array.isArray(v)) return v.map(encodeBytes);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, encodeBytes(x)]));
  return v;
}

/** One call across the bridge, on the host's side: the page's JSON in, the answer's JSON out. */
export async function bridgeCall(host: Host, op: unknown, json: unknown): Promise<string> {
  const args = typeof json === 'string' ? decodeBytes(JSON.parse(json)) : undefined;
  return JSON.stringify(encodeBytes(await host.call(op, args)));
}

export async function openApp(browser: Browser, opts: OpenOptions = {}): Promise<AppUnderTest> {
  const userData = mkdtempSync(join(tmpdir(), 'thongke-e2e-'));
  if (opts.seed) await opts.seed(join(userData, 'thongke.sqlite'));
  const host = new Host({ userData, appVersion: '0.1.0-e2e', createDemo: (f) => copyFileSync(demoTemplate(), f), ...opts.host });
  host.start();
  const context = await browser.newContext({ viewport: VIEWPORT, locale: opts.lang === 'en' ? 'en-GB' : 'vi-VN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.exposeFunction('__thongkeInvoke', (op: unknown, json: unknown) => bridgeCall(host, op, json));
  await page.addInitScript(BRIDGE);
  const url = pathToFileURL(RENDERER_INDEX).href;
  // What Electron main does with will-navigate and setWindowOpenHandler (electron/main.ts),
  // with the same rule function: the page never leaves itself and opens no window.
  await page.route('**/*', (route, request) =>
    request.isNavigationRequest() && request.frame() === page.mainFrame() && shouldBlockNavigation(request.url(), url)
      ? // 204 No Content: the browser stays on the current page, as after preventDefault().
        route.fulfill({ status: 204 })
      : route.continue(),
  );
  context.on('page', (popup) => void popup.close());
  // ag-grid reports on the console a feature whose module was not registered (renderer/grid/
  // modules.ts registers only the ones used): any grid error fails the test at close.
  const gridErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /AG Grid/i.test(msg.text())) gridErrors.push(msg.text());
  });
  await opts.beforeLoad?.(page);
  await page.goto(url);
  return {
    page,
    host,
    userData,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      await context.close();
      await host.quit();
      rmSync(userData, { recursive: true, force: true });
      if (gridErrors.length > 0) throw new Error(`ag-grid reported on the console:\n${gridErrors.join('\n')}`);
    },
  };
}

/** Saves a screenshot of the whole window at 1366×768 under test-output/screens/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Picks a month in the period bar (the month select, then the year select). */
export async function pickMonth(page: Page, month: string): Promise<void> {
  const [y, m] = month.split('-');
  await page.locator('.period-bar select').nth(1).selectOption(String(Number(y)));
  await page.locator('.period-bar select').nth(0).selectOption(String(Number(m)));
}

/** What a scripted dialog was asked, and the path it answered. */
export interface DialogCall {
  kind: 'save' | 'open';
  purpose: string;
  defaultName?: string;
  answer: string | null;
}

/**
 * File dialogs for the host that answer with paths in the test's own folder, in order, as a
 * user would pick them in Electron's dialogs. `answers` is consumed; `calls` records each ask.
 */
export function scriptedDialogs(answers: (string | string[] | null)[]): { dialogs: NonNullable<HostDeps['dialogs']>; calls: DialogCall[] } {
  const calls: DialogCall[] = [];
  const take = (kind: 'save' | 'open', purpose: string, defaultName?: string): string[] | null => {
    const a = answers.shift() ?? null;
    const answer = a === null ? null : Array.isArray(a) ? a : [a];
    calls.push({ kind, purpose, ...(defaultName ? { defaultName } : {}), answer: answer ? answer.join('|') : null });
    return answer;
  };
  const next = (kind: 'save' | 'open', purpose: string, defaultName?: string) => Promise.resolve(take(kind, purpose, defaultName)?.[0] ?? null);
  return {
    calls,
    dialogs: {
      saveBackup: (name) => next('save', 'backup', name),
      openBackup: () => next('open', 'backup'),
      saveFile: (req) => next('save', req.purpose, req.defaultName),
      openFile: (req) => next('open', req.purpose),
      openFiles: (req) => Promise.resolve(take('open', req.purpose)),
    },
  };
}
