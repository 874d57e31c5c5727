// The appendix: per programme, every element with the period, year-to-date, annual plan,
// % of plan and the same period last year; and per programme a grid of the units below
// (communes × elements) whose totals row is the figures model itself.
import { displayFormat, sumsOverUnits, type Catalogue } from '../../core/catalogue';
import type { Figure, Figures } from '../../core/figures';
import { cell, type Cell, type CellFormat } from './format';
import { fillWords, type ReportTemplates } from './template';

export interface ChildValues {
  code: string;
  name: string;
  /** element code → the period's value (aggregated by the element's kind). */
  values: ReadonlyMap<string, number>;
}

export interface ProgrammeRow {
  index: string;
  element: string;
  label: string;
  unit: string;
  /** value, year-to-date, plan, % of plan (period, as the sentences say it), year-to-date % of plan, same period last year. */
  cells: Cell[];
}

export interface ProgrammeTable {
  code: string;
  title: string;
  rows: ProgrammeRow[];
}

export interface GridColumn {
  code: string;
  label: string;
  unit: string;
  format: CellFormat;
}

export interface CommuneGrid {
  code: string;
  title: string;
  columns: GridColumn[];
  rows: { code: string; name: string; cells: Cell[] }[];
  /** The unit's own figures: the same numbers as the report's sentences. */
  total: Cell[];
}

export interface Appendix {
  /** "Phụ lục I", its heading and "(Kèm theo Báo cáo số …)". */
  title: string;
  programmesTitle: string;
  attached: string;
  legend: string;
  /** Header texts of a programme table, in cell order after index, label and unit. */
  columns: { index: string; element: string; unit: string; values: string[] };
  programmes: ProgrammeTable[];
  /** "Phụ lục II" and its heading. */
  communesNumber: string;
  communesTitle: string;
  communeHeader: string;
  /** Header of the unit-code column of the workbook's commune sheets. */
  codeHeader: string;
  totalLabel: string;
  communes: CommuneGrid[];
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };

/** "II.6.10" → [2, 6, 10]: the place of a programme's section in the report. */
function sectionKey(section: string): number[] {
  return section.split('.').map((s, i) => (i === 0 ? (ROMAN[s] ?? 99) : Number(s) || 0));
}

/** Programmes in the order the report's sections come (I.4 staffing before II.2), not the catalogue's file order. */
export function reportOrder<P extends { section: string }>(programmes: readonly P[]): P[] {
  const cmp = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? -1) - (b[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  };
  return [...programmes].sort((x, y) => cmp(sectionKey(x.section), sectionKey(y.section)));
}

export function buildAppendix(
  catalogue: Catalogue,
  figures: Figures,
  children: readonly ChildValues[],
  t: ReportTemplates,
  vars: Readonly<Record<string, string>>,
): Appendix {
  const a = t.appendix;
  const none = a.missingCell;
  const byCode = new Map<string, Figure>(figures.figures.map((f) => [f.element, f]));
  const programmes: ProgrammeTable[] = [];
  const communes: CommuneGrid[] = [];
  for (const p of reportOrder(catalogue.programmes)) {
    const elements = catalogue.elements.filter((e) => e.programme === p.code);
    const title = `${p.section}. ${p.nameVi}`;
    programmes.push({
      code: p.code,
      title,
      rows: elements.map((e, i) => {
        const f = byCode.get(e.code);
        const fmt = displayFormat(e);
        return {
          index: String(i + 1),
          element: e.code,
          label: e.nameVi,
          unit: e.unitVi,
          cells: [
            cell(f?.value ?? null, fmt, none),
            cell(f?.ytd ?? null, fmt, none),
            cell(f?.plan ?? null, fmt, none),
            cell(f?.pctOfPlan ?? null, 'pct1', none),
            cell(f?.ytdPctOfPlan ?? null, 'pct1', none),
            cell(f?.lastYear ?? null, fmt, none),
          ],
        };
      }),
    });
    // Only what communes enter adds up across them; district-level entries and rates do not.
    const gridElements = elements.filter((e) => e.entryLevel === 'commune' && sumsOverUnits(e.kind));
    if (children.length === 0 || gridElements.length === 0) continue;
    const columns = gridElements.map((e) => ({ code: e.code, label: e.nameVi, unit: e.unitVi, format: displayFormat(e) }));
    communes.push({
      code: p.code,
      title,
      columns,
      rows: children.map((c) => ({ code: c.code, name: c.name, cells: columns.map((col) => cell(c.values.get(col.code) ?? null, col.format, none)) })),
      total: columns.map((col) => cell(byCode.get(col.code)?.value ?? null, col.format, none)),
    });
  }
  const c = a.columns;
  return {
    title: fillWords(a.title, vars),
    programmesTitle: fillWords(a.programmesTitle, vars),
    attached: fillWords(a.attached, vars),
    legend: fillWords(a.legend, vars),
    columns: {
      index: c.index,
      element: c.element,
      unit: c.unit,
      values: [c.value, c.ytd, c.plan, c.pctOfPlan, c.ytdPctOfPlan, c.lastYear].map((h) => fillWords(h, vars)),
    },
    programmes,
    communesNumber: fillWords(a.communesNumber, vars),
    communesTitle: fillWords(a.communesTitle, vars),
    communeHeader: fillWords(c.commune, vars),
    codeHeader: c.code,
    totalLabel: c.total,
    communes,
  };
}
