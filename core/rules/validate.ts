// A whole check of a unit's month: every rule on each unit of the subtree (each commune on
// its own values, the district on its aggregate), outliers, completeness. And the live
// re-check of one edited cell, which touches only the rules that read its element.
import type { Catalogue, CatalogueElement } from '../catalogue';
import { takesEntry } from '../catalogue-kinds';
import type { Lang } from '../format';
import { isActiveIn, type OrgTree, type OrgUnitLevel } from '../orgunit';
import { completeness, type Completeness } from './completeness';
import { checkRules, rulesTouching, type RuleNote, type RuleResults, type Violation } from './evaluate';
import { checkSeries, outlierOf, type Outlier } from './outliers';
import type { CompiledRule, RuleSet } from './ruleset';
import { derivedFrom, updateCell, type UnitWindow, type Windows } from './window';

export interface ValidationSummary {
  high: number;
  medium: number;
  low: number;
  outliers: number;
}

export interface ValidationReport {
  unit: string;
  period: string;
  violations: Violation[];
  outliers: Outlier[];
  /**
   * Rules not checked for a reason worth knowing (division by zero, before the first data),
   * one entry per rule and reason with the units concerned: the first month of data would
   * otherwise repeat the same note for every commune.
   */
  notes: GroupedNote[];
  completeness: Completeness;
  summary: ValidationSummary;
}

export interface CellCheck {
  unit: string;
  period: string;
  element: string;
  /** Violations of the rules reading the element, on the edited unit and each aggregate above it. */
  violations: Violation[];
  notes: RuleNote[];
  outliers: Outlier[];
  /** The units re-checked (the edited one first, then its ancestors). */
  units: string[];
}

export interface GroupedNote {
  rule: string;
  reason: RuleNote['reason'];
  period: string;
  units: string[];
  message: string;
}

export function groupNotes(notes: readonly RuleNote[]): GroupedNote[] {
  const out = new Map<string, GroupedNote>();
  for (const n of notes) {
    const key = `${n.rule}|${n.reason}`;
    const g = out.get(key);
    if (g) g.units.push(n.unit);
    else out.set(key, { rule: n.rule, reason: n.reason, period: n.period, units: [n.unit], message: n.message });
  }
  return [...out.values()];
}

/** Elements whose outliers a unit's check looks at: what it enters, or for an aggregate everything summed. */
function outlierElements(catalogue: Catalogue, level: OrgUnitLevel): CatalogueElement[] {
  if (level === 'commune' || level === 'facility') return catalogue.elements.filter((e) => takesEntry(e, level));
  return catalogue.elements.filter((e) => e.kind !== 'derived');
}

function outliersOf(elements: readonly CatalogueElement[], w: UnitWindow, name: string, period: string, lang: Lang, into: Outlier[]): void {
  for (const e of elements) {
    const s = w.seriesOf(e.code);
    if (!s) continue;
    const r = checkSeries(e, s);
    if (r) into.push(outlierOf(e, w.unit, name, period, r, lang));
  }
}

function summarise(violations: readonly Violation[], outliers: readonly Outlier[]): ValidationSummary {
  const s: ValidationSummary = { high: 0, medium: 0, low: 0, outliers: outliers.length };
  for (const v of violations) s[v.importance]++;
  return s;
}

/** Checks every unit of the windows' subtree for the windows' month. */
export function validateWindows(set: RuleSet, catalogue: Catalogue, tree: OrgTree, w: Windows, lang: Lang): ValidationReport {
  const results: RuleResults = { violations: [], notes: [] };
  const outliers: Outlier[] = [];
  const byLevel = new Map<string, CatalogueElement[]>();
  for (const code of w.order) {
    const unit = tree.units.get(code)!;
    if (!isActiveIn(unit, w.period)) continue;
    const agg = w.agg.get(code)!;
    checkRules(set.rules, agg, w.period, lang, results);
    let elements = byLevel.get(unit.level);
    if (!elements) byLevel.set(unit.level, (elements = outlierElements(catalogue, unit.level)));
    outliersOf(elements, agg, unit.name, w.period, lang, outliers);
  }
  const root = w.order[0]!;
  const comp: Completeness = completeness(catalogue, tree, root, w.period, (u, e) => (w.own.get(u)?.get(e, 0) ?? null) !== null);
  return {
    unit: root,
    period: w.period,
    violations: results.violations,
    outliers,
    notes: groupNotes(results.notes),
    completeness: comp,
    summary: summarise(results.violations, outliers),
  };
}

/** The element and the derived elements computed from it: what one edit can change. */
function affectedElements(catalogue: Catalogue, element: string): string[] {
  return [element, ...derivedFrom(catalogue, element)];
}

/**
 * Applies one edited cell to the windows and re-checks only what it can change: the rules
 * reading the element (or a derived element computed from it) and the element's outlier
 * flag, on the edited unit and each aggregate above it.
 */
export function recheckCell(
  set: RuleSet,
  catalogue: Catalogue,
  tree: OrgTree,
  w: Windows,
  unit: string,
  element: string,
  value: number | null,
  lang: Lang,
): CellCheck {
  const units = updateCell(catalogue, tree, w, unit, element, value);
  const rules = new Set<CompiledRule>();
  for (const code of affectedElements(catalogue, element)) for (const r of rulesTouching(set, code)) rules.add(r);
  const list = [...rules];
  const results: RuleResults = { violations: [], notes: [] };
  const outliers: Outlier[] = [];
  const e = catalogue.byCode.get(element);
  for (const u of units) {
    const agg = w.agg.get(u)!;
    checkRules(list, agg, w.period, lang, results);
    if (e) outliersOf([e], agg, tree.units.get(u)?.name ?? u, w.period, lang, outliers);
  }
  return { unit, period: w.period, element, violations: results.violations, notes: results.notes, outliers, units };
}
