// The narrative of the monthly report, section by section, carried over from the last month
// that has text; or a quarter's, 6/9-month's or year's own narrative (chosen by the period kind). Each section saves when the user leaves it, and also when the user changes
// the month or the screen while still in it: into the month it was written for.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../core/format';
import { NARRATIVE_SECTIONS } from '../../core/narrative';
import { PeriodBar } from '../components/PeriodBar';
import { useNarrative } from '../stores/narrative';
import { onLeave } from '../stores/leave';
import { homeUnit, useSession } from '../stores/session';
import { usePick } from '../stores/pick';
import { PERIOD_KINDS, periodSpecOf, type PeriodKindChoice } from '../stores/report';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Tall enough to read the text without scrolling inside the box (up to a point). */
function rowsFor(body: string): number {
  const lines = body.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 180)), 0);
  return Math.min(16, Math.max(3, lines + 1));
}

export function NarrativeScreen() {
  const { t } = useTranslation();
  const session = usePick(useSession, 'month', 'lang', 'status', 'units');
  const { month: sessionMonth, lang } = session;
  // The month, or the quarter/6/9-month/year that ends in or holds it: "month" below is its spec.
  const [kind, setKind] = useState<PeriodKindChoice>('month');
  const month = periodSpecOf(kind, sessionMonth);
  const periodName =
    kind === 'month'
      ? ''
      : t(`narrativePeriod.label.${kind}`, { year: sessionMonth.slice(0, 4), n: ROMAN[Math.ceil(Number(sessionMonth.slice(5)) / 3) - 1] });
  const home = homeUnit(session);
  const { sections, saved, error, loaded, key, load, save } = usePick(useNarrative, 'sections', 'saved', 'error', 'loaded', 'key', 'load', 'save');
  /** The box being typed in, with the unit and month it was written for. */
  const active = useRef<{ el: HTMLTextAreaElement; unit: string; month: string; section: string } | null>(null);

  useEffect(() => {
    const finish = () => {
      const a = active.current;
      active.current = null;
      if (a) void useNarrative.getState().save(a.unit, a.month, a.section, a.el.value);
    };
    const off = onLeave(finish);
    return () => {
      off();
      finish();
    };
  }, []);

  useEffect(() => {
    if (home) void load(home.code, month);
  }, [home, month, load]);

  if (!home) return null;
  const ready = loaded && key === `${home.code}|${month}`;
  return (
    <section className="screen narrative-screen" aria-label={t('ui.tabs.narrative')}>
      <PeriodBar withProgramme={false} />
      <div className="period-bar">
        <label>
          {t('narrativePeriod.kind')}
          <select aria-label={t('narrativePeriod.kind')} name="narrativeKind" value={kind} onChange={(e) => setKind(e.target.value as PeriodKindChoice)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`report.ui.periodKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {kind !== 'month' && (
        <p className="hint" data-testid="narrative-period">
          {t('narrativePeriod.own', { period: periodName })}
        </p>
      )}
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      <div className="narrative-list" data-loading={ready ? 'false' : 'true'}>
        {ready && NARRATIVE_SECTIONS.map((def) => {
          const s = sections[def.id];
          const carried = s && s.fromPeriod !== month;
          return (
            <label key={`${month}|${def.id}`} className="narrative-section">
              <span className="section-title">
                {def.id}. {lang === 'vi' ? def.titleVi : def.titleEn}
                {carried && <em className="carried">{t('ui.narrative.carried', { from: formatMonth(s.fromPeriod, lang) })}</em>}
                {saved[def.id] && <em className="saved-mark">{t('ui.narrative.saved')}</em>}
              </span>
              <textarea
                rows={rowsFor(s?.body ?? '')}
                defaultValue={s?.body ?? ''}
                maxLength={100_000}
                onFocus={(e) => (active.current = { el: e.currentTarget, unit: home.code, month, section: def.id })}
                onBlur={(e) => {
                  active.current = null;
                  void save(home.code, month, def.id, e.target.value);
                }}
              />
            </label>
          );
        })}
      </div>
    </section>
  );
}
