// The report operations of the service (core/api/report.ts): the preview's print HTML, and the
// report file as bytes; the host writes them where the user chose (dialog, --out). Both say what
// the user should know before sending the report (months not complete, unexplained high
// violations, narrative carried over from an earlier month) and make the report all the same.
import type { ReportResults, ServiceHandlers } from '../core/api';
import type { Lang } from '../core/format';
import { translator } from '../core/i18n';
import { monthOf, monthParts, resolvePeriod } from '../core/period';
import { getSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { renderReportHtml } from '../export/report/html';
import type { ReportModel } from '../export/report/model';
import { renderReport, reportModel, withCharts } from '../export/report/render';
import { clockOf, type ServiceContext } from './data';
import { highViolations, monthStatus, validateMonth } from './quality';

const monthText = (m: string) => {
  const { year, month } = monthParts(m);
  return `${month}/${year}`;
};

/** One sentence per thing to know, in the user's language. */
export function reportWarnings(store: Store, model: ReportModel, lang: Lang, now: Date): string[] {
  const t = translator(lang);
  const unit = store.unit(model.unit).name;
  const out: string[] = [];
  const current = monthOf(now);
  for (const m of resolvePeriod(model.period).months) {
    if (m > current) continue;
    const { unexplained } = highViolations(store, model.unit, m, validateMonth(store, model.unit, m, lang));
    if (unexplained.length > 0) out.push(t('report.warn.unexplained', { unit, month: monthText(m), count: unexplained.length }));
    if (monthStatus(store, model.unit, m).status !== 'complete') out.push(t('report.warn.notComplete', { unit, month: monthText(m) }));
  }
  const from = [...new Set(model.carried.map((c) => c.fromPeriod))].sort();
  for (const f of from) {
    const count = model.carried.filter((c) => c.fromPeriod === f).length;
    out.push(t('report.warn.carried', { count, month: monthText(f) }));
  }
  return out;
}

export function reportHandlers(ctx: ServiceContext): Pick<ServiceHandlers, keyof ReportResults> {
  const now = clockOf(ctx);
  const langOf = (a: { lang?: Lang | undefined }): Lang => a.lang ?? getSetting(ctx.store, 'ui.lang') ?? 'vi';
  return {
    'report.preview': async (a) => {
      const model = await withCharts(reportModel(ctx.store, a.unit, a.period, a.date, now()));
      return { html: renderReportHtml(model), title: model.title.join(' '), fileBase: model.fileBase, warnings: reportWarnings(ctx.store, model, langOf(a), now()) };
    },
    'report.export': async (a) => {
      const r = await renderReport(ctx.store, a, now(), ctx.renderPdf);
      return { fileName: r.fileName, mime: r.mime, data: r.bytes, warnings: reportWarnings(ctx.store, r.model, langOf(a), now()) };
    },
  };
}

/** The PDF browser is kept between reports; a host that makes one report lets it go after. */
export { closePdfBrowser as releaseReportBrowser } from '../export/report/pdf';
