// The month's status beside the entry grid's tools: open or complete, the button that marks it
// complete or reopens it, and, after a refusal, each unexplained problem as a link to its cell.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../core/catalogue';
import type { Violation } from '../../core/rules/evaluate';
import { formatDateTime } from '../format';
import { cellEditable } from '../grid/entry-model';
import { useCell } from '../stores/cell';
import { useMonth } from '../stores/month';
import { useSession } from '../stores/session';
import { usePick } from '../stores/pick';

/** The cell to open for a problem: the first cell it reads that the grid lets the user type in. */
export function cellOfViolation(v: Violation, elements: readonly CatalogueElement[]): CatalogueElement | null {
  const byCode = new Map(elements.map((e) => [e.code, e]));
  return v.elements.map((c) => byCode.get(c)).find((e): e is CatalogueElement => !!e && e.kind !== 'derived') ?? null;
}

export function MonthStatusBar() {
  const { t } = useTranslation();
  const { status: session, units, month, lang, catalogue, setProgramme } = usePick(useSession, 'status', 'units', 'month', 'lang', 'catalogue', 'setProgramme');
  const { status, refusal, busy, error, load, markComplete, reopen } = usePick(useMonth, 'status', 'refusal', 'busy', 'error', 'load', 'markComplete', 'reopen');
  const requestFocus = useCell((s) => s.requestFocus);
  const home = session?.homeUnit ?? null;
  const monthLabel = t('ui.status.monthLabel', { m: Number(month.slice(5)), y: month.slice(0, 4) });

  useEffect(() => {
    if (home) void load(home, month);
  }, [home, month, load]);

  if (!home) return null;
  const complete = status?.status === 'complete';
  const elements = catalogue?.elements ?? [];
  // A problem on a cell the grid has: a link to it. A problem on a sum (the district's total of
  // a commune figure) has no cell of its own; a comment on any commune's cell explains it.
  const target = (v: Violation): CatalogueElement | null => {
    const e = cellOfViolation(v, elements);
    const level = units.find((u) => u.code === v.unit)?.level;
    return e && level && cellEditable(e, level) ? e : null;
  };
  const goTo = (v: Violation, e: CatalogueElement) => {
    setProgramme(e.programme);
    requestFocus({ unit: v.unit, element: e.code });
  };
  return (
    <div className="month-status" data-status={status?.status ?? 'unknown'}>
      <span className={complete ? 'status-complete' : 'status-open'}>
        {complete
          ? t('ui.status.complete', { month: monthLabel, who: status.changedBy ?? '', when: formatDateTime(status.changedAt, lang) })
          : t('ui.status.open', { month: monthLabel })}
      </span>
      {complete ? (
        <button type="button" disabled={busy} onClick={() => void reopen(home, month)}>
          {t('ui.status.reopen')}
        </button>
      ) : (
        <button type="button" className="primary" disabled={busy || !status} onClick={() => void markComplete(home, month, lang)}>
          {t('ui.status.markComplete')}
        </button>
      )}
      {complete && status.explainedCount > 0 && <span className="hint">{t('ui.status.explained', { count: status.explainedCount })}</span>}
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      {refusal && !complete && (
        <div className="refusal message-error" role="alert">
          <p>{refusal.message}</p>
          <ul>
            {refusal.unexplained.map((v, i) => {
              const e = target(v);
              const label = (
                <>
                  <strong>{units.find((u) => u.code === v.unit)?.name ?? v.unit}:</strong> {v.message}
                </>
              );
              return (
                <li key={`${v.rule}|${v.unit}|${i}`}>
                  {e ? (
                    <button type="button" className="link" onClick={() => goTo(v, e)}>
                      {label}
                    </button>
                  ) : (
                    <span>
                      {label} <em>{t('ui.status.aggregate')}</em>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="hint">{t('ui.status.jumpHint')}</p>
        </div>
      )}
    </div>
  );
}
