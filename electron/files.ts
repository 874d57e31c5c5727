// The user's files: the report saved as DOCX/PDF/XLSX, a month's values exported as CSV, and
// values or plans imported from CSV. The renderer cannot touch files, and never sends a path:
// each operation asks the dialog provider (Electron's dialogs in the app, scripted answers in
// the end-to-end tests) where, then reads or writes here in the main process.
import { basename, dirname } from 'node:path';
import type { FileOperation, Handlers } from '../core/api';
import { exportValuesCsv, importPlansCsv, importValuesCsv } from '../db/csv.repo';
import { readTextFile } from '../db/files';
import { currentUser } from '../db/handlers';
import { exportValues } from '../db/values.repo';
import { writeFileAtomic } from '../db/write-file';
import type { Store } from '../db/store';
import { renderReport, type PdfRenderer } from '../export/report/render';

/** What a file is for: the provider picks the dialog's title and filter from it. */
export type FilePurpose = 'report' | 'csv' | 'plans';

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
}

export interface FileContext {
  /** The open database; throws the "no database yet" error on the first run. */
  store(): Store;
  dialogs?: FileDialogs;
  renderPdf?: PdfRenderer;
  /** The last folder the user saved to or opened from (kept across runs). */
  lastDir(): string | null;
  rememberDir(dir: string): void;
  now(): Date;
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
  return {
    'report.saveAs': async (a) => {
      // Built before the dialog: a report that cannot be made says so without asking where.
      const r = await renderReport(ctx.store(), a, ctx.now(), ctx.renderPdf);
      const dest = await save({ purpose: 'report', defaultName: r.fileName, extensions: [a.format] });
      if (!dest) return null;
      return { file: basename(dest), bytes: writeFileSafely(dest, r.bytes, ctx.store().file) };
    },
    'values.exportCsv': async (a) => {
      const store = ctx.store();
      const csv = exportValuesCsv(store, a.period, a.unit);
      // Counted from the rows, not the text: a comment may hold a line break.
      const count = exportValues(store, a.period, a.unit).length;
      const dest = await save({ purpose: 'csv', defaultName: `so-lieu-${a.unit}-${a.period}.csv`, extensions: ['csv'] });
      if (!dest) return null;
      return { file: basename(dest), bytes: writeFileSafely(dest, BOM + csv, store.file), count };
    },
    'values.importCsv': async () => {
      const store = ctx.store();
      const source = await open({ purpose: 'csv', extensions: ['csv', 'txt'] });
      if (!source) return null;
      const file = basename(source);
      const r = importValuesCsv(store, readTextFile(source), file, currentUser(store), ctx.now());
      return { file, count: r.count, changed: r.changed };
    },
    'plans.importCsv': async () => {
      const store = ctx.store();
      const source = await open({ purpose: 'plans', extensions: ['csv', 'txt'] });
      if (!source) return null;
      const file = basename(source);
      const count = importPlansCsv(store, readTextFile(source), file, currentUser(store), ctx.now());
      return { file, count };
    },
  };
}
