// Commune workbooks of the API contract: an XLSX form per commune (or every commune of a
// district, one sheet each) that communes fill in Excel or LibreOffice, and its import back.
// The service takes and returns bytes, never paths: the host reads and writes the files.
import { z } from 'zod';
import { area } from './contract';
import { code, month, type CellChange } from './data';

import { MAX_WORKBOOK_BYTES } from '../workbook-limits';

export { MAX_WORKBOOK_BYTES };

const bytes = z.custom<Uint8Array>((x) => x instanceof Uint8Array, 'bytes (Uint8Array)');
const lang = z.enum(['vi', 'en']).optional();

export const workbookArgs = area<WorkbookResults>()({
  /** The form of one commune, or of every commune of a district (one sheet each), for a month. */
  'workbook.export': z.object({ unit: code, period: month, lang }).strict(),
  /**
   * Checks (dryRun) or imports filled workbooks, all files or nothing. `unit` and `period`, when
   * given, are what the user expects: a workbook of another month or outside that unit is refused.
   * Hosts may pass only a file's first MAX_WORKBOOK_BYTES + 1 bytes and its real `size`.
   */
  'workbook.import': z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(260), bytes, size: z.number().int().nonnegative().optional() }).strict())
        .min(1)
        .max(200),
      dryRun: z.boolean().optional(),
      unit: code.optional(),
      period: month.optional(),
      /** Answer each cell the import changed (the app's undo of the import, one step). */
      withChanges: z.boolean().optional(),
      lang,
    })
    .strict()
    .refine((a) => a.files.every((f) => f.bytes.length <= MAX_WORKBOOK_BYTES + 1), 'file too large to pass'),
});

export interface WorkbookExportResult {
  /** The name a person sees, e.g. `TH_HH_2024-05_bieu-nhap.xlsx`. */
  fileName: string;
  bytes: Uint8Array;
  period: string;
  /** The communes, one sheet each, in the workbook's order. */
  units: { code: string; name: string; sheet: string }[];
  /** Input cells per sheet (the elements a commune enters). */
  elements: number;
}

/** One cell or file that stopped the import, with where it is ("Xã Hoằng Kim!D14"). */
export interface WorkbookProblem {
  file: string;
  /** `Sheet!A1` (the sheet quoted as Excel writes it when needed); null for the file as a whole. */
  cell: string | null;
  /** The message key, e.g. error.notAnInteger or workbook.refused.period. */
  key: string;
  message: string;
}

export interface WorkbookCounts {
  /** Cells with a value where the database had none. */
  imported: number;
  /** Cells whose value differs from the database's. */
  updated: number;
  /** Cells equal to what the database holds. */
  unchanged: number;
  /** Empty input cells: "not entered", any value already held is kept. */
  empty: number;
  /** Of those, cells left empty where the database holds a value (kept, not cleared). */
  keptNotCleared: number;
}

export interface WorkbookFileSummary {
  file: string;
  period: string | null;
  units: { code: string; name: string }[];
  counts: WorkbookCounts;
}

export interface WorkbookImportResult {
  /** imported / dryRun (would import) / refused (nothing written). */
  status: 'imported' | 'dryRun' | 'refused';
  message: string;
  files: WorkbookFileSummary[];
  counts: WorkbookCounts;
  /** Why it was refused; empty unless refused. At most MAX_PROBLEMS, `moreProblems` beyond. */
  problems: WorkbookProblem[];
  moreProblems: number;
  /**
   * Asked with `withChanges` and imported: each cell whose value changed, at most
   * UNDO_MAX_CELLS (absent beyond: not offered as one undo step).
   */
  changes?: CellChange[];
}

export interface WorkbookResults {
  'workbook.export': WorkbookExportResult;
  'workbook.import': WorkbookImportResult;
}
