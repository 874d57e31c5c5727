// The values a check needs: for each unit, every element over the month checked and the 12
// months before it (rules' prev() and the outliers' history), aggregated over the unit's
// subtree by each element's kind — the same arithmetic as the report's figures.
// Stored as one flat Float64Array per unit (element-major, NaN = not filled): a district month
// is ~38 units × 125 elements × 13 months, and typed arrays keep building and summing it cheap.
import type { Catalogue } from '../catalogue';
import { sumsOverUnits } from '../catalogue-kinds';
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

/** Element code → position in the catalogue, shared by every window of a catalogue. */
export interface ElementIndex {
  codes: readonly string[];
  index: ReadonlyMap<string, number>;
}

const indexes = new WeakMap<Catalogue, ElementIndex>();

export function elementIndex(catalogue: Catalogue): ElementIndex {
  let idx = indexes.get(catalogue);
  if (!idx) {
    const codes = catalogue.elements.map((e) => e.code);
    idx = { codes, index: new Map(codes.map((c, i) => [c, i])) };
    indexes.set(catalogue, idx);
  }
  return idx;
}

/** One unit's values, by element and months back from the month checked. */
export class UnitWindow implements UnitValues {
  readonly unit: string;
  history: number | null;
  readonly data: Float64Array;
  private readonly idx: ElementIndex;

  constructor(unit: string, history: number | null, idx: ElementIndex) {
    this.unit = unit;
    this.history = history;
    this.idx = idx;
    this.data = new Float64Array(idx.codes.length * WINDOW).fill(NaN);
  }

  get(code: string, offset: number): number | null {
    const i = this.idx.index.get(code);
    if (i === undefined || offset >= WINDOW) return null;
    const x = this.data[i * WINDOW + offset]!;
    return Number.isNaN(x) ? null : x;
  }

  /** The element's 13 months (index = months back; NaN = not filled), a view on the window. */
  seriesOf(code: string): Float64Array | undefined {
    const i = this.idx.index.get(code);
    return i === undefined ? undefined : this.data.subarray(i * WINDOW, (i + 1) * WINDOW);
  }

  set(code: string, offset: number, value: number | null): void {
    const i = this.idx.index.get(code);
    if (i !== undefined && offset < WINDOW) this.data[i * WINDOW + offset] = value ?? NaN;
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
  /** Each unit's values aggregated over its subtree; filled by `aggregateWindows`. */
  agg: Map<string, UnitWindow>;
}

function historyOf(first: string | undefined, period: string): number | null {
  if (first === undefined) return null;
  const n = monthsBetween(first, period);
  return n < 0 ? null : n;
}

/** Empty windows for `root` and every unit below it, ready for the stored values. */
export function emptyWindows(catalogue: Catalogue, tree: OrgTree, root: string, period: string): Windows {
  const idx = elementIndex(catalogue);
  const order = subtree(tree, root);
  return { period, order, own: new Map(order.map((u) => [u, new UnitWindow(u, null, idx)])), agg: new Map() };
}

/**
 * Sums one element (at the given offsets) of a unit's own values and its children's aggregates
 * into its aggregate. Rates stand for the unit that entered them: never summed (figures.ts).
 */
function sumElement(catalogue: Catalogue, tree: OrgTree, w: Windows, unit: string, i: number, from: number, to: number): void {
  const e = catalogue.elements[i]!;
  const target = w.agg.get(unit)!.data;
  const own = w.own.get(unit)!.data;
  const base = i * WINDOW;
  for (let k = base + from; k < base + to; k++) target[k] = own[k]!;
  if (!sumsOverUnits(e.kind)) return;
  for (const child of tree.children.get(unit) ?? []) {
    const kid = w.agg.get(child)?.data;
    if (!kid) continue;
    for (let k = base + from; k < base + to; k++) {
      const x = kid[k]!;
      if (Number.isNaN(x)) continue;
      const t = target[k]!;
      target[k] = Number.isNaN(t) ? x : t + x;
    }
  }
}

function deriveAll(catalogue: Catalogue, agg: UnitWindow, from: number, to: number, only?: ReadonlySet<string>): void {
  for (const e of catalogue.elements) {
    if (!e.derived || (only && !only.has(e.code))) continue;
    for (let off = from; off < to; off++) agg.set(e.code, off, derive(e, (c) => agg.get(c, off)));
  }
}

/**
 * Fills every unit's aggregate from the own values, children before parents.
 * `firstMonths`: each unit's first month with data (its own, not its subtree's).
 */
export function aggregateWindows(catalogue: Catalogue, tree: OrgTree, w: Windows, firstMonths: ReadonlyMap<string, string>): Windows {
  const idx = elementIndex(catalogue);
  const firstOfSubtree = new Map<string, string>();
  for (let j = w.order.length - 1; j >= 0; j--) {
    const u = w.order[j]!;
    let first = firstMonths.get(u);
    for (const k of tree.children.get(u) ?? []) {
      const kf = firstOfSubtree.get(k);
      if (kf !== undefined && (first === undefined || kf < first)) first = kf;
    }
    if (first !== undefined) firstOfSubtree.set(u, first);
    w.own.get(u)!.history = historyOf(firstMonths.get(u), w.period);
    const agg = new UnitWindow(u, historyOf(first, w.period), idx);
    w.agg.set(u, agg);
    for (let i = 0; i < catalogue.elements.length; i++) {
      if (catalogue.elements[i]!.kind !== 'derived') sumElement(catalogue, tree, w, u, i, 0, WINDOW);
    }
    deriveAll(catalogue, agg, 0, WINDOW);
  }
  return w;
}

/** Builds every unit's window under `root` from a list of stored values (tests, the UI). */
export function buildWindows(
  catalogue: Catalogue,
  tree: OrgTree,
  root: string,
  period: string,
  values: Iterable<WindowValue>,
  firstMonths: ReadonlyMap<string, string>,
): Windows {
  const w = emptyWindows(catalogue, tree, root, period);
  for (const v of values) w.own.get(v.unit)?.set(v.element, v.offset, v.value);
  return aggregateWindows(catalogue, tree, w, firstMonths);
}

const dependents = new WeakMap<Catalogue, Map<string, Set<string>>>();

/** The derived elements computed from `element`. */
export function derivedFrom(catalogue: Catalogue, element: string): ReadonlySet<string> {
  let map = dependents.get(catalogue);
  if (!map) {
    map = new Map();
    for (const e of catalogue.elements) {
      for (const c of e.derived ? [...e.derived.numerator, ...e.derived.denominator] : []) {
        const set = map.get(c) ?? new Set<string>();
        set.add(e.code);
        map.set(c, set);
      }
    }
    dependents.set(catalogue, map);
  }
  return map.get(element) ?? new Set();
}

/**
 * Applies one edited cell of the month checked: the unit's own value, then the aggregates of
 * the unit and each ancestor inside the windows (only that element and what derives from it).
 * Returns the units whose aggregate changed, the edited unit first.
 */
export function updateCell(catalogue: Catalogue, tree: OrgTree, w: Windows, unit: string, element: string, value: number | null): string[] {
  const own = w.own.get(unit);
  const i = elementIndex(catalogue).index.get(element);
  if (!own || i === undefined) return [];
  own.set(element, 0, value);
  if (own.history === null && value !== null) own.history = 0;
  const derived = derivedFrom(catalogue, element);
  const changed: string[] = [];
  for (let u: string | null = unit; u !== null && w.agg.has(u); u = tree.units.get(u)?.parent ?? null) {
    const agg = w.agg.get(u)!;
    if (agg.history === null && value !== null) agg.history = 0;
    sumElement(catalogue, tree, w, u, i, 0, 1);
    deriveAll(catalogue, agg, 0, 1, derived);
    changed.push(u);
  }
  return changed;
}
