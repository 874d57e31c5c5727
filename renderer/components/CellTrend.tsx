// The selected cell's last 12 months (its unit and element) as a small chart in the cell panel,
// with the band of values the outlier check expected for the month: `figures.series` reads the
// check's own 13-month window (service/series.ts), so the band is the one the check used; the
// chart shows the last 12 of those months. Read again when the cell's value changes.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureSeries } from '../../core/api';
import type { CatalogueElement } from '../../core/catalogue';
import { formatNumber, type Lang } from '../../core/format';
import { WINDOW } from '../../core/rules/window';
import { invoke } from '../api';
import { TrendChart } from '../charts/TrendChart';

/** Months the chart shows. */
export const CELL_CHART_MONTHS = 12;

export function CellTrend({ unit, element, month, value, lang }: { unit: string; element: CatalogueElement; month: string; value: number | null; lang: Lang }) {
  const { t } = useTranslation();
  const [series, setSeries] = useState<FigureSeries | null>(null);
  const [failed, setFailed] = useState(false);
  const key = `${unit}|${element.code}|${month}`;
  useEffect(() => {
    let live = true;
    invoke('figures.series', { unit, element: element.code, to: month, months: Math.max(WINDOW, CELL_CHART_MONTHS) }).then(
      (s) => {
        if (!live) return;
        setFailed(false);
        setSeries({ ...s, points: s.points.slice(-CELL_CHART_MONTHS) });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // `value`: the chart follows the cell's saves.
  }, [unit, element.code, month, value]);
  const mine = series && `${series.unit}|${series.element}|${series.points[series.points.length - 1]?.period}` === key ? series : null;
  if (failed) return null;
  const fmt = (v: number) => formatNumber(v, lang, 2);
  return (
    <div className="cell-trend" data-testid="cell-trend" data-cell={mine ? key : undefined}>
      <div className="lbl">{t('ui.form.chartTitle')}</div>
      {mine ? (
        <>
          <TrendChart series={mine} element={element} lang={lang} compact label={t('ui.form.chartLabel', { element: lang === 'vi' ? element.nameVi : element.nameEn })} />
          <p className="hint">
            {mine.range ? t('ui.form.chartRange', { low: fmt(Math.max(0, mine.range.low)), high: fmt(mine.range.high) }) : t('ui.form.chartNoRange')}
          </p>
        </>
      ) : (
        <div className="trend-chart compact" aria-busy="true" />
      )}
    </div>
  );
}
