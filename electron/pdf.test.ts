// Electron's PDF renderer with a stand-in BrowserWindow: the hidden window's options, the
// navigation lock, printToPDF's page options, and that nothing is left behind, even on failure.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { electronPdfRenderer, type PdfWindow } from './pdf';

interface StandIn extends PdfWindow {
  options: BrowserWindowConstructorOptions;
  loaded: string[];
  html: string[];
  printOptions: unknown[];
  navigate(): boolean;
  openHandler: (() => { action: 'deny' }) | null;
  destroyed: boolean;
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'thongke-pdf-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function standIn(options: BrowserWindowConstructorOptions, fail?: 'load' | 'print'): StandIn {
  const listeners: ((e: { preventDefault(): void }) => void)[] = [];
  const w: StandIn = {
    options,
    loaded: [],
    html: [],
    printOptions: [],
    openHandler: null,
    destroyed: false,
    navigate: () => {
      let prevented = false;
      for (const l of listeners) l({ preventDefault: () => (prevented = true) });
      return !prevented;
    },
    webContents: {
      on: (_event, listener) => listeners.push(listener),
      setWindowOpenHandler: (h) => (w.openHandler = h),
      printToPDF: (o) => {
        w.printOptions.push(o);
        if (fail === 'print') return Promise.reject(new Error('printing failed'));
        return Promise.resolve(new TextEncoder().encode('%PDF-1.7 stand-in'));
      },
    },
    loadFile: (file) => {
      w.loaded.push(file);
      w.html.push(readFileSync(file, 'utf8'));
      return fail === 'load' ? Promise.reject(new Error('load failed')) : Promise.resolve();
    },
    destroy: () => (w.destroyed = true),
  };
  return w;
}

describe("the app's PDF renderer (Electron printToPDF)", () => {
  it('prints the same HTML in a hidden, sandboxed window without preload or JavaScript, A4 with the CSS page size', async () => {
    const made: StandIn[] = [];
    const render = electronPdfRenderer((o) => {
      const w = standIn(o);
      made.push(w);
      return w;
    }, join(dir, 'work'));
    const html = '<!doctype html><html><body><p>307 trẻ đạt 8,7% kế hoạch</p></body></html>';
    const bytes = await render(html);
    expect(new TextDecoder().decode(bytes)).toMatch(/^%PDF/);
    expect(made).toHaveLength(1);
    const w = made[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    expect(w.html).toEqual([html]);
    expect(w.printOptions).toEqual([{ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }]);
    expect(w.navigate()).toBe(false);
    expect(w.openHandler?.()).toEqual({ action: 'deny' });
    expect(w.destroyed).toBe(true);
    expect(readdirSync(join(dir, 'work'))).toEqual([]);
  });

  it('closes the window and removes its file when loading or printing fails', async () => {
    for (const fail of ['load', 'print'] as const) {
      const made: StandIn[] = [];
      const render = electronPdfRenderer((o) => {
        const w = standIn(o, fail);
        made.push(w);
        return w;
      }, join(dir, fail));
      await expect(render('<p>x</p>')).rejects.toThrow(/failed/);
      expect(made[0]!.destroyed).toBe(true);
      expect(existsSync(made[0]!.loaded[0]!)).toBe(false);
    }
  });
});
