// "Chỉ tiêu kế hoạch": the plan's indicators (rows) for the home unit and each of its child units
// (columns), for a month, quarter, 6 or 9 months, or a year: each value with its unit, the target
// with its direction, and on track / not on track as a sign and a word (never colour alone); a
// missing value says why, an indicator the catalogue cannot compute says so. The unit's own value
// is the ratio of its sums (indicators.get), never a mean of its units' ratios. Above the table, a
// chart of one indicator: the child units as bars against the target line.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorsView } from '../../core/api';
import { formatIndicatorValue, formatTarget, indicatorVerdict } from '../../core/charts/indicator-text';
import type { IndicatorChartInput } from '../../core/charts/options';
import type { IndicatorDef } from '../../core/indicators';
import { monthParts } from '../../core/period';
import { invoke, messageOf } from '../api';
import { IndicatorChart } from '../charts/IndicatorChart';
import { PeriodBar } from '../components/PeriodBar';
import { usePick } from '../stores/pick';
import { PERIOD_KINDS, periodSpecOf, type PeriodKindChoice } from '../stores/report';
import { homeUnit, useSession } from '../stores/session';

export function IndicatorsScreen() {
  const { t } = useTranslation();
  const session = usePick(useSession, 'month', 'lang', 'status', 'units', 'catalogue');
  const { month, lang, catalogue } = session;
  const home = homeUnit(session);
  const [kind, setKind] = useState<PeriodKindChoice>('month');
  const period = periodSpecOf(kind, month);
  const [view, setView] = useState<IndicatorsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    if (!home) return;
    let live = true;
    setLoading(true);
    setError(null);
    invoke('indicators.get', { unit: home.code, period }).then(
      (v) => {
        if (!live) return;
        setView(v);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setView(null);
        setError(messageOf(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [home, period]);

  const names = useMemo(() => new Map((catalogue?.elements ?? []).map((e) => [e.code, lang === 'vi' ? e.nameVi : e.nameEn])), [catalogue, lang]);
  const elementName = (c: string) => names.get(c) ?? c;
  const nameOf = (d: IndicatorDef) => (lang === 'vi' ? d.nameVi : d.nameEn);
  const computable = useMemo(() => (view?.definitions ?? []).filter((d) => d.coverage !== 'none'), [view]);
  // The chart's indicator: the one chosen, else the first the catalogue can compute.
  const shown = computable.find((d) => d.code === chosen) ?? computable[0] ?? null;

  const chart = useMemo((): IndicatorChartInput | null => {
    if (!view || !shown) return null;
    const [whole, ...children] = view.units;
    const of = (u: (typeof view.units)[number]) => u.indicators.find((i) => i.code === shown.code)!;
    const first = whole ? of(whole) : null;
    return {
      def: shown,
      target: first?.target ?? null,
      direction: first?.direction ?? null,
      units: children.map((u) => ({ name: u.name, value: of(u).value, onTrack: of(u).onTrack })),
      whole: whole && first ? { name: whole.name, value: first.value } : null,
      lang,
    };
  }, [view, shown, lang]);

  const { year, month: m } = monthParts(month);
  const periodText = t(`ui.provinceScreens.period.${kind}`, { m, y: year, q: Math.ceil(m / 3) });
  const units = view?.units ?? [];
  return (
    <section className="screen indicators-screen" aria-label={t('ui.tabs.indicators')}>
      {/* The month and year first, as on the other screens; then how long a period. */}
      <PeriodBar withProgramme={false} />
      <div className="period-bar">
        <label>
          {t('ui.provinceScreens.periodKind')}
          <select aria-label={t('ui.provinceScreens.periodKind')} value={kind} onChange={(e) => setKind(e.target.value as PeriodKindChoice)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`report.ui.periodKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h2>{t('ui.provinceScreens.title', { unit: home?.name ?? '', period: periodText })}</h2>
      {view && <p className="hint">{view.planYear === null ? t('ui.provinceScreens.noPlan') : `${t('ui.provinceScreens.planYear', { year: view.planYear })} ${t('ui.provinceScreens.ratioOfSums', { unit: home?.name ?? '' })}`}</p>}
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      {loading && !view && <p className="hint">{t('ui.provinceScreens.loading')}</p>}
      {view && computable.length > 0 && (
        <div className="chart-panel">
          <div className="chart-head">
            <label>
              {t('ui.provinceScreens.chartPick')}{' '}
              <select aria-label={t('ui.provinceScreens.chartPick')} value={shown?.code ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {computable.map((d) => (
                  <option key={d.code} value={d.code}>
                    {nameOf(d)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {chart && <IndicatorChart input={chart} />}
        </div>
      )}
      {view && (
        <div className="table-wrap" data-loading={loading ? 'true' : 'false'}>
          <table className="figures indicators-table" data-testid="indicators-table" data-period={view.period}>
            <thead>
              <tr>
                <th className="name">{t('ui.provinceScreens.indicator')}</th>
                <th>{t('ui.provinceScreens.target')}</th>
                {units.map((u) => (
                  <th key={u.unit} data-unit={u.unit}>
                    {u.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.definitions.map((d, row) => {
                const first = units[0]?.indicators[row];
                const note = lang === 'vi' ? d.noteVi : d.noteEn;
                return (
                  <tr key={d.code} data-indicator={d.code}>
                    <td className="name">
                      {d.coverage === 'none' ? (
                        <span>{nameOf(d)}</span>
                      ) : (
                        <button type="button" className="link" aria-pressed={shown?.code === d.code} title={t('ui.provinceScreens.openChart', { indicator: nameOf(d) })} onClick={() => setChosen(d.code)}>
                          {nameOf(d)}
                        </button>
                      )}
                      {d.coverage === 'partial' && note && <small className="indicator-note">{note}</small>}
                    </td>
                    <td className="num" data-col="target">
                      {first?.target != null && first.direction ? formatTarget(first.target, first.direction, d, lang) : t('ui.provinceScreens.noTarget')}
                    </td>
                    {d.coverage === 'none' ? (
                      <td colSpan={units.length} className="not-computable" data-col="reason">
                        <strong>{t('ui.provinceScreens.notComputable')}</strong>: {t('ui.provinceScreens.needs', { what: d.needs.map((n) => t(`indicators.needs.${n}`)).join(', ') })}
                        {note && <small className="indicator-note">{note}</small>}
                      </td>
                    ) : (
                      units.map((u) => {
                        const i = u.indicators[row]!;
                        const v = indicatorVerdict(i, lang, elementName);
                        return (
                          <td key={u.unit} className={`indicator-cell verdict-${v.state}`} data-unit={u.unit}>
                            <span className="indicator-value">{i.value === null ? '–' : formatIndicatorValue(i.value, d, lang)}</span>
                            <span className="verdict">
                              <span aria-hidden="true">{v.sign}</span> {v.word}
                            </span>
                          </td>
                        );
                      })
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
