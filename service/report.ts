// The report operations of the service (core/api/report.ts), merged in export/service.ts.
import type { ServiceHandlers } from '../../core/api';
import type { ReportOperation } from '../../core/api/report';
import type { ServiceContext } from '../../db/handlers';
import { renderReportHtml } from './html';
import { renderReport, reportModel } from './render';

export function reportHandlers(ctx: ServiceContext): Pick<ServiceHandlers, ReportOperation> {
  const now = () => (ctx.now ? ctx.now() : new Date());
  return {
    'report.preview': (a) => {
      const model = reportModel(ctx.store, a.unit, a.period, a.date, now());
      return { html: renderReportHtml(model), title: model.title.join(' '), fileBase: model.fileBase };
    },
    'report.export': async (a) => {
      const r = await renderReport(ctx.store, a, now(), ctx.renderPdf);
      return { fileName: r.fileName, mime: r.mime, base64: Buffer.from(r.bytes).toString('base64'), bytes: r.bytes.length };
    },
  };
}
