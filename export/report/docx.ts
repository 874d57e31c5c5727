// The report as a Word document (docx library), for users to finish the draft in Word or
// LibreOffice. Same model and layout as the print HTML: Decree 30 header block, body,
// recipients and signature; the appendix in a portrait section and the commune tables in a
// landscape one. Page numbers are centred at the top from page 2 (a "title page" header).
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { CommuneGrid } from './appendix';
import { columnChunks, INDICATOR_COLUMNS, LAYOUT } from './layout';
import type { BodyBlock, ReportModel } from './model';

const mm = convertMillimetersToTwip;
const M = LAYOUT.marginMm;
const A4 = { width: mm(210), height: mm(297) };
const PORTRAIT_WIDTH = mm(210 - M.left - M.right);
const LANDSCAPE_WIDTH = mm(297 - M.top - M.right);
const pt = (n: number) => n * 2; // docx sizes are half-points

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

// Decree 30/2020: at least 6 pt between paragraphs (120 twentieths of a point).
function para(
  text: string,
  o: RunOpts & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: mm(10) } : undefined,
    spacing: { after: o.after ?? 120, before: o.before ?? 0 },
    keepNext: o.keepNext,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ? pt(o.size) : undefined })],
  });
}

function lines(texts: readonly string[], o: RunOpts & { align?: (typeof AlignmentType)[keyof typeof AlignmentType] }): Paragraph[] {
  return texts.map((t) => para(t, { ...o, align: o.align ?? AlignmentType.CENTER, after: 0 }));
}

/** A short centred rule under a heading line, drawn as a bottom border narrowed by indents. */
function rule(cellWidth: number, fraction: number): Paragraph {
  const side = Math.round((cellWidth * (1 - fraction)) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    margins: { left: 0, right: 0 },
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: NO_BORDERS, children })),
        }),
    ),
  });
}

function headerBlock(r: ReportModel): (Paragraph | Table)[] {
  const h = r.header;
  const left = Math.round(PORTRAIT_WIDTH * 0.4);
  const right = PORTRAIT_WIDTH - left;
  const leftTop = [
    ...(h.parentBody ? lines([h.parentBody], { size: 13 }) : []),
    ...lines([h.unitName], { size: 13, bold: true }),
    rule(left, 0.35),
  ];
  const rightTop = [...lines([h.national[0]], { size: 12, bold: true }), ...lines([h.national[1]], { size: 14, bold: true }), rule(right, 0.55)];
  const table = layoutTable(
    [left, right],
    [
      [leftTop, rightTop],
      [lines([h.number], { size: 13 }), lines([h.placeDate], { size: 14, italics: true })],
    ],
  );
  return [table, new Paragraph({ spacing: { after: 120 }, children: [] }), ...lines(r.title, { bold: true, size: 14 }), new Paragraph({ spacing: { after: 120 }, children: [] })];
}

/** A chart as the DOCX holds it: the SVG, and its PNG fallback drawn from the same SVG. */
interface ChartImage {
  svg: Uint8Array;
  png: Uint8Array;
  width: number;
  height: number;
}

async function chartImages(r: ReportModel): Promise<(ChartImage | null)[]> {
  if (!r.charts.some((c) => c.svg)) return r.charts.map(() => null);
  let svgToPng: (svg: string, width: number) => Promise<Uint8Array>;
  try {
    ({ svgToPng } = await import('./chart-png'));
    await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', 1);
  } catch {
    // No rasteriser for this platform (a packaging fault): the document is still made, without pictures.
    return r.charts.map(() => null);
  }
  return Promise.all(
    r.charts.map(async (c) => (c.svg ? { svg: new TextEncoder().encode(c.svg.svg), png: await svgToPng(c.svg.svg, c.svg.width), width: c.svg.width, height: c.svg.height } : null)),
  );
}

/** Pixels (1/96 inch) of the text width: a chart wider than the page is scaled down to it. */
const PORTRAIT_PX = Math.floor(((210 - M.left - M.right) / 25.4) * 96);

function chartBlock(r: ReportModel, index: number, img: ChartImage | null): Paragraph[] {
  const c = r.charts[index]!;
  const out: Paragraph[] = [];
  if (!img) return out;
  {
    const scale = Math.min(1, PORTRAIT_PX / img.width);
    const transformation = { width: Math.round(img.width * scale), height: Math.round(img.height * scale) };
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        // Single, automatic line spacing: under the body's 1.3 lines LibreOffice clips the picture to one line.
        spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({ type: 'svg', data: img.svg, transformation, fallback: { type: 'png', data: img.png }, altText: { name: `chart${index + 1}`, title: c.caption, description: c.caption } }),
        ],
      }),
    );
  }
  out.push(para(c.caption, { italics: true, size: 13, align: AlignmentType.CENTER, after: 160 }));
  return out;
}

function indicatorsTable(r: ReportModel): (Paragraph | Table)[] {
  const s = r.indicators;
  if (!s) return [];
  const W = PORTRAIT_WIDTH;
  const widths = [0.05, 0.29, 0.08, 0.11, 0.1, 0.25].map((f) => Math.round(W * f));
  widths.push(W - widths.reduce((a, b) => a + b, 0));
  const rows = s.rows.map((x) => ({ cells: [x.index, x.label, x.unit, x.target, x.value.text, x.verdict, x.children] }));
  return [
    para(s.tableCaption, { bold: true, size: 13, align: AlignmentType.CENTER, before: 120, after: 60, keepNext: true }),
    dataTable(widths, s.columns, rows, LAYOUT.tablePt, 3, ['c', 'l', 'c', 'c', 'r', 'l', 'c']),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function indicatorAppendix(r: ReportModel): (Paragraph | Table)[] {
  const s = r.indicators;
  if (!s || s.appendix.columns.length === 0) return [];
  const a = s.appendix;
  const out: (Paragraph | Table)[] = [
    ...lines([a.number, a.title], { bold: true }),
    para(r.appendix.attached, { italics: true, align: AlignmentType.CENTER }),
    para(a.legend, { italics: true, size: 11 }),
  ];
  for (let i = 0; i < a.columns.length; i += INDICATOR_COLUMNS) {
    const idx = a.columns.slice(i, i + INDICATOR_COLUMNS).map((_c, j) => i + j);
    const fixed = [Math.round(LANDSCAPE_WIDTH * 0.04), Math.round(LANDSCAPE_WIDTH * 0.16)];
    const each = Math.floor((LANDSCAPE_WIDTH - fixed[0]! - fixed[1]!) / INDICATOR_COLUMNS);
    const head = [r.appendix.columns.index, a.unitHeader, ...idx.map((j) => `${a.columns[j]!.label}${a.columns[j]!.unit ? ` (${a.columns[j]!.unit})` : ''} — KH: ${a.columns[j]!.target}`)];
    const verdict = (v: boolean | null) => (v === null ? '' : ` (${v ? a.verdictWords.onTrack : a.verdictWords.offTrack})`);
    const rows = a.rows.map((row, n) => ({
      cells: [row.total ? '' : String(n + 1), row.name, ...idx.map((j) => `${row.cells[j]!.text}${verdict(row.verdicts[j]!)}`)],
      ...(row.total ? { bold: true } : {}),
    }));
    out.push(dataTable([...fixed, ...idx.map(() => each)], head, rows, LAYOUT.gridPt, 2));
    out.push(new Paragraph({ spacing: { after: 160 }, children: [] }));
  }
  return out;
}

function block(b: BodyBlock, r: ReportModel, images: readonly (ChartImage | null)[]): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'indicators':
      return indicatorsTable(r);
    case 'chart':
      return chartBlock(r, b.index, images[b.index] ?? null);
    case 'part':
      return [new Paragraph({ spacing: { before: 120 }, children: [] }), ...lines(b.lines, { bold: true }), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'heading':
      return [para(b.text, { bold: true, italics: b.level >= 3, indent: true, before: 120, keepNext: true })];
    case 'para':
      return [para(b.text, { indent: true })];
  }
}

function closing(r: ReportModel): Table {
  const c = r.closing;
  const half = Math.round(PORTRAIT_WIDTH / 2);
  return layoutTable(
    [half, PORTRAIT_WIDTH - half],
    [
      [
        [para(c.recipientsLabel, { bold: true, italics: true, size: 12, after: 0, align: AlignmentType.LEFT }), ...c.recipients.map((x) => para(x, { size: 11, after: 0, align: AlignmentType.LEFT }))],
        [...lines(c.signerTitle, { bold: true }), new Paragraph({ spacing: { before: 1400 }, children: [] }), ...lines([c.signerName], { bold: true })],
      ],
    ],
  );
}

/** The paragraph style of a table's text at `size` pt (see TABLE_SIZES): its size and spacing once, not in every cell. */
const tableStyle = (size: number) => `BangSo${size}`;
const TABLE_SIZES = [LAYOUT.tablePt, LAYOUT.gridPt] as const;

function cellP(text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], size: number, bold = false, keepNext = false): TableCell {
  // A table of a province's year has thousands of cells: each says only what differs from its
  // table (margins) and its style (size, spacing), which keeps the file and its making small.
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ style: tableStyle(size), alignment: align, keepNext, children: [bold ? new TextRun({ text, bold }) : new TextRun(text)] })],
  });
}

function dataTable(widths: number[], head: string[], rows: { cells: string[]; bold?: boolean }[], size: number, numericFrom: number, aligns?: readonly ('c' | 'l' | 'r')[]): Table {
  const A = { c: AlignmentType.CENTER, l: AlignmentType.LEFT, r: AlignmentType.RIGHT };
  const alignOf = (i: number) => (aligns?.[i] ? A[aligns[i]] : i >= numericFrom ? AlignmentType.RIGHT : i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    margins: { left: 50, right: 50, top: 10, bottom: 10 },
    rows: [
      // The header repeats on every page; it and the first two rows keep together, so no table
      // starts with a lone row at a page foot.
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h) => cellP(h, AlignmentType.CENTER, size, true, true)) }),
      ...rows.map(
        (r, n) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((t, i) =>
              cellP(t, alignOf(i), size, r.bold, n < 1 && rows.length > 1),
            ),
          }),
      ),
    ],
  });
}

function programmeTables(r: ReportModel): (Paragraph | Table)[] {
  const a = r.appendix;
  const W = PORTRAIT_WIDTH;
  const fixed = [0.05, 0.25, 0.08].map((f) => Math.round(W * f));
  const rest = Math.floor((W - fixed.reduce((x, y) => x + y, 0)) / a.columns.values.length);
  const widths = [...fixed, ...a.columns.values.map(() => rest)];
  const head = [a.columns.index, a.columns.element, a.columns.unit, ...a.columns.values];
  const out: (Paragraph | Table)[] = [
    ...lines([a.title, a.programmesTitle], { bold: true }),
    para(a.attached, { italics: true, align: AlignmentType.CENTER }),
    para(a.legend, { italics: true, size: 11 }),
  ];
  for (const p of a.programmes) {
    out.push(para(p.title, { bold: true, size: 13, before: 160, after: 120, align: AlignmentType.LEFT, keepNext: true }));
    out.push(dataTable(widths, head, p.rows.map((row) => ({ cells: [row.index, row.label, row.unit, ...row.cells.map((c) => c.text)] })), LAYOUT.tablePt, 3));
  }
  return out;
}

function grids(r: ReportModel, list: readonly CommuneGrid[]): (Paragraph | Table)[] {
  const a = r.appendix;
  const out: (Paragraph | Table)[] = [...lines([a.communesNumber, a.communesTitle], { bold: true }), para(a.attached, { italics: true, align: AlignmentType.CENTER })];
  for (const g of list) {
    for (const cols of columnChunks(g)) {
      const idx = cols.map((c) => g.columns.indexOf(c));
      const fixed = [Math.round(LANDSCAPE_WIDTH * 0.04), Math.round(LANDSCAPE_WIDTH * 0.16)];
      const each = Math.floor((LANDSCAPE_WIDTH - fixed[0]! - fixed[1]!) / LAYOUT.gridColumns);
      const widths = [...fixed, ...cols.map(() => each)];
      const head = [a.columns.index, a.communeHeader, ...cols.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label))];
      const rows = [
        ...g.rows.map((row, n) => ({ cells: [String(n + 1), row.name, ...idx.map((j) => row.cells[j]!.text)] })),
        { cells: ['', a.totalLabel, ...idx.map((j) => g.total[j]!.text)], bold: true },
      ];
      out.push(para(g.title, { bold: true, size: 13, before: 160, after: 120, align: AlignmentType.LEFT, keepNext: true }));
      out.push(dataTable(widths, head, rows, LAYOUT.gridPt, 2));
    }
  }
  return out;
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })] })] });
}

const margin = (left: number) => ({ top: mm(M.top), bottom: mm(M.bottom), left: mm(left), right: mm(M.right), header: mm(10), footer: mm(10) });

export async function renderReportDocx(r: ReportModel): Promise<Uint8Array> {
  const images = await chartImages(r);
  const portrait = { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: margin(M.left) };
  const sections: ISectionOptions[] = [
    {
      properties: { titlePage: true, page: portrait },
      headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children: [...headerBlock(r), ...r.body.flatMap((b) => block(b, r, images)), new Paragraph({ spacing: { after: 120 }, children: [] }), closing(r)],
    },
    { properties: { page: portrait }, headers: { default: pageNumberHeader() }, children: programmeTables(r) },
  ];
  if (r.appendix.communes.length > 0) {
    sections.push({
      properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: margin(M.top) } },
      headers: { default: pageNumberHeader() },
      children: grids(r, r.appendix.communes),
    });
  }
  const indicatorPages = indicatorAppendix(r);
  if (indicatorPages.length > 0) {
    sections.push({
      properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: margin(M.top) } },
      headers: { default: pageNumberHeader() },
      children: indicatorPages,
    });
  }
  const doc = new Document({
    creator: 'Thống kê Y tế',
    title: r.title.join(' '),
    styles: {
      default: { document: { run: { font: LAYOUT.font, size: pt(LAYOUT.bodyPt) }, paragraph: { spacing: { line: 312 } } } },
      paragraphStyles: TABLE_SIZES.map((size) => ({
        id: tableStyle(size),
        name: `Bảng số ${size}`,
        basedOn: 'Normal',
        run: { size: pt(size) },
        paragraph: { spacing: { after: 0, line: 240 } },
      })),
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
