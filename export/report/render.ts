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

export function reportModel(store: Store, unit: string, period: string, date: string | undefined): ReportModel {
  return loadReportModel(store, { unit, period, ...(date ? { date: parseReportDate(date) } : {}) });
}

/** Print HTML → PDF bytes: Electron's printToPDF in the app, playwright-core's Chromium elsewhere. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

export async function renderReport(
  store: Store,
  req: RenderRequest,
  _now: Date = new Date(),
  renderPdf?: PdfRenderer,
): Promise<RenderedReport> {
  const model = reportModel(store, req.unit, req.period, req.date);
  let bytes: Uint8Array;
  switch (req.format) {
    case 'docx':
      bytes = await (await import('./docx')).renderReportDocx(model);
      break;
    case 'xlsx':
      bytes = await (await import('./xlsx')).renderReportXlsx(model);
      break;
    case 'pdf':
      bytes = await (renderPdf ?? (await import('./pdf')).htmlToPdf)(renderReportHtml(model));
      break;
    case 'html':
      bytes = new TextEncoder().encode(renderReportHtml(model));
      break;
  }
  return { fileName: `${model.fileBase}.${req.format}`, mime: MIME[req.format], bytes, model };
}
