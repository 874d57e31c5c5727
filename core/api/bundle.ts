// Sync-bundle operations of the API contract. The service takes and returns bytes, never
// paths: the host (Electron's dialogs, the CLI) reads and writes the files.
import { z } from 'zod';
import { MAX_BUNDLE_BYTES } from '../bundle';
import { code, empty, month } from './data';

const bytes = z.custom<Uint8Array>((x) => x instanceof Uint8Array, 'bytes (Uint8Array)');
const lang = z.enum(['vi', 'en']).optional();

export const bundleArgs = {
  /** What `bundle.export` would make now (file name, revisions, warnings), without making it. */
  'bundle.plan': z.object({ unit: code, from: month, to: month.optional(), lang }).strict(),
  /** Makes the unit's bundle for one month or a range of months (at most 24). */
  'bundle.export': z.object({ unit: code, from: month, to: month.optional(), lang }).strict(),
  /**
   * Checks (dryRun) or imports bundles, each file on its own: one transaction per file. A file
   * larger than the limit is refused by the service (hosts may pass only its first
   * MAX_BUNDLE_BYTES + 1 bytes and `size`).
   */
  'bundle.import': z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(260), bytes, size: z.number().int().nonnegative().optional() }).strict())
        .min(1)
        .max(500),
      dryRun: z.boolean().optional(),
      trust: z.boolean().optional(),
      lang,
    })
    .strict()
    .refine((a) => a.files.every((f) => f.bytes.length <= MAX_BUNDLE_BYTES + 1), 'file too large to pass'),
  /** This installation's key fingerprint (made at first need). */
  'bundle.key': empty,
  'bundle.sent': empty,
  'bundle.log': empty,
} as const;

export interface BundleWarning {
  key: string;
  message: string;
}

export interface BundleExportPlan {
  fileName: string;
  unit: string;
  unitName: string;
  periods: string[];
  revisions: Record<string, number>;
  /** Months not marked complete, or with unexplained high-importance problems. */
  warnings: BundleWarning[];
}

export interface BundleExportResult {
  /** The name a person sees, e.g. `TH_HH_2024-05_r3.tkb`. */
  fileName: string;
  bytes: Uint8Array;
  unit: string;
  periods: string[];
  revisions: Record<string, number>;
  fingerprint: string;
  /** Months not marked complete, or with unexplained high-importance problems: sent anyway. */
  warnings: BundleWarning[];
}

export interface ImportConflict {
  /** What the conflict is about: an element or unit code. */
  object: string;
  /** Where: "unit period". */
  value: string;
  reason: string;
}

export interface ImportCounts {
  /** New values (no row here before). */
  imported: number;
  /** Changed values or comments. */
  updated: number;
  /** Values already as the bundle says, and months already held at this revision. */
  ignored: number;
  /** Values the sender cleared. */
  deleted: number;
}

/** One file's outcome, in the spirit of DHIS2's import summary. */
export interface ImportFileSummary {
  file: string;
  /** imported / unchanged (already held) / dryRun (would import) / refused. */
  status: 'imported' | 'unchanged' | 'dryRun' | 'refused';
  message: string;
  /** The refusal's message key, e.g. bundle.refused.signature. */
  reason: string | null;
  unit: string | null;
  unitName: string | null;
  periods: string[];
  revisions: Record<string, number>;
  fingerprint: string | null;
  counts: ImportCounts;
  newUnits: string[];
  conflicts: ImportConflict[];
  warnings: BundleWarning[];
}

export interface BundleImportResult {
  files: ImportFileSummary[];
}

export interface BundleKeyInfo {
  fingerprint: string;
  /** Where the key file is, beside the database. */
  file: string;
}

export interface BundleSentEntry {
  unit: string;
  period: string;
  revision: number;
  fileName: string;
  fileHash: string;
  sentBy: string;
  sentAt: string;
}

export interface BundleLogEntry {
  at: string;
  fileName: string;
  fileHash: string;
  unit: string;
  periods: string[];
  revisions: Record<string, number>;
  fingerprint: string;
  result: string;
  counts: Record<string, number> | null;
  by: string;
  /** For refusals: the message. */
  reason?: string;
}

export interface BundleResults {
  'bundle.plan': BundleExportPlan;
  'bundle.export': BundleExportResult;
  'bundle.import': BundleImportResult;
  'bundle.key': BundleKeyInfo;
  'bundle.sent': BundleSentEntry[];
  'bundle.log': BundleLogEntry[];
}
