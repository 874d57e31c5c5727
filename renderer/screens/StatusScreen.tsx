// "Tình hình báo cáo": the receiving office's table of who reported each month of a year (on
// time, late, missing, not yet due — a sign and a word, never colour alone), the month's
// reporting rate (DHIS2's reporting-rate summary), the units to register from a CSV, and the
// reminder of a month as text to paste into an e-mail or a Zalo message.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MonthReport, RemindersResult, StatusResult } from '../../core/api';
import { formatMonth, formatPercent } from '../../core/format';
import { monthParts } from '../../core/period';
import { ApiFailure, invoke, messageOf } from '../api';
import { TimelinessChart } from '../charts/TimelinessChart';
import { MessageBox, type ScreenMessage } from '../components/MessageBox';
import { formatDateTime } from '../format';
import { usePick } from '../stores/pick';
import { useSession } from '../stores/session';
import { UnitsPaste } from './status/UnitsPaste';

const SIGN: Record<MonthReport['state'], string> = { 'on-time': '✓', late: '◷', missing: '✗', 'not-due': '–' };

function cellTitle(m: MonthReport, t: TFunction, lang: 'vi' | 'en'): string {
  const lines = [m.label, t('ui.reporting.deadline', { date: m.deadline.split('-').reverse().join('/') })];
  if (m.revision !== null) lines.push(t('ui.reporting.revision', { revision: m.revision }));
  if (m.sentAt) lines.push(t('ui.reporting.sentAt', { at: formatDateTime(m.sentAt, lang) }));
  if (m.receivedAt) lines.push(t('ui.reporting.receivedAt', { at: formatDateTime(m.receivedAt, lang) }));
  if (m.complete === false) lines.push(t('ui.reporting.notComplete'));
  if (m.unexplained) lines.push(t('ui.reporting.unexplained', { count: m.unexplained }));
  return lines.join('\n');
}

export function StatusScreen() {
  const { t } = useTranslation();
  const { month, lang, load: reloadSession, showFigures } = usePick(useSession, 'month', 'lang', 'load', 'showFigures');
  const [year, setYear] = useState(monthParts(month).year);
  const [status, setStatus] = useState<StatusResult | null>(null);
  const [reminder, setReminder] = useState<RemindersResult | null>(null);
  const [message, setMessage] = useState<ScreenMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);

  const load = useCallback(async () => {
    try {
      setStatus(await invoke('status.get', { year, lang }));
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  }, [year, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const remind = async (m: number) => {
    try {
      setReminder(await invoke('status.reminders', { year, month: m, lang }));
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };
  const importUnits = async () => {
    setBusy(true);
    try {
      const r = await invoke('units.importCsv', {});
      if (r) {
        setMessage({ kind: 'info', text: t('ui.reporting.unitsImported', { file: r.file, count: r.added, unchanged: r.unchanged }) });
        await reloadSession();
        await load();
      }
    } catch (e) {
      const details = e instanceof ApiFailure ? e.error.details : undefined;
      setMessage({ kind: 'error', text: e instanceof ApiFailure ? e.error.message : messageOf(e), ...(details ? { details } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const timeliness = useMemo(() => (status ? { year: status.year, totals: status.totals, lang } : null), [status, lang]);

  const years: number[] = [];
  for (let y = monthParts(month).year + 1; y >= 2020; y--) years.push(y);
  return (
    <section className="screen status-screen" aria-label={t('ui.tabs.status')}>
      <div className="period-row">
        <h2>{t('ui.reporting.title', { unit: status?.homeName ?? '', year })}</h2>
        <label>
          {t('ui.period.year')}
          <select aria-label={t('ui.period.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => void importUnits()} title={t('ui.reporting.importUnitsTitle')}>
          {t('ui.reporting.importUnits')}
        </button>
        <button type="button" disabled={busy} onClick={() => setPasting(true)} title={t('ui.reporting.paste.openTitle')}>
          {t('ui.reporting.paste.open')}
        </button>
      </div>
      {pasting && (
        <UnitsPaste
          onClose={() => setPasting(false)}
          onRegistered={async () => {
            await reloadSession();
            await load();
          }}
        />
      )}
      {status && <p className="hint">{t('ui.reporting.rule', { rule: status.ruleText })}</p>}
      {status?.warnings.map((w) => (
        <p key={w} className="hint">
          ⚠ {w}
        </p>
      ))}
      {message && <MessageBox message={message} onClose={() => setMessage(null)} />}
      <p className="cell-legend">
        <span>✓ {t('ui.reporting.legend.onTime')}</span>
        <span>◷ {t('ui.reporting.legend.late')}</span>
        <span>✗ {t('ui.reporting.legend.missing')}</span>
        <span>– {t('ui.reporting.legend.notDue')}</span>
        <span>* {t('ui.reporting.legend.notComplete')}</span>
        <span>! {t('ui.reporting.legend.unexplained')}</span>
      </p>
      {status && status.units.length === 0 && <p className="hint">{t('ui.reporting.noUnits')}</p>}
      {timeliness && status && status.units.length > 0 && (
        <div className="chart-panel">
          <div className="chart-head">
            <strong>{t('ui.provinceScreens.timeliness')}</strong>
          </div>
          <TimelinessChart input={timeliness} />
        </div>
      )}
      {status && status.units.length > 0 && (
        <div className="status-wrap">
          <table className="list-table status-table" data-testid="status-table">
            <thead>
              <tr>
                <th>{t('ui.reporting.unit')}</th>
                {status.totals.map((m) => (
                  <th key={m.period} className="num">
                    {t('ui.period.monthName', { n: monthParts(m.period).month })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.units.map((u) => (
                <tr key={u.unit} data-unit={u.unit}>
                  <th scope="row">
                    {/* The unit's figures: the figures screen, on that unit. */}
                    <button type="button" className="link" title={t('ui.provinceScreens.openFigures', { unit: u.name })} onClick={() => showFigures(u.unit)}>
                      {u.name}
                    </button>
                  </th>
                  {u.months.map((m) => (
                    <td key={m.period} className={`status-cell status-${m.state}`} title={cellTitle(m, t, lang)} data-period={m.period}>
                      {SIGN[m.state]}
                      {m.complete === false ? '*' : ''}
                      {m.unexplained ? '!' : ''}
                      <span className="sr-only"> {m.label}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('ui.reporting.rate')}</th>
                {status.totals.map((m) => (
                  <td key={m.period} className="num" title={t('ui.reporting.rateTitle', { received: m.received, expected: m.expected, onTime: m.onTime })}>
                    {m.reportingRate === null ? '' : `${m.received}/${m.expected}`}
                    <br />
                    <small>{m.reportingRate === null ? '' : formatPercent(m.reportingRate, lang, 0)}</small>
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('ui.reporting.remind')}</th>
                {status.totals.map((m) => (
                  <td key={m.period} className="num">
                    {m.missing + m.late > 0 && (
                      <button type="button" className="link" onClick={() => void remind(monthParts(m.period).month)} aria-label={t('ui.reporting.remindFor', { month: formatMonth(m.period, lang) })}>
                        ✉
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {reminder && (
        <div className="reminder" data-testid="reminder">
          <h3>{t('ui.reporting.reminderTitle', { month: formatMonth(reminder.period, lang) })}</h3>
          <textarea readOnly rows={Math.min(14, reminder.text.split('\n').length + 1)} value={reminder.text} aria-label={t('ui.reporting.reminderTitle', { month: formatMonth(reminder.period, lang) })} />
          <div className="buttons">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(reminder.text)}>
              {t('ui.reporting.copy')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
