// Settings: who uses the app, who signs the report, the report's header, the language, and
// the backups (now, to a USB stick, restore).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreResult } from '../../core/api';
import { invoke, messageOf } from '../api';
import { formatBytes } from '../format';
import { useSession } from '../stores/session';
import { useSettings } from '../stores/settings';
import { i18n } from '../i18n';
import { usePick } from '../stores/pick';

/** Settings edited as text; lists (signer title, recipients) one item per line. */
const TEXT_KEYS = ['user.name', 'report.signerName', 'report.parentBody', 'report.unitName', 'report.unitShort', 'report.place'] as const;
const LINE_KEYS = ['report.signerTitle', 'report.recipients'] as const;

function asText(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join('\n');
  return typeof v === 'string' ? v : '';
}

/** This installation's signing key, in groups a person reads out on the phone. */
function KeyFingerprint() {
  const { t } = useTranslation();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('bundle.key', {}).then((k) => setFingerprint(k.fingerprint), (e: unknown) => setError(messageOf(e)));
  }, []);
  return (
    <div className="key-fingerprint" data-testid="key-fingerprint">
      <h3>{t('ui.bundle.keyTitle')}</h3>
      <p className="hint">{t('ui.bundle.keyExplain')}</p>
      {fingerprint && (
        <p className="fingerprint" aria-label={t('ui.bundle.fingerprint')}>
          {fingerprint}
        </p>
      )}
      {error && <p className="message message-error">{error}</p>}
    </div>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const { lang, setLang, reopened, status } = usePick(useSession, 'lang', 'setLang', 'reopened', 'status');
  const { values, backups, busy, message, load, save, backup } = usePick(useSettings, 'values', 'backups', 'busy', 'message', 'load', 'save', 'backup');

  useEffect(() => {
    void load();
  }, [load]);

  const restored = async (r: RestoreResult | null) => {
    if (!r) return null;
    await reopened(r.status);
    return i18n.t(r.kept === 'damaged' ? 'ui.backup.restoredOverDamaged' : 'ui.backup.restored', { safety: r.safetyBackup });
  };
  const confirmRestore = () => window.confirm(t('ui.backup.confirmRestore'));

  return (
    <section className="screen settings-screen" aria-label={t('ui.tabs.settings')}>
      <div className="settings-columns">
        <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
          <h2>{t('ui.settings.title')}</h2>
          {TEXT_KEYS.map((k) => (
            <label key={k}>
              {t(`ui.settings.keys.${k.replace('.', '_')}`)}
              <input defaultValue={asText(values[k])} key={`${k}|${asText(values[k])}`} maxLength={300} onBlur={(e) => void save(k, e.target.value.trim())} />
            </label>
          ))}
          {LINE_KEYS.map((k) => (
            <label key={k}>
              {t(`ui.settings.keys.${k.replace('.', '_')}`)}
              <textarea
                rows={3}
                defaultValue={asText(values[k])}
                key={`${k}|${asText(values[k])}`}
                onBlur={(e) => void save(k, e.target.value.split('\n').map((l) => l.trim()).filter(Boolean))}
              />
            </label>
          ))}
          <label>
            {t('ui.settings.language')}
            <select value={lang} onChange={(e) => void setLang(e.target.value === 'en' ? 'en' : 'vi')}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          <p className="hint">{t('ui.settings.dataDir', { dir: status?.dataDir ?? '' })}</p>
          <KeyFingerprint />
        </form>
        <div className="backups">
          <h2>{t('ui.backup.title')}</h2>
          <p className="hint">{t('ui.backup.explain')}</p>
          <div className="buttons">
            <button type="button" disabled={busy} onClick={() => void backup(async () => t('ui.backup.done', { name: (await invoke('backup.now', {})).name }))}>
              {t('ui.backup.now')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void backup(async () => {
                const r = await invoke('backup.saveTo', {});
                return r ? t('ui.backup.savedTo', { file: r.file }) : null;
              })}
            >
              {t('ui.backup.saveTo')}
            </button>
            <button type="button" disabled={busy} onClick={() => void backup(async () => (confirmRestore() ? restored(await invoke('backup.restoreFrom', {})) : null))}>
              {t('ui.backup.restoreFrom')}
            </button>
          </div>
          {message && (
            <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </div>
          )}
          <table className="backup-list">
            <thead>
              <tr>
                <th>{t('ui.backup.when')}</th>
                <th>{t('ui.backup.reason')}</th>
                <th>{t('ui.backup.size')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.length === 0 && (
                <tr>
                  <td colSpan={4} className="empty">
                    {t('ui.backup.none')}
                  </td>
                </tr>
              )}
              {backups.map((b) => (
                <tr key={b.name}>
                  <td>{new Date(b.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                  <td>{t(`ui.backup.reasons.${b.reason}`)}</td>
                  <td className="num">{formatBytes(b.bytes, lang)}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      disabled={busy}
                      onClick={() => void backup(async () => (confirmRestore() ? restored(await invoke('backup.restore', { name: b.name })) : null))}
                    >
                      {t('ui.backup.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
