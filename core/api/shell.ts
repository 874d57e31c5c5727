// Shell operations of the API contract: the first run (demo or own unit), backups, language,
// and files the user saves or opens through a dialog (report, CSV). They are served by the host
// (electron/host.ts), not by the service, because they open, close and swap the database
// itself or open dialogs; what they do with the data is the service's (the CSV and report
// operations take and return text and bytes). File paths never come from the UI: every operation that
// reads or writes a file opens its dialog in the main process, and the page only learns the
// chosen file's name.
import { z } from 'zod';
import type { Lang } from '../format';
import type { LevelNames, OrgUnit } from '../orgunit';
import type { MonthCells } from '../values';
import type { Envelope } from '../api';
import { code, empty, month, periodSpec, type CatalogueView, type CsvImportResult } from './data';
import { area } from './contract';
import type { BundleWarning } from './bundle';
import { reportDate } from './report';

const name = z.string().trim().min(1).max(120);

/** Names of the files in the automatic backup folder (see db/backup.ts). */
export const BACKUP_NAME = /^thongke-[a-z]+-\d{8}-\d{6}(-\d+)?\.sqlite$/;

/** Operations on the user's files: each opens a save or open dialog in the main process. */
export const fileArgs = area<FileResults>()({
  /** Builds the report file, then asks where to save it (default name: the report's fileBase). */
  'report.saveAs': z.object({ unit: code, period: periodSpec, format: z.enum(['docx', 'pdf', 'xlsx']), date: reportDate.optional() }).strict(),
  /** A month's values of the unit's subtree as CSV (what `values.importCsv` reads back). */
  'values.exportCsv': z.object({ unit: code, period: month }).strict(),
  /** Asks for a values CSV and imports it all or nothing, as the installation's user. */
  'values.importCsv': empty,
  /** Asks for a plans CSV and imports it all or nothing. */
  'plans.importCsv': empty,
  /** Asks for a units CSV (`code,name,level,parent`) and registers them all or nothing. */
  'units.importCsv': empty,
  /**
   * Asks where to save the unit's sync bundle for the months (default name from `bundle.plan`),
   * then makes it (a new revision, listed as sent) and writes it there.
   */
  'bundle.saveAs': z.object({ unit: code, from: month, to: month.optional() }).strict(),
  /**
   * Asks for bundle files (several at once) and gives their bytes to the page, which checks and
   * imports them with `bundle.import` (as it does with files dropped on it).
   */
  'bundle.openFiles': empty,
  /** Builds the commune workbook (one commune, or a district's communes) and asks where to save it. */
  'workbook.saveAs': z.object({ unit: code, period: month }).strict(),
  /** Asks for filled workbooks (several at once) and gives their bytes to the page (`workbook.import`). */
  'workbook.openFiles': empty,
  /** The unit's values for the period as a DHIS2 dataValueSet JSON or ADX file, saved where the user chooses. */
  'dhis2.saveAs': z.object({ unit: code, period: periodSpec, format: z.enum(['json', 'adx']) }).strict(),
});

export type FileOperation = keyof typeof fileArgs;

export const shellArgs = area<ShellResults>()({
  ...fileArgs,
  'setup.status': empty,
  /**
   * Everything the window needs to show its first screen, in one call (the renderer's boot
   * script asks it before the app's script has loaded): the setup status and, when a database is
   * open, its units, catalogue, level names, the month to open on (`month`, or the home unit's
   * newest month with data, or last month) and, with `entry`, the entry grid's month: every unit
   * it may show, their values and which of them are locked.
   */
  'session.open': z.object({ month: month.optional(), entry: z.boolean().optional() }).strict(),
  'setup.openDemo': empty,
  'setup.createUnit': z
    .object({
      province: name,
      unitName: name,
      communes: z.array(name).min(1).max(300),
      userName: name,
      directorName: name,
      directorTitle: name,
    })
    .strict(),
  /** The first run of a receiving office (a province): an empty database that learns its units from bundles. */
  'setup.createParent': z.object({ unitName: name, code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/).optional(), userName: name }).strict(),
  'backup.now': empty,
  'backup.list': empty,
  'backup.saveTo': empty,
  'backup.restore': z.object({ name: z.string().max(80).regex(BACKUP_NAME) }).strict(),
  'backup.restoreFrom': empty,
  'app.setLang': z.object({ lang: z.enum(['vi', 'en']) }).strict(),
});


export interface SetupStatus {
  /** False on the first run: no database yet, the UI offers the demo or setting up a unit. */
  ready: boolean;
  homeUnit: string | null;
  unitName: string | null;
  lang: Lang;
  /** Where the live database lives (shown in settings, never sent back). */
  dataDir: string;
}

export interface BackupInfo {
  name: string;
  /** ISO time the backup was taken. */
  createdAt: string;
  bytes: number;
  /** Why it was taken: daily, quit, manual, before a restore. */
  reason: string;
}

export interface RestoreResult {
  /** The backup taken of the database as it was, just before the swap. */
  safetyBackup: string;
  /**
   * What `safetyBackup` is: a checked backup of the database as it was, or, when that database
   * was damaged (it cannot pass a backup's check), its files kept aside byte for byte.
   */
  kept: 'backup' | 'damaged';
  status: SetupStatus;
}

/** A file written where the user chose: its name only (the page never sees paths). */
export interface SavedFile {
  file: string;
  bytes: number;
}

/** A bundle saved where the user chose. */
export interface SavedBundle extends SavedFile {
  /**
   * Where it was saved, shown so the user can find it to attach to an email. Only shown: no
   * operation takes a path from the page.
   */
  path: string;
  periods: string[];
  revisions: Record<string, number>;
  warnings: BundleWarning[];
}

/** A file the user chose, for the page to pass to `bundle.import`. */
export interface ChosenFile {
  name: string;
  /** Its first MAX_BUNDLE_BYTES + 1 bytes: enough for the service to refuse a larger file. */
  bytes: Uint8Array;
  size: number;
}

export interface ImportedFile extends CsvImportResult {
  file: string;
}

/** Each is null when the user cancelled the dialog. */
export interface FileResults {
  'report.saveAs': SavedFile | null;
  'values.exportCsv': (SavedFile & { count: number }) | null;
  'values.importCsv': ImportedFile | null;
  'plans.importCsv': { file: string; count: number } | null;
  'units.importCsv': { file: string; added: number; unchanged: number } | null;
  'bundle.saveAs': SavedBundle | null;
  'bundle.openFiles': { files: ChosenFile[] } | null;
  'workbook.saveAs': (SavedFile & { sheets: number }) | null;
  'workbook.openFiles': { files: ChosenFile[] } | null;
  'dhis2.saveAs': (SavedFile & { values: number; orgUnits: number }) | null;
}

/** The entry grid's month as session.open loads it (what values.getMany and period.locked answer). */
export interface EntryMonth {
  month: string;
  units: string[];
  cells: MonthCells;
  locked: string[];
}

export interface SessionOpen {
  status: SetupStatus;
  /** Null on the first run (no database yet). */
  data: {
    units: OrgUnit[];
    catalogue: CatalogueView;
    levelNames: LevelNames;
    month: string;
    /** Asked with `entry` and the database has a home unit. */
    entry: EntryMonth | null;
  } | null;
}

export interface ShellResults extends FileResults {
  'setup.status': SetupStatus;
  'session.open': SessionOpen;
  'setup.openDemo': SetupStatus;
  'setup.createUnit': SetupStatus;
  'setup.createParent': SetupStatus;
  'backup.now': BackupInfo;
  'backup.list': BackupInfo[];
  /** null when the user cancelled the dialog. */
  'backup.saveTo': { file: string } | null;
  'backup.restore': RestoreResult;
  'backup.restoreFrom': RestoreResult | null;
  'app.setLang': { lang: Lang };
}

/**
 * What the preload exposes as `window.api`: one generic invoke and nothing else. The host
 * validates `op` and `args` against the contract; the answer is always an envelope.
 */
export interface WindowApi {
  invoke(op: string, args?: unknown): Promise<Envelope<unknown>>;
}
