// Data-quality operations of the API contract: validation of a unit's month (rules, outliers,
// completeness) and the month's status (open / complete, "hoàn thành").
import { z } from 'zod';
import type { ValidationReport } from '../rules/validate';
import type { Violation } from '../rules/evaluate';
import { area } from './contract';
import { code, month } from './data';

const lang = z.enum(['vi', 'en']).optional();
const unitMonth = z.object({ unit: code, period: month }).strict();

/** A province's extra rule file, as text (the host reads it): checked with the shipped rules. */
const ruleFile = z.object({ name: z.string().min(1).max(260), text: z.string().max(10_000_000) }).strict();

export const qualityArgs = area<QualityResults>()({
  'quality.validate': z.object({ unit: code, period: month, lang, extraRules: z.array(ruleFile).max(50).optional() }).strict(),
  'period.status': unitMonth,
  'period.markComplete': z.object({ unit: code, period: month, lang }).strict(),
  'period.reopen': unitMonth,
  /** Which of these units have the month locked: complete themselves or under a complete unit. */
  'period.locked': z.object({ period: month, units: z.array(code).min(1).max(10_000) }).strict(),
});

export type MonthStatusValue = 'open' | 'complete';

export interface MonthStatus {
  unit: string;
  period: string;
  status: MonthStatusValue;
  /** High-importance violations accepted with an explanation comment when it was marked complete. */
  explainedCount: number;
  changedBy: string | null;
  changedAt: string | null;
}

export interface ValidationResult extends ValidationReport {
  status: MonthStatus;
  /** Rules dropped because of errors in a rule file, one sentence each. */
  ruleProblems: string[];
}

export interface MarkCompleteResult {
  completed: boolean;
  status: MonthStatus;
  /** High-importance violations without an explanation comment: why it was refused. */
  unexplained: Violation[];
  /** High-importance violations accepted because one of their cells carries a comment. */
  explained: Violation[];
  message: string;
}

export interface QualityResults {
  'quality.validate': ValidationResult;
  'period.status': MonthStatus;
  'period.markComplete': MarkCompleteResult;
  'period.reopen': MonthStatus;
  'period.locked': string[];
}
