// Data operations of the API contract: units, catalogue, values, figures, plans, narrative, settings.
import { z } from 'zod';
import type { CatalogueElement, Programme } from '../catalogue';
import type { Figures } from '../figures';
import type { Lang } from '../format';
import type { OrgUnit } from '../orgunit';
import { FIRST_YEAR, isMonth, isPeriodSpec, LAST_YEAR } from '../period';
import type { PlanTarget } from '../plan';
import type { DataValue } from '../values';

/** The longest unit or element code the API takes; codes made at setup fit it (electron/setup.ts). */
export const CODE_MAX = 64;
export const code = z.string().min(1).max(CODE_MAX);
// Periods as core/period.ts reads them: the same rule (format and year range) on every path.
export const month = z.string().max(7).refine(isMonth, `a month YYYY-MM, year ${FIRST_YEAR}–${LAST_YEAR}`);
export const periodSpec = z.string().max(7).refine(isPeriodSpec, `a period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-9M|YYYY, year ${FIRST_YEAR}–${LAST_YEAR}`);
export const year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);
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

export const dataArgs = {
  'app.info': empty,
  'units.list': empty,
  'catalogue.get': empty,
  'values.get': z.object({ unit: code, period: month }).strict(),
  'values.set': valueEntry,
  'values.setMany': z.object({ entries: z.array(valueEntry).min(1).max(20_000) }).strict(),
  /** A cell's explanation comment alone: the value is never sent, so it is never reverted. */
  'values.setComment': z
    .object({ unit: code, period: month, element: code, comment, expectedRevision: z.number().int().nonnegative().optional() })
    .strict(),
  'values.history': z.object({ unit: code, period: month, element: code }).strict(),
  /** The newest month with a value in the unit's subtree: where the app opens. */
  'values.latestPeriod': z.object({ unit: code }).strict(),
  'figures.get': z.object({ unit: code, period: periodSpec }).strict(),
  'plans.list': z.object({ unit: code, year }).strict(),
  'plans.set': z
    .object({
      entries: z
        .array(
          z
            .object({
              unit: code,
              year,
              element: code,
              target: z.number().finite().nullable(),
              direction: z.enum(['>=', '<=', '<']).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(10_000),
    })
    .strict(),
  'narrative.get': z.object({ unit: code, period: month }).strict(),
  'narrative.set': z.object({ unit: code, period: month, section: z.string().min(1).max(64), body: z.string().max(100_000) }).strict(),
  'settings.get': empty,
  'settings.set': z.object({ key: z.string().min(1).max(64), value: z.unknown() }).strict(),
} as const;


export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  /** The unit this installation reports for. */
  homeUnit: string | null;
  userName: string;
  lang: Lang;
}

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

export interface DataResults {
  'app.info': AppInfo;
  'units.list': OrgUnit[];
  'catalogue.get': CatalogueView;
  'values.get': DataValue[];
  'values.set': SetValueResult;
  'values.setMany': SetValueResult[];
  'values.setComment': SetValueResult;
  'values.history': AuditEntry[];
  /** 'YYYY-MM', or null when the unit has no data yet. */
  'values.latestPeriod': string | null;
  'figures.get': Figures;
  'plans.list': PlanTarget[];
  'plans.set': { count: number };
  'narrative.get': NarrativeSection[];
  'narrative.set': { revision: number };
  'settings.get': Record<string, unknown>;
  'settings.set': { ok: true };
}
