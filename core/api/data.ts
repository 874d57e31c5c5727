// Data operations of the API contract: units, catalogue, values, figures, plans, narrative,
// settings, and the CSV files as text (the host reads and writes the file itself).
import { z } from 'zod';
import type { PlanDirection } from '../plan';
import { area } from './contract';
import type { CatalogueElement, Programme } from '../catalogue';
import type { Figures } from '../figures';
import type { OrgUnit } from '../orgunit';
import { FIRST_YEAR, isMonth, isPeriodSpec, LAST_YEAR } from '../period';
import { settingEntry, type Settings } from '../settings';
import type { DataValue, MonthCells } from '../values';

/** The longest unit or element code the API takes; codes made at setup fit it (service/setup.ts). */
export const CODE_MAX = 64;
export const code = z.string().min(1).max(CODE_MAX);
// Periods as core/period.ts reads them: the same rule (format and year range) on every path.
export const month = z.string().max(7).refine(isMonth, `a month YYYY-MM, year ${FIRST_YEAR}–${LAST_YEAR}`);
export const periodSpec = z.string().max(7).refine(isPeriodSpec, `a period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-9M|YYYY, year ${FIRST_YEAR}–${LAST_YEAR}`);
const comment = z.string().max(2000).nullable();
export const empty = z.object({}).strict();

const valueEntry = z
  .object({
    unit: code,
    period: month,
    element: code,
    value: z.number().finite().nullable(),
    comment: comment.optional(),
    expectedRevision: z.number().int().nonnegative().optional(),
  })
  .strict();

/** A file's text as the host read it, and its name for messages ("line 3 of may.csv"). */
const csvText = z.object({ text: z.string(), fileName: z.string().min(1).max(260) }).strict();
/** A values file; `withChanges`: answer each changed cell too (the app's undo of the import). */
const valuesCsvText = csvText.extend({ withChanges: z.boolean().optional() }).strict();

export const dataArgs = area<DataResults>()({
  /** Fills a newly created, empty database: the demo district, or nothing. */
  'database.init': z
    .object({
      demo: z.boolean(),
      /** An empty province or district database that learns the units below it from their first bundles. */
      own: z.object({ unit: code, name: z.string().trim().min(1).max(200), level: z.enum(['province', 'district']) }).strict().optional(),
      /** With the demo: 2025 too, with the July 2025 merger of its communes (db/demo/reform2025.ts). */
      reform2025: z.boolean().optional(),
    })
    .strict()
    .refine((a) => !(a.demo && a.own), { message: 'demo and own unit are exclusive' })
    .refine((a) => !a.reform2025 || a.demo, { message: 'reform2025 needs demo' }),
  'units.list': empty,
  'catalogue.get': empty,
  'values.get': z.object({ unit: code, period: month }).strict(),
  /**
   * A month's values of each listed unit (its own, not its subtree's), in one call: what the
   * entry grid shows on opening a month (the district and its communes), instead of one call
   * per unit; compact (MonthCells: value, revision, comment per unit and element).
   */
  'values.getMany': z.object({ period: month, units: z.array(code).min(1).max(10_000) }).strict(),
  'values.set': valueEntry,
  'values.setMany': z.object({ entries: z.array(valueEntry).min(1).max(20_000) }).strict(),
  /** A cell's explanation comment alone: the value is never sent, so it is never reverted. */
  'values.setComment': z
    .object({ unit: code, period: month, element: code, comment, expectedRevision: z.number().int().nonnegative().optional() })
    .strict(),
  'values.history': z.object({ unit: code, period: month, element: code }).strict(),
  /** The newest month with a value in the unit's subtree: where the app opens. */
  'values.latestPeriod': z.object({ unit: code }).strict(),
  /** A month's values of the unit's subtree (every unit when left out), as rows. */
  'values.export': z.object({ period: month, unit: code.optional() }).strict(),
  /** The same as CSV text that `values.importCsvText` reads back. */
  'values.exportCsvText': z.object({ period: month, unit: code.optional() }).strict(),
  /** A values CSV, all or nothing, as the installation's user. */
  'values.importCsvText': valuesCsvText,
  'figures.get': z.object({ unit: code, period: periodSpec }).strict(),
  /**
   * Stores again every month's totals of every unit with children (migration 7): what an old
   * database, migrated, or a restored backup lacks until its months are received again.
   */
  'totals.rebuild': z.object({}).strict(),
  /** One element's figures month by month up to `to` (a chart's trend), with the years' plans. */
  'figures.series': z.object({ unit: code, element: code, to: month, months: z.number().int().min(2).max(60) }).strict(),
  /** A plans CSV (annual targets), all or nothing. */
  'plans.importCsvText': csvText,
  /** A month's sections (carried over from earlier months), or a quarter/6/9-month/year's own. */
  'narrative.get': z.object({ unit: code, period: periodSpec }).strict(),
  'narrative.set': z.object({ unit: code, period: periodSpec, section: z.string().min(1).max(64), body: z.string().max(100_000) }).strict(),
  'settings.get': empty,
  /** One known setting (core/settings.ts), with a value of its type. */
  'settings.set': settingEntry,
});


export interface CatalogueView {
  programmes: Programme[];
  elements: CatalogueElement[];
}

export interface SetValueResult {
  unit: string;
  period: string;
  element: string;
  value: number | null;
  comment: string | null;
  revision: number;
  changed: boolean;
}

export interface AuditEntry {
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
  revision: number;
  changedBy: string;
  changedAt: string;
  source: string;
}

export interface NarrativeSection {
  section: string;
  body: string;
  fromPeriod: string;
  revision: number;
}

export interface CsvImportResult {
  /** Lines read. */
  count: number;
  /** Values that changed (importing the same file twice changes nothing). */
  changed: number;
  /**
   * Asked with `withChanges` (the app, for its undo): each cell whose value changed, at most
   * UNDO_MAX_CELLS; absent when more changed (such an import is not offered as one undo step).
   */
  changes?: CellChange[];
}

/** A cell an import changed: its value before and after, and the revision it was left at. */
export interface CellChange {
  unit: string;
  element: string;
  period: string;
  before: number | null;
  after: number | null;
  revision: number;
}

/** The most cells an import may change and still be undone as one step (values.setMany's limit). */
export const UNDO_MAX_CELLS = 20_000;

export interface DataResults {
  'database.init': { demo: boolean; units: number };
  'units.list': OrgUnit[];
  'catalogue.get': CatalogueView;
  'values.get': DataValue[];
  'values.getMany': MonthCells;
  'values.set': SetValueResult;
  'values.setMany': SetValueResult[];
  'values.setComment': SetValueResult;
  'values.history': AuditEntry[];
  /** 'YYYY-MM', or null when the unit has no data yet. */
  'values.latestPeriod': string | null;
  'values.export': DataValue[];
  /** `count`: values written (a comment may hold a line break, so not the text's lines). */
  'values.exportCsvText': { text: string; count: number };
  'values.importCsvText': CsvImportResult;
  'figures.get': Figures;
  'totals.rebuild': { months: number; totals: number };
  'figures.series': FigureSeries;
  'plans.importCsvText': { count: number };
  'narrative.get': NarrativeSection[];
  'narrative.set': { revision: number };
  'settings.get': Settings;
  'settings.set': { ok: true };
}

export interface FigureSeries {
  unit: string;
  element: string;
  /** Oldest first: the month's value and the year-to-date at that month (null: nothing entered). */
  points: { period: string; value: number | null; ytd: number | null }[];
  /** The annual target of each year the months touch, with its direction (≥, <, ≤). */
  plans: { year: number; target: number | null; direction: PlanDirection | null }[];
  /**
   * The expected range of the last month's value as the outlier check reads it (the 13 months up
   * to it); null for a derived element, or when the history is too short.
   */
  range: { low: number; high: number; expected: number; flagged: boolean } | null;
}
