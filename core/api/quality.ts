// Data-quality operations of the API contract: validation of a unit's month (rules, outliers,
// completeness), the rule definitions for the entry grid's live checks, the re-check of one
// edited cell, and the month's status (open / complete, "hoàn thành").
import { z } from 'zod';
import type { CellCheck, ValidationReport } from '../rules/validate';
import type { Violation } from '../rules/evaluate';
import type { RuleView } from '../rules/ruleset';
import { code, month } from './data';

const lang = z.enum(['vi', 'en']).optional();
const unitMonth = z.object({ unit: code, period: month }).strict();

export const qualityArgs = {
  'quality.validate': z.object({ unit: code, period: month, lang }).strict(),
  'quality.rules': z.object({ lang }).strict(),
  /** Re-checks the rules reading one element as if the cell held `value` (nothing is saved). */
  'quality.checkCell': z.object({ unit: code, period: month, element: code, value: z.number().finite().nullable(), lang }).strict(),
  'period.status': unitMonth,
  'period.markComplete': z.object({ unit: code, period: month, lang }).strict(),
  'period.reopen': unitMonth,
} as const;

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

export interface RulesResult {
  rules: RuleView[];
  problems: string[];
  outliers: { window: number; minHistory: number; threshold: number };
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
  'quality.rules': RulesResult;
  'quality.checkCell': CellCheck;
  'period.status': MonthStatus;
  'period.markComplete': MarkCompleteResult;
  'period.reopen': MonthStatus;
}
