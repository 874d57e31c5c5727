// The values a check needs: for each unit, every element over the month checked and the 12
// months before it (rules' prev() and the outliers' history), aggregated over the unit's
// subtree by each element's kind — the same arithmetic as the report's figures.
import type { Catalogue, CatalogueElement } from '../catalogue';
import { derive } from '../figures';
import { subtree, type OrgTree } from '../orgunit';
import { monthParts } from '../period';
import type { UnitValues } from './evaluate';

/** This month and the 12 before it. */
export const WINDOW = 13;

/** Months from `from` to `to` (positive when `from` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const a = monthParts(from);
  const b = monthParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** One unit's values, index = months back from the month checked; NaN = not filled. */
export class UnitWindow implements UnitValues {
  readonly unit: string;
  history: number | null;
  private readonly series = new Map<string, Float64Array>();

  constructor(unit: string, history: number | null) {
    this.unit = unit;
    this.history = history;
  }

  get(code: string, offset: number): number | null {
    const s = this.series.get(code);
    if (!s || offset >= WINDOW) return null;
    const x = s[offset]!;
    return Number.isNaN(x) ? null : x;
  }

  /** The element's series (index = months back), or undefined when nothing was ever filled. */
  seriesOf(code: string): Float64Array | undefined {
    return this.series.get(code);
  }

  set(code: string, offset: number, value: number | null): void {
    let s = this.series.get(code);
    if (!s) {
      if (value === null) return;
      s = new Float64Array(WINDOW).fill(NaN);
      this.series.set(code, s);
    }
    s[offset] = value ?? NaN;
  }

  /** Adds a value into the aggregate; a missing one adds nothing (and leaves "missing" missing). */
  add(code: string, offset: number, value: number): void {
    const cur = this.get(code, offset);
    this.set(code, offset, cur === null ? value : cur + value);
  }
}

/** One stored value: which unit, which element, how many months back from the month checked. */
export interface WindowValue {
  unit: string;
  element: string;
  offset: number;
  value: number;
}

export interface Windows {
  period: string;
  /** Units of the subtree, parents before children. */
  order: string[];
  /** Each unit's own entered values (a commune's are also its aggregate). */
  own: Map<string, UnitWindow>;
  /** Each unit's values aggregated over its subtree. */
  agg: Map<string, UnitWindow>;
}

function historyOf(first: string | undefined, period: string): number | null {
  if (first === undefined) return null;
  const n = monthsBetween(first, period);
  return n < 0 ? null : n;
}

const summed = (e: CatalogueElement) => e.kind !== 'rate' && e.kind !== 'derived';

function aggregateUnit(catalogue: Catalogue, tree: OrgTree, w: Windows, unit: string, codes: readonly string[], offsets: readonly number[]): void {
  const target = w.agg.get(unit)!;
  const own = w.own.get(unit)!;
  const kids = tree.children.get(unit) ?? [];
  for (const code of codes) {
    const e = catalogue.byCode.get(code)!;
    if (e.kind === 'derived') continue;
    for (const off of offsets) {
      // Rates stand for the unit that entered them; they are never summed (figures.ts).
      let total: number | null = own.get(code, off);
      if (summed(e)) {
        for (const k of kids) {
          const x = w.agg.get(k)?.get(code, off) ?? null;
          if (x !== null) total = total === null ? x : total + x;
        }
      }
      target.set(code, off, total);
    }
  }
  for (const e of catalogue.elements) {
    if (!e.derived) continue;
    if (codes.length < catalogue.elements.length && ![...e.derived.numerator, ...e.derived.denominator].some((c) => codes.includes(c))) continue;
    for (const off of offsets) target.set(e.code, off, derive(e, (c) => target.get(c, off)));
  }
}

const ALL_OFFSETS = Array.from({ length: WINDOW }, (_, i) => i);

/**
 * Builds every unit's window under `root` from the stored values.
 * `firstMonths`: each unit's first month with data (its own, not its subtree's).
 */
export function buildWindows(
  catalogue: Catalogue,
  tree: OrgTree,
  root: string,
  period: string,
  values: Iterable<WindowValue>,
  firstMonths: ReadonlyMap<string, string>,
): Windows {
  const order = subtree(tree, root);
  const w: Windows = { period, order, own: new Map(), agg: new Map() };
  for (const u of order) w.own.set(u, new UnitWindow(u, null));
  for (const v of values) w.own.get(v.unit)?.set(v.element, v.offset, v.value);
  const codes = catalogue.elements.map((e) => e.code);
  const firstOfSubtree = new Map<string, string>();
  // Children before parents, so each parent adds its children's finished aggregates.
  for (let i = order.length - 1; i >= 0; i--) {
    const u = order[i]!;
    let first = firstMonths.get(u);
    for (const k of tree.children.get(u) ?? []) {
      const kf = firstOfSubtree.get(k);
      if (kf !== undefined && (first === undefined || kf < first)) first = kf;
    }
    if (first !== undefined) firstOfSubtree.set(u, first);
    w.own.get(u)!.history = historyOf(firstMonths.get(u), period);
    w.agg.set(u, new UnitWindow(u, historyOf(first, period)));
    aggregateUnit(catalogue, tree, w, u, codes, ALL_OFFSETS);
  }
  return w;
}

/**
 * Applies one edited cell of the month checked: the unit's own value, then the aggregates of
 * the unit and each ancestor inside the windows (only that element and what derives from it).
 * Returns the units whose aggregate changed, the edited unit first.
 */
export function updateCell(catalogue: Catalogue, tree: OrgTree, w: Windows, unit: string, element: string, value: number | null): string[] {
  const own = w.own.get(unit);
  if (!own) return [];
  own.set(element, 0, value);
  if (own.history === null && value !== null) own.history = 0;
  const changed: string[] = [];
  for (let u: string | null = unit; u !== null && w.agg.has(u); u = tree.units.get(u)?.parent ?? null) {
    const agg = w.agg.get(u)!;
    if (agg.history === null && value !== null) agg.history = 0;
    aggregateUnit(catalogue, tree, w, u, [element], [0]);
    changed.push(u);
  }
  return changed;
}
