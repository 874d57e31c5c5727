// Gathers a report's inputs from the database: figures, narrative (carried over from the
// latest earlier month), settings, and the period's values of each unit below.
import { UserError } from '../../core/errors';
import { valueOverMonths } from '../../core/figures';
import { isActiveIn, nameIn, parentIn, subtree, type UnitChange } from '../../core/orgunit';
import { isPeriodSpec, resolvePeriod } from '../../core/period';
import { deadlineOf, timelinessOf } from '../../core/deadline';
import { DEFAULT_DEADLINE } from '../../core/settings';
import { makeMonth, monthParts } from '../../core/period';
import { getFigures, monthSums } from '../../db/figures.repo';
import { getIndicators } from '../../db/indicators.repo';
import { getSetting } from '../../db/settings.repo';
import { receivedRows } from '../../db/status.repo';
import type { MonthTimeliness } from './indicators';
import { getNarrative } from '../../db/narrative.repo';
import { allSettings } from '../../db/settings.repo';
import type { Store } from '../../db/store';
import { unitHistory } from '../../db/unit-changes.repo';
import type { ChildValues } from './appendix';
import { buildReportModel, defaultReportDate, type CarriedNarrative, type ReportDate, type ReportModel } from './model';
import { unitReportHeader, type UnitReportHeader } from './unit-settings';
import { shippedTemplates, unknownTemplateCodes, type ReportTemplates } from './template';

/** "2024-06-10" → its parts; anything else is the user's mistake, said in one sentence. */
export function parseReportDate(s: string): ReportDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1) throw new UserError('report.badDate', { date: s });
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}


function childValues(store: Store, unit: string, months: readonly string[], history: readonly UnitChange[]): ChildValues[] {
  // The units that were below it at the period's end (a unit moved later still shows under its old parent).
  const end = months[months.length - 1]!;
  const kids = store.units().filter((u) => (u.level === 'commune' || u.level === 'district') && parentIn(u, end, history) === unit);
  const out: ChildValues[] = [];
  for (const k of kids) {
    const sums = monthSums(store, k.code, months);
    // A unit merged away before the period has no row; one that reported in it keeps its row.
    if (!months.some((mo) => isActiveIn(k, mo)) && sums.size === 0) continue;
    const values = new Map<string, number>();
    for (const e of store.catalogue.elements) {
      if (e.kind === 'derived') continue;
      const v = valueOverMonths(e.kind, months, sums.get(e.code));
      if (v !== null) values.set(e.code, v);
    }
    // The name it had in the period reported (a rename from a later month does not reach back).
    out.push({ code: k.code, name: nameIn(k, months[months.length - 1]!, history), values });
  }
  return out;
}

/**
 * The units below's monthly reports of the period's year up to its last month, counted as
 * `status.get` counts them (service/status.ts: the first accepted revision's signed send time
 * against the deadline setting; missing once the deadline has passed at `now`).
 */
export function loadTimeliness(store: Store, unit: string, period: string, now: Date): MonthTimeliness[] {
  const p = resolvePeriod(period);
  const last = monthParts(p.end).month;
  const tree = store.tree();
  const kids = (tree.children.get(unit) ?? []).map((c) => tree.units.get(c)!);
  if (kids.length === 0) return [];
  const rule = getSetting(store, 'status.deadline') ?? DEFAULT_DEADLINE;
  const months = Array.from({ length: last }, (_, i) => makeMonth(p.year, i + 1));
  const rows = receivedRows(store, kids.map((k) => k.code), months[0]!, months[months.length - 1]!);
  const byKey = new Map(rows.map((r) => [`${r.unit}|${r.period}`, r]));
  return months.map((period, i) => {
    const deadline = deadlineOf(period, rule);
    const m: MonthTimeliness = { period, month: i + 1, expected: 0, onTime: 0, late: 0, missing: 0, notDue: 0 };
    for (const k of kids) {
      if (!isActiveIn(k, period)) continue;
      const row = byKey.get(`${k.code}|${period}`);
      const state = timelinessOf(row ? (row.firstSentAt ?? row.firstReceivedAt ?? row.receivedAt) : null, deadline.endsAt, now);
      m.expected++;
      if (state === 'on-time') m.onTime++;
      else if (state === 'late') m.late++;
      else if (state === 'missing') m.missing++;
      else m.notDue++;
    }
    return m;
  });
}

export interface ReportRequest {
  unit: string;
  period: string;
  /** The document date; the 5th of the month after the period when left out. */
  date?: ReportDate;
  templates?: ReportTemplates;
  /** The clock that tells a missing report from one not yet due (the timeliness chart). */
  now?: Date;
}

export function loadReportModel(store: Store, req: ReportRequest): ReportModel {
  if (!isPeriodSpec(req.period)) throw new UserError('error.badPeriodSpec', { period: req.period });
  const templates = req.templates ?? shippedTemplates();
  const bad = unknownTemplateCodes(templates, store.catalogue);
  if (bad.length > 0) throw new UserError('report.badTemplates', { codes: bad.join(', ') });
  const p = resolvePeriod(req.period);
  const history = unitHistory(store);
  // A renamed unit prints the name it had in the period reported: title, header, body.
  const current = store.unit(req.unit);
  const unit = { ...current, name: nameIn(current, p.end, history) };
  const settings = allSettings(store);
  const header = headerOf(store, req.unit, p.end, settings, templates, history);
  // A month report carries each section over from the latest earlier month (marked as such);
  // a longer period prints only text written for that period, never one month's as the period's.
  const rows = getNarrative(store, req.unit, p.kind === 'month' ? p.end : req.period).filter((n) => p.kind === 'month' || n.fromPeriod === req.period);
  const narrative = new Map(rows.map((n) => [n.section, n.body]));
  const carried: CarriedNarrative[] = rows.filter((n) => n.fromPeriod !== req.period && n.body.trim() !== '').map((n) => ({ section: n.section, fromPeriod: n.fromPeriod }));
  const tree = store.tree();
  const levelsBelow = new Set(subtree(tree, req.unit).map((c) => tree.units.get(c)!.level as string));
  // A unit with units below prints the plan indicators of itself and each of them (ratios of sums).
  const hasChildren = (tree.children.get(req.unit) ?? []).length > 0;
  return buildReportModel({
    catalogue: store.catalogue,
    unit,
    period: req.period,
    figures: getFigures(store, req.unit, req.period),
    narrative,
    carried,
    header,
    levelsBelow,
    date: req.date ?? defaultReportDate(req.period),
    children: childValues(store, req.unit, p.months, history),
    templates,
    indicators: hasChildren ? getIndicators(store, req.unit, req.period) : null,
    timeliness: hasChildren ? loadTimeliness(store, req.unit, req.period, req.now ?? new Date()) : null,
  });
}

/** The unit's report header; its parent's header name is the default parent body of some levels. */
export function headerOf(
  store: Store,
  code: string,
  periodEnd: string,
  settings: Readonly<Record<string, unknown>>,
  templates: ReportTemplates,
  history: readonly UnitChange[] = unitHistory(store),
): UnitReportHeader {
  const unit = store.unit(code);
  // The parent the unit had in the period, with the names both had then.
  const parentCode = parentIn(unit, periodEnd, history);
  const parent = parentCode ? store.unit(parentCode) : null;
  const parentUnitName = parent
    ? unitReportHeader({ templates, unit: parent, name: nameIn(parent, periodEnd, history), parentUnitName: '', periodEnd, settings }).unitName
    : '';
  return unitReportHeader({ templates, unit, name: nameIn(unit, periodEnd, history), parentUnitName, periodEnd, settings });
}
