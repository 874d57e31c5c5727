// The provincial office's operations (issue 11): register the units it expects, see who
// reported each month (on time, late, missing, not yet due) and the reminders to send.
import { z } from 'zod';
import { area } from './contract';
import { FIRST_YEAR, LAST_YEAR } from '../period';
import type { OrgUnitLevel } from '../orgunit';
import type { DeadlineRule } from '../settings';

const lang = z.enum(['vi', 'en']).optional();
const year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);
const monthNumber = z.number().int().min(1).max(12);

export const statusArgs = area<StatusResults>()({
  /**
   * Registers units from CSV text `code,name,level,parent` (comma or semicolon): all or nothing,
   * every bad line with its number. A code already held with the same name and parent is left as
   * it is; with another name or parent it is a bad line (a difference, never applied silently).
   */
  'units.importCsvText': z.object({ text: z.string(), fileName: z.string().min(1).max(260), dryRun: z.boolean().optional() }).strict(),
  /** Who reported each month of a year (or one month): the provincial office's table. */
  'status.get': z.object({ year, month: monthNumber.optional(), lang }).strict(),
  /** The missing and late units of a month, with a text to paste into an e-mail or a Zalo message. */
  'status.reminders': z.object({ year, month: monthNumber, lang }).strict(),
});

export interface RegisteredUnit {
  code: string;
  name: string;
  level: OrgUnitLevel;
  parent: string;
}

export interface UnitsImportResult {
  dryRun: boolean;
  /** Units added (or that would be, in a dry run), parents first. */
  added: RegisteredUnit[];
  /** Lines naming a unit already held exactly as the file says. */
  unchanged: number;
}

export type ReportState = 'on-time' | 'late' | 'missing' | 'not-due';

export interface MonthReport {
  period: string;
  state: ReportState;
  /** The state in the user's language, for a screen that shows text beside its colour. */
  label: string;
  /** The last day of the deadline (YYYY-MM-DD, Vietnam's calendar). */
  deadline: string;
  /** The revision held; null when nothing was received. */
  revision: number | null;
  /**
   * The signed send time (bundle header `created`) of the first revision accepted: what "on time"
   * is judged on. Null when nothing was received, or for a report received before version 5.
   */
  sentAt: string | null;
  /** When that first revision was received here (imported). */
  receivedAt: string | null;
  /** The signed send time of the revision held (a later correction), when it differs. */
  lastSentAt: string | null;
  /** The month was marked complete at the source when sent. */
  complete: boolean | null;
  /** High-importance problems without an explanation, as the sender counted them. */
  unexplained: number | null;
}

export interface UnitStatus {
  unit: string;
  name: string;
  level: OrgUnitLevel;
  /** Registered here by `units import` (else learned from its first bundle). */
  registered: boolean;
  months: MonthReport[];
}

/** DHIS2's reporting-rate summary of one month. */
export interface MonthTotals {
  period: string;
  deadline: string;
  /** Units expected to report (active that month). */
  expected: number;
  /** Expected units whose report was received. */
  received: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  /** received / expected × 100 (null when none expected). */
  reportingRate: number | null;
  /** onTime / expected × 100. */
  onTimeRate: number | null;
}

export interface StatusResult {
  year: number;
  /** The unit whose children are expected to report. */
  home: string;
  homeName: string;
  rule: DeadlineRule;
  /** The rule in words, e.g. "trước hết ngày 12 của tháng sau". */
  ruleText: string;
  /** When the table was made (the service's clock). */
  asOf: string;
  units: UnitStatus[];
  totals: MonthTotals[];
  /** E.g. a year whose public holidays are not listed (only weekends counted). */
  warnings: string[];
}

export interface RemindersResult {
  period: string;
  deadline: string;
  missing: { unit: string; name: string }[];
  late: { unit: string; name: string; sentAt: string | null }[];
  /** Ready to paste; empty when every expected unit reported on time. */
  text: string;
}

export interface StatusResults {
  'units.importCsvText': UnitsImportResult;
  'status.get': StatusResult;
  'status.reminders': RemindersResult;
}
