// The report's print HTML: the in-app preview, the PDF (Chromium's page.pdf in the CLI,
// Electron's printToPDF in the app) and the browser's Print all use this one page, so what
// the user previews is what prints. Page size, margins and page numbers are CSS @page rules
// (Chromium ≥ 131 draws @top-center margin boxes), so no host-specific header template is needed.
import type { CommuneGrid } from './appendix';
import { REPORT_FONT_FAMILY, reportFontFaces } from './fonts';
import { columnChunks, INDICATOR_COLUMNS, LAYOUT } from './layout';
import type { BodyBlock, ReportModel } from './model';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const m = LAYOUT.marginMm;
// One family for every letter: Times New Roman where installed, else the shipped Liberation
// Serif 2 (./fonts.ts). The names after it only matter if the embedded faces could not load.
const FONT = `'${REPORT_FONT_FAMILY}', 'Times New Roman', serif`;

const CSS = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-center { content: counter(page); font-family: ${FONT}; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
@page wide { size: A4 landscape; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.top}mm; }
html { font-family: ${FONT}; font-size: ${LAYOUT.bodyPt}pt; line-height: 1.3; color: #000; background: #fff; }
body { margin: 0; }
p { margin: 0 0 6pt 0; text-align: justify; text-indent: 10mm; }
.attached { text-align: center; font-style: italic; text-indent: 0; }
.hdr { width: 100%; border-collapse: collapse; font-size: 13pt; line-height: 1.2; }
.hdr td { vertical-align: top; text-align: center; padding: 0; }
.hdr .l { width: 40%; } .hdr .r { width: 60%; }
.hdr .nat { font-size: 12pt; }
.hdr .b { font-weight: bold; }
.rule { display: block; margin: 1pt auto 6pt auto; border-top: 1px solid #000; }
.hdr .date { font-style: italic; font-size: 14pt; }
.hdr .num { white-space: pre; }
.title { text-align: center; font-weight: bold; margin: 14pt 0 10pt 0; text-indent: 0; }
.part { text-align: center; font-weight: bold; margin: 12pt 0 6pt 0; text-indent: 0; }
.h1, .h2, .h3, .h4 { font-weight: bold; text-indent: 10mm; margin: 6pt 0 6pt 0; text-align: justify; break-after: avoid; }
.h3, .h4 { font-style: italic; }
.closing { width: 100%; border-collapse: collapse; margin-top: 12pt; page-break-inside: avoid; }
.closing td { vertical-align: top; padding: 0; }
.closing .l { width: 50%; font-size: 11pt; } .closing .r { width: 50%; text-align: center; font-weight: bold; }
.closing .lbl { font-weight: bold; font-style: italic; font-size: 12pt; }
.closing .name { margin-top: 70pt; }
.appx { page-break-before: always; }
.appx h2 { font-size: 14pt; text-align: center; margin: 0 0 6pt 0; }
.appx h3 { font-size: 13pt; margin: 10pt 0 6pt 0; break-after: avoid; }
.legend { font-size: 11pt; font-style: italic; text-indent: 0; }
table.data { width: 100%; border-collapse: collapse; font-size: ${LAYOUT.tablePt}pt; line-height: 1.15; page-break-inside: auto; }
table.data th, table.data td { border: 1px solid #000; padding: 1pt 3pt; vertical-align: middle; }
table.data th { font-weight: bold; text-align: center; }
table.data td.n { text-align: right; white-space: nowrap; }
table.data td.c { text-align: center; }
table.data tr { page-break-inside: avoid; }
table.data tr.total td { font-weight: bold; }
.wide { page: wide; }
.caption { text-align: center; font-weight: bold; text-indent: 0; margin: 6pt 0 3pt 0; break-after: avoid; }
table.ind td.off { font-weight: bold; }
figure.chart { margin: 8pt 0 10pt 0; text-align: center; break-inside: avoid; }
figure.chart svg { display: block; margin: 0 auto; }
figure.chart figcaption { font-style: italic; font-size: 13pt; margin-top: 3pt; }
.wide h3 { break-after: avoid; }
.wide table.data { font-size: ${LAYOUT.gridPt}pt; }
@media screen { body { max-width: 180mm; margin: 10mm auto; padding: 0 10mm; } .wide { max-width: none; } }
`;

function headerHtml(r: ReportModel): string {
  const h = r.header;
  return `<table class="hdr"><tr>
<td class="l">${h.parentBody ? `<div>${esc(h.parentBody)}</div>` : ''}<div class="b">${esc(h.unitName)}</div><span class="rule" style="width:35%"></span></td>
<td class="r"><div class="b nat">${esc(h.national[0])}</div><div class="b" style="font-size:14pt">${esc(h.national[1])}</div><span class="rule" style="width:52%"></span></td>
</tr><tr><td class="l num">${esc(h.number)}</td><td class="r date">${esc(h.placeDate)}</td></tr></table>
<div class="title">${r.title.map(esc).join('<br>')}</div>`;
}

function indicatorsHtml(r: ReportModel): string {
  const s = r.indicators;
  if (!s) return '';
  const widths = [5, 29, 8, 11, 10, 25, 12];
  const head = `<tr>${s.columns.map((c, i) => `<th style="width:${widths[i]}%">${esc(c)}</th>`).join('')}</tr>`;
  const rows = s.rows
    .map(
      (x) =>
        `<tr><td class="c">${esc(x.index)}</td><td>${esc(x.label)}</td><td class="c">${esc(x.unit)}</td><td class="c">${esc(x.target)}</td><td class="n">${esc(x.value.text)}</td><td class="${x.onTrack === false ? 'off' : ''}">${esc(x.verdict)}</td><td class="c">${esc(x.children)}</td></tr>`,
    )
    .join('');
  return `<p class="caption">${esc(s.tableCaption)}</p><table class="data ind"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function chartHtml(r: ReportModel, index: number): string {
  const c = r.charts[index]!;
  // Inline SVG: printed as vectors by Chromium, in the page's own fonts.
  const svg = c.svg ? c.svg.svg.replace(/^<svg /, `<svg role="img" aria-label="${esc(c.caption)}" style="max-width:100%;height:auto" `) : '';
  return `<figure class="chart">${svg}<figcaption>${esc(c.caption)}</figcaption></figure>`;
}

function indicatorAppendixHtml(r: ReportModel): string {
  const s = r.indicators;
  if (!s || s.appendix.columns.length === 0) return '';
  const a = s.appendix;
  const verdict = (v: boolean | null) => (v === null ? '' : `<br><i>(${esc(v ? a.verdictWords.onTrack : a.verdictWords.offTrack)})</i>`);
  const chunks: number[][] = [];
  for (let i = 0; i < a.columns.length; i += INDICATOR_COLUMNS) chunks.push(a.columns.slice(i, i + INDICATOR_COLUMNS).map((_c, j) => i + j));
  return chunks
    .map((idx, n) => {
      const head = `<tr><th style="width:4%">${esc(r.appendix.columns.index)}</th><th style="width:16%">${esc(a.unitHeader)}</th>${idx
        .map((j) => `<th>${esc(a.columns[j]!.label)}${a.columns[j]!.unit ? ` (${esc(a.columns[j]!.unit)})` : ''}<br>KH: ${esc(a.columns[j]!.target)}</th>`)
        .join('')}</tr>`;
      const rows = a.rows
        .map(
          (row, k) =>
            `<tr${row.total ? ' class="total"' : ''}><td class="c">${row.total ? '' : k + 1}</td><td>${esc(row.name)}</td>${idx.map((j) => `<td class="n">${esc(row.cells[j]!.text)}${verdict(row.verdicts[j]!)}</td>`).join('')}</tr>`,
        )
        .join('');
      const title = n === 0 ? `<h2>${esc(a.number)}</h2><h2>${esc(a.title)}</h2><p class="attached">${esc(r.appendix.attached)}</p><p class="legend">${esc(a.legend)}</p>` : '';
      return `<section class="wide">${title}<table class="data"><thead>${head}</thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('');
}

function blockHtml(r: ReportModel, b: BodyBlock): string {
  switch (b.kind) {
    case 'indicators':
      return indicatorsHtml(r);
    case 'chart':
      return chartHtml(r, b.index);
    case 'part':
      return `<div class="part">${b.lines.map(esc).join('<br>')}</div>`;
    case 'heading':
      return `<div class="h${b.level}">${esc(b.text)}</div>`;
    case 'para':
      return `<p>${esc(b.text)}</p>`;
  }
}

function closingHtml(r: ReportModel): string {
  const c = r.closing;
  return `<table class="closing"><tr>
<td class="l"><div class="lbl">${esc(c.recipientsLabel)}</div>${c.recipients.map((x) => `<div>${esc(x)}</div>`).join('')}</td>
<td class="r">${c.signerTitle.map((x) => `<div>${esc(x)}</div>`).join('')}<div class="name">${esc(c.signerName)}</div></td>
</tr></table>`;
}

function programmeTablesHtml(r: ReportModel): string {
  const a = r.appendix;
  const head = `<tr><th style="width:5%">${esc(a.columns.index)}</th><th style="width:25%">${esc(a.columns.element)}</th><th style="width:8%">${esc(a.columns.unit)}</th>${a.columns.values.map((v) => `<th style="width:10.3%">${esc(v)}</th>`).join('')}</tr>`;
  const tables = a.programmes.map(
    (p) => `<h3>${esc(p.title)}</h3><table class="data"><thead>${head}</thead><tbody>${p.rows
      .map((row) => `<tr><td class="c">${esc(row.index)}</td><td>${esc(row.label)}</td><td class="c">${esc(row.unit)}</td>${row.cells.map((c) => `<td class="n">${esc(c.text)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`,
  );
  return `<section class="appx"><h2>${esc(a.title)}</h2><h2>${esc(a.programmesTitle)}</h2><p class="attached">${esc(a.attached)}</p><p class="legend">${esc(a.legend)}</p>${tables.join('')}</section>`;
}

function gridHtml(r: ReportModel, g: CommuneGrid, first: boolean): string {
  const a = r.appendix;
  return columnChunks(g)
    .map((cols, i) => {
      const head = `<tr><th style="width:4%">${esc(a.columns.index)}</th><th style="width:16%">${esc(a.communeHeader)}</th>${cols.map((c) => `<th>${esc(c.label)}${c.unit ? ` (${esc(c.unit)})` : ''}</th>`).join('')}</tr>`;
      const idx = cols.map((c) => g.columns.indexOf(c));
      const rows = g.rows
        .map((row, n) => `<tr><td class="c">${n + 1}</td><td>${esc(row.name)}</td>${idx.map((j) => `<td class="n">${esc(row.cells[j]!.text)}</td>`).join('')}</tr>`)
        .join('');
      const total = `<tr class="total"><td></td><td>${esc(a.totalLabel)}</td>${idx.map((j) => `<td class="n">${esc(g.total[j]!.text)}</td>`).join('')}</tr>`;
      const title = first && i === 0 ? `<h2>${esc(a.communesNumber)}</h2><h2>${esc(a.communesTitle)}</h2><p class="attached">${esc(a.attached)}</p>` : '';
      return `<section class="wide">${title}<h3>${esc(g.title)}</h3><table class="data"><thead>${head}</thead><tbody>${rows}${total}</tbody></table></section>`;
    })
    .join('');
}

/** The complete print HTML of a report: self-contained, no scripts, no external resources. */
export function renderReportHtml(r: ReportModel): string {
  const body = [
    headerHtml(r),
    ...r.body.map((b) => blockHtml(r, b)),
    closingHtml(r),
    programmeTablesHtml(r),
    ...r.appendix.communes.map((g, i) => gridHtml(r, g, i === 0)),
    indicatorAppendixHtml(r),
  ].join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(r.title.join(' '))}</title><style>${reportFontFaces()}
${CSS}</style></head>
<body>
${body}
</body></html>
`;
}
