// Checking rules on one unit's values for a month. Pure: the UI runs it live on the cells it
// holds, the service runs it authoritatively on the database.
import { formatNumber, type Lang } from '../format';
import { translator } from '../i18n';
import { evaluateExpr, type ElementRef, type EvalState, type Expr } from './expr';
import type { CompiledRule, Importance, Operator, RuleSet } from './ruleset';

/** One unit's values around the month being checked. */
export interface UnitValues {
  unit: string;
  /** The value of `code` `offset` months before the month checked (0 = that month); null when not filled. */
  get(code: string, offset: number): number | null;
  /**
   * How many months of data the unit has before the month checked (0 when this month is its
   * first); null when it has none at all. A rule reaching further back is skipped with a note.
   */
  history: number | null;
}

export interface Violation {
  rule: string;
  importance: Importance;
  unit: string;
  period: string;
  op: Operator;
  /** The left side's value; null only for "both or neither filled" when that side is empty. */
  left: number | null;
  right: number | null;
  message: string;
  /** The month's cells the rule reads: what the grid highlights and where a comment explains it. */
  elements: string[];
}

export type NoteReason = 'divisionByZero' | 'beforeFirstData';

/** A rule that was not checked for a reason the user should know (missing values are silent). */
export interface RuleNote {
  rule: string;
  unit: string;
  period: string;
  reason: NoteReason;
  message: string;
}

export type RuleOutcome =
  | { status: 'pass' }
  | { status: 'skip'; reason: 'missing' | NoteReason }
  | { status: 'violation'; left: number | null; right: number | null };

/** Values equal up to floating-point noise (sums of decimals such as 0.1 + 0.2). */
const EPSILON = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compare(op: Exclude<Operator, 'bothOrNeither'>, l: number, r: number): boolean {
  switch (op) {
    case '=': return close(l, r);
    case '!=': return !close(l, r);
    case '<': return l < r && !close(l, r);
    case '<=': return l < r || close(l, r);
    case '>': return l > r && !close(l, r);
    case '>=': return l > r || close(l, r);
  }
}

interface Side {
  /** How many of its element references are filled. */
  filled: number;
  count: number;
  value: number;
}

function side(expr: Expr, refs: readonly ElementRef[], v: UnitValues, state: EvalState): Side {
  const values = new Array<number | null>(refs.length);
  let filled = 0;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    const x = v.get(r.code, r.offset);
    values[i] = x;
    if (x !== null) filled++;
  }
  return { filled, count: refs.length, value: evaluateExpr(expr, values, state) };
}

function reaches(refs: readonly ElementRef[], v: UnitValues): boolean {
  for (const r of refs) if (r.offset > 0 && (v.history === null || r.offset > v.history)) return true;
  return false;
}

function reachesBeforeData(rule: CompiledRule, v: UnitValues): boolean {
  return reaches(rule.leftRefs, v) || reaches(rule.rightRefs, v);
}

/** Checks one rule on one unit's values. */
export function checkRule(rule: CompiledRule, v: UnitValues): RuleOutcome {
  const state: EvalState = { divisionByZero: false };
  const l = side(rule.left, rule.leftRefs, v, state);
  const r = side(rule.right, rule.rightRefs, v, state);
  if (rule.op === 'bothOrNeither') {
    const lf = l.count === 0 || l.filled > 0;
    const rf = r.count === 0 || r.filled > 0;
    if (lf === rf) return { status: 'pass' };
    return { status: 'violation', left: lf ? l.value : null, right: rf ? r.value : null };
  }
  // A side with element references but nothing filled is missing; constants never are.
  const missing = (s: Side) => s.count > 0 && (rule.skipIf === 'any' ? s.filled < s.count : s.filled === 0);
  const lm = missing(l);
  const rm = missing(r);
  if (lm || rm) {
    // Worth a note only when what lacks is the past before the unit's first data; a side
    // missing this month's own values is plain missing data, skipped silently.
    const past = (!lm || reaches(rule.leftRefs, v)) && (!rm || reaches(rule.rightRefs, v)) && l.filled + r.filled > 0;
    return { status: 'skip', reason: past ? 'beforeFirstData' : 'missing' };
  }
  if (reachesBeforeData(rule, v)) return { status: 'skip', reason: 'beforeFirstData' };
  if (state.divisionByZero) return { status: 'skip', reason: 'divisionByZero' };
  return compare(rule.op, l.value, r.value) ? { status: 'pass' } : { status: 'violation', left: l.value, right: r.value };
}

function fmt(x: number | null, lang: Lang): string {
  if (x === null) return lang === 'vi' ? '(trống)' : '(empty)';
  return formatNumber(x, lang, 2);
}

/** The rule's own message with {left}, {right} and {diff} filled in vi-VN (or English) numbers. */
export function violationMessage(rule: CompiledRule, left: number | null, right: number | null, lang: Lang): string {
  const template = lang === 'vi' ? rule.messageVi : rule.messageEn;
  const diff = left !== null && right !== null ? Math.abs(left - right) : null;
  return template
    .replaceAll('{left}', fmt(left, lang))
    .replaceAll('{right}', fmt(right, lang))
    .replaceAll('{diff}', fmt(diff, lang));
}

export interface RuleResults {
  violations: Violation[];
  notes: RuleNote[];
}

function noteText(reason: NoteReason, rule: CompiledRule, lang: Lang): string {
  return translator(lang)(`quality.note.${reason}`, { rule: rule.id, left: rule.leftText, right: rule.rightText });
}

/**
 * Checks the given rules (every rule of the set by default) on one unit for one month, and
 * appends what it finds to `into`.
 */
export function checkRules(
  rules: readonly CompiledRule[],
  v: UnitValues,
  period: string,
  lang: Lang,
  into: RuleResults = { violations: [], notes: [] },
): RuleResults {
  for (const rule of rules) {
    const o = checkRule(rule, v);
    if (o.status === 'violation') {
      into.violations.push({
        rule: rule.id,
        importance: rule.importance,
        unit: v.unit,
        period,
        op: rule.op,
        left: o.left,
        right: o.right,
        message: violationMessage(rule, o.left, o.right, lang),
        elements: rule.cells,
      });
    } else if (o.status === 'skip' && o.reason !== 'missing') {
      into.notes.push({ rule: rule.id, unit: v.unit, period, reason: o.reason, message: noteText(o.reason, rule, lang) });
    }
  }
  return into;
}

/** The rules to re-check after one cell changed: only those that read its element. */
export function rulesTouching(set: RuleSet, element: string): readonly CompiledRule[] {
  return set.byElement.get(element) ?? [];
}
