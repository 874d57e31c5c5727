// "Nhận báo cáo": bundles from the units below, chosen in a dialog or dropped on the screen.
// Each file is checked first (a dry run: nothing written) and shown as a row: unit, months,
// revision, what would change, warnings. A first bundle from a unit (or one signed with a new
// key) waits until the user has compared the key's fingerprint with the sender, by phone, and
// confirmed it. "Nhận vào" imports the files that passed, each all or nothing.
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileSummary } from '../../core/api';
import { formatMonth, formatNumber, type Lang } from '../../core/format';
import { MessageBox } from '../components/MessageBox';
import { formatDateTime } from '../format';
import { needsTrust, useBundle, type ReceivedFile } from '../stores/bundle';
import { usePick } from '../stores/pick';
import { useSession } from '../stores/session';

const months = (periods: readonly string[], lang: Lang): string =>
  periods.length <= 2 ? periods.map((p) => formatMonth(p, lang)).join(', ') : `${formatMonth(periods[0]!, lang)} – ${formatMonth(periods[periods.length - 1]!, lang)}`;

const revisionsOf = (s: ImportFileSummary): string => [...new Set(Object.values(s.revisions))].join(', ');

function StatusCell({ f }: { f: ReceivedFile }) {
  const { t } = useTranslation();
  const shown = f.result ?? f.check;
  if (!shown) return <span className="muted">{t('ui.bundle.checking')}</span>;
  const icon = { imported: '✓', unchanged: '=', dryRun: '→', refused: '✗' }[shown.status];
  return (
    <span className={`bundle-status bundle-${shown.status}`}>
      {icon} {t(`ui.bundle.status.${f.result ? shown.status : shown.status === 'dryRun' ? 'ready' : shown.status}`)}
    </span>
  );
}

export function ReceiveScreen() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const reload = useSession((s) => s.load);
  const { files, log, busy, message, choose, drop, trust, remove, apply, loadLog, clearMessage } = usePick(
    useBundle, 'files', 'log', 'busy', 'message', 'choose', 'drop', 'trust', 'remove', 'apply', 'loadLog', 'clearMessage',
  );
  const [over, setOver] = useState(false);

  useEffect(() => {
    void loadLog();
  }, [loadLog]);

  const ready = files.filter((f) => f.result === null && f.check?.status === 'dryRun');
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const list = [...e.dataTransfer.files];
    if (list.length > 0) void drop(list);
  };
  const onApply = async () => {
    await apply();
    // Units learned from the bundles, and their figures, on every screen.
    await reload();
  };
  const num = (n: number) => formatNumber(n, lang, 0);

  return (
    <section
      className={`screen bundle-screen${over ? ' drop-over' : ''}`}
      aria-label={t('ui.bundle.receiveTitle')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2>{t('ui.bundle.receiveTitle')}</h2>
      <p className="hint">{t('ui.bundle.receiveExplain')}</p>
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => void choose()}>
          {t('ui.bundle.choose')}
        </button>
        <span className="drop-hint">{t('ui.bundle.dropHint')}</span>
      </div>
      {message && <MessageBox message={message} onClose={clearMessage} />}
      {files.length > 0 && (
        <table className="list-table bundle-files" data-testid="receive-files">
          <thead>
            <tr>
              <th>{t('ui.bundle.col.file')}</th>
              <th>{t('ui.bundle.col.unit')}</th>
              <th>{t('ui.bundle.col.period')}</th>
              <th>{t('ui.bundle.col.revision')}</th>
              <th className="num">{t('ui.bundle.col.new')}</th>
              <th className="num">{t('ui.bundle.col.changed')}</th>
              <th className="num">{t('ui.bundle.col.deleted')}</th>
              <th className="num">{t('ui.bundle.col.unchanged')}</th>
              <th className="num">{t('ui.bundle.col.newUnits')}</th>
              <th>{t('ui.bundle.col.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {files.map((f) => {
              const s = f.result ?? f.check;
              return (
                <tr key={f.id} data-file={f.file.name}>
                  <td>{f.file.name}</td>
                  <td>{s?.unitName ?? '—'}</td>
                  <td>{s && s.periods.length > 0 ? months(s.periods, lang) : '—'}</td>
                  <td className="num">{s && s.periods.length > 0 ? revisionsOf(s) : '—'}</td>
                  <td className="num">{s && s.status !== 'refused' ? num(s.counts.imported) : ''}</td>
                  <td className="num">{s && s.status !== 'refused' ? num(s.counts.updated) : ''}</td>
                  <td className="num">{s && s.status !== 'refused' ? num(s.counts.deleted) : ''}</td>
                  <td className="num">{s && s.status !== 'refused' ? num(s.counts.ignored) : ''}</td>
                  <td className="num">{s && s.status !== 'refused' ? num(s.newUnits.length) : ''}</td>
                  <td className="bundle-detail">
                    <StatusCell f={f} />
                    {s && <div className="bundle-message">{s.message}</div>}
                    {s?.warnings.map((w) => (
                      <div key={w.message} className="bundle-warning">
                        ⚠ {w.message}
                      </div>
                    ))}
                    {s && s.conflicts.length > 0 && (
                      <details>
                        <summary>{t('ui.bundle.conflicts', { count: s.conflicts.length })}</summary>
                        <ul>
                          {s.conflicts.map((c) => (
                            <li key={`${c.value}|${c.object}`}>{c.reason}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                    {!f.result && needsTrust(f.check) && f.check?.fingerprint && (
                      <div className="trust-box" data-testid="trust-box">
                        <p>{t(f.check.reason === 'bundle.refused.keyChanged' ? 'ui.bundle.trustChanged' : 'ui.bundle.trustFirst', { unit: f.check.unitName ?? f.check.unit ?? '' })}</p>
                        <p className="fingerprint" aria-label={t('ui.bundle.fingerprint')}>
                          {f.check.fingerprint}
                        </p>
                        <p className="hint">{t('ui.bundle.trustHow')}</p>
                        <button type="button" disabled={busy} onClick={() => void trust(f.id)}>
                          {t('ui.bundle.trustButton')}
                        </button>
                      </div>
                    )}
                  </td>
                  <td>
                    {!f.result && (
                      <button type="button" className="link" disabled={busy} onClick={() => remove(f.id)} aria-label={t('ui.bundle.removeFile', { file: f.file.name })}>
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {files.length > 0 && (
        <div className="buttons">
          <button type="button" className="primary" disabled={busy || ready.length === 0} onClick={() => void onApply()}>
            {t('ui.bundle.apply', { count: ready.length })}
          </button>
          {ready.length === 0 && <span className="hint">{t('ui.bundle.nothingToApply')}</span>}
        </div>
      )}
      <h3>{t('ui.bundle.logTitle')}</h3>
      {log.length === 0 ? (
        <p className="hint">{t('ui.bundle.logNone')}</p>
      ) : (
        <table className="list-table" data-testid="import-log">
          <thead>
            <tr>
              <th>{t('ui.bundle.col.at')}</th>
              <th>{t('ui.bundle.col.file')}</th>
              <th>{t('ui.bundle.col.unit')}</th>
              <th>{t('ui.bundle.col.period')}</th>
              <th>{t('ui.bundle.col.revision')}</th>
              <th>{t('ui.bundle.col.result')}</th>
              <th>{t('ui.bundle.col.by')}</th>
            </tr>
          </thead>
          <tbody>
            {[...log].reverse().slice(0, 100).map((e, i) => (
              <tr key={`${e.at}|${e.fileHash}|${i}`}>
                <td>{formatDateTime(e.at, lang)}</td>
                <td>{e.fileName}</td>
                <td>{e.unit}</td>
                <td>{months(e.periods, lang)}</td>
                <td className="num">{[...new Set(Object.values(e.revisions))].join(', ')}</td>
                <td title={e.reason ?? ''}>
                  {t(`ui.bundle.logResult.${e.result}`, { defaultValue: e.result })}
                  {e.reason ? ` — ${e.reason}` : ''}
                </td>
                <td>{e.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
