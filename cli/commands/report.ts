// thongke report: the monthly (quarter, 6-month, 9-month, year) report of a unit as a file.
import { REPORT_FORMATS, type ReportFormat } from '../../core/api/report';
import { UserError } from '../../core/errors';
import { userMessage } from '../../core/i18n';
import { isPeriodSpec } from '../../core/period';
import { releaseReportBrowser } from '../../service/report';
import { parse, UsageError, type Command } from '../args';
import { writeOutput } from '../output';
import { withService } from '../service';

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
    if (!isPeriodSpec(period)) throw new UserError('error.badPeriodSpec', { period });
    try {
      const r = await withService(positionals[0]!, io, (s) => s.call('report.export', { unit, period, format, lang: io.lang, ...(date !== undefined ? { date } : {}) }));
      writeOutput(positionals[0]!, out, r.data);
      // What to check before sending it goes to stderr; the file is written all the same.
      for (const w of r.warnings) io.err(w);
      io.out(userMessage({ key: 'report.written', params: { file: out, size: Math.max(1, Math.round(r.data.length / 1024)) } }, io.lang));
      return 0;
    } finally {
      // The PDF browser is kept between reports; a command makes one report, then lets go.
      await releaseReportBrowser();
    }
  },
};
