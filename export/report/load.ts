// Gathers a report's inputs from the database: figures, narrative (carried over from the
// latest earlier month), settings, and the period's values of each unit below.
import { UserError } from '../../core/errors';
import { valueOverMonths } from '../../core/figures';
import { isActiveIn } from '../../core/orgunit';
import { isPeriodSpec, resolvePeriod } from '../../core/period';
import { getFigures, monthSums } from '../../db/figures.repo';
import { getNarrative } from '../../db/narrative.repo';
import { allSettings } from '../../db/settings.repo';
import type { Store } from '../../db/store';
import type { ChildValues } from './appendix';
import { buildReportModel, type ReportDate, type ReportModel } from './model';
import { shippedTemplates, unknownTemplateCodes, type ReportTemplates } from './template';

/** "2024-06-10" → its parts; anything else is the user's mistake, said in one sentence. */
export function parseReportDate(s: string): ReportDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1) throw new UserError('report.badDate', { date: s });
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function dateOf(now: Date): ReportDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function childValues(store: Store, unit: string, months: readonly string[]): ChildValues[] {
  const tree = store.tree();
  const kids = (tree.children.get(unit) ?? []).map((c) => tree.units.get(c)!).filter((u) => u.level === 'commune' || u.level === 'district');
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
    out.push({ code: k.code, name: k.name, values });
  }
  return out;
}

export interface ReportRequest {
  unit: string;
  period: string;
  date: ReportDate;
  templates?: ReportTemplates;
}

export function loadReportModel(store: Store, req: ReportRequest): ReportModel {
  if (!isPeriodSpec(req.period)) throw new UserError('error.badPeriodSpec', { period: req.period });
  const templates = req.templates ?? shippedTemplates();
  const bad = unknownTemplateCodes(templates, store.catalogue);
  if (bad.length > 0) throw new UserError('report.badTemplates', { codes: bad.join(', ') });
  const unit = store.unit(req.unit);
  const p = resolvePeriod(req.period);
  const narrative = new Map(getNarrative(store, req.unit, p.end).map((n) => [n.section, n.body]));
  return buildReportModel({
    catalogue: store.catalogue,
    unit,
    parentName: unit.parent ? store.unit(unit.parent).name : null,
    period: req.period,
    figures: getFigures(store, req.unit, req.period),
    narrative,
    settings: allSettings(store),
    date: req.date,
    children: childValues(store, req.unit, p.months),
    templates,
  });
}
