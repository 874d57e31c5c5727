// The report model: everything the DOCX, the print HTML and the XLSX show, already worded and
// formatted, built from the figures, the narrative and the settings. Pure: no database, no
// files, so the three formats cannot disagree and the model is tested on its own.
import type { Catalogue } from '../../core/catalogue';
import type { Figure, Figures } from '../../core/figures';
import type { OrgUnit } from '../../core/orgunit';
import { resolvePeriod, type PeriodKind, type PeriodSpec } from '../../core/period';
import { buildAppendix, type Appendix, type ChildValues } from './appendix';
import { resolveFigure } from './format';
import { periodVars } from './periods';
import { allMissingLine, fillLine, fillWords, type LineContext, type ReportTemplates } from './template';

export type BodyBlock =
  | { kind: 'part'; lines: string[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string; narrative: boolean };

export interface ReportModel {
  unit: string;
  period: PeriodSpec;
  periodKind: PeriodKind;
  /** "BaoCao_TH_HH_2024-05": the file name without its extension. */
  fileBase: string;
  header: {
    parentBody: string;
    unitName: string;
    national: [string, string];
    number: string;
    placeDate: string;
  };
  title: string[];
  body: BodyBlock[];
  closing: { recipientsLabel: string; recipients: string[]; signerTitle: string[]; signerName: string };
  appendix: Appendix;
}

export interface ReportDate {
  year: number;
  month: number;
  day: number;
}

export interface ReportInput {
  catalogue: Catalogue;
  unit: OrgUnit;
  parentName: string | null;
  period: PeriodSpec;
  figures: Figures;
  /** Narrative section id → text (already carried over from an earlier month where needed). */
  narrative: ReadonlyMap<string, string>;
  settings: Readonly<Record<string, unknown>>;
  date: ReportDate;
  /** The units below (communes of a district), each with its values for the period. */
  children: readonly ChildValues[];
  templates: ReportTemplates;
}

function text(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
}

function lines(v: unknown, fallback: string[]): string[] {
  if (Array.isArray(v)) {
    const out = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    return out.length > 0 ? out : fallback;
  }
  if (typeof v === 'string' && v.trim() !== '') return v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return fallback;
}

/** Decree 30/2020: days 1–9 and months 1–2 take a leading zero ("ngày 05 tháng 02"); others do not. */
function dateWords(d: ReportDate): { day: string; month: string; year: string } {
  return {
    day: d.day < 10 ? `0${d.day}` : String(d.day),
    month: d.month < 3 ? `0${d.month}` : String(d.month),
    year: String(d.year),
  };
}

function narrativeBlocks(body: string | undefined, missingText: string): BodyBlock[] {
  const paras = (body ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (paras.length === 0) return [{ kind: 'para', text: missingText, narrative: true }];
  return paras.map((p) => ({ kind: 'para', text: p, narrative: true }));
}

export function buildReportModel(input: ReportInput): ReportModel {
  const t = input.templates;
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const vars: Record<string, string> = {
    ...periodVars(input.period, t),
    unitShort: text(input.settings['report.unitShort'], 'TTYT'),
    place: text(input.settings['report.place'], input.unit.name),
    ...dateWords(input.date),
  };
  const byCode = new Map<string, Figure>(input.figures.figures.map((f) => [f.element, f]));
  const ctx: LineContext = {
    vars,
    phrases: t.unavailable,
    resolve: (ref) => resolveFigure(ref, byCode, input.catalogue.byCode, t.padBelow10),
  };

  const body: BodyBlock[] = [];
  for (const b of t.body) {
    if ('part' in b) body.push({ kind: 'part', lines: b.part.map((l) => fillWords(l, vars)) });
    else if ('h' in b) body.push({ kind: 'heading', level: b.h as 1 | 2 | 3 | 4, text: fillWords(b.text, vars) });
    else if ('narrative' in b) body.push(...narrativeBlocks(input.narrative.get(b.narrative), t.narrativeMissing));
    else {
      const own = b.element ? byCode.get(b.element) : undefined;
      let line: string;
      if (b.zero && own?.value === 0) line = fillWords(b.zero, vars);
      else {
        const filled = fillLine(b.p, b.element, ctx);
        const allMissing = filled.figures > 0 && filled.missing === filled.figures;
        line = allMissing ? (b.missing ? fillWords(b.missing, vars) : allMissingLine(b.p, b.element, ctx)) : filled.text;
      }
      body.push({ kind: 'para', text: line, narrative: false });
    }
  }

  return {
    unit: input.unit.code,
    period: input.period,
    periodKind: resolvePeriod(input.period).kind,
    fileBase: `BaoCao_${input.unit.code}_${input.period}`,
    header: {
      parentBody: upper(text(input.settings['report.parentBody'], input.parentName ?? '')),
      unitName: upper(text(input.settings['report.unitName'], input.unit.name)),
      national: [t.header.national[0]!, t.header.national[1]!],
      number: fillWords(t.header.number, vars),
      placeDate: fillWords(t.header.placeDate, vars),
    },
    title: t.header.title.map((l) => fillWords(l, vars)),
    body,
    closing: {
      recipientsLabel: t.closing.recipientsLabel,
      recipients: lines(input.settings['report.recipients'], ['- Lưu: VT.']).map((r) => (r.startsWith('-') ? r : `- ${r}`)),
      signerTitle: lines(input.settings['report.signerTitle'], ['GIÁM ĐỐC']).map(upper),
      signerName: text(input.settings['report.signerName'], ''),
    },
    appendix: buildAppendix(input.catalogue, input.figures, input.children, t, vars),
  };
}
