// Units as users change them (issue 13): the tree with each unit's level and months, and the
// changes made from a month — add, move (units/UnitsEditForms.tsx), rename, merge the selected units into an existing or a new unit
// (keeping the old stations as "điểm trạm"), close — with the history of every change.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelNames, UnitChange } from '../../core/orgunit';
import { invoke, messageOf } from '../api';
import { usePick } from '../stores/pick';
import { useSession } from '../stores/session';
import { AddUnitForm, LevelNamesForm, MoveUnitForm } from './units/UnitsEditForms';

const shown = (m: string) => `${Number(m.slice(5))}/${m.slice(0, 4)}`;

export function UnitsScreen() {
  const { t } = useTranslation();
  const { units, load, month, lang } = usePick(useSession, 'units', 'load', 'month', 'lang');
  const [levels, setLevels] = useState<LevelNames | null>(null);
  const [history, setHistory] = useState<UnitChange[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [from, setFrom] = useState(month);
  const [renameUnit, setRenameUnit] = useState('');
  const [newName, setNewName] = useState('');
  const [into, setInto] = useState('');
  const [intoName, setIntoName] = useState('');
  const [keepSites, setKeepSites] = useState(false);
  const [closeUnit, setCloseUnit] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const refresh = useCallback(async () => {
    const [l, h] = await Promise.all([invoke('units.levelNames', {}), invoke('units.history', {})]);
    setLevels(l);
    setHistory(h);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const nameOf = (c: string | null) => (c === null ? '' : (units.find((u) => u.code === c)?.name ?? c));
  const change = async (run: () => Promise<unknown>, done?: (r: unknown) => string) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await run();
      await load();
      await refresh();
      setPicked([]);
      setResult({ ok: true, text: done ? done(r) : t('units.screen.done') });
    } catch (e) {
      setResult({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };
  const open = units.filter((u) => !u.closedFrom);

  return (
    <section className="screen units-screen" aria-label={t('ui.tabs.units')}>
      <h2>{t('units.screen.title')}</h2>
      {result && (
        <div className={`message ${result.ok ? 'message-info' : 'message-error'}`} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </div>
      )}
      {/* Its own scroll: the forms below keep their place (the screen is a flex column). */}
      <div className="table-wrap" style={{ flex: 'none', maxHeight: '40vh' }}>
        <table className="figures units">
          <thead>
            <tr>
              <th>{t('units.screen.pick')}</th>
              <th>{t('units.screen.code')}</th>
              <th>{t('units.screen.level')}</th>
              <th className="name">{t('units.screen.name')}</th>
              <th>{t('units.screen.parent')}</th>
              <th>{t('units.screen.active')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.code} data-unit={u.code}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('units.screen.pick')}: ${u.name}`}
                    disabled={Boolean(u.closedFrom || u.receivedFrom)}
                    checked={picked.includes(u.code)}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p, u.code] : p.filter((c) => c !== u.code)))}
                  />
                </td>
                <td>{u.code}</td>
                <td>{levels ? levels[u.level] : ''}</td>
                <td className="name">{u.name}</td>
                <td>{nameOf(u.parent)}</td>
                <td>
                  {[u.openedFrom ? t('units.cli.openedFrom', { month: shown(u.openedFrom) }) : '', u.closedFrom ? t('units.cli.closedFrom', { month: shown(u.closedFrom) }) : '']
                    .filter((x) => x)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <label>
        {t('units.screen.from')} <input type="month" name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>

      {levels && (
        <>
          <AddUnitForm units={units} levels={levels} from={from} lang={lang} busy={busy} change={change} />
          <MoveUnitForm units={units} levels={levels} from={from} lang={lang} busy={busy} change={change} />
        </>
      )}

      <fieldset>
        <legend>{t('units.screen.mergeTitle')}</legend>
        <p>{picked.length > 0 ? t('units.screen.picked', { units: picked.map(nameOf).join(', ') }) : t('units.screen.none')}</p>
        <label>
          {t('units.screen.into')} <input name="into" value={into} onChange={(e) => setInto(e.target.value.trim())} />
        </label>
        <label>
          {t('units.screen.intoName')} <input name="intoName" value={intoName} onChange={(e) => setIntoName(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={keepSites} onChange={(e) => setKeepSites(e.target.checked)} /> {levels ? t('unitsEdit.keepSites', { site: levels.facility.toLocaleLowerCase('vi') }) : t('units.screen.keepSites')}
        </label>
        <button
          type="button"
          disabled={busy || picked.length === 0 || into === ''}
          onClick={() =>
            void change(() =>
              invoke('units.merge', { units: picked, into, from, ...(intoName.trim() ? { name: intoName.trim() } : {}), ...(keepSites ? { keepSites } : {}) }),
            )
          }
        >
          {t('units.screen.merge')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('units.screen.renameTitle')}</legend>
        <label>
          {t('units.screen.unit')}{' '}
          <select name="renameUnit" value={renameUnit} onChange={(e) => setRenameUnit(e.target.value)}>
            <option value="" />
            {open.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('units.screen.newName')} <input name="newName" value={newName} onChange={(e) => setNewName(e.target.value)} />
        </label>
        <button type="button" disabled={busy || !renameUnit || !newName.trim()} onClick={() => void change(() => invoke('units.rename', { unit: renameUnit, name: newName, from }))}>
          {t('units.screen.rename')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('units.screen.closeTitle')}</legend>
        <label>
          {t('units.screen.unit')}{' '}
          <select name="closeUnit" value={closeUnit} onChange={(e) => setCloseUnit(e.target.value)}>
            <option value="" />
            {open.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || !closeUnit} onClick={() => void change(() => invoke('units.close', { unit: closeUnit, from }))}>
          {t('units.screen.close')}
        </button>
      </fieldset>

      {levels && <LevelNamesForm key={Object.values(levels).join('|')} levels={levels} busy={busy} change={change} />}

      <h3>{t('units.screen.history')}</h3>
      <ol className="units-history" data-testid="units-history">
        {history.map((h, i) => (
          <li key={i}>
            {[
              h.changedAt.slice(0, 10),
              nameOf(h.unit),
              t(`units.change.${h.change}`),
              h.change === 'rename' ? `${h.oldValue ?? ''} → ${h.newValue ?? ''}` : h.change === 'merge' || h.change === 'move' ? `→ ${nameOf(h.newValue)}` : (h.newValue ?? ''),
              h.from ? t('units.cli.openedFrom', { month: shown(h.from) }) : '',
              h.changedBy,
            ]
              .filter((x) => x)
              .join(' · ')}
          </li>
        ))}
      </ol>
    </section>
  );
}
