// The plan indicators in the report of a unit with units below it (a province over districts, a
// district over communes): the table of the body (Bảng 1: target with its direction, the unit's
// value, on track or not in words, how many units below are on track), the appendix of every
// unit below × indicator, and the specs of the charts (the indicators furthest from their plan,
// units against the target line; reporting timeliness per month). Pure: the values come from
// `indicators.get`'s view (ratios of sums, db/indicators.repo.ts) and the timeliness counts from
// the received bundles (load.ts); the wording from the templates.
import type { IndicatorsView } from '../../core/api/indicators';
import type { IndicatorDirection, IndicatorValue } from '../../core/indicators';
import { formatNumber } from '../../core/format';
import type { ChartSpec } from './charts';
import { fillWords, type IndicatorTemplates } from './template';

/** One month's reports from the units below, as `status.get` counts them. */
export interface MonthTimeliness {
  period: string;
  month: number;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
}

/** A number as a spreadsheet stores it and as the report prints it. */
export interface NumCell {
  text: string;
  value: number | null;
}

export interface IndicatorRow {
  index: string;
  code: string;
  label: string;
  unit: string;
  /** "< 8", "≥ 98": the direction and the target. */
  target: string;
  targetValue: number | null;
  direction: IndicatorDirection | null;
  /** "≥", "<": the direction as printed ('' without a target). */
  directionText: string;
  value: NumCell;
  /** "Đạt", "Chưa đạt", or why it cannot be said ("Chưa tính được: thiếu số liệu mẫu số"). */
  verdict: string;
  onTrack: boolean | null;
  /** "1/2": units below on track / units below with a verdict; "—" when none has one. */
  children: string;
}

export interface IndicatorGridColumn {
  code: string;
  label: string;
  unit: string;
  target: string;
}

export interface IndicatorSection {
  heading: string;
  intro: string;
  tableCaption: string;
  columns: string[];
  /** Header of the direction column of the workbook (the printed table writes it with the target). */
  directionHeader: string;
  rows: IndicatorRow[];
  /** Phụ lục III: every unit below × the computable indicators; the unit's own row last. */
  appendix: {
    number: string;
    title: string;
    legend: string;
    unitHeader: string;
    /** "đạt" / "chưa đạt" under each value. */
    verdictWords: { onTrack: string; offTrack: string };
    columns: IndicatorGridColumn[];
    rows: { code: string; name: string; cells: NumCell[]; verdicts: (boolean | null)[]; total?: boolean }[];
  };
}

export interface ChartEntry {
  caption: string;
  spec: ChartSpec;
}

const MISSING = '—';

/** Indicator values as the report prints them: vi-VN, at most two decimals (8; 0,3; 98,25). */
export function indicatorText(v: number | null): string {
  return v === null ? MISSING : formatNumber(v, 'vi', 2);
}

function targetText(t: IndicatorTemplates, iv: IndicatorValue, unit: string): string {
  if (iv.target === null || iv.direction === null) return MISSING;
  // "≥ 98%", "< 8‰"; other units are in their own column.
  return `${t.directions[iv.direction]} ${formatNumber(iv.target, 'vi', 2)}${unit === '%' || unit === '‰' ? unit : ''}`;
}

function verdictOf(t: IndicatorTemplates, iv: IndicatorValue, names: ReadonlyMap<string, string>): string {
  if (iv.onTrack === true) return t.verdict.onTrack;
  if (iv.onTrack === false) return t.verdict.offTrack;
  if (iv.value !== null) return t.verdict.noTarget;
  const gap = iv.gap ?? 'numeratorMissing';
  const needs = iv.missing.map((c) => t.needs[c] ?? names.get(c) ?? c).join(', ');
  return `${t.verdict.noValue}: ${fillWords(t.gaps[gap], { needs })}`;
}

export interface IndicatorSectionInput {
  view: IndicatorsView;
  templates: IndicatorTemplates;
  vars: Readonly<Record<string, string>>;
  /** Element code → its Vietnamese name, for what is missing. */
  elementNames: ReadonlyMap<string, string>;
  /** The unit's own label in the appendix's last row. */
  totalLabel?: string;
  timeliness: readonly MonthTimeliness[] | null;
  /** The period's year, for the timeliness chart. */
  year: number;
}

/** The section and its charts; null when the unit has no units below or no plan applies. */
export function buildIndicatorSection(input: IndicatorSectionInput): { section: IndicatorSection; charts: ChartEntry[] } | null {
  const { view, templates: t } = input;
  const [own, ...below] = view.units;
  if (!own || below.length === 0 || view.planYear === null) return null;
  const vars = { ...input.vars, planYear: String(view.planYear) };
  const defs = view.definitions;
  const unitOf = (u: string) => t.units[u] ?? u;
  const rows: IndicatorRow[] = defs.map((d, i) => {
    const iv = own.indicators[i]!;
    const judged = below.map((u) => u.indicators[i]!.onTrack).filter((x): x is boolean => x !== null);
    return {
      index: String(i + 1),
      code: d.code,
      label: d.nameVi,
      unit: unitOf(d.unitVi),
      target: targetText(t, iv, d.unitVi),
      targetValue: iv.target,
      direction: iv.direction,
      directionText: iv.direction ? t.directions[iv.direction] : '',
      value: { text: indicatorText(iv.value), value: iv.value },
      verdict: verdictOf(t, iv, input.elementNames),
      onTrack: iv.onTrack,
      children: judged.length === 0 ? MISSING : `${judged.filter(Boolean).length}/${judged.length}`,
    };
  });
  const assessed = rows.filter((r) => r.onTrack !== null);
  const c = t.columns;
  const counts = { onTrack: String(assessed.filter((r) => r.onTrack).length), assessed: String(assessed.length) };
  // The appendix: indicators some unit has a value for (the others say "not in the catalogue" in Bảng 1).
  const shown = defs.map((d, i) => ({ d, i })).filter(({ i }) => view.units.some((u) => u.indicators[i]!.value !== null));
  const unitRow = (u: (typeof view.units)[number], total: boolean) => ({
    code: u.unit,
    name: total ? (input.totalLabel ?? u.name) : u.name,
    cells: shown.map(({ i }) => ({ text: indicatorText(u.indicators[i]!.value), value: u.indicators[i]!.value })),
    verdicts: shown.map(({ i }) => u.indicators[i]!.onTrack),
    ...(total ? { total: true } : {}),
  });
  const section: IndicatorSection = {
    heading: fillWords(t.heading, vars),
    intro: fillWords(assessed.length > 0 ? t.intro : t.introNone, { ...vars, ...counts }),
    tableCaption: fillWords(t.tableCaption, vars),
    columns: [c.index, c.indicator, c.unit, c.target, c.value, c.verdict, c.children].map((h) => fillWords(h, vars)),
    directionHeader: c.direction,
    rows,
    appendix: {
      number: t.appendixNumber,
      title: fillWords(t.appendixTitle, vars),
      legend: fillWords(t.appendixLegend, vars),
      unitHeader: fillWords(t.unitHeader, vars),
      verdictWords: t.cellVerdict,
      columns: shown.map(({ d, i }) => ({ code: d.code, label: d.nameVi, unit: unitOf(d.unitVi), target: rows[i]!.target })),
      rows: [...below.map((u) => unitRow(u, false)), unitRow(own, true)],
    },
  };
  return { section, charts: chartsOf(input, rows, vars) };
}

/** How far a value is from its target, relative to the target (0 when on track): the charts' order. */
function shortfall(value: number, target: number, direction: IndicatorDirection): number {
  const scale = Math.abs(target) || 1;
  if (direction === '>=' || direction === '>') return Math.max(0, (target - value) / scale);
  if (direction === '<=' || direction === '<') return Math.max(0, (value - target) / scale);
  return Math.abs(value - target) / scale;
}

function chartsOf(input: IndicatorSectionInput, rows: readonly IndicatorRow[], vars: Readonly<Record<string, string>>): ChartEntry[] {
  const { view, templates: t } = input;
  const ch = t.charts;
  const below = view.units.slice(1);
  // Charts only where they help: indicators off track for the unit or for some unit below,
  // furthest from the plan first, each with at least two units below that have a value.
  const candidates = rows
    .map((r, i) => {
      const values = below.map((u) => u.indicators[i]!.value);
      const offBelow = below.filter((u) => u.indicators[i]!.onTrack === false).length;
      const worst = r.targetValue === null || r.direction === null ? 0 : Math.max(0, ...values.filter((v): v is number => v !== null).map((v) => shortfall(v, r.targetValue!, r.direction!)));
      return { r, i, values, offBelow, worst };
    })
    .filter((x) => x.r.targetValue !== null && x.values.filter((v) => v !== null).length >= 2 && (x.r.onTrack === false || x.offBelow > 0))
    .sort((a, b) => Number(b.r.onTrack === false) - Number(a.r.onTrack === false) || b.worst - a.worst || a.i - b.i)
    .slice(0, ch.maxIndicators)
    .sort((a, b) => a.i - b.i);
  const out: ChartEntry[] = [];
  const caption = (title: string) => fillWords(ch.caption, { n: String(out.length + 1), title });
  for (const x of candidates) {
    const title = fillWords(ch.indicator, { ...vars, indicator: x.r.label, target: x.r.target });
    out.push({
      caption: caption(title),
      spec: {
        kind: 'indicator',
        categories: below.map((u) => u.name),
        values: x.values,
        onTrack: below.map((u) => u.indicators[x.i]!.onTrack),
        target: x.r.targetValue!,
        targetLabel: fillWords(ch.target, { target: x.r.target }),
        unit: x.r.unit,
        legend: { onTrack: ch.onTrack, offTrack: ch.offTrack },
      },
    });
  }
  const months = (input.timeliness ?? []).filter((m) => m.expected > 0);
  // Timeliness only where reports come from below as bundles (a district whose communes enter
  // their figures in its own file has none, and "missing" everywhere would mislead).
  if (months.some((m) => m.onTime + m.late > 0)) {
    const title = fillWords(ch.timeliness, { ...vars, year: String(input.year) });
    out.push({
      caption: caption(title),
      spec: {
        kind: 'timeliness',
        categories: months.map((m) => fillWords(ch.month, { month: String(m.month) })),
        series: [
          { name: ch.onTime, state: 'on-time', values: months.map((m) => m.onTime) },
          { name: ch.late, state: 'late', values: months.map((m) => m.late) },
          { name: ch.missing, state: 'missing', values: months.map((m) => m.missing) },
        ],
      },
    });
  }
  return out;
}
