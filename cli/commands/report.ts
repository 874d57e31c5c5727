// thongke report: the monthly (quarter, 6-month, 9-month, year) report of a unit as a file.
import { REPORT_FORMATS, type ReportFormat } from '../../core/api/report';
import { UserError } from '../../core/errors';
import { userMessage } from '../../core/i18n';
import { parse, UsageError, type Command } from '../args';
import { writeOutput } from '../output';
import { withStoreAsync } from '../store';

const isFormat = (s: string): s is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(s);

export const reportCommand: Command = {
  name: 'report',
  usage:
    'thongke report <db> --unit CODE --period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-9M|YYYY --format docx|pdf|xlsx|html --out FILE [--date YYYY-MM-DD]',
  summaryVi: 'Tạo báo cáo kết quả công tác y tế (tháng, quý, 6 tháng, 9 tháng, năm) dạng Word, PDF, Excel hoặc HTML.',
  summaryEn: 'Make the health work report (month, quarter, 6 or 9 months, year) as Word, PDF, Excel or HTML.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, date: { type: 'string' } },
      { min: 1, max: 1, usage: this.usage },
    );
    const { unit, period, format, out, date } = values;
    if (!unit || !period || !format || !out) throw new UsageError(this.usage);
    if (!isFormat(format)) throw new UserError('report.badFormat', { format });
    // The report code and its libraries load here, not when any other command starts (issue 9).
    const [{ renderReport }, { closePdfBrowser }] = await Promise.all([
      import('../../export/report/render'),
      import('../../export/report/pdf'),
    ]);
    try {
      const r = await withStoreAsync(positionals[0]!, (store) => renderReport(store, { unit, period, format, date }, io.now()));
      writeOutput(positionals[0]!, out, r.bytes);
      io.out(userMessage({ key: 'report.written', params: { file: out, size: Math.max(1, Math.round(r.bytes.length / 1024)) } }, io.lang));
      return 0;
    } finally {
      // The PDF browser is kept between reports; a command makes one report, then lets go.
      await closePdfBrowser();
    }
  },
};
