// The first run: no database yet. Either the demo district (to look around) or the user's own
// unit: its name, its communes pasted as a list, the user and the director who signs.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupStatus } from '../../core/api';
import { invoke, messageOf } from '../api';
import { parseCommuneList } from '../setup-model';
import { useSession } from '../stores/session';

const FIELDS = ['province', 'unitName', 'userName', 'directorName', 'directorTitle'] as const;
type Field = (typeof FIELDS)[number];

export function FirstRunScreen() {
  const { t } = useTranslation();
  const reopened = useSession((s) => s.reopened);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<Record<Field, string>>({
    province: '',
    unitName: '',
    userName: '',
    directorName: '',
    directorTitle: t('ui.setup.directorTitleDefault'),
  });
  const [communeText, setCommuneText] = useState('');
  const communes = parseCommuneList(communeText);

  async function run(action: () => Promise<Parameters<typeof reopened>[0]>) {
    setBusy(true);
    setError(null);
    try {
      await reopened(await action());
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  function submit(ev: FormEvent) {
    ev.preventDefault();
    const missing = FIELDS.filter((f) => form[f].trim() === '');
    if (missing.length > 0 || communes.length === 0) {
      setError(t('ui.setup.missing', { fields: [...missing.map((f) => t(`ui.setup.${f}`)), ...(communes.length ? [] : [t('ui.setup.communes')])].join(', ') }));
      return;
    }
    void run(() => invoke('setup.createUnit', { ...form, communes }));
  }

  return (
    <main className="first-run">
      <h1>{t('ui.app.title')}</h1>
      <p className="lead">{t('ui.setup.welcome')}</p>
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      <div className="cards">
        <section className="card">
          <h2>{t('ui.setup.demoTitle')}</h2>
          <p>{t('ui.setup.demoText')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => invoke('setup.openDemo', {}))}>
            {t('ui.setup.openDemo')}
          </button>
        </section>
        <section className="card">
          <h2>{t('ui.setup.unitTitle')}</h2>
          <form onSubmit={submit} className="setup-form">
            {FIELDS.map((f) => (
              <label key={f}>
                {t(`ui.setup.${f}`)}
                <input
                  name={f}
                  value={form[f]}
                  placeholder={t(`ui.setup.${f}Example`)}
                  maxLength={120}
                  onChange={(e) => setForm({ ...form, [f]: e.target.value })}
                />
              </label>
            ))}
            <label>
              {t('ui.setup.communes')}
              <textarea name="communes" rows={6} value={communeText} placeholder={t('ui.setup.communesExample')} onChange={(e) => setCommuneText(e.target.value)} />
              <small>{t('ui.setup.communesCount', { count: communes.length })}</small>
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {t('ui.setup.create')}
            </button>
          </form>
        </section>
        <ParentCard busy={busy} run={run} />
      </div>
    </main>
  );
}

/** A receiving office (a province): its name, its code as the units below name it, the user. */
function ParentCard({ busy, run }: { busy: boolean; run: (action: () => Promise<SetupStatus>) => Promise<void> }) {
  const { t } = useTranslation();
  const [unitName, setUnitName] = useState('');
  const [code, setCode] = useState('');
  const [userName, setUserName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const missing = [...(unitName.trim() ? [] : [t('ui.setup.parentName')]), ...(userName.trim() ? [] : [t('ui.setup.userName')])];
    const c = code.trim().toUpperCase();
    if (missing.length > 0) {
      setError(t('ui.setup.missing', { fields: missing.join(', ') }));
      return;
    }
    setError(null);
    void run(() => invoke('setup.createParent', { unitName: unitName.trim(), userName: userName.trim(), ...(c ? { code: c } : {}) }));
  };
  return (
    <section className="card">
      <h2>{t('ui.setup.parentTitle')}</h2>
      <p>{t('ui.setup.parentText')}</p>
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      <form onSubmit={submit} className="setup-form" aria-label={t('ui.setup.parentTitle')}>
        <label>
          {t('ui.setup.parentName')}
          <input name="parentName" value={unitName} placeholder={t('ui.setup.parentNameExample')} maxLength={120} onChange={(e) => setUnitName(e.target.value)} />
        </label>
        <label>
          {t('ui.setup.parentCode')}
          <input name="parentCode" value={code} placeholder={t('ui.setup.parentCodeExample')} maxLength={64} pattern="[A-Za-z0-9_]*" onChange={(e) => setCode(e.target.value)} />
        </label>
        <label>
          {t('ui.setup.userName')}
          <input name="parentUser" value={userName} placeholder={t('ui.setup.userNameExample')} maxLength={120} onChange={(e) => setUserName(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.setup.createParent')}
        </button>
      </form>
    </section>
  );
}
