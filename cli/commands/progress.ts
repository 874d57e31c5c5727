// `thongke progress`: where a month stands (issue 12), as the entry screen's "Tình hình tháng"
// shows it: cells filled of those expected per programme and per unit, the communes that have
// entered nothing, and the deadline with the days left (the service's `entry.progress`).
import { viDate } from '../../core/deadline';
import { UserError } from '../../core/errors';
import { formatMonth, formatNumber, formatPercent } from '../../core/format';
import { isMonth } from '../../core/period';
import { levelParams } from '../../core/levels';
import { parse, UsageError, type Command } from '../args';
import { withService } from '../service';

export const progressCommand: Command = {
  name: 'progress',
  usage: 'thongke progress <db> --period YYYY-MM [--unit CODE] [--json]',
  summaryVi: 'Tình hình nhập một tháng: số ô đã nhập / phải nhập theo chương trình và đơn vị, xã chưa nhập gì, hạn nộp và số ngày còn lại.',
  summaryEn: "A month's entry progress: cells entered / expected by programme and unit, communes with nothing yet, the deadline and the days left.",
  async run(argv, io) {
    const { values, positionals } = parse(argv, { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const [db] = positionals as [string];
    if (!values.period) throw new UsageError(this.usage);
    if (!isMonth(values.period)) throw new UserError('error.badPeriod', { period: values.period });
    const period = values.period;
    const { r, programmes, levels } = await withService(db, io, async (s) => {
      const unit = values.unit ?? (await s.call('settings.get', {}))['unit.home'];
      if (!unit) throw new UsageError(this.usage);
      const [r, catalogue, levels] = await Promise.all([s.call('entry.progress', { unit, period, lang: io.lang }), s.call('catalogue.get', {}), s.call('units.levelNames', {})]);
      return { r, programmes: catalogue.programmes, levels };
    });
    if (values.json) {
      io.out(JSON.stringify(r));
      return 0;
    }
    const vi = io.lang === 'vi';
    const n = (x: number) => formatNumber(x, io.lang, 0);
    const pct = (c: { filled: number; expected: number }) => (c.expected === 0 ? '—' : formatPercent((c.filled / c.expected) * 100, io.lang, 0));
    const d = r.deadline.daysLeft;
    const left = vi
      ? d > 0 ? `còn ${d} ngày` : d === 0 ? 'hạn chót hôm nay' : `quá hạn ${-d} ngày`
      : d > 0 ? `${d} day${d === 1 ? '' : 's'} left` : d === 0 ? 'due today' : `${-d} day${d === -1 ? '' : 's'} overdue`;
    const self = r.units.find((u) => u.unit === r.unit);
    const name = self?.name ?? r.unit;
    io.out(
      vi
        ? `Tình hình ${formatMonth(period, 'vi')} của ${name}: đã nhập ${n(r.total.filled)}/${n(r.total.expected)} ô (${pct(r.total)}); hạn nộp ${viDate(r.deadline.date)} (${r.deadline.ruleText}), ${left}.`
        : `${formatMonth(period, 'en')}, ${name}: ${n(r.total.filled)}/${n(r.total.expected)} cells entered (${pct(r.total)}); due ${r.deadline.date} (${r.deadline.ruleText}), ${left}.`,
    );
    const empty = r.units.filter((u) => u.level === 'commune' && u.unit !== r.unit && u.filled === 0);
    // The commune level as this province names it (setting units.levelNames).
    const lv = levelParams(levels, io.lang);
    io.out(vi ? `${lv.Commune} chưa nhập gì: ${empty.length === 0 ? 'không có' : empty.map((u) => u.name).join(', ')}` : `${lv.Communes} with nothing entered: ${empty.length === 0 ? 'none' : empty.map((u) => u.name).join(', ')}`);
    io.out(vi ? 'Theo chương trình (đã nhập/phải nhập):' : 'By programme (entered/expected):');
    for (const p of r.programmes) {
      if (p.expected === 0) continue;
      const x = programmes.find((q) => q.code === p.programme);
      const label = x ? `${x.section ? `${x.section}. ` : ''}${vi ? x.nameVi : x.nameEn}` : p.programme;
      io.out(`  ${label}\t${n(p.filled)}/${n(p.expected)}`);
    }
    io.out(vi ? 'Theo đơn vị (đã nhập/phải nhập):' : 'By unit (entered/expected):');
    for (const u of r.units) io.out(`  ${u.unit}\t${u.name}\t${n(u.filled)}/${n(u.expected)}`);
    return 0;
  },
};
