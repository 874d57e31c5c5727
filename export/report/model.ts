// The report model: everything the DOCX, the print HTML and the XLSX show, already worded and
// formatted, built from the figures, the narrative and the settings. Pure: no database, no
// files, so the three formats cannot disagree and the model is tested on its own.
import type { Catalogue } from '../../core/catalogue';
import type { Figure, Figures } from '../../core/figures';
import type { OrgUnit } from '../../core/orgunit';
import { entryLevelAllows } from '../../core/catalogue';
import type { OrgUnitLevel } from '../../core/orgunit';
import { monthParts, resolvePeriod, type PeriodKind, type PeriodSpec } from '../../core/period';
import type { IndicatorsView } from '../../core/api/indicators';
import { buildAppendix, type Appendix, type ChildValues } from './appendix';
import type { ChartSvg } from './charts';
import { buildIndicatorSection, type ChartEntry, type IndicatorSection, type MonthTimeliness } from './indicators';
import { resolveFigure } from './format';
import { periodVars } from './periods';
import { dropInapplicable, fillLine, fillWords, lineElements, type LineContext, type ReportTemplates } from './template';
import type { UnitReportHeader } from './unit-settings';

/** "2024-04" → "tháng 4/2024". */
function monthWords(m: string): string {
  const { year, month } = monthParts(m);
  return `tháng ${month}/${year}`;
}

export type BodyBlock =
  | { kind: 'part'; lines: string[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string; narrative: boolean; note?: boolean }
  /** The plan indicators' table (model.indicators). */
  | { kind: 'indicators' }
  /** A chart with its caption (model.charts[index]). */
  | { kind: 'chart'; index: number };

/** A chart of the report: its caption, its data, and its SVG once drawn (render.ts, once for every format). */
export interface ReportChart extends ChartEntry {
  svg?: ChartSvg;
}

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
  /** The plan indicators (units with units below them and a plan), else null. */
  indicators: IndicatorSection | null;
  charts: ReportChart[];
  /** Narrative sections printed from an earlier month's text (the screen says so too). */
  carried: CarriedNarrative[];
}

export interface ReportDate {
  year: number;
  month: number;
  day: number;
}

/** A narrative section whose text was written for another period than the one reported. */
export interface CarriedNarrative {
  section: string;
  /** The month the text was written for. */
  fromPeriod: string;
}

export interface ReportInput {
  catalogue: Catalogue;
  unit: OrgUnit;
  period: PeriodSpec;
  figures: Figures;
  /** Narrative section id → text (already carried over from an earlier month where needed). */
  narrative: ReadonlyMap<string, string>;
  /** Sections of `narrative` carried over from an earlier month: marked in the report. */
  carried?: readonly CarriedNarrative[];
  /** The unit's header, symbol, place, recipients, signer and area words (unit-settings.ts). */
  header: UnitReportHeader;
  /** The levels of the unit and of every unit below it: a line whose figures none of them enter is left out. */
  levelsBelow: ReadonlySet<string>;
  date: ReportDate;
  /** The units below (communes of a district), each with its values for the period. */
  children: readonly ChildValues[];
  templates: ReportTemplates;
  /** The plan indicators of the unit and of each unit below (indicators.get); none: no table. */
  indicators?: IndicatorsView | null;
  /** Per month of the period's year up to its end: the units below's reports by timeliness. */
  timeliness?: readonly MonthTimeliness[] | null;
}

/** The document date when none is given: the 5th of the month after the period ends. */
export function defaultReportDate(period: PeriodSpec): ReportDate {
  const { year, month } = monthParts(resolvePeriod(period).end);
  return month === 12 ? { year: year + 1, month: 1, day: 5 } : { year, month: month + 1, day: 5 };
}

/** Decree 30/2020: days 1–9 and months 1–2 take a leading zero ("ngày 05 tháng 02"); others do not. */
function dateWords(d: ReportDate): Record<string, string> {
  return {
    'date.day': d.day < 10 ? `0${d.day}` : String(d.day),
    'date.month': d.month < 3 ? `0${d.month}` : String(d.month),
    'date.year': String(d.year),
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

/**
 * After sub-sections were left out, numbered headings are numbered again in order: "1." … under
 * each Roman-numbered part, "6.1." … under "6.", so a commune's report reads 6.1–6.11 with no gap.
 */
function renumber(body: BodyBlock[]): BodyBlock[] {
  let h2 = 0;
  let h3 = 0;
  let major = '';
  return body.map((b) => {
    if (b.kind === 'part' || (b.kind === 'heading' && b.level === 1)) {
      h2 = 0;
      major = '';
      return b;
    }
    if (b.kind !== 'heading') return b;
    if (b.level === 2) {
      const m = /^\d+\.(\s+)/.exec(b.text);
      h3 = 0;
      major = '';
      if (!m) return b;
      major = String(++h2);
      return { ...b, text: `${major}.${m[1]}${b.text.slice(m[0].length)}` };
    }
    if (b.level === 3) {
      const m = /^\d+\.\d+\.(\s+)/.exec(b.text);
      if (!m || major === '') return b;
      return { ...b, text: `${major}.${++h3}.${m[1]}${b.text.slice(m[0].length)}` };
    }
    return b;
  });
}

export function buildReportModel(input: ReportInput): ReportModel {
  const t = input.templates;
  const h = input.header;
  /** True when the unit or a unit below it enters the element (or it is unknown: then it says so). */
  const enteredHere = (code: string): boolean => {
    const e = input.catalogue.byCode.get(code);
    return !e || [...input.levelsBelow].some((l) => entryLevelAllows(e.entryLevel, l as OrgUnitLevel));
  };
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  // The period's words come last: {year} is the period's year (the plan's), never the signing date's.
  const vars: Record<string, string> = {
    ...h.words,
    unitShort: h.unitShort,
    place: h.place,
    unitName: h.unitName,
    name: input.unit.name,
    ...dateWords(input.date),
    ...periodVars(input.period, t),
  };
  const byCode = new Map<string, Figure>(input.figures.figures.map((f) => [f.element, f]));
  const ctx: LineContext = {
    vars,
    phrases: t.unavailable,
    resolve: (ref) => {
      const r = resolveFigure(ref, byCode, input.catalogue.byCode, t.padBelow10);
      return !r.ok && r.reason === 'missing' && !enteredHere(ref.element) ? { ok: false, reason: 'notApplicable' } : r;
    },
  };
  const monthly = resolvePeriod(input.period).kind === 'month';
  const carried = new Map((input.carried ?? []).map((c) => [c.section, c.fromPeriod]));
  /** A line applies when one of its figures is entered at the unit's level or below. */
  const applies = (b: { p: string; element?: string }): boolean => {
    const codes = lineElements(b.p, b.element);
    return codes.length === 0 || codes.some(enteredHere);
  };

  const ind = input.indicators
    ? buildIndicatorSection({
        view: input.indicators,
        templates: t.indicators,
        vars,
        elementNames: new Map(input.catalogue.elements.map((e) => [e.code, e.nameVi])),
        totalLabel: fillWords(t.indicators.totalLabel, vars),
        timeliness: input.timeliness ?? null,
        year: resolvePeriod(input.period).year,
      })
    : null;
  const body: BodyBlock[] = [];
  // A heading (sub-section "6.13.", or "* Tại …") whose lines were all left out goes too; the
  // open headings count the lines kept and left out below them.
  const open: { index: number; level: number; kept: number; dropped: number }[] = [];
  const removed = new Set<number>();
  const closeTo = (level: number) => {
    while (open.length > 0 && open[open.length - 1]!.level >= level) {
      const s = open.pop()!;
      if (s.level >= 2 && s.kept === 0 && s.dropped > 0) removed.add(s.index);
    }
  };
  const count = (kept: boolean) => {
    for (const s of open) {
      if (kept) s.kept++;
      else s.dropped++;
    }
  };
  for (const b of t.body) {
    if ('part' in b) {
      closeTo(1);
      body.push({ kind: 'part', lines: b.part.map((l) => fillWords(l, vars)) });
    } else if ('h' in b) {
      closeTo(b.h);
      body.push({ kind: 'heading', level: b.h as 1 | 2 | 3 | 4, text: fillWords(b.text, vars) });
      open.push({ index: body.length - 1, level: b.h, kept: 0, dropped: 0 });
    } else if ('ref' in b && b.ref === 'indicators') {
      closeTo(4);
      if (ind) {
        body.push({ kind: 'heading', level: 4, text: ind.section.heading }, { kind: 'para', text: ind.section.intro, narrative: false }, { kind: 'indicators' });
        if (ind.charts.length > 0) body.push({ kind: 'para', text: fillWords(t.indicators.charts.intro, vars), narrative: false });
        ind.charts.forEach((_c, index) => body.push({ kind: 'chart', index }));
        count(true);
      }
    } else if ('ref' in b) {
      body.push({ kind: 'para', text: fillWords(input.children.length > 0 ? t.appendix.referenceWithCommunes : t.appendix.reference, vars), narrative: false });
      count(true);
    } else if ('narrative' in b) {
      body.push(...narrativeBlocks(input.narrative.get(b.narrative), monthly ? t.narrativeMissing : fillWords(t.narrativePeriodMissing, vars)));
      const from = carried.get(b.narrative);
      if (from !== undefined) body.push({ kind: 'para', text: fillWords(t.narrativeCarried, { ...vars, from: monthWords(from) }), narrative: true, note: true });
      count(true);
    } else {
      // The sentence's parts that only hold figures entered nowhere in the unit's subtree go.
      const p = applies(b) ? dropInapplicable(b.p, b.element, enteredHere) : '';
      if (p === '') {
        count(false);
        continue;
      }
      count(true);
      const own = b.element ? byCode.get(b.element) : undefined;
      let line: string;
      if (b.zero && own?.value === 0) line = fillWords(b.zero, vars);
      else {
        // A missing figure replaces the smallest phrase that holds it ([…] or the figure alone):
        // the rest of the sentence and every other figure stay.
        const filled = fillLine(p, b.element, ctx);
        const allMissing = filled.figures > 0 && filled.missing === filled.figures;
        line = allMissing && b.missing ? fillWords(b.missing, vars) : filled.text;
      }
      body.push({ kind: 'para', text: line, narrative: false });
    }
  }
  closeTo(1);
  const kept = removed.size > 0 ? renumber(body.filter((_, i) => !removed.has(i))) : body;

  return {
    unit: input.unit.code,
    period: input.period,
    periodKind: resolvePeriod(input.period).kind,
    fileBase: `BaoCao_${input.unit.code}_${input.period}`,
    header: {
      parentBody: upper(h.parentBody),
      unitName: upper(h.unitName),
      national: [t.header.national[0]!, t.header.national[1]!],
      number: fillWords(t.header.number, vars),
      placeDate: fillWords(t.header.placeDate, vars),
    },
    title: (h.title ?? t.header.title).map((l) => fillWords(l, vars)),
    body: kept,
    closing: {
      recipientsLabel: t.closing.recipientsLabel,
      recipients: h.recipients.map((r) => r.trim()).filter(Boolean).map((r) => (r.startsWith('-') ? r : `- ${r}`)),
      signerTitle: h.signerTitle.map((r) => r.trim()).filter(Boolean).map(upper),
      signerName: h.signerName,
    },
    carried: [...(input.carried ?? [])],
    appendix: buildAppendix(input.catalogue, input.figures, input.children, t, vars),
    indicators: ind?.section ?? null,
    charts: ind?.charts ?? [],
  };
}
