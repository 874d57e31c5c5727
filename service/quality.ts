// Data quality on a Store: validate a unit's month, mark a month complete or reopen it.
// The checks themselves are core/rules (pure); this file only feeds them from the database.
import type { MarkCompleteResult, MonthStatus, ValidationResult } from '../core/api/quality';
import { UserError } from '../core/errors';
import { formatMonth, type Lang } from '../core/format';
import { translator } from '../core/i18n';
import { isMonth, monthOf } from '../core/period';
import type { Violation } from '../core/rules/evaluate';
import { compileRules, problemMessage, type RuleFile, type RuleSet } from '../core/rules/ruleset';
import { SHIPPED_RULE_FILES, shippedRules } from '../core/rules/shipped';
import { validateWindows } from '../core/rules/validate';
import { filledCount } from '../db/periods.repo';
import { commentedCells, getMonthStatus, loadWindows, setMonthStatus } from '../db/quality.repo';
import type { Store } from '../db/store';

function checkArgs(store: Store, unit: string, period: string): void {
  if (!isMonth(period)) throw new UserError('error.badPeriod', { period });
  store.unit(unit);
}

/** The rules a store checks: the shipped ones unless a caller brings its own set. */
export function rulesOf(store: Store, rules?: RuleSet): RuleSet {
  return rules ?? shippedRules(store.catalogue);
}

/**
 * The shipped rules plus a province's extra rule files (their text, as the host read them). A
 * file that is not JSON becomes one problem like any other bad rule: reported, skipped, never fatal.
 */
export function withExtraRules(store: Store, files: readonly { name: string; text: string }[]): RuleSet | undefined {
  if (files.length === 0) return undefined;
  const extra: RuleFile[] = files.map(({ name, text }) => {
    try {
      return { name, data: JSON.parse(text) as unknown };
    } catch (e) {
      return { name, data: null, jsonError: (e as Error).message };
    }
  });
  return compileRules(store.catalogue, [...SHIPPED_RULE_FILES, ...extra]);
}

export function validateMonth(store: Store, unit: string, period: string, lang: Lang, rules?: RuleSet): ValidationResult {
  checkArgs(store, unit, period);
  const set = rulesOf(store, rules);
  const report = validateWindows(set, store.catalogue, store.tree(), loadWindows(store, unit, period), lang);
  return {
    ...report,
    status: getMonthStatus(store, unit, period),
    ruleProblems: set.problems.map((p) => problemMessage(p, lang)),
  };
}

/** A violation is explained when one of its cells, on its unit or a unit below, carries a comment. */
function isExplained(v: Violation, commented: ReadonlySet<string>, below: (unit: string) => string[]): boolean {
  return below(v.unit).some((u) => v.elements.some((e) => commented.has(`${u}|${e}`)));
}

/** The month's high-importance violations, split by whether a comment explains them. */
export function highViolations(store: Store, unit: string, period: string, report: ValidationResult): { explained: Violation[]; unexplained: Violation[] } {
  const high = report.violations.filter((v) => v.importance === 'high');
  const commented = commentedCells(store, unit, period);
  const tree = store.tree();
  const below = (u: string): string[] => [u, ...(tree.children.get(u) ?? []).flatMap(below)];
  const explained: Violation[] = [];
  const unexplained: Violation[] = [];
  for (const v of high) (isExplained(v, commented, below) ? explained : unexplained).push(v);
  return { explained, unexplained };
}

/**
 * Marks the month complete ("hoàn thành"), or refuses while a high-importance violation (on
 * the unit or any unit below it) has no explanation comment (the refusal lists them), while the
 * month has not ended, or when nothing was entered. Once complete, the month of the unit and of
 * every unit below it is locked (migration 3) until it is reopened.
 */
export function markComplete(store: Store, unit: string, period: string, user: string, now: Date, lang: Lang, rules?: RuleSet): MarkCompleteResult {
  checkArgs(store, unit, period);
  const t = translator(lang);
  const name = store.unit(unit).name;
  // A month still running (by the injectable clock) or with nothing entered has nothing to vouch for.
  const early = period >= monthOf(now) ? 'quality.notEnded' : filledCount(store, unit, period) === 0 ? 'quality.nothingEntered' : null;
  if (early) {
    return { completed: false, status: getMonthStatus(store, unit, period), unexplained: [], explained: [], message: t(early, { unit: name, period: formatMonth(period, lang) }) };
  }
  const report = validateMonth(store, unit, period, lang, rules);
  const { explained, unexplained } = highViolations(store, unit, period, report);
  if (unexplained.length > 0) {
    return { completed: false, status: report.status, unexplained, explained, message: t('quality.refused', { unit: name, period: formatMonth(period, lang), count: unexplained.length }) };
  }
  const status = setMonthStatus(store, unit, period, 'complete', explained.length, user, now);
  return { completed: true, status, unexplained, explained, message: t('quality.markedComplete', { unit: name, period: formatMonth(period, lang) }) };
}

export function reopenMonth(store: Store, unit: string, period: string, user: string, now: Date): MonthStatus {
  checkArgs(store, unit, period);
  return setMonthStatus(store, unit, period, 'open', 0, user, now);
}

export function monthStatus(store: Store, unit: string, period: string): MonthStatus {
  checkArgs(store, unit, period);
  return getMonthStatus(store, unit, period);
}
