// Registering the units a province expects by pasting their list (issue 11: "the same from the
// app (paste or file)"): CSV text code,name,level,parent, checked first (a dry run of
// units.importCsvText, nothing written) with the units it would add, then registered. A refusal
// lists every bad line and writes nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitsImportResult } from '../../../core/api';
import { ORG_UNIT_LEVELS } from '../../../core/orgunit';
import { ApiFailure, invoke, messageOf } from '../../api';
import { levelLabel } from '../../i18n';

interface Refusal {
  message: string;
  lines: string[];
}

export function UnitsPaste({ onRegistered, onClose }: { onRegistered: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<UnitsImportResult | null>(null);
  const [done, setDone] = useState<UnitsImportResult | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setRefusal(null);
    setDone(null);
    if (dryRun) setPreview(null);
    try {
      const r = await invoke('units.importCsvText', { text, fileName: t('ui.reporting.paste.fileName'), dryRun });
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setDone(r);
        setText('');
        await onRegistered();
      }
    } catch (e) {
      setPreview(null);
      setRefusal(e instanceof ApiFailure ? { message: e.error.message, lines: e.error.details ?? [] } : { message: messageOf(e), lines: [] });
    } finally {
      setBusy(false);
    }
  };

  const levels = ORG_UNIT_LEVELS.map((l) => `${levelLabel(l)} (${l})`).join(', ');
  return (
    <div className="units-paste" data-testid="units-paste">
      <h3>{t('ui.reporting.paste.title')}</h3>
      <p className="hint">{t('ui.reporting.paste.hint', { levels })}</p>
      <textarea
        rows={8}
        aria-label={t('ui.reporting.paste.label')}
        value={text}
        placeholder={'code,name,level,parent'}
        onChange={(e) => {
          setText(e.target.value);
          setPreview(null);
        }}
      />
      <div className="buttons">
        <button type="button" disabled={busy || text.trim() === ''} onClick={() => void run(true)}>
          {t('ui.reporting.paste.check')}
        </button>
        <button type="button" disabled={busy || !preview || preview.added.length === 0} onClick={() => void run(false)}>
          {t('ui.reporting.paste.register')}
        </button>
        <button type="button" onClick={onClose}>
          {t('ui.reporting.paste.close')}
        </button>
      </div>
      {refusal && (
        <div className="message error" role="alert" data-testid="units-paste-refused">
          <p>{refusal.message}</p>
          {refusal.lines.length > 0 && (
            <>
              <p>{t('ui.reporting.paste.refused')}</p>
              <ul>
                {refusal.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {preview && (
        <div data-testid="units-paste-preview">
          <p role="status">
            {preview.added.length === 0
              ? t('ui.reporting.paste.nothingNew', { unchanged: preview.unchanged })
              : t('ui.reporting.paste.willAdd', { count: preview.added.length, unchanged: preview.unchanged })}
          </p>
          {preview.added.length > 0 && (
            <table className="list-table">
              <thead>
                <tr>
                  <th>{t('ui.reporting.paste.code')}</th>
                  <th>{t('ui.reporting.paste.name')}</th>
                  <th>{t('ui.reporting.paste.level')}</th>
                  <th>{t('ui.reporting.paste.parent')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.added.map((u) => (
                  <tr key={u.code}>
                    <td>{u.code}</td>
                    <td>{u.name}</td>
                    <td>{levelLabel(u.level)}</td>
                    <td>{u.parent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {done && (
        <p role="status" data-testid="units-paste-done">
          {t('ui.reporting.paste.registered', { count: done.added.length, unchanged: done.unchanged })}
        </p>
      )}
    </div>
  );
}
