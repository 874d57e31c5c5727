// The report's wording is data (resources/report/templates.vi.json): a province changes a
// sentence there, not here. This module validates that file and fills its sentences.
//
// Syntax of a sentence:
//   {value} {ytd} {plan} {pctOfPlan} {ytdPctOfPlan} {lastYear}  figures of the line's "element"
//   {CODE} or {CODE.field}                                       figures of any element
//   {period.label} {next.label} … and |upper / |capital           words of the period
//   [ … ]  a group replaced as a whole by a clear phrase when a figure in it is unavailable,
//          so "307 trẻ đạt 8,7% kế hoạch" never becomes "đạt  kế hoạch" or "NaN%".
import { z } from 'zod';
import type { Catalogue } from '../../core/catalogue';
import shipped from '../../resources/report/templates.vi.json';

const blockSchema = z.union([
  z.object({ part: z.array(z.string()).min(1) }).strict(),
  z.object({ h: z.number().int().min(1).max(4), text: z.string().min(1) }).strict(),
  z.object({ narrative: z.string().min(1) }).strict(),
  /** Where the body refers to its appendices. */
  z.object({ ref: z.literal('appendix') }).strict(),
  /** Where the plan indicators' table and the charts go (units with units below them). */
  z.object({ ref: z.literal('indicators') }).strict(),
  z
    .object({
      p: z.string().min(1),
      element: z.string().optional(),
      /** The sentence to print instead when the element's value is 0 ("Không có ca …"). */
      zero: z.string().optional(),
      /** The sentence to print instead when every figure in the line is missing. */
      missing: z.string().optional(),
    })
    .strict(),
]);
export type TemplateBlock = z.infer<typeof blockSchema>;

const levelDefaultsSchema = z
  .object({
    parentBody: z.string(),
    /** From this month on the parent body is another one (TT 43/2025: commune stations answer to the commune). */
    parentBodyFrom: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), text: z.string() }).strict().optional(),
    unitName: z.string(),
    unitShort: z.string(),
    place: z.string(),
    signerTitle: z.array(z.string()),
    recipients: z.array(z.string()),
    /** Replaces the header's title lines for this level. */
    title: z.array(z.string()).min(1).optional(),
    /** {area.in} {area.on} {area.at} {area.stations} {area.stationsCap} of the body's sentences. */
    words: z
      .object({
        in: z.string(),
        on: z.string(),
        at: z.string(),
        stations: z.string(),
        stationsCap: z.string(),
        /** {area.children} "huyện, thị xã, thành phố", {area.childUnit} "huyện", {area.self} "tỉnh": the units below and the unit's own kind. */
        children: z.string().optional(),
        childUnit: z.string().optional(),
        self: z.string().optional(),
      })
      .strict(),
  })
  .strict();
export type LevelDefaults = z.infer<typeof levelDefaultsSchema>;

const verdictWords = z.object({ onTrack: z.string(), offTrack: z.string() }).strict();

/** The plan indicators' table, its appendix and the charts (export/report/indicators.ts). */
const indicatorsSchema = z
  .object({
    $comment: z.string().optional(),
    heading: z.string(),
    intro: z.string(),
    introNone: z.string(),
    tableCaption: z.string(),
    columns: z
      .object({ index: z.string(), indicator: z.string(), unit: z.string(), target: z.string(), direction: z.string(), value: z.string(), verdict: z.string(), children: z.string() })
      .strict(),
    verdict: verdictWords.extend({ noValue: z.string(), noTarget: z.string() }).strict(),
    cellVerdict: verdictWords,
    gaps: z
      .object({ notInCatalogue: z.string(), numeratorMissing: z.string(), denominatorMissing: z.string(), denominatorZero: z.string(), noTarget: z.string() })
      .strict(),
    /** An indicator's unit as the report prints it, where the indicator file's has letters the report's font lacks (⁰/₀₀₀₀₀). */
    units: z.record(z.string(), z.string()),
    /** What the catalogue lacks for an indicator it cannot compute (the indicator file's "needs"), in words. */
    needs: z.record(z.string(), z.string()),
    directions: z.object({ '>=': z.string(), '>': z.string(), '<=': z.string(), '<': z.string(), '=': z.string() }).strict(),
    appendixNumber: z.string(),
    appendixTitle: z.string(),
    appendixLegend: z.string(),
    unitHeader: z.string(),
    totalLabel: z.string(),
    charts: z
      .object({
        caption: z.string(),
        intro: z.string(),
        indicator: z.string(),
        target: z.string(),
        onTrack: z.string(),
        offTrack: z.string(),
        timeliness: z.string(),
        onTime: z.string(),
        late: z.string(),
        missing: z.string(),
        month: z.string(),
        /** At most this many indicator charts: the ones furthest from their plan. */
        maxIndicators: z.number().int().min(0).max(15),
      })
      .strict(),
  })
  .strict();
export type IndicatorTemplates = z.infer<typeof indicatorsSchema>;

const periodWords = z.object({ label: z.string(), short: z.string() }).strict();

export const templatesSchema = z
  .object({
    $comment: z.string().optional(),
    locale: z.literal('vi'),
    /** Counts 1–9 print as 01–09, as Vietnamese administrative documents write them. */
    padBelow10: z.boolean(),
    unavailable: z
      .object({ missing: z.string(), noPlan: z.string(), zeroPlan: z.string(), zeroDenominator: z.string() })
      .strict(),
    narrativeMissing: z.string(),
    /** Printed under a section whose text was written for an earlier month ({from}: "tháng 4/2024"). */
    narrativeCarried: z.string(),
    /** Printed for a section of a quarter, 6/9-month or year report that has no text of its own. */
    narrativePeriodMissing: z.string(),
    periods: z
      .object({
        month: periodWords,
        quarter: periodWords,
        half: periodWords,
        secondHalf: periodWords,
        'nine-months': periodWords,
        year: periodWords,
      })
      .strict(),
    header: z
      .object({ national: z.array(z.string()).length(2), number: z.string(), placeDate: z.string(), title: z.array(z.string()).min(1) })
      .strict(),
    closing: z.object({ recipientsLabel: z.string() }).strict(),
    /** Words a unit's name starts with that say what kind of unit it is ("Xã", "Thị trấn"). */
    unitKinds: z.array(z.string().min(1)),
    /** Report settings by the unit's level ("*": any other level), used where the unit has none of its own. */
    levels: z.record(z.string(), z.union([z.string(), levelDefaultsSchema])),
    appendix: z
      .object({
        $comment: z.string().optional(),
        title: z.string(),
        programmesTitle: z.string(),
        communesNumber: z.string(),
        communesTitle: z.string(),
        /** "(Kèm theo Báo cáo số …)" under each appendix's heading. */
        attached: z.string(),
        /** The body's sentence that refers to the appendices (Decree 30). */
        reference: z.string(),
        referenceWithCommunes: z.string(),
        legend: z.string(),
        columns: z
          .object({
            index: z.string(),
            element: z.string(),
            unit: z.string(),
            value: z.string(),
            ytd: z.string(),
            plan: z.string(),
            pctOfPlan: z.string(),
            ytdPctOfPlan: z.string(),
            lastYear: z.string(),
            commune: z.string(),
            code: z.string(),
            total: z.string(),
          })
          .strict(),
        missingCell: z.string(),
      })
      .strict(),
    indicators: indicatorsSchema,
    body: z.array(blockSchema).min(1),
  })
  .strict();
export type ReportTemplates = z.infer<typeof templatesSchema>;

export const FIGURE_FIELDS = ['value', 'ytd', 'plan', 'pctOfPlan', 'ytdPctOfPlan', 'lastYear'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
const isField = (s: string): s is FigureField => (FIGURE_FIELDS as readonly string[]).includes(s);

/** Why a figure cannot be printed. 'dependent': a % whose base value is itself missing (said once). */
/** 'notApplicable': a figure no unit of the report enters (a district rate in a commune's report):
 * its […] group is left out; outside a group it reads as missing. */
export type Unavailable = 'missing' | 'noPlan' | 'zeroPlan' | 'zeroDenominator' | 'dependent' | 'notApplicable';
export type Resolved = { ok: true; text: string } | { ok: false; reason: Unavailable };

export interface FigureRef {
  element: string;
  field: FigureField;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const SEGMENT = /\[([^[\]]*)\]/g;

/** Parses "{CODE.field|mod}" into a figure reference, or null for a word placeholder. */
export function figureRef(token: string, lineElement: string | undefined): FigureRef | null {
  const name = token.split('|')[0]!.trim();
  if (isField(name)) return lineElement ? { element: lineElement, field: name } : null;
  const m = /^([A-Z][A-Z0-9_]*)(?:\.([a-zA-Z]+))?$/.exec(name);
  if (!m) return null;
  const field = m[2] ?? 'value';
  return isField(field) ? { element: m[1]!, field } : null;
}

/** Every element code the templates name that the catalogue lacks: a bad template file is refused whole. */
export function unknownTemplateCodes(t: ReportTemplates, catalogue: Catalogue): string[] {
  const bad = new Set<string>();
  for (const b of t.body) {
    if (!('p' in b)) continue;
    if (b.element && !catalogue.byCode.has(b.element)) bad.add(b.element);
    for (const m of b.p.matchAll(PLACEHOLDER)) {
      const ref = figureRef(m[1]!, b.element);
      if (ref && !catalogue.byCode.has(ref.element)) bad.add(ref.element);
      if (!ref && isField(m[1]!.split('|')[0]!) && !b.element) bad.add(`{${m[1]!}} (no "element")`);
    }
  }
  return [...bad];
}

let cached: ReportTemplates | null = null;

/** The shipped templates, validated once. */
export function shippedTemplates(): ReportTemplates {
  cached ??= templatesSchema.parse(shipped);
  return cached;
}

function applyMods(text: string, mods: string[]): string {
  let out = text;
  for (const m of mods) {
    if (m === 'upper') out = out.toLocaleUpperCase('vi');
    else if (m === 'capital') out = out.charAt(0).toLocaleUpperCase('vi') + out.slice(1);
    else if (m === 'capitalWords') out = out.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_w, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
  }
  return out;
}

/** Fills word placeholders only ({period.label|upper}); unknown names stay visible for the author to see. */
export function fillWords(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, token: string) => {
    const [name, ...mods] = token.split('|').map((s) => s.trim());
    const v = vars[name!];
    return v === undefined ? whole : applyMods(v, mods);
  });
}

export interface LineContext {
  vars: Readonly<Record<string, string>>;
  phrases: ReportTemplates['unavailable'];
  resolve: (ref: FigureRef) => Resolved;
}

function phraseOf(reason: Unavailable, phrases: ReportTemplates['unavailable'], inGroup = false): string {
  if (reason === 'notApplicable') return inGroup ? '' : phrases.missing;
  return reason === 'dependent' ? '' : phrases[reason];
}

function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/** Fills one sentence; returns its text and whether every figure in it was missing. */
export function fillLine(text: string, element: string | undefined, ctx: LineContext): { text: string; figures: number; missing: number } {
  let figures = 0;
  let missing = 0;
  const one = (token: string): Resolved | { ok: true; text: string; word: true } => {
    const ref = figureRef(token, element);
    if (!ref) {
      const [name, ...mods] = token.split('|').map((s) => s.trim());
      const v = ctx.vars[name!];
      return { ok: true, text: v === undefined ? `{${token}}` : applyMods(v, mods), word: true };
    }
    figures++;
    const r = ctx.resolve(ref);
    if (!r.ok && (r.reason === 'missing' || r.reason === 'dependent' || r.reason === 'notApplicable')) missing++;
    return r;
  };
  const withSegments = text.replace(SEGMENT, (_whole, inner: string) => {
    let failed: Unavailable | null = null;
    const filled = inner.replace(PLACEHOLDER, (_w, token: string) => {
      const r = one(token);
      if (r.ok) return r.text;
      failed ??= r.reason;
      return '';
    });
    return failed === null ? filled : phraseOf(failed, ctx.phrases, true);
  });
  const out = withSegments.replace(PLACEHOLDER, (_w, token: string) => {
    const r = one(token);
    return r.ok ? r.text : phraseOf(r.reason, ctx.phrases);
  });
  return { text: tidy(out), figures, missing };
}

/** The element codes a sentence's figures name. */
export function lineElements(text: string, element: string | undefined): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    const ref = figureRef(m[1]!, element);
    if (ref) out.add(ref.element);
  }
  return [...out];
}

/**
 * The sentence without its parts that hold only figures no unit of the report enters: a line
 * mixing commune and district figures, in a commune's report, loses the district's sentence
 * ("Số bệnh nhân điều trị Methadone là …") instead of printing it empty or "chưa có số liệu".
 * Parts are split after "." or ";" (outside {…} and […]); a part with no figure always stays. A
 * leading "- " stays, and a kept part that now ends the line ends with "." again.
 */
export function dropInapplicable(text: string, element: string | undefined, applies: (code: string) => boolean): string {
  const lead = /^\s*[-+•*]\s+/.exec(text)?.[0] ?? '';
  const rest = text.slice(lead.length);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
    else if ((c === '.' || c === ';') && depth === 0 && (i + 1 === rest.length || /\s/.test(rest[i + 1]!))) {
      parts.push(rest.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < rest.length) parts.push(rest.slice(start));
  const kept = parts.filter((p) => {
    const codes = lineElements(p, element);
    return codes.length === 0 || codes.some(applies);
  });
  if (kept.length === parts.length) return text;
  if (!kept.some((p) => lineElements(p, element).length > 0)) return '';
  const last = kept.length - 1;
  const endsText = parts[parts.length - 1]!.trimEnd();
  if (/[.;]$/.test(endsText) && kept[last]!.trimEnd().endsWith(';')) kept[last] = `${kept[last]!.trimEnd().slice(0, -1)}.`;
  return lead + kept.map((p) => p.trim()).join(' ');
}
