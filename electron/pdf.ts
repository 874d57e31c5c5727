// The report's PDF inside the app: Electron's own printToPDF on the same print HTML that the
// preview shows. Users' Windows PCs have no system Chromium, so the playwright-core path of
// the CLI (export/report/pdf.ts) cannot serve them. Electron-free: main passes a factory that
// makes a BrowserWindow, and the tests pass a stand-in.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { PdfRenderer } from '../export/report/render';

/** What this module needs of a BrowserWindow, so a stand-in can play it in tests. */
export interface PdfWindow {
  readonly webContents: {
    on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    printToPDF(options: { pageSize: 'A4'; preferCSSPageSize: boolean; printBackground: boolean }): Promise<Uint8Array>;
  };
  loadFile(file: string): Promise<void>;
  destroy(): void;
}

export type PdfWindowFactory = (options: BrowserWindowConstructorOptions) => PdfWindow;

/**
 * The hidden window that prints: sandboxed, no preload, no JavaScript (the print HTML needs
 * none), never shown. A4 at 96 dpi, though the HTML's @page rules decide the paper.
 */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  };
}

/**
 * A PDF renderer on Electron windows. The HTML goes through a file in `workDir` rather than a
 * data: URL, because Chromium refuses URLs over 2 MB and a year report's appendix can pass that.
 */
export function electronPdfRenderer(makeWindow: PdfWindowFactory, workDir: string): PdfRenderer {
  return async (html: string, printing?: () => void) => {
    mkdirSync(workDir, { recursive: true });
    const file = join(workDir, `report-${randomUUID()}.html`);
    writeFileSync(file, html, 'utf8');
    const win = makeWindow(pdfWindowOptions());
    try {
      // The page may go nowhere and open nothing, whatever it contains.
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.loadFile(file);
      const pdf = win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
      printing?.();
      return new Uint8Array(await pdf);
    } finally {
      win.destroy();
      rmSync(file, { force: true });
    }
  };
}
