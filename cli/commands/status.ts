// The provincial office's commands (issue 11): units import, status (and its reminders).
import { basename } from 'node:path';
import type { MonthReport, StatusResult } from '../../core/api';
import { viDate, viDateTime } from '../../core/deadline';
import { formatMonth, formatPercent, type Lang } from '../../core/format';
import { userMessage } from '../../core/i18n';
import { readTextFile } from '../../db/files';
import { parse, UsageError, type Command } from '../args';
import { withService } from '../service';

export const unitsImportCommand: Command = {
  name: 'units import',
  usage: 'thongke units import <db> <file.csv> [--dry-run] [--json]',
  summaryVi: 'Đăng ký các đơn vị cấp dưới từ CSV (code,name,level,parent); lỗi một dòng thì không nhập dòng nào.',
  summaryEn: 'Register the units below from CSV (code,name,level,parent); one bad line rejects the whole file.',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, { min: 2, max: 2, usage: this.usage });
    const [db, file] = positionals as [string, string];
    const text = readTextFile(file);
    const dryRun = values['dry-run'] ?? false;
    const r = await withService(db, io, (s) => s.call('units.importCsvText', { text, fileName: basename(file), dryRun }));
    if (values.json) io.out(JSON.stringify(r));
    else {
      const params = { added: r.added.length, unchanged: r.unchanged, file: basename(file) };
      io.out(userMessage({ key: dryRun ? 'status.cli.unitsDryRun' : 'status.cli.unitsImported', params }, io.lang));
      for (const u of r.added) io.out(`${u.code}\t${u.level}\t${u.parent}\t${u.name}`);
    }
    return 0;
  },
};

const SYMBOL: Record<MonthReport['state'], string> = { 'on-time': '✓', late: 'M', missing: '✗', 'not-due': '·' };

function when(iso: string | null, lang: Lang): string {
  if (iso === null) return '—';
  return lang === 'vi' ? viDateTime(iso) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function printYear(r: StatusResult, io: { out: (t: string) => void; lang: Lang }): void {
  const vi = io.lang === 'vi';
  const months = r.totals.map((t) => t.period);
  io.out(vi ? `Tình hình báo cáo năm ${r.year} gửi ${r.homeName} (hạn: ${r.ruleText})` : `Reporting to ${r.homeName}, ${r.year} (deadline: ${r.ruleText})`);
  io.out(vi ? 'Ký hiệu: ✓ đúng hạn · M muộn · ✗ chưa gửi (quá hạn) · "·" chưa đến hạn · trống: đơn vị đã đóng' : 'Legend: ✓ on time · M late · ✗ missing (overdue) · "·" not yet due · blank: unit closed');
  io.out([vi ? 'Mã' : 'Code', ...months.map((p) => `T${Number(p.slice(5))}`), vi ? 'Đơn vị' : 'Unit'].join('\t'));
  for (const u of r.units) {
    const by = new Map(u.months.map((m) => [m.period, m]));
    io.out([u.unit, ...months.map((p) => (by.has(p) ? SYMBOL[by.get(p)!.state] : ' ')), u.name].join('\t'));
  }
  io.out('');
  printTotals(r, io);
}

function printTotals(r: StatusResult, io: { out: (t: string) => void; lang: Lang }): void {
  const vi = io.lang === 'vi';
  for (const t of r.totals) {
    const rate = (x: number | null) => (x === null ? '—' : formatPercent(x, io.lang));
    const month = formatMonth(t.period, io.lang);
    io.out(
      vi
        ? `${month.charAt(0).toUpperCase()}${month.slice(1)} (hạn ${viDate(t.deadline)}): đã nhận ${t.received}/${t.expected} (${rate(t.reportingRate)}), đúng hạn ${t.onTime} (${rate(t.onTimeRate)}), muộn ${t.late}, chưa gửi ${t.missing}, chưa đến hạn ${t.notDue}`
        : `${month} (due ${t.deadline}): received ${t.received}/${t.expected} (${rate(t.reportingRate)}), on time ${t.onTime} (${rate(t.onTimeRate)}), late ${t.late}, missing ${t.missing}, not yet due ${t.notDue}`,
    );
  }
}

function printMonth(r: StatusResult, io: { out: (t: string) => void; lang: Lang }): void {
  const vi = io.lang === 'vi';
  const t = r.totals[0]!;
  const month = formatMonth(t.period, io.lang);
  io.out(vi ? `Báo cáo ${month} gửi ${r.homeName}, hạn ${viDate(t.deadline)} (${r.ruleText})` : `Reports for ${month} to ${r.homeName}, due ${t.deadline} (${r.ruleText})`);
  io.out(
    (vi
      ? ['Mã', 'Đơn vị', 'Tình trạng', 'Phiên bản', 'Gửi lúc (ký)', 'Nhận lúc', 'Hoàn thành', 'Lỗi chưa giải thích']
      : ['Code', 'Unit', 'State', 'Revision', 'Sent (signed)', 'Received', 'Complete', 'Unexplained']
    ).join('\t'),
  );
  for (const u of r.units) {
    const m = u.months[0]!;
    const yes = vi ? 'có' : 'yes';
    const no = vi ? 'chưa' : 'no';
    io.out(
      [
        u.unit, u.name, m.label, m.revision === null ? '—' : `r${m.revision}`, when(m.sentAt, io.lang), when(m.receivedAt, io.lang),
        m.complete === null ? '—' : m.complete ? yes : no, m.unexplained === null ? '—' : String(m.unexplained),
      ].join('\t'),
    );
  }
  io.out('');
  printTotals(r, io);
}

export const statusCommand: Command = {
  name: 'status',
  usage: 'thongke status <db> --year YYYY [--month M] [--reminders] [--json]',
  summaryVi: 'Tình hình gửi báo cáo của các đơn vị cấp dưới: đúng hạn, muộn, chưa gửi; --reminders: nội dung nhắc để gửi email/Zalo.',
  summaryEn: 'Which units below have reported: on time, late, missing; --reminders: a reminder text for e-mail or Zalo.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { year: { type: 'string' }, month: { type: 'string' }, reminders: { type: 'boolean' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError(this.usage);
    if (values.month !== undefined && !/^(0?[1-9]|1[0-2])$/.test(values.month)) throw new UsageError(this.usage);
    if (values.reminders && values.month === undefined) throw new UsageError(this.usage);
    const year = Number(values.year);
    const month = values.month === undefined ? undefined : Number(values.month);
    if (values.reminders) {
      const r = await withService(positionals[0]!, io, (s) => s.call('status.reminders', { year, month: month!, lang: io.lang }));
      if (values.json) io.out(JSON.stringify(r));
      else if (r.text) io.out(r.text);
      else io.out(io.lang === 'vi' ? `Không có đơn vị nào thiếu hoặc gửi muộn báo cáo tháng ${r.period}.` : `No unit is missing or late for ${r.period}.`);
      return 0;
    }
    const r = await withService(positionals[0]!, io, (s) => s.call('status.get', { year, ...(month === undefined ? {} : { month }), lang: io.lang }));
    if (values.json) io.out(JSON.stringify(r));
    else {
      if (month === undefined) printYear(r, io);
      else printMonth(r, io);
      for (const w of r.warnings) io.err(w);
    }
    return 0;
  },
};
