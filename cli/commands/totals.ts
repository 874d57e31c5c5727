// totals rebuild: stores again every month's totals of every unit with children (migration 7),
// what an old database migrated or a restored backup lacks; the figures read them.
import { formatNumber } from '../../core/format';
import { translator } from '../../core/i18n';
import { parse, type Command } from '../args';
import { withService } from '../service';

export const totalsRebuildCommand: Command = {
  name: 'totals rebuild',
  usage: 'thongke totals rebuild <db>',
  summaryVi: 'Tính lại và lưu tổng số từng tháng của các đơn vị có đơn vị con (sau khi nâng cấp hay khôi phục bản sao lưu cũ).',
  summaryEn: 'Rebuild the stored month totals of every unit with children (after an upgrade or restoring an old backup).',
  async run(argv, io) {
    const { positionals } = parse(argv, {}, { min: 1, max: 1, usage: this.usage });
    const r = await withService(positionals[0]!, io, (s) => s.call('totals.rebuild', {}));
    io.out(translator(io.lang)('cli.totalsRebuilt', { months: formatNumber(r.months, io.lang), totals: formatNumber(r.totals, io.lang) }));
    return 0;
  },
};
