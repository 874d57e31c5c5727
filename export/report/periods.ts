// The words a report uses for its period ("tháng 5 năm 2024", "quý II", "31/5/2024") and
// for the period its second part plans ("tháng 6 năm 2024"). The words are template data.
import { monthParts, resolvePeriod, type PeriodSpec } from '../../core/period';
import { fillWords, type ReportTemplates } from './template';

const ROMAN = ['I', 'II', 'III', 'IV'];

type Words = ReportTemplates['periods'][keyof ReportTemplates['periods']];

interface PeriodName {
  key: keyof ReportTemplates['periods'];
  year: number;
  month?: number;
  quarter?: number;
}

function nameOf(spec: PeriodSpec): PeriodName {
  const p = resolvePeriod(spec);
  if (p.kind === 'month') return { key: 'month', year: p.year, month: monthParts(p.end).month };
  if (p.kind === 'quarter') return { key: 'quarter', year: p.year, quarter: Math.ceil(monthParts(p.end).month / 3) };
  return { key: p.kind, year: p.year };
}

/** The period the second part ("phương hướng nhiệm vụ") is about. */
function nextOf(n: PeriodName): PeriodName {
  switch (n.key) {
    case 'month':
      return n.month === 12 ? { key: 'month', year: n.year + 1, month: 1 } : { key: 'month', year: n.year, month: n.month! + 1 };
    case 'quarter':
      return n.quarter === 4 ? { key: 'quarter', year: n.year + 1, quarter: 1 } : { key: 'quarter', year: n.year, quarter: n.quarter! + 1 };
    case 'half':
      return { key: 'secondHalf', year: n.year };
    case 'nine-months':
      return { key: 'quarter', year: n.year, quarter: 4 };
    default:
      return { key: 'year', year: n.year + 1 };
  }
}

function words(n: PeriodName, t: ReportTemplates): { label: string; short: string } {
  const w: Words = t.periods[n.key];
  const vars = { year: String(n.year), month: String(n.month ?? ''), quarter: ROMAN[(n.quarter ?? 1) - 1]! };
  return { label: fillWords(w.label, vars), short: fillWords(w.short, vars) };
}

/** "31/5/2024": the last day of the period, as the reports write "tính đến ngày …". */
export function endDateText(spec: PeriodSpec): string {
  const { year, month } = monthParts(resolvePeriod(spec).end);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${last}/${month}/${year}`;
}

/** Every period word a template may name. */
export function periodVars(spec: PeriodSpec, t: ReportTemplates): Record<string, string> {
  const n = nameOf(spec);
  const next = nextOf(n);
  const cur = words(n, t);
  const nx = words(next, t);
  const last = words({ ...n, year: n.year - 1 }, t);
  return {
    'period.label': cur.label,
    'period.short': cur.short,
    'period.endDate': endDateText(spec),
    'next.label': nx.label,
    'next.short': nx.short,
    'lastYear.label': last.label,
    // The title names the year once: "… THÁNG 5 / VÀ PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 6 NĂM 2024".
    titlePeriod: next.year === n.year && n.key !== 'year' ? cur.short : cur.label,
    year: String(n.year),
  };
}
