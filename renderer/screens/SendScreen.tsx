// "Gửi báo cáo tháng": the month of the home unit as a signed sync bundle for the office above.
// Warns when the month is not marked complete or still has unexplained high-importance problems
// (sending anyway is allowed, and the bundle says so), saves where the user chooses (a folder,
// a USB stick), shows where the file is to attach it to an email, and lists what was sent.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BUNDLE_MONTHS } from '../../core/bundle-limits';
import { formatMonth } from '../../core/format';
import { addMonths } from '../../core/period';
import { MessageBox } from '../components/MessageBox';
import { PeriodBar } from '../components/PeriodBar';
import { formatBytes, formatDateTime } from '../format';
import { useBundle } from '../stores/bundle';
import { usePick } from '../stores/pick';
import { homeUnit, useSession } from '../stores/session';

export function SendScreen() {
  const { t } = useTranslation();
  const session = usePick(useSession, 'month', 'status', 'units', 'lang');
  const { plan, planError, sent, saved, busy, message, loadPlan, loadSent, send, clearMessage } = usePick(
    useBundle, 'plan', 'planError', 'sent', 'saved', 'busy', 'message', 'loadPlan', 'loadSent', 'send', 'clearMessage',
  );
  const home = homeUnit(session);
  const { month, lang } = session;
  const parent = home?.parent ? session.units.find((u) => u.code === home.parent) : null;
  // Catching up after an outage: the months before this one can go in the same file.
  const [back, setBack] = useState(0);
  const from = addMonths(month, -back);

  useEffect(() => {
    if (home) void loadPlan(home.code, from, month);
  }, [home, from, month, loadPlan]);
  useEffect(() => {
    void loadSent();
  }, [loadSent]);

  if (!home) return null;
  const savedHere = saved && saved.periods.includes(month) && saved.periods[0] === from ? saved : null;
  return (
    <section className="screen bundle-screen" aria-label={t('ui.bundle.sendTitle')}>
      <h2>
        {t('ui.bundle.sendHeading', { unit: home.name, month: back === 0 ? formatMonth(month, lang) : `${formatMonth(from, lang)} – ${formatMonth(month, lang)}` })}
      </h2>
      <div className="period-row">
        <PeriodBar withProgramme={false} />
        <label>
          {t('ui.bundle.range')}
          <select aria-label={t('ui.bundle.range')} value={back} onChange={(e) => setBack(Number(e.target.value))}>
            {Array.from({ length: MAX_BUNDLE_MONTHS }, (_, i) => (
              <option key={i} value={i}>
                {i === 0 ? t('ui.bundle.rangeOne') : t('ui.bundle.rangeFrom', { month: formatMonth(addMonths(month, -i), lang), count: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('ui.bundle.sendExplain', { parent: parent?.name ?? t('ui.bundle.parentDefault') })}</p>
      {message && <MessageBox message={message} onClose={clearMessage} />}
      {planError && (
        <div className="message message-error" role="alert">
          {planError}
        </div>
      )}
      {plan && (
        <div className="send-plan" data-testid="send-plan">
          <p>
            {t('ui.bundle.willSend', { file: plan.fileName, revision: [...new Set(Object.values(plan.revisions))].join(', ') })}
          </p>
          {plan.warnings.length > 0 ? (
            <div className="message message-warning" role="status" data-testid="send-warnings">
              <div className="message-body">
                <strong>{t('ui.bundle.warningsTitle')}</strong>
                <ul>
                  {plan.warnings.map((w) => (
                    <li key={w.message}>⚠ {w.message}</li>
                  ))}
                </ul>
                <span>{t('ui.bundle.sendAnyway')}</span>
              </div>
            </div>
          ) : (
            <p className="ok-line">✓ {t('ui.bundle.readyToSend')}</p>
          )}
          <div className="buttons">
            <button type="button" className="primary" disabled={busy} onClick={() => void send(home.code, from, month)}>
              {plan.warnings.length > 0 ? t('ui.bundle.sendWithWarnings') : t('ui.bundle.send')}
            </button>
          </div>
        </div>
      )}
      {savedHere && (
        <div className="message message-info" role="status" data-testid="send-saved">
          <div className="message-body">
            <span>{t('ui.bundle.saved', { file: savedHere.file, size: formatBytes(savedHere.bytes, lang) })}</span>
            <code className="path">{savedHere.path}</code>
            <span>{t('ui.bundle.attach', { parent: parent?.name ?? t('ui.bundle.parentDefault') })}</span>
          </div>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(savedHere.path)}>
            {t('ui.bundle.copyPath')}
          </button>
        </div>
      )}
      <h3>{t('ui.bundle.sentTitle')}</h3>
      {sent.length === 0 ? (
        <p className="hint">{t('ui.bundle.sentNone')}</p>
      ) : (
        <table className="list-table" data-testid="sent-list">
          <thead>
            <tr>
              <th>{t('ui.bundle.col.period')}</th>
              <th>{t('ui.bundle.col.revision')}</th>
              <th>{t('ui.bundle.col.sentAt')}</th>
              <th>{t('ui.bundle.col.file')}</th>
              <th>{t('ui.bundle.col.by')}</th>
            </tr>
          </thead>
          <tbody>
            {[...sent].reverse().map((s) => (
              <tr key={`${s.period}|${s.revision}|${s.unit}`}>
                <td>{formatMonth(s.period, lang)}</td>
                <td className="num">{s.revision}</td>
                <td>{formatDateTime(s.sentAt, lang)}</td>
                <td>{s.fileName}</td>
                <td>{s.sentBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
