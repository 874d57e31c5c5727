// validate / complete / reopen: the data-quality checks of a unit's month, and its status.
import { basename } from 'node:path';
import type { MarkCompleteResult, ValidationResult } from '../../core/api/quality';
import { UserError } from '../../core/errors';
import { formatNumber, formatPercent, type Lang } from '../../core/format';
import { translator } from '../../core/i18n';
import { isMonth } from '../../core/period';
import type { Violation } from '../../core/rules/evaluate';
import { readTextFile } from '../../db/files';
import { parse, UsageError, type Command, type CommandIO } from '../args';
import { withService } from '../service';

function unitAndPeriod(values: { unit?: string | undefined; period?: string | undefined }, usage: string): { unit: string; period: string } {
  if (!values.unit || !values.period) throw new UsageError(usage);
  if (!isMonth(values.period)) throw new UserError('error.badPeriod', { period: values.period });
  return { unit: values.unit, period: values.period };
}

function pct(x: number | null, lang: Lang): string {
  return x === null ? '—' : formatPercent(x, lang, 1);
}

/** Unit code → the name a person reads (the code itself where the unit is unknown). */
type Names = (code: string) => string;
const namesOf = (units: readonly { code: string; name: string }[]): Names => {
  const map = new Map(units.map((u) => [u.code, u.name]));
  return (code) => map.get(code) ?? code;
};

// Lines name units by name; the unit code and the rule id follow in parentheses, for whoever
// looks them up (--json gives them as fields).
function violationLine(v: Violation, lang: Lang, name: Names): string {
  const t = translator(lang);
  return t('quality.cli.violation', { importance: t(`quality.importance.${v.importance}`), unit: name(v.unit), code: v.unit, rule: v.rule, message: v.message });
}

function printReport(r: ValidationResult, io: CommandIO, name: Names): void {
  const t = translator(io.lang);
  for (const p of r.ruleProblems) io.err(p);
  io.out(t('quality.cli.header', { unit: name(r.unit), period: r.period, ...r.summary }));
  for (const v of r.violations) io.out(violationLine(v, io.lang, name));
  for (const o of r.outliers) io.out(t('quality.cli.outlierLine', { code: o.unit, message: o.message }));
  for (const n of r.notes) io.out(t('quality.cli.note', { unit: n.units.map(name).join(', '), message: n.message }));
  const c = r.completeness;
  io.out(t('quality.cli.completeness', { filled: formatNumber(c.filled, io.lang), expected: formatNumber(c.expected, io.lang), pct: pct(c.pct, io.lang) }));
  for (const u of c.byUnit) {
    io.out(t('quality.cli.unitCompleteness', { unit: u.unit, name: u.name, filled: u.filled, expected: u.expected, pct: pct(u.pct, io.lang) }));
  }
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'thongke validate <db> --unit CODE --period YYYY-MM [--json] [--rules FILE]...',
  summaryVi: 'Kiểm tra số liệu một tháng (quy tắc, giá trị bất thường, mức đầy đủ); mã thoát 1 khi còn lỗi quan trọng.',
  summaryEn: 'Check a month (rules, outliers, completeness); exit code 1 while a high-importance problem remains.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' }, rules: { type: 'string', multiple: true } },
      { min: 1, max: 1, usage: this.usage },
    );
    const { unit, period } = unitAndPeriod(values, this.usage);
    // A province's extra rule files, read here: the service checks their text.
    const extraRules = (values.rules ?? []).map((f) => ({ name: basename(f), text: readTextFile(f) }));
    const { r, units } = await withService(positionals[0]!, io, async (s) => ({
      r: await s.call('quality.validate', { unit, period, lang: io.lang, ...(extraRules.length > 0 ? { extraRules } : {}) }),
      units: values.json ? [] : await s.call('units.list', {}),
    }));
    if (values.json) {
      for (const p of r.ruleProblems) io.err(p);
      io.out(JSON.stringify(r));
    } else printReport(r, io, namesOf(units));
    return r.summary.high > 0 ? 1 : 0;
  },
};

function printComplete(r: MarkCompleteResult, io: CommandIO, name: Names): void {
  io.out(r.message);
  for (const v of r.unexplained) io.out(`  ${violationLine(v, io.lang, name)}`);
}

export const completeCommand: Command = {
  name: 'complete',
  usage: 'thongke complete <db> --unit CODE --period YYYY-MM [--json]',
  summaryVi:
    'Đánh dấu tháng là hoàn thành (khoá số liệu của đơn vị và các đơn vị trực thuộc trong tháng đó); từ chối khi tháng chưa kết thúc, chưa có số liệu, hoặc còn lỗi quan trọng chưa có ghi chú giải thích (mã thoát 1).',
  summaryEn:
    'Mark a month complete (locks the month for the unit and the units below it); refused while the month has not ended, has no data, or a high-importance problem has no explanation comment (exit code 1).',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const { unit, period } = unitAndPeriod(values, this.usage);
    const { r, units } = await withService(positionals[0]!, io, async (s) => ({
      r: await s.call('period.markComplete', { unit, period, lang: io.lang }),
      units: values.json ? [] : await s.call('units.list', {}),
    }));
    if (values.json) io.out(JSON.stringify(r));
    else printComplete(r, io, namesOf(units));
    return r.completed ? 0 : 1;
  },
};

export const reopenCommand: Command = {
  name: 'reopen',
  usage: 'thongke reopen <db> --unit CODE --period YYYY-MM [--json]',
  summaryVi: 'Mở lại một tháng đã hoàn thành để sửa số liệu: khi tháng còn hoàn thành, mọi thao tác ghi (nhập, dán, nhập CSV, ghi chú, nhận xét) đều bị từ chối cho đến khi mở lại.',
  summaryEn: 'Reopen a completed month for corrections: while it is complete, every write to it (entry, paste, CSV import, comment, narrative) is refused until it is reopened.',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const { unit, period } = unitAndPeriod(values, this.usage);
    const { status, units } = await withService(positionals[0]!, io, async (s) => ({
      status: await s.call('period.reopen', { unit, period }),
      units: values.json ? [] : await s.call('units.list', {}),
    }));
    if (values.json) io.out(JSON.stringify(status));
    else io.out(translator(io.lang)('quality.reopened', { unit: units.find((u) => u.code === unit)?.name ?? unit, period }));
    return 0;
  },
};
