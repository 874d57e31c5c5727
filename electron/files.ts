// The user's files: the report saved as DOCX/PDF/XLSX, a month's values exported as CSV, and
// values or plans imported from CSV. The renderer cannot touch files, and never sends a path:
// each operation asks the dialog provider (Electron's dialogs in the app, scripted answers in
// the end-to-end tests) where, then reads or writes here in the main process. What is in the
// file is the service's business (service/data.ts, service/report.ts): it gets and gives text
// and bytes only.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FileOperation, Handlers, ServiceHandlers } from '../core/api';
import { MAX_BUNDLE_BYTES } from '../core/bundle';
import { MAX_WORKBOOK_BYTES } from '../core/api/workbook';
import { readFileHead, readTextFile } from '../db/files';
import { writeFileAtomic } from '../db/write-file';

/** What a file is for: the provider picks the dialog's title and filter from it. */
export type FilePurpose = 'report' | 'csv' | 'plans' | 'units' | 'bundle' | 'workbook' | 'dhis2';

export interface SaveFileRequest {
  purpose: FilePurpose;
  /** The suggested file name, e.g. the report's fileBase + ".docx". */
  defaultName: string;
  /** The folder the user chose last time; null: the provider's default (Documents). */
  dir: string | null;
  extensions: string[];
}

export interface OpenFileRequest {
  purpose: FilePurpose;
  dir: string | null;
  extensions: string[];
}

/** File dialogs, opened by the main process. Each answers a path, or null when cancelled. */
export interface FileDialogs {
  saveBackup(defaultName: string): Promise<string | null>;
  openBackup(): Promise<string | null>;
  saveFile?(req: SaveFileRequest): Promise<string | null>;
  openFile?(req: OpenFileRequest): Promise<string | null>;
  /** Several files at once (bundles from several units); null or [] when cancelled. */
  openFiles?(req: OpenFileRequest): Promise<string[] | null>;
}

export interface FileContext {
  /** The service of the open database; throws the "no database yet" error on the first run. */
  service(): ServiceHandlers;
  /** The live database: never written over (nor its side files). */
  dbFile: string;
  dialogs?: FileDialogs;
  /** The last folder the user saved to or opened from (kept across runs). */
  lastDir(): string | null;
  rememberDir(dir: string): void;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; our import accepts it. */
const BOM = '\uFEFF';

/**
 * Writes beside the destination first (a new file with a random name, created exclusively, so
 * nothing planted there is followed), then renames: a full disk or a pulled USB stick leaves
 * the user's earlier file whole. Never over the open database (`database`) or its side files.
 */
export function writeFileSafely(dest: string, bytes: Uint8Array | string, database?: string): number {
  return writeFileAtomic(dest, bytes, { database });
}

/** A file's size, or 0 when it cannot be read (reading it then says why). */
function statSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * The file operations: a dialog, the file read or written here, and the service's operation
 * on the text or bytes in between (the same operation the CLI runs on its files).
 */
export function fileHandlers(ctx: FileContext): Pick<Handlers, FileOperation> {
  const save = async (req: Omit<SaveFileRequest, 'dir'>): Promise<string | null> => {
    const dest = (await ctx.dialogs?.saveFile?.({ ...req, dir: ctx.lastDir() })) ?? null;
    if (dest) ctx.rememberDir(dirname(dest));
    return dest;
  };
  const open = async (req: Omit<OpenFileRequest, 'dir'>): Promise<string | null> => {
    const source = (await ctx.dialogs?.openFile?.({ ...req, dir: ctx.lastDir() })) ?? null;
    if (source) ctx.rememberDir(dirname(source));
    return source;
  };
  /** Several files chosen at once, each read up to the limit; a larger one by its size alone (the service refuses it by that). */
  const openMany = async (purpose: FilePurpose, extensions: string[], limit: number, max: number) => {
    ctx.service();
    const paths = (await ctx.dialogs?.openFiles?.({ purpose, dir: ctx.lastDir(), extensions })) ?? null;
    if (!paths || paths.length === 0) return null;
    ctx.rememberDir(dirname(paths[0]!));
    return {
      files: paths.slice(0, max).map((p) => {
        const size = statSize(p);
        return size > limit ? { name: basename(p), bytes: new Uint8Array(0), size } : readFileHead(p, limit);
      }),
    };
  };
  return {
    'bundle.saveAs': async (a) => {
      // The name, and a refusal (a future month, an unknown unit) before the dialog; the
      // bundle itself, its new revision and the "sent" entry only once the user chose where.
      const plan = await ctx.service()['bundle.plan'](a);
      const dest = await save({ purpose: 'bundle', defaultName: plan.fileName, extensions: ['tkb'] });
      if (!dest) return null;
      const r = await ctx.service()['bundle.export'](a);
      const written = writeFileSafely(dest, r.bytes, ctx.dbFile);
      return { file: basename(dest), path: dest, bytes: written, periods: r.periods, revisions: r.revisions, warnings: r.warnings };
    },
    'bundle.openFiles': () => openMany('bundle', ['tkb'], MAX_BUNDLE_BYTES, 500),
    'workbook.saveAs': async (a) => {
      const r = await ctx.service()['workbook.export'](a);
      const dest = await save({ purpose: 'workbook', defaultName: r.fileName, extensions: ['xlsx'] });
      if (!dest) return null;
      return { file: basename(dest), bytes: writeFileSafely(dest, r.bytes, ctx.dbFile), sheets: r.units.length };
    },
    'dhis2.saveAs': async (a) => {
      const r = await ctx.service()['dhis2.export'](a);
      const ext = a.format === 'adx' ? 'xml' : 'json';
      const dest = await save({ purpose: 'dhis2', defaultName: r.fileName, extensions: [ext] });
      if (!dest) return null;
      return { file: basename(dest), bytes: writeFileSafely(dest, r.text, ctx.dbFile), values: r.values, orgUnits: r.orgUnits };
    },
    'workbook.openFiles': () => openMany('workbook', ['xlsx'], MAX_WORKBOOK_BYTES, 200),
    'report.saveAs': async (a) => {
      // Built before the dialog: a report that cannot be made says so without asking where.
      const r = await ctx.service()['report.export'](a);
      const dest = await save({ purpose: 'report', defaultName: r.fileName, extensions: [a.format] });
      if (!dest) return null;
      return { file: basename(dest), bytes: writeFileSafely(dest, r.data, ctx.dbFile) };
    },
    'values.exportCsv': async (a) => {
      const csv = await ctx.service()['values.exportCsvText'](a);
      const dest = await save({ purpose: 'csv', defaultName: `so-lieu-${a.unit}-${a.period}.csv`, extensions: ['csv'] });
      if (!dest) return null;
      return { file: basename(dest), bytes: writeFileSafely(dest, BOM + csv.text, ctx.dbFile), count: csv.count };
    },
    'values.importCsv': async () => {
      const service = ctx.service();
      const source = await open({ purpose: 'csv', extensions: ['csv', 'txt'] });
      if (!source) return null;
      const file = basename(source);
      // The cells it changed come back too: the entry screen undoes the import as one step.
      const r = await service['values.importCsvText']({ text: readTextFile(source), fileName: file, withChanges: true });
      return { file, ...r };
    },
    'units.importCsv': async () => {
      const service = ctx.service();
      const source = await open({ purpose: 'units', extensions: ['csv', 'txt'] });
      if (!source) return null;
      const file = basename(source);
      const r = await service['units.importCsvText']({ text: readTextFile(source), fileName: file });
      return { file, added: r.added.length, unchanged: r.unchanged };
    },
    'plans.importCsv': async () => {
      const service = ctx.service();
      const source = await open({ purpose: 'plans', extensions: ['csv', 'txt'] });
      if (!source) return null;
      const file = basename(source);
      const r = await service['plans.importCsvText']({ text: readTextFile(source), fileName: file });
      return { file, count: r.count };
    },
  };
}
