// indicators: the province's plan indicators for a unit and each of its child units.
import type { IndicatorsView } from '../../core/api/indicators';
import { UserError } from '../../core/errors';
import { formatNumber, type Lang } from '../../core/format';
import { translator } from '../../core/i18n';
import type { IndicatorValue } from '../../core/indicators';
import { isPeriodSpec } from '../../core/period';
import { parse, UsageError, type Command } from '../args';
import { withService } from '../service';

export const indicatorsCommand: Command = {
  name: 'indicators',
  usage: 'thongke indicators <db> --unit CODE --period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-9M|YYYY [--json]',
  summaryVi: 'Chỉ tiêu kế hoạch của tỉnh (bác sĩ/vạn dân, tử vong trẻ em…) cho một đơn vị và từng đơn vị trực thuộc: tử số, mẫu số, giá trị, kế hoạch, đạt hay chưa.',
  summaryEn: "The province's plan indicators for a unit and each of its child units: numerator, denominator, value, target, on track or not.",
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.unit || !values.period) throw new UsageError(this.usage);
    const { unit, period } = values;
    if (!isPeriodSpec(period)) throw new UserError('error.badPeriodSpec', { period });
    const { view, cat } = await withService(positionals[0]!, io, async (s) => ({
      view: await s.call('indicators.get', { unit, period }),
      cat: values.json ? null : await s.call('catalogue.get', {}),
    }));
    if (values.json || !cat) {
      io.out(JSON.stringify(view));
      return 0;
    }
    // Elements by name, never by code, in what a person reads.
    const names = new Map(cat.elements.map((e) => [e.code, io.lang === 'vi' ? e.nameVi : e.nameEn]));
    for (const line of indicatorLines(view, io.lang, (c) => names.get(c) ?? c)) io.out(line);
    return 0;
  },
};

/** The table as tab-separated lines: one block per unit, Vietnamese numbers and words. */
export function indicatorLines(view: IndicatorsView, lang: Lang, elementName: (code: string) => string): string[] {
  const t = translator(lang);
  const n = (v: number | null, d = 2) => (v === null ? '-' : formatNumber(v, lang, d));
  const defs = new Map(view.definitions.map((d) => [d.code, d]));
  const verdict = (i: IndicatorValue): string => {
    if (i.onTrack !== null) return t(i.onTrack ? 'indicators.onTrack' : 'indicators.notOnTrack');
    const what =
      i.gap === 'notInCatalogue'
        ? i.missing.map((m) => t(`indicators.needs.${m}`)).join(', ')
        : i.missing.map(elementName).join(', ');
    return t(`indicators.gap.${i.gap ?? 'noTarget'}`, { what });
  };
  const out: string[] = [];
  for (const u of view.units) {
    out.push(
      view.planYear === null
        ? t('indicators.headingNoPlan', { unit: u.name, period: view.period })
        : t('indicators.heading', { unit: u.name, period: view.period, planYear: view.planYear }),
    );
    out.push(t('indicators.columns'));
    for (const i of u.indicators) {
      const d = defs.get(i.code)!;
      const name = lang === 'vi' ? d.nameVi : d.nameEn;
      const unitOf = lang === 'vi' ? d.unitVi : d.unitEn;
      const target = i.target === null ? '-' : `${(i.direction ?? '').replace('>=', '≥').replace('<=', '≤')} ${n(i.target)}`;
      out.push([name, n(i.numerator), n(i.denominator), i.value === null ? '-' : `${n(i.value)}${/^[%‰]$/.test(unitOf) ? '' : ' '}${unitOf}`, target, verdict(i)].join('\t'));
    }
    out.push('');
  }
  return out;
}
