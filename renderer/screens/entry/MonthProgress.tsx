// "Tình hình tháng": where the month stands, on one line above the grid (it must not push the
// grid off a 1366×768 screen): cells filled of those expected, how many communes have entered
// nothing, and the deadline with the days left. Opened, a panel over the grid (not above it)
// lists each programme's filled / expected cells, each unit's, and names the communes that have
// entered nothing. Counted by the service (`entry.progress`, the deadline rule the province uses)
// a moment after every load and save.
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryProgress } from '../../../core/api';
import { viDate } from '../../../core/deadline';
import { formatMonth, formatNumber, formatPercent } from '../../../core/format';
import { invoke, messageOf } from '../../api';
import { useEntry } from '../../stores/entry';
import { usePick } from '../../stores/pick';
import { useSession } from '../../stores/session';

/** "còn 5 ngày", "hạn chót hôm nay", "quá hạn 2 ngày". */
export function daysLeftText(daysLeft: number, t: TFunction): string {
  if (daysLeft > 0) return t('ui.progress.daysLeft', { count: daysLeft });
  if (daysLeft === 0) return t('ui.progress.dueToday');
  return t('ui.progress.overdue', { count: -daysLeft });
}

export function MonthProgress({ home, month }: { home: string; month: string }) {
  const { t } = useTranslation();
  const { catalogue, lang } = usePick(useSession, 'catalogue', 'lang');
  const { values, loading, month: loadedMonth } = usePick(useEntry, 'values', 'loading', 'month');
  const [progress, setProgress] = useState<EntryProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  // Counted again a moment after every load and save, as the month's checks are.
  useEffect(() => {
    if (!home || loading || loadedMonth !== month) return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('entry.progress', { unit: home, period: month, lang }).then(
        (p) => {
          if (live) {
            setProgress(p);
            setError(null);
          }
        },
        (e: unknown) => live && setError(messageOf(e)),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [home, month, lang, values, loading, loadedMonth]);

  // The panel closes on Esc and on a click elsewhere.
  useEffect(() => {
    if (!open) return;
    const onDown = (ev: MouseEvent) => {
      if (box.current && ev.target instanceof Node && !box.current.contains(ev.target)) setOpen(false);
    };
    const onKey = (ev: KeyboardEvent) => ev.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (error) return <div className="month-progress"><span className="note-error">{error}</span></div>;
  const p = progress?.period === month && progress.unit === home ? progress : null;
  if (!p) return <div className="month-progress" aria-busy="true" />;
  const n = (v: number) => formatNumber(v, lang, 0);
  const pct = (c: { filled: number; expected: number }) => (c.expected === 0 ? '' : formatPercent((c.filled / c.expected) * 100, lang, 0));
  const below = p.units.filter((u) => u.unit !== home && u.expected > 0);
  const communes = below.filter((u) => u.level === 'commune');
  const empty = communes.filter((u) => u.filled === 0);
  const days = p.deadline.daysLeft;
  const programmeName = (code: string) => {
    const x = catalogue?.programmes.find((q) => q.code === code);
    return x ? `${x.section ? `${x.section}. ` : ''}${lang === 'vi' ? x.nameVi : x.nameEn}` : code;
  };
  return (
    <div className="month-progress" ref={box} data-testid="month-progress">
      <button type="button" className="progress-summary" aria-expanded={open} aria-controls="month-progress-panel" onClick={() => setOpen(!open)}>
        <strong>{t('ui.progress.title', { month: formatMonth(month, lang) })}:</strong>{' '}
        <span data-testid="progress-cells">{t('ui.progress.cells', { filled: n(p.total.filled), expected: n(p.total.expected), pct: pct(p.total) })}</span>
        {communes.length > 0 && (
          <>
            {' · '}
            <span data-testid="progress-empty">{t('ui.progress.emptyCount', { count: empty.length, total: communes.length })}</span>
          </>
        )}
        {' · '}
        <span data-testid="progress-deadline" className={days < 0 ? 'overdue' : days <= 2 ? 'due-soon' : ''}>
          {t('ui.progress.deadline', { date: viDate(p.deadline.date) })}, {daysLeftText(days, t)}
        </span>{' '}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open && (
        <div id="month-progress-panel" className="progress-panel" role="region" aria-label={t('ui.progress.title', { month: formatMonth(month, lang) })}>
          <div className="progress-col">
            <div className="lbl">{t('ui.progress.byProgramme')}</div>
            <table>
              <tbody>
                {p.programmes
                  .filter((x) => x.expected > 0)
                  .map((x) => (
                    <tr key={x.programme} data-programme={x.programme} className={x.filled === x.expected ? 'done' : x.filled === 0 ? 'none' : ''}>
                      <td>{programmeName(x.programme)}</td>
                      <td className="num">
                        {n(x.filled)}/{n(x.expected)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p className="hint">
              {t('ui.progress.ruleNote', { rule: p.deadline.ruleText })}
              {p.deadline.unknownHolidayYears.length > 0 ? ` ${t('ui.progress.noHolidays', { years: p.deadline.unknownHolidayYears.join(', ') })}` : ''}
            </p>
          </div>
          <div className="progress-col">
            <div className="lbl">{t('ui.progress.emptyTitle')}</div>
            <p data-testid="progress-empty-names">{empty.length === 0 ? t('ui.progress.noneEmpty') : empty.map((u) => u.name).join(', ')}</p>
            <div className="lbl">{t('ui.progress.byUnit')}</div>
            <table>
              <tbody>
                {p.units
                  .filter((u) => u.expected > 0)
                  .map((u) => (
                    <tr key={u.unit} data-unit={u.unit} className={u.filled === u.expected ? 'done' : u.filled === 0 ? 'none' : ''}>
                      <td>{u.name}</td>
                      <td className="num">
                        {n(u.filled)}/{n(u.expected)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
