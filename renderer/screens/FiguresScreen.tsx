// The district's figures for the month and programme: what the monthly report will print.
import { useEffect, useMemo } from 'react';
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
  const session = usePick(useSession, 'month', 'programme', 'catalogue', 'lang', 'status', 'units');
  const { month, programme, catalogue, lang } = session;
  const home = homeUnit(session);
  const { figures, loading, error, load, busy, message, importPlans, dismiss } = usePick(useFigures, 'figures', 'loading', 'error', 'load', 'busy', 'message', 'importPlans', 'dismiss');

  useEffect(() => {
    if (home) void load(home.code, month);
  }, [home, month, load]);

  const rows = useMemo(() => {
    const byCode = new Map((figures?.figures ?? []).map((f) => [f.element, f]));
    return (catalogue?.elements ?? []).filter((e) => e.programme === programme).map((e) => ({ e, f: byCode.get(e.code) }));
  }, [figures, catalogue, programme]);

  return (
    <section className="screen figures-screen" aria-label={t('ui.tabs.figures')}>
      <PeriodBar />
      <div className="figures-head">
        <h2>
          {t('ui.figures.title', { unit: home?.name ?? '', month: t('ui.period.monthOfYear', { m: Number(month.slice(5)), y: month.slice(0, 4) }) })}
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
                <td className="name">{lang === 'vi' ? e.nameVi : e.nameEn}</td>
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
