// The district's figures for the month and programme: what the monthly report will print.
import { useEffect, useMemo, useState } from 'react';
import type { FigureSeries } from '../../core/api';
import { invoke, messageOf } from '../api';
import { TrendChart } from '../charts/TrendChart';
import { useTranslation } from 'react-i18next';
import { MessageBox } from '../components/MessageBox';
import { PeriodBar } from '../components/PeriodBar';
import { formatFigure, formatPct } from '../format';
import { useFigures } from '../stores/figures';
import { homeUnit, useSession } from '../stores/session';
import { sameMonthLastYear } from '../../core/period';
import { predecessorsLine } from '../../core/predecessors';
import { usePick } from '../stores/pick';

export function FiguresScreen() {
  const { t } = useTranslation();
  const session = usePick(useSession, 'month', 'programme', 'catalogue', 'lang', 'status', 'units', 'figuresUnit', 'showFigures');
  const { month, programme, catalogue, lang } = session;
  const own = homeUnit(session);
  // The unit shown: the home unit, or the one a link chose (the status table's unit names).
  const home = session.units.find((u) => u.code === session.figuresUnit) ?? own;
  const choices = own ? [own, ...session.units.filter((u) => u.parent === own.code || (u.code === home?.code && u.code !== own.code))] : [];
  const { figures, loading, error, load, busy, message, importPlans, dismiss } = usePick(useFigures, 'figures', 'loading', 'error', 'load', 'busy', 'message', 'importPlans', 'dismiss');

  useEffect(() => {
    if (home) void load(home.code, month);
  }, [home, month, load]);

  // The unit's name in the month shown: a unit renamed later reads as it was called then.
  const [nameThen, setNameThen] = useState<{ key: string; name: string } | null>(null);
  useEffect(() => {
    if (!home) return;
    let live = true;
    invoke('units.nameIn', { unit: home.code, period: month }).then(
      (r) => live && setNameThen({ key: `${home.code}|${month}`, name: r.name }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [home, month]);
  const shownName = home && nameThen?.key === `${home.code}|${month}` ? nameThen.name : (home?.name ?? '');

  // The chosen element's last 24 months, with the year's plan: a chart above the table.
  const [chosen, setChosen] = useState<string | null>(null);
  const [series, setSeries] = useState<FigureSeries | null>(null);
  const [seriesError, setSeriesError] = useState<string | null>(null);
  useEffect(() => {
    setSeries(null);
    setSeriesError(null);
    if (!home || !chosen) return;
    let live = true;
    invoke('figures.series', { unit: home.code, element: chosen, to: month, months: 24 }).then(
      (s) => live && setSeries(s),
      (e: unknown) => live && setSeriesError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [home, chosen, month]);
  const chosenElement = catalogue?.elements.find((e) => e.code === chosen && e.programme === programme) ?? null;

  const rows = useMemo(() => {
    const byCode = new Map((figures?.figures ?? []).map((f) => [f.element, f]));
    return (catalogue?.elements ?? []).filter((e) => e.programme === programme).map((e) => ({ e, f: byCode.get(e.code) }));
  }, [figures, catalogue, programme]);

  return (
    <section className="screen figures-screen" aria-label={t('ui.tabs.figures')}>
      <PeriodBar />
      {choices.length > 1 && (
        <div className="period-bar">
          <label className="grow">
            {t('ui.provinceScreens.figuresUnit')}
            <select aria-label={t('ui.provinceScreens.figuresUnit')} value={home?.code ?? ''} onChange={(e) => session.showFigures(e.target.value === own?.code ? null : e.target.value)}>
              {choices.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="figures-head">
        <h2>
          {t('ui.figures.title', { unit: shownName, month: t('ui.period.monthOfYear', { m: Number(month.slice(5)), y: month.slice(0, 4) }) })}
        </h2>
        <button type="button" disabled={busy || !home} onClick={() => home && void importPlans(home.code, month)}>
          {t('ui.csv.importPlans')}
        </button>
      </div>
      {figures?.predecessors && (
        <p className="message message-info" role="note" data-testid="predecessors">
          {predecessorsLine(figures.predecessors, (c) => session.units.find((u) => u.code === c)?.name ?? c, lang)}
        </p>
      )}
      {message && <MessageBox message={message} onClose={dismiss} />}
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      {chosenElement ? (
        <div className="chart-panel">
          <div className="chart-head">
            <strong>{t('ui.chart.title', { element: lang === 'vi' ? chosenElement.nameVi : chosenElement.nameEn })}</strong>
            <button type="button" className="link" onClick={() => setChosen(null)}>
              {t('ui.chart.close')}
            </button>
          </div>
          {seriesError && <p className="message message-error">{seriesError}</p>}
          {series && series.element === chosenElement.code && <TrendChart series={series} element={chosenElement} lang={lang} />}
        </div>
      ) : (
        <p className="hint">{t('ui.chart.pick')}</p>
      )}
      <div className="table-wrap" data-loading={loading ? 'true' : 'false'}>
        <table className="figures">
          <thead>
            <tr>
              <th className="name">{t('ui.figures.element')}</th>
              <th>{t('ui.figures.unitOfMeasure')}</th>
              <th>{t('ui.figures.month')}</th>
              <th>{t('ui.figures.ytd')}</th>
              <th>{t('ui.figures.plan')}</th>
              <th>{t('ui.figures.pctOfPlan')}</th>
              <th>{t('ui.figures.ytdPctOfPlan')}</th>
              <th>{t('ui.figures.lastYear', { month: sameMonthLastYear(month).slice(0, 4) })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ e, f }) => (
              <tr key={e.code} data-element={e.code} className={e.kind === 'derived' ? 'derived' : undefined}>
                <td className="name">
                  <button type="button" className="link element-link" aria-pressed={chosen === e.code} onClick={() => setChosen(e.code)}>
                    {lang === 'vi' ? e.nameVi : e.nameEn}
                  </button>
                </td>
                <td className="uom">{lang === 'vi' ? e.unitVi : e.unitEn}</td>
                <td className="num" data-col="value">{formatFigure(f?.value ?? null, e, lang)}</td>
                <td className="num" data-col="ytd">{formatFigure(f?.ytd ?? null, e, lang)}</td>
                <td className="num" data-col="plan">{formatFigure(f?.plan ?? null, e, lang)}</td>
                <td className="num" data-col="pct">{formatPct(f?.pctOfPlan ?? null, lang)}</td>
                <td className="num" data-col="ytdPct">{formatPct(f?.ytdPctOfPlan ?? null, lang)}</td>
                <td className="num" data-col="lastYear">{formatFigure(f?.lastYear ?? null, e, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
