// The sync bundle's content model: what one file carries up the tree, its limits, and the
// schemas a receiver checks it against (after the frame, the size limits and the signature,
// export/bundle/format.ts). Pure: no I/O here; hashing and signing live in export/bundle/.
import { z } from 'zod';
import { ORG_UNIT_LEVELS } from './orgunit';
import { isMonth } from './period';

// The constants (format, magic, suffix, limits) live in bundle-limits.ts, free of zod, for the
// renderer's bundle; re-exported here.
export * from './bundle-limits';
import { BUNDLE_EXT, BUNDLE_FORMAT, MAX_BUNDLE_MONTHS, MAX_CONTENT_BYTES } from './bundle-limits';

const code = z.string().min(1).max(64);
const month = z.string().max(7).refine(isMonth, 'YYYY-MM');
const text = (max: number) => z.string().max(max);
const stamp = z.string().min(1).max(40);
const who = z.string().max(200);
const revision = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const bundleUnitSchema = z
  .object({
    code,
    name: text(300).min(1),
    level: z.enum(ORG_UNIT_LEVELS),
    parent: code.nullable(),
    closedFrom: month.nullable(),
    mergedInto: code.nullable(),
  })
  .strict();
export type BundleUnit = z.infer<typeof bundleUnitSchema>;

export const bundleHistorySchema = z
  .object({
    unit: code,
    change: z.enum(['rename', 'move', 'merge', 'close']),
    oldValue: text(300).nullable(),
    newValue: text(300).nullable(),
    effectiveFrom: text(10).nullable(),
    changedBy: who,
    changedAt: stamp,
  })
  .strict();
export type BundleHistory = z.infer<typeof bundleHistorySchema>;

/** The header: readable without decompressing, covered by the signature like the content. */
export const bundleHeaderSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    app: text(40),
    /** The unit whose month this is; its subtree comes with it (the unit first, parents before children). */
    unit: code,
    units: z.array(bundleUnitSchema).min(1).max(5000),
    history: z.array(bundleHistorySchema).max(20_000),
    periods: z.array(month).min(1).max(MAX_BUNDLE_MONTHS),
    /** Per period: a number that only grows at the source for (unit, period). */
    revisions: z.record(z.string(), revision),
    created: stamp,
    createdBy: who,
    key: z.object({ publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/), fingerprint: z.string().max(64) }).strict(),
    content: z
      .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative().max(MAX_CONTENT_BYTES) })
      .strict(),
  })
  .strict();
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

/**
 * One value: [unit, element, value (null: cleared), comment, revision, who, when], where `who`
 * is an index into the month's `people` (a name written once, not on every row).
 */
export const bundleValueSchema = z.tuple([
  code,
  code,
  z.number().finite().nonnegative().nullable(),
  text(2000).nullable(),
  revision,
  z.number().int().nonnegative(),
  stamp,
]);
export type BundleValue = z.infer<typeof bundleValueSchema>;

const MAX_VALUE_ROWS = 2_000_000;
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

/**
 * The same check as bundleValueSchema, row by row without zod's per-element bookkeeping: a
 * year of a district is ~32,000 rows, and zod's tuple parsing took longer than writing them.
 */
export function isBundleValueRows(rows: unknown): rows is BundleValue[] {
  if (!Array.isArray(rows) || rows.length > MAX_VALUE_ROWS) return false;
  for (const r of rows as unknown[]) {
    if (!Array.isArray(r) || r.length !== 7) return false;
    const [unit, element, value, comment, rev, by, at] = r as unknown[];
    if (!isText(unit, 64) || unit.length === 0 || !isText(element, 64) || element.length === 0) return false;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) return false;
    if (comment !== null && !isText(comment, 2000)) return false;
    if (typeof rev !== 'number' || !Number.isSafeInteger(rev) || rev <= 0) return false;
    if (typeof by !== 'number' || !Number.isInteger(by) || by < 0 || !isText(at, 40) || at.length === 0) return false;
  }
  return true;
}

/** One narrative section: [unit, section, body, revision, who, when]. */
export const bundleNarrativeSchema = z.tuple([code, text(64).min(1), text(100_000), revision, who, stamp]);
export type BundleNarrative = z.infer<typeof bundleNarrativeSchema>;

/** A unit's month status at the source: [unit, 'open'|'complete', explainedCount, who, when]. */
export const bundleStatusSchema = z.tuple([code, z.enum(['open', 'complete']), z.number().int().nonnegative(), who, stamp]);
export type BundleStatus = z.infer<typeof bundleStatusSchema>;

export const bundleValidationSchema = z
  .object({
    high: z.number().int().nonnegative(),
    medium: z.number().int().nonnegative(),
    low: z.number().int().nonnegative(),
    /** High-importance violations without an explanation comment when it was sent. */
    unexplainedHigh: z.number().int().nonnegative(),
  })
  .strict();
export type BundleValidation = z.infer<typeof bundleValidationSchema>;

export const bundleMonthSchema = z
  .object({
    period: month,
    revision,
    statuses: z.array(bundleStatusSchema).max(5000),
    /** The names the value rows point to by index. */
    people: z.array(who).max(10_000),
    validation: bundleValidationSchema,
    values: z.custom<BundleValue[]>(isBundleValueRows, 'value rows'),
    narrative: z.array(bundleNarrativeSchema).max(10_000),
  })
  .strict();
export type BundleMonth = z.infer<typeof bundleMonthSchema>;

export const bundleContentSchema = z.object({ months: z.array(bundleMonthSchema).min(1).max(MAX_BUNDLE_MONTHS) }).strict();
export type BundleContent = z.infer<typeof bundleContentSchema>;

/**
 * A key's fingerprint as a person reads it out on the phone: the first 16 bytes of the SHA-256
 * of the raw public key, as eight groups of four upper-case hex digits.
 */
export function formatFingerprint(sha256Hex: string): string {
  const hex = sha256Hex.slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** The name a person sees: `TH_HH_2024-05_r3.tkb`, or `TH_HH_2024-01_2024-05_r4.tkb` for several months. */
export function bundleFileName(unit: string, periods: readonly string[], revisions: Readonly<Record<string, number>>): string {
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const rev = Math.max(...periods.map((p) => revisions[p] ?? 0));
  const safe = unit.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${safe}_${first}${last === first ? '' : `_${last}`}_r${rev}${BUNDLE_EXT}`;
}
