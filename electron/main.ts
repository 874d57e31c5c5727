// Electron's main process: one window, one IPC channel, the host that owns the database.
// Everything that can be decided without Electron lives in plain modules beside this one
// (host, security, ipc, menu) and is tested there; this file only wires them to Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../core/format';
import { translator } from '../core/i18n';
import { createDemoDatabase } from '../db/demo';
import type { OpenFileRequest, SaveFileRequest } from './files';
import { Host } from './host';
import { API_CHANNEL, handleInvoke } from './ipc';
import { electronPdfRenderer } from './pdf';
import { menuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, shouldBlockNavigation, windowOpenDecision, windowOptions } from './security';

const RENDERER_INDEX = join(__dirname, '..', 'renderer', 'index.html');
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href;
const HOUR_MS = 60 * 60 * 1000;

let win: BrowserWindow | null = null;
let host: Host | null = null;
let quitting = false;

function t(key: string, params: Record<string, string | number> = {}): string {
  return translator(host?.lang ?? 'vi')(key, params);
}

/** The user cancelled, or chose a file: null or its path. */
async function chooseSave(defaultName: string): Promise<string | null> {
  const opts = {
    title: t('ui.menu.saveBackupTitle'),
    defaultPath: join(app.getPath('documents'), defaultName),
    filters: [{ name: t('ui.menu.backupFilter'), extensions: ['sqlite'] }],
  };
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return r.canceled || !r.filePath ? null : r.filePath;
}

async function chooseOpen(): Promise<string | null> {
  const opts = {
    title: t('ui.menu.openBackupTitle'),
    properties: ['openFile' as const],
    filters: [{ name: t('ui.menu.backupFilter'), extensions: ['sqlite', 'db'] }],
  };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/** The save dialog of a report or CSV: the last folder used, else Documents. */
async function chooseSaveFile(req: SaveFileRequest): Promise<string | null> {
  const opts = {
    title: t(`ui.files.saveTitle.${req.purpose}`),
    defaultPath: join(req.dir ?? app.getPath('documents'), req.defaultName),
    filters: [{ name: t(`ui.files.filter.${req.extensions[0] ?? 'csv'}`), extensions: req.extensions }],
  };
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return r.canceled || !r.filePath ? null : r.filePath;
}

async function chooseOpenFile(req: OpenFileRequest): Promise<string | null> {
  const opts = {
    title: t(`ui.files.openTitle.${req.purpose}`),
    defaultPath: req.dir ?? app.getPath('documents'),
    properties: ['openFile' as const],
    filters: [{ name: t('ui.files.filter.csv'), extensions: req.extensions }],
  };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function chooseOpenFiles(req: OpenFileRequest): Promise<string[] | null> {
  const opts = {
    title: t(`ui.files.openTitle.${req.purpose}`),
    defaultPath: req.dir ?? app.getPath('documents'),
    properties: ['openFile' as const, 'multiSelections' as const],
    filters: [{ name: t(`ui.files.filter.${req.extensions[0] ?? 'tkb'}`), extensions: req.extensions }],
  };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : r.filePaths;
}

/** Runs a shell operation from the menu and tells the user what happened. */
async function fromMenu(op: 'backup.now' | 'backup.saveTo' | 'backup.restoreFrom'): Promise<void> {
  if (!host) return;
  const env = await host.call(op, {});
  if (env.ok && env.value === null) return; // cancelled
  const message = env.ok ? t(op === 'backup.restoreFrom' ? 'ui.backup.restored' : 'ui.settings.saved', { safety: '' }) : env.error.message;
  if (win) await dialog.showMessageBox(win, { type: env.ok ? 'info' : 'error', message });
  // A restore swapped the database under the page: load it again.
  if (env.ok && op === 'backup.restoreFrom') win?.webContents.reload();
}

function buildMenu(lang: Lang): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        lang,
        {
          backupNow: () => void fromMenu('backup.now'),
          backupTo: () => void fromMenu('backup.saveTo'),
          restoreFrom: () => void fromMenu('backup.restoreFrom'),
          setLang: (l) => {
            void host?.call('app.setLang', { lang: l }).then(() => win?.webContents.reload());
          },
          about: () => {
            if (win) void dialog.showMessageBox(win, { message: t('ui.menu.aboutText', { version: app.getVersion(), dir: app.getPath('userData') }) });
          },
        },
        process.platform === 'darwin',
      ),
    ),
  );
}

/** The rules every web contents obeys: no navigation, no new windows, no webviews. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (shouldBlockNavigation(url, RENDERER_URL)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (shouldBlockNavigation(url, RENDERER_URL)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
}

function createWindow(): void {
  win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), 'Thống kê Y tế'));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  void win.loadFile(RENDERER_INDEX);
}

function start(): void {
  host = new Host({
    userData: app.getPath('userData'),
    appVersion: app.getVersion(),
    createDemo: createDemoDatabase,
    dialogs: { saveBackup: chooseSave, openBackup: chooseOpen, saveFile: chooseSaveFile, openFile: chooseOpenFile, openFiles: chooseOpenFiles },
    // The report's PDF from Electron's own Chromium: no other browser is on the user's PC.
    renderPdf: electronPdfRenderer((options) => new BrowserWindow(options), join(app.getPath('userData'), 'work')),
    onLangChange: buildMenu,
    onInternalError: (e) => console.error(e),
  });
  host.start();
  buildMenu(host.lang);

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle(API_CHANNEL, (event, op: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMain: frame === event.sender.mainFrame } : null;
    return handleInvoke(host!, sender, RENDERER_URL, op, args);
  });

  createWindow();
  setInterval(() => void host?.maybeDailyBackup().catch((e: unknown) => console.error(e)), HOUR_MS).unref();
  void host.maybeDailyBackup().catch((e: unknown) => console.error(e));
}

// One fixed, ASCII data folder whatever the product name or how the app was started, so a
// development run and the installed app find the same database.
app.setPath('userData', join(app.getPath('appData'), 'thongke'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the WAL checkpoint and the backup, then quits for real.
  app.on('before-quit', (event) => {
    if (quitting || !host) return;
    event.preventDefault();
    quitting = true;
    void host
      .quit()
      .catch((e: unknown) => console.error(e))
      .finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
