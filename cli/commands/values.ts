// values import / values export / plans import / figures.
import { basename } from 'node:path';
import { UserError } from '../../core/errors';
import { userMessage } from '../../core/i18n';
import { isMonth, isPeriodSpec } from '../../core/period';
import { exportValuesCsv, importPlansCsv, importValuesCsv } from '../../db/csv.repo';
import { readTextFile } from '../../db/files';
import { getFigures } from '../../db/figures.repo';
import { currentUser } from '../../db/handlers';
import type { Store } from '../../db/store';
import { exportValues } from '../../db/values.repo';
import { parse, UsageError, type Command } from '../args';
import { writeOutput } from '../output';
import { withStore } from '../store';

export const valuesImportCommand: Command = {
  name: 'values import',
  usage: 'thongke values import <db> <file.csv> [--user NAME]',
  summaryVi: 'Nhập số liệu từ tệp CSV (unit,period,element,value[,comment]); lỗi một dòng thì không nhập dòng nào.',
  summaryEn: 'Import values from CSV (unit,period,element,value[,comment]); one bad line rejects the whole file.',
  run(argv, io) {
    const { values, positionals } = parse(argv, { user: { type: 'string' } }, { min: 2, max: 2, usage: this.usage });
    const [db, file] = positionals as [string, string];
    const text = readTextFile(file);
    const summary = withStore(db, (store) =>
      importValuesCsv(store, text, basename(file), values.user ?? currentUser(store), io.now()),
    );
    io.out(userMessage({ key: 'cli.imported', params: { count: summary.count, changed: summary.changed, file: basename(file) } }, io.lang));
    return 0;
  },
};

export const valuesExportCommand: Command = {
  name: 'values export',
  usage: 'thongke values export <db> --period YYYY-MM [--unit CODE] [--json] [--out FILE]',
  summaryVi: 'Xuất số liệu một tháng ra CSV (đọc lại được bằng "values import") hoặc JSON.',
  summaryEn: 'Export a month of values as CSV (readable by "values import") or JSON.',
  run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { period: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.period) throw new UsageError(this.usage);
    const period = values.period;
    if (!isMonth(period)) throw new UserError('error.badPeriod', { period });
    const text = withStore(positionals[0]!, (store) => {
      if (values.unit) store.unit(values.unit);
      if (!values.json) return exportValuesCsv(store, period, values.unit);
      return JSON.stringify(exportValuesJson(store, period, values.unit));
    });
    if (values.out) writeOutput(positionals[0]!, values.out, text);
    else io.out(text);
    return 0;
  },
};

function exportValuesJson(store: Store, period: string, unit?: string) {
  return exportValues(store, period, unit).map((v) => ({
    unit: v.unit,
    period: v.period,
    element: v.element,
    value: v.value,
    comment: v.comment,
    revision: v.revision,
    updatedBy: v.updatedBy,
    updatedAt: v.updatedAt,
  }));
}

export const plansImportCommand: Command = {
  name: 'plans import',
  usage: 'thongke plans import <db> <file.csv>',
  summaryVi: 'Nhập chỉ tiêu kế hoạch năm từ CSV (unit,year,element,target[,direction]).',
  summaryEn: 'Import annual plan targets from CSV (unit,year,element,target[,direction]).',
  run(argv, io) {
    const { positionals } = parse(argv, {}, { min: 2, max: 2, usage: this.usage });
    const [db, file] = positionals as [string, string];
    const text = readTextFile(file);
    const count = withStore(db, (store) => importPlansCsv(store, text, basename(file), currentUser(store), io.now()));
    io.out(userMessage({ key: 'cli.importedPlans', params: { count, file: basename(file) } }, io.lang));
    return 0;
  },
};

export const figuresCommand: Command = {
  name: 'figures',
  usage: 'thongke figures <db> --unit CODE --period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-9M|YYYY [--json]',
  summaryVi: 'Số liệu tổng hợp của một đơn vị: tháng, lũy kế năm, kế hoạch, % kế hoạch, cùng kỳ năm trước.',
  summaryEn: "A unit's aggregated figures: month, year-to-date, plan, % of plan, same period last year.",
  run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.unit || !values.period) throw new UsageError(this.usage);
    const { unit, period } = values;
    if (!isPeriodSpec(period)) throw new UserError('error.badPeriodSpec', { period });
    const result = withStore(positionals[0]!, (store) => {
      const f = getFigures(store, unit, period);
      return { f, names: new Map(store.catalogue.elements.map((e) => [e.code, io.lang === 'vi' ? e.nameVi : e.nameEn])) };
    });
    const rows = result.f.figures.map((x) => ({
      element: x.element,
      kind: x.kind,
      value: x.value,
      ytd: x.ytd,
      plan: x.plan,
      pctOfPlan: x.pctOfPlan,
      lastYear: x.lastYear,
    }));
    if (values.json) {
      io.out(JSON.stringify({ unit: result.f.unit, period: result.f.period, figures: rows }));
      return 0;
    }
    const show = (v: number | null) => (v === null ? '-' : String(Math.round(v * 100) / 100));
    io.out(['element', 'value', 'ytd', 'plan', '%plan', 'lastYear', 'name'].join('\t'));
    for (const r of rows) {
      io.out([r.element, show(r.value), show(r.ytd), show(r.plan), show(r.pctOfPlan), show(r.lastYear), result.names.get(r.element)].join('\t'));
    }
    return 0;
  },
};
