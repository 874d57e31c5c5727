// One entry point for every host: a unit, a period and a format in, the file's bytes out.
// The document libraries (docx, exceljs) and playwright-core are imported only when a document
// of their format is made: a host that never makes one (the CLI's other commands, the app until
// the first Word or Excel file) never loads them (issue 9). The Electron main bundle replaces
// ./pdf by a stub (scripts/build-electron.mjs): the app prints with printToPDF.
import type { ReportFormat } from '../../core/api/report';
import type { Store } from '../../db/store';
import { renderReportHtml } from './html';
import { loadReportModel, parseReportDate } from './load';
import type { ReportModel } from './model';

export const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export interface RenderRequest {
  unit: string;
  period: string;
  format: ReportFormat;
  /** "YYYY-MM-DD"; the 5th of the month after the period when left out. */
  date?: string;
}

export interface RenderedReport {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  model: ReportModel;
}

export function reportModel(store: Store, unit: string, period: string, date: string | undefined, now?: Date): ReportModel {
  return loadReportModel(store, { unit, period, ...(date ? { date: parseReportDate(date) } : {}), ...(now ? { now } : {}) });
}

/**
 * Draws the model's charts (ECharts SSR, loaded only when a report has charts) once, for every
 * format made from the model; a model whose charts are drawn is returned as it is.
 */
export async function withCharts(model: ReportModel): Promise<ReportModel> {
  if (model.charts.length === 0 || model.charts.every((c) => c.svg)) return model;
  const { renderChartSvg } = await import('./charts');
  return { ...model, charts: model.charts.map((c) => (c.svg ? c : { ...c, svg: renderChartSvg(c.spec) })) };
}

/** One format of a model already built (and its charts drawn): the bytes of the file. */
export async function renderModel(model: ReportModel, format: ReportFormat, renderPdf?: PdfRenderer): Promise<Uint8Array> {
  const m = await withCharts(model);
  switch (format) {
    case 'docx':
      return (await import('./docx')).renderReportDocx(m);
    case 'xlsx':
      return (await import('./xlsx')).renderReportXlsx(m);
    case 'pdf':
      return (renderPdf ?? (await import('./pdf')).htmlToPdf)(renderReportHtml(m));
    case 'html':
      return new TextEncoder().encode(renderReportHtml(m));
  }
}

/**
 * Several formats of one report from one model: the figures, the indicators and the charts are
 * computed once (a province's year in DOCX, XLSX and PDF).
 *
 * The PDF goes first and the others overlap it: Chromium (or Electron's print window) loads and
 * prints in its own process, while this one writes the DOCX and the XLSX. Their work is
 * synchronous for long stretches, so it starts only once the print has been asked for: started
 * together, it would hold back the messages that tell Chromium to load the page and then print it,
 * and the three would run one after the other.
 */
export async function renderReports(
  store: Store,
  req: Omit<RenderRequest, 'format'>,
  formats: readonly ReportFormat[],
  now: Date = new Date(),
  renderPdf?: PdfRenderer,
): Promise<RenderedReport[]> {
  const model = await withCharts(reportModel(store, req.unit, req.period, req.date, now));
  let pdf: Promise<Uint8Array> | undefined;
  if (formats.includes('pdf')) {
    let printing!: () => void;
    const asked = new Promise<void>((resolve) => (printing = resolve));
    pdf = (renderPdf ?? (await import('./pdf')).htmlToPdf)(renderReportHtml(model), printing);
    // A renderer that does not say when it prints is waited for to the end; a failed one too.
    await Promise.race([asked, pdf.then(
      () => undefined,
      () => undefined,
    )]);
  }
  const bytes: Uint8Array[] = [];
  for (const format of formats) bytes.push(format === 'pdf' ? await pdf! : await renderModel(model, format, renderPdf));
  return formats.map((format, i) => ({ fileName: `${model.fileBase}.${format}`, mime: MIME[format], bytes: bytes[i]!, model }));
}

/**
 * Print HTML → PDF bytes: Electron's printToPDF in the app, playwright-core's Chromium elsewhere.
 * `printing`, when given, is called once the page has loaded and the print has been asked for:
 * from then on the work is the browser's, and the caller may use its own thread for other files.
 */
export type PdfRenderer = (html: string, printing?: () => void) => Promise<Uint8Array>;

export async function renderReport(
  store: Store,
  req: RenderRequest,
  now: Date = new Date(),
  renderPdf?: PdfRenderer,
): Promise<RenderedReport> {
  const [one] = await renderReports(store, req, [req.format], now, renderPdf);
  return one!;
}
