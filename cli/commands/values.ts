// values import / values export / plans import / figures.
import { basename } from 'node:path';
import { UserError } from '../../core/errors';
import { userMessage } from '../../core/i18n';
import { predecessorsLine } from '../../core/predecessors';
import { isMonth, isPeriodSpec } from '../../core/period';
import { readTextFile } from '../../db/files';
import { parse, UsageError, type Command } from '../args';
import { writeOutput } from '../output';
import { withService } from '../service';

export const valuesImportCommand: Command = {
  name: 'values import',
  usage: 'thongke values import <db> <file.csv> [--user NAME] [--json]',
  summaryVi: 'Nhập số liệu từ tệp CSV (unit,period,element,value[,comment]); lỗi một dòng thì không nhập dòng nào.',
  summaryEn: 'Import values from CSV (unit,period,element,value[,comment]); one bad line rejects the whole file.',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { user: { type: 'string' }, json: { type: 'boolean' } }, { min: 2, max: 2, usage: this.usage });
    const [db, file] = positionals as [string, string];
    const text = readTextFile(file);
    const summary = await withService(db, io, (s) => s.call('values.importCsvText', { text, fileName: basename(file) }), { user: values.user });
    if (values.json) io.out(JSON.stringify(summary));
    else io.out(userMessage({ key: 'cli.imported', params: { count: summary.count, changed: summary.changed, file: basename(file) } }, io.lang));
    return 0;
  },
};

export const valuesExportCommand: Command = {
  name: 'values export',
  usage: 'thongke values export <db> --period YYYY-MM [--unit CODE] [--json] [--out FILE]',
  summaryVi: 'Xuất số liệu một tháng ra CSV (đọc lại được bằng "values import") hoặc JSON.',
  summaryEn: 'Export a month of values as CSV (readable by "values import") or JSON.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { period: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.period) throw new UsageError(this.usage);
    const period = values.period;
    if (!isMonth(period)) throw new UserError('error.badPeriod', { period });
    const args = { period, ...(values.unit !== undefined ? { unit: values.unit } : {}) };
    const text = await withService(positionals[0]!, io, async (s) =>
      values.json ? JSON.stringify(await s.call('values.export', args)) : (await s.call('values.exportCsvText', args)).text,
    );
    if (values.out) writeOutput(positionals[0]!, values.out, text);
    else io.out(text);
    return 0;
  },
};

export const plansImportCommand: Command = {
  name: 'plans import',
  usage: 'thongke plans import <db> <file.csv> [--json]',
  summaryVi: 'Nhập chỉ tiêu kế hoạch năm từ CSV (unit,year,element,target[,direction]).',
  summaryEn: 'Import annual plan targets from CSV (unit,year,element,target[,direction]).',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: this.usage });
    const [db, file] = positionals as [string, string];
    const text = readTextFile(file);
    const r = await withService(db, io, (s) => s.call('plans.importCsvText', { text, fileName: basename(file) }));
    if (values.json) io.out(JSON.stringify(r));
    else io.out(userMessage({ key: 'cli.importedPlans', params: { count: r.count, file: basename(file) } }, io.lang));
    return 0;
  },
};

export const figuresCommand: Command = {
  name: 'figures',
  usage: 'thongke figures <db> --unit CODE --period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-9M|YYYY [--json]',
  summaryVi: 'Số liệu tổng hợp của một đơn vị: tháng, lũy kế năm, kế hoạch, % kế hoạch, cùng kỳ năm trước.',
  summaryEn: "A unit's aggregated figures: month, year-to-date, plan, % of plan, same period last year.",
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.unit || !values.period) throw new UsageError(this.usage);
    const { unit, period } = values;
    if (!isPeriodSpec(period)) throw new UserError('error.badPeriodSpec', { period });
    const { f, cat, units } = await withService(positionals[0]!, io, async (s) => ({
      f: await s.call('figures.get', { unit, period }),
      cat: values.json ? null : await s.call('catalogue.get', {}),
      units: await s.call('units.list', {}),
    }));
    if (values.json || !cat) {
      io.out(JSON.stringify(f));
      return 0;
    }
    const names = new Map(cat.elements.map((e) => [e.code, io.lang === 'vi' ? e.nameVi : e.nameEn]));
    const show = (v: number | null) => (v === null ? '-' : String(Math.round(v * 100) / 100));
    io.out(['element', 'value', 'ytd', 'plan', '%plan', 'lastYear', 'name'].join('\t'));
    for (const r of f.figures) {
      io.out([r.element, show(r.value), show(r.ytd), show(r.plan), show(r.pctOfPlan), show(r.lastYear), names.get(r.element)].join('\t'));
    }
    // Months before a merger hold the former units' sums: say so ("cộng các đơn vị cũ").
    if (f.predecessors) io.err(predecessorsLine(f.predecessors, (c) => units.find((u) => u.code === c)?.name ?? c, io.lang));
    return 0;
  },
};
