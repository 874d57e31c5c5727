// The report operations of the service (core/api/report.ts): the preview's print HTML, and the
// report file as bytes; the host writes them where the user chose (dialog, --out).
import type { ReportResults, ServiceHandlers } from '../core/api';
import { renderReportHtml } from '../export/report/html';
import { renderReport, reportModel } from '../export/report/render';
import { clockOf, type ServiceContext } from './data';

export function reportHandlers(ctx: ServiceContext): Pick<ServiceHandlers, keyof ReportResults> {
  const now = clockOf(ctx);
  return {
    'report.preview': (a) => {
      const model = reportModel(ctx.store, a.unit, a.period, a.date);
      return { html: renderReportHtml(model), title: model.title.join(' '), fileBase: model.fileBase };
    },
    'report.export': async (a) => {
      const r = await renderReport(ctx.store, a, now(), ctx.renderPdf);
      return { fileName: r.fileName, mime: r.mime, data: r.bytes };
    },
  };
}

/** The PDF browser is kept between reports; a host that makes one report lets it go after. */
export { closePdfBrowser as releaseReportBrowser } from '../export/report/pdf';
