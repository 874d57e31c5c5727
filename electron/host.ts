// The host: owns the database for the life of the app. Electron-free on purpose: Electron's
// main process and the end-to-end bridge both build one, so everything but the window is
// tested on machines where the Electron runtime cannot run.
//
// Layout of the data folder (Electron's userData, never the install folder or a USB stick):
//   thongke.sqlite        the live database
//   backups/              automatic backups, rotating
//   work/                 temporary copies checked before a restore swaps them in
//   prefs.json            the UI language, readable before any database exists
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dispatch, SERVICE_OPERATIONS, type Args, type EntryMonth, type Envelope, type SessionOpen, type FileOperation, type Handlers, type RestoreResult, type ServiceHandlers, type SetupStatus, type ShellOperation } from '../core/api';
import { UserError } from '../core/errors';
import type { Lang } from '../core/format';
import { parseLang } from '../core/i18n';
import { monthUnitCodes } from '../core/entry-units';
import { monthOf, previousMonth } from '../core/period';
import {
  autoBackup,
  backupTo,
  checkpoint,
  cleanBackupDir,
  keepAside,
  importBackupCopy,
  listBackups,
  removeDatabaseFiles,
  type BackupFile,
  type BackupReason,
} from '../db/backup';
import { getSetting, setSetting } from '../db/settings.repo';
import { assertIntact } from '../db/open';
import { openStore, type Store } from '../db/store';
import type { PdfRenderer } from '../export/report/render';
import { createService } from '../service/index';
import { createParentDatabase, createUnitDatabase } from '../service/setup';
import { fileHandlers, type FileDialogs } from './files';

/** Best effort: a damaged file may refuse the checkpoint; the -wal is then copied along. */
function checkpointQuietly(store: Store): void {
  try {
    checkpoint(store.db);
  } catch {
    // keepAside copies the -wal too.
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface HostDeps {
  userData: string;
  appVersion: string;
  /** Writes the demo district's database to `file` (db/demo.ts). */
  createDemo?: (file: string) => void | Promise<void>;
  /** File dialogs, opened by the main process: the UI never sends a path. null = cancelled. */
  dialogs?: FileDialogs;
  /** The report's PDF: Electron's printToPDF in the app; left out, playwright-core's Chromium. */
  renderPdf?: PdfRenderer;
  onLangChange?: (lang: Lang) => void;
  /** A bug (not a user error) reached the host: log it. */
  onInternalError?: (e: unknown) => void;
  now?: () => Date;
}

export class Host {
  readonly dbFile: string;
  readonly backupDir: string;
  readonly workDir: string;
  private readonly prefsFile: string;
  private store_: Store | null = null;
  private service: ServiceHandlers | null = null;
  private lang_: Lang = 'vi';
  /** The folder of the last file saved or opened, offered first in the next dialog. */
  private lastDir_: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the open database failed its integrity check. */
  private damaged_: UserError | null = null;
  readonly handlers: Handlers;

  constructor(private readonly deps: HostDeps) {
    mkdirSync(deps.userData, { recursive: true });
    this.dbFile = join(deps.userData, 'thongke.sqlite');
    this.backupDir = join(deps.userData, 'backups');
    this.workDir = join(deps.userData, 'work');
    this.prefsFile = join(deps.userData, 'prefs.json');
    const prefs = this.readPrefs();
    this.lang_ = prefs.lang;
    this.lastDir_ = prefs.lastDir;
    const service = this.serviceProxy();
    this.handlers = {
      ...service,
      ...this.shellHandlers(),
      ...fileHandlers({
        service: () => {
          this.requireService();
          return service;
        },
        dbFile: this.dbFile,
        ...(deps.dialogs ? { dialogs: deps.dialogs } : {}),
        lastDir: () => this.lastDir_,
        rememberDir: (dir) => {
          this.lastDir_ = dir;
          this.writePrefs();
        },
      }),
    };
  }

  /** Opens the database when there is one (later runs); on the first run there is none yet. */
  start(): SetupStatus {
    rmSync(this.workDir, { recursive: true, force: true });
    // Leftovers of a backup that was killed would pile up (1.3 GB after 10 kills).
    cleanBackupDir(this.backupDir);
    if (existsSync(this.dbFile)) this.openDb();
    return this.status();
  }

  get lang(): Lang {
    return this.lang_;
  }

  get store(): Store | null {
    return this.store_;
  }

  /**
   * Runs one call from the UI: validated by the contract, answered with an envelope. Calls run
   * one at a time, so a restore never swaps the database under another call.
   */
  call(op: unknown, args: unknown): Promise<Envelope<unknown>> {
    const run = () => dispatch(this.handlers, op, args, this.lang_, this.deps.onInternalError);
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  status(): SetupStatus {
    const s = this.store_;
    const home = s ? getSetting(s, 'unit.home') : null;
    let unitName: string | null = null;
    if (s && home) {
      try {
        unitName = s.unit(home).name;
      } catch {
        unitName = null;
      }
    }
    return { ready: s !== null, homeUnit: home, unitName, lang: this.lang_, dataDir: this.deps.userData };
  }

  /**
   * session.open: the window's first screen in one call, put together from the service's own
   * operations (units.list, catalogue.get, units.levelNames, values.latestPeriod, then the entry
   * month's values.getMany and period.locked), so it answers exactly as they would.
   */
  private async open(a: Args<'session.open'>): Promise<SessionOpen> {
    const status = this.status();
    if (!this.store_) return { status, data: null };
    const h = this.handlers;
    const units = await h['units.list']({});
    const catalogue = await h['catalogue.get']({});
    const levelNames = await h['units.levelNames']({});
    const home = status.homeUnit;
    const latest = !a.month && home ? await h['values.latestPeriod']({ unit: home }) : null;
    const month = a.month ?? latest ?? previousMonth(monthOf(this.now()));
    let entry: EntryMonth | null = null;
    if (a.entry && home) {
      const codes = monthUnitCodes(units, home, month);
      const cells = codes.length > 0 ? await h['values.getMany']({ period: month, units: codes }) : {};
      const locked = codes.length > 0 ? await h['period.locked']({ period: month, units: codes }) : [];
      entry = { month, units: codes, cells, locked };
    }
    return { status, data: { units, catalogue, levelNames, month, entry } };
  }

  /** Once a day while the app is open: a backup when the newest automatic one is a day old. */
  async maybeDailyBackup(): Promise<BackupFile | null> {
    if (!this.store_) return null;
    const newest = listBackups(this.backupDir).find((b) => b.reason !== 'manual');
    if (newest && this.now().getTime() - newest.createdAt.getTime() < DAY_MS) return null;
    return this.backup('daily');
  }

  /** On quit: every commit into the main file, a backup, then close. */
  async quit(): Promise<void> {
    await this.queue.catch(() => undefined);
    const s = this.store_;
    if (!s) return;
    try {
      checkpoint(s.db);
      await this.backup('quit');
    } finally {
      this.closeDb();
    }
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private readPrefs(): { lang: Lang; lastDir: string | null } {
    try {
      const raw = JSON.parse(readFileSync(this.prefsFile, 'utf8')) as { lang?: string; lastDir?: unknown };
      return { lang: parseLang(raw.lang), lastDir: typeof raw.lastDir === 'string' ? raw.lastDir : null };
    } catch {
      return { lang: 'vi', lastDir: null };
    }
  }

  private writePrefs(): void {
    writeFileSync(this.prefsFile, JSON.stringify({ lang: this.lang_, ...(this.lastDir_ ? { lastDir: this.lastDir_ } : {}) }));
  }

  private openDb(): void {
    const store = openStore(this.dbFile);
    // A damaged page found now, not by a failing screen later: every data call then says
    // "restore a backup", and Settings → restore still works.
    try {
      assertIntact(store.db, this.dbFile);
      this.damaged_ = null;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      this.damaged_ = e;
    }
    this.store_ = store;
    this.service = createService({
      store,
      appVersion: this.deps.appVersion,
      now: () => this.now(),
      ...(this.deps.renderPdf ? { renderPdf: this.deps.renderPdf } : {}),
    });
    const lang = getSetting(store, 'ui.lang');
    if (lang) this.lang_ = lang;
  }

  private closeDb(): void {
    this.store_?.close();
    this.store_ = null;
    this.service = null;
  }

  private requireStore(): Store {
    if (!this.store_) throw new UserError('ui.error.noDatabase');
    return this.store_;
  }

  private async backup(reason: BackupReason): Promise<BackupFile> {
    return autoBackup(this.requireStore().db, this.backupDir, reason, this.now());
  }

  /** The service of the open database; the "no database" or "damaged" error otherwise. */
  private requireService(): ServiceHandlers {
    if (!this.service) throw new UserError('ui.error.noDatabase');
    if (this.damaged_) throw this.damaged_;
    return this.service;
  }

  /** Every service operation (derived from the contract), forwarded to the database open right now. */
  private serviceProxy(): ServiceHandlers {
    const proxy: Partial<Record<keyof ServiceHandlers, (a: unknown) => unknown>> = {};
    for (const op of SERVICE_OPERATIONS) {
      proxy[op] = (a: unknown) => (this.requireService()[op] as (x: unknown) => unknown)(a);
    }
    return proxy as ServiceHandlers;
  }

  /** Swaps a verified copy in as the live database; puts the old one back if it will not open. */
  private swapIn(copy: string, safety: BackupFile | null): SetupStatus {
    this.closeDb();
    for (const f of [`${this.dbFile}-wal`, `${this.dbFile}-shm`]) rmSync(f, { force: true });
    renameSync(copy, this.dbFile);
    rmSync(`${copy}-wal`, { force: true });
    try {
      this.openDb();
    } catch (e) {
      if (safety) {
        removeDatabaseFiles(this.dbFile);
        renameSync(importBackupCopy(safety.file, this.workDir), this.dbFile);
        this.openDb();
      }
      throw e;
    }
    return this.status();
  }

  private async restoreFrom(source: string): Promise<RestoreResult> {
    const copy = importBackupCopy(source, this.workDir);
    try {
      // A damaged live database cannot pass a backup's check: keep it aside byte for byte
      // instead (that is when a restore is needed most), and say where it is.
      let safety: BackupFile | null = null;
      let aside: string | null = null;
      if (this.store_ && !this.damaged_) {
        try {
          safety = await this.backup('restore');
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
      }
      if (!safety && existsSync(this.dbFile)) {
        if (this.store_) checkpointQuietly(this.store_);
        aside = keepAside(this.dbFile, join(this.deps.userData, 'damaged'), this.now());
      }
      const status = this.swapIn(copy, safety);
      return { safetyBackup: safety?.name ?? aside ?? '', kept: safety ? 'backup' : 'damaged', status };
    } finally {
      removeDatabaseFiles(copy);
    }
  }

  private async createFirst(write: (file: string) => void | Promise<void>): Promise<SetupStatus> {
    if (this.store_ || existsSync(this.dbFile)) throw new UserError('ui.error.alreadySetUp');
    const tmp = join(this.workDir, `new-${Date.now()}.sqlite`);
    mkdirSync(this.workDir, { recursive: true });
    try {
      await write(tmp);
      renameSync(tmp, this.dbFile);
    } finally {
      removeDatabaseFiles(tmp);
    }
    this.openDb();
    if (this.store_) setSetting(this.store_, 'ui.lang', this.lang_);
    return this.status();
  }

  private shellHandlers(): Pick<Handlers, Exclude<ShellOperation, FileOperation>> {
    const info = (b: BackupFile) => ({ name: b.name, createdAt: b.createdAt.toISOString(), bytes: b.bytes, reason: b.reason });
    return {
      'setup.status': () => this.status(),
      'session.open': (a) => this.open(a),
      'setup.openDemo': () => {
        const create = this.deps.createDemo;
        if (!create) throw new UserError('ui.error.demoMissing');
        return this.createFirst(create);
      },
      'setup.createUnit': (a) => this.createFirst((file) => void createUnitDatabase(file, a, this.now())),
      'setup.createParent': (a) => this.createFirst((file) => void createParentDatabase(file, a, this.now())),
      'backup.now': async () => info(await this.backup('manual')),
      'backup.list': () => listBackups(this.backupDir).map(info),
      'backup.saveTo': async () => {
        const store = this.requireStore();
        const dest = await this.deps.dialogs?.saveBackup(`thongke-${this.now().toISOString().slice(0, 10)}.sqlite`);
        if (!dest) return null;
        await backupTo(store.db, dest);
        return { file: basename(dest) };
      },
      'backup.restore': (a) => {
        const b = listBackups(this.backupDir).find((x) => x.name === a.name);
        if (!b) throw new UserError('error.fileNotFound', { file: a.name });
        return this.restoreFrom(b.file);
      },
      'backup.restoreFrom': async () => {
        const source = await this.deps.dialogs?.openBackup();
        if (!source) return null;
        return this.restoreFrom(source);
      },
      'app.setLang': (a) => {
        this.lang_ = a.lang;
        this.writePrefs();
        if (this.store_) setSetting(this.store_, 'ui.lang', a.lang);
        this.deps.onLangChange?.(a.lang);
        return { lang: a.lang };
      },
    };
  }
}

