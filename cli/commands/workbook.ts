// workbook export / import: the communes' Excel forms from the command line, through the same
// service operations as the app (service/workbook.ts). Files are read and written here.
import { MAX_WORKBOOK_BYTES } from '../../core/api/workbook';
import { translator } from '../../core/i18n';
import { readFileHead } from '../../db/files';
import { monthLabel } from '../../service/workbook';
import { parse, UsageError, type Command } from '../args';
import { writeOutput } from '../output';
import { withService } from '../service';
import { resolve } from 'node:path';

export const workbookExportCommand: Command = {
  name: 'workbook export',
  usage: 'thongke workbook export <db> --unit CODE --period YYYY-MM --out FILE.xlsx [--json]',
  summaryVi:
    'Xuất biểu nhập số liệu Excel (.xlsx) của một xã, hoặc của mọi xã trong huyện (mỗi xã một trang tính), để xã ghi số liệu tháng rồi gửi về.',
  summaryEn: "Make the Excel data entry workbook (.xlsx) of a commune, or of every commune of a district (one sheet each), for communes to fill in and send back.",
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    const { unit, period, out } = values;
    if (!unit || !period || !out) throw new UsageError(this.usage);
    const db = positionals[0]!;
    const r = await withService(db, io, (s) => s.call('workbook.export', { unit, period, lang: io.lang }));
    writeOutput(resolve(db), out, r.bytes);
    if (values.json) io.out(JSON.stringify({ file: out, fileName: r.fileName, size: r.bytes.length, period: r.period, units: r.units, elements: r.elements }));
    else {
      const names = r.units.length <= 3 ? r.units.map((u) => u.name).join(', ') : `${r.units[0]!.name}, …, ${r.units[r.units.length - 1]!.name}`;
      io.out(translator(io.lang)('workbook.cli.exported', { month: monthLabel(r.period, io.lang), file: out, sheets: r.units.length, units: names, elements: r.elements }));
    }
    return 0;
  },
};

export const workbookImportCommand: Command = {
  name: 'workbook import',
  usage: 'thongke workbook import <db> FILE.xlsx... [--unit CODE] [--period YYYY-MM] [--dry-run] [--json] [--user NAME]',
  summaryVi:
    'Nhập các biểu Excel xã đã điền: kiểm tra mọi ô theo đúng quy tắc của màn hình nhập; nhận tất cả các tệp hoặc không nhận gì, nêu từng ô sai (ví dụ Xã Hoằng Kim!D14). Ô trống không xoá số đã có. --dry-run chỉ kiểm tra; --unit/--period: chỉ nhận biểu của đơn vị, tháng đó.',
  summaryEn:
    'Import filled commune workbooks: every cell checked by the entry screen\'s rules; all files or nothing, naming each bad cell (e.g. Xã Hoằng Kim!D14). Empty cells never clear a value. --dry-run only checks; --unit/--period: accept only workbooks of that unit and month.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, unit: { type: 'string' }, period: { type: 'string' }, user: { type: 'string' } },
      { min: 2, max: 201, usage: this.usage },
    );
    const [db, ...paths] = positionals as [string, ...string[]];
    const files = paths.map((p) => readFileHead(p, MAX_WORKBOOK_BYTES));
    const r = await withService(
      db,
      io,
      (s) =>
        s.call('workbook.import', {
          files,
          dryRun: values['dry-run'] ?? false,
          ...(values.unit ? { unit: values.unit } : {}),
          ...(values.period ? { period: values.period } : {}),
          lang: io.lang,
        }),
      { user: values.user },
    );
    if (values.json) io.out(JSON.stringify(r));
    else if (r.status === 'refused') {
      io.err(r.message);
      for (const p of r.problems) io.err(`  ${p.message}`);
      if (r.moreProblems > 0) io.err(`  … (+${r.moreProblems})`);
    } else io.out(r.message);
    return r.status === 'refused' ? 1 : 0;
  },
};
