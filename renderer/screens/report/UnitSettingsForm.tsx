// "Thiết lập báo cáo của đơn vị" (issue 13): the chosen unit's own parent body, header name,
// document symbol, place, recipients and signer. An empty field prints the default of the unit's
// level, shown as its placeholder. Saved through report.setUnitSettings (setting report.units).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSettingsView } from '../../../core/api/unit-settings';
import { UNIT_SETTING_FIELDS, UNIT_SETTING_LISTS, type UnitSettingField } from '../../../core/unit-setting-fields';
import type { UnitReportSettings } from '../../../core/settings';
import { invoke, messageOf } from '../../api';

type Texts = Record<UnitSettingField, string>;
const isList = (f: UnitSettingField) => UNIT_SETTING_LISTS.includes(f);
const text = (v: string | string[] | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join('\n') : v);

function textsOf(own: UnitReportSettings): Texts {
  return Object.fromEntries(UNIT_SETTING_FIELDS.map((f) => [f, text(own[f])])) as Texts;
}

/** The settings as read for one unit and period, and as the user is typing them there. */
interface Loaded {
  unit: string;
  unitName: string;
  period: string;
  view: UnitSettingsView;
  texts: Texts;
}

const differs = (l: Loaded) => UNIT_SETTING_FIELDS.some((f) => l.texts[f] !== textsOf(l.view.own)[f]);

export function UnitSettingsForm({ unit, unitName, period, onSaved }: { unit: string; unitName: string; period: string; onSaved: () => void }) {
  const { t } = useTranslation();
  // The form is bound to the unit and period it was read for: another unit chosen shows nothing
  // of this one's (and saves nothing of it there) until its own settings are in.
  const [loaded, setLoadedState] = useState<Loaded | null>(null);
  const loadedRef = useRef<Loaded | null>(null);
  const setLoaded = (l: Loaded | null) => {
    loadedRef.current = l;
    setLoadedState(l);
  };
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const current = loaded && loaded.unit === unit && loaded.period === period ? loaded : null;
  const view = current?.view ?? null;
  const texts = current?.texts ?? null;

  /** Saves the settings typed for `l`'s unit into that unit, whatever the screen shows now. */
  const saveInto = useCallback(
    async (l: Loaded) => {
      const values: Record<string, string | string[]> = {};
      for (const f of UNIT_SETTING_FIELDS) values[f] = isList(f) ? l.texts[f].split('\n') : l.texts[f];
      const v = await invoke('report.setUnitSettings', { unit: l.unit, period: l.period, values, replace: true });
      const mine = loadedRef.current?.unit === l.unit && loadedRef.current.period === l.period;
      if (mine) setLoaded({ ...l, view: v, texts: textsOf(v.own) });
      return v;
    },
    [],
  );

  useEffect(() => {
    let live = true;
    setResult(null);
    invoke('report.unitSettings', { unit, period }).then(
      (v) => {
        if (!live) return;
        setLoaded({ unit, unitName, period, view: v, texts: textsOf(v.own) });
      },
      (e: unknown) => live && setResult({ ok: false, text: messageOf(e) }),
    );
    return () => {
      live = false;
      // Another unit or period chosen, or the form closed, with settings typed and not saved:
      // they are saved into the unit they were typed for, as a comment or a narrative is.
      const l = loadedRef.current;
      loadedRef.current = null;
      if (l && differs(l)) {
        saveInto(l).then(
          () => setResult({ ok: true, text: t('unitSettings.screen.saved', { unit: l.unitName }) }),
          (e: unknown) => setResult({ ok: false, text: `${l.unitName}: ${messageOf(e)}` }),
        );
      }
    };
    // unitName is read for the message only; it follows unit.
  }, [unit, period, saveInto, t]);

  const save = async () => {
    if (!current) return;
    setBusy(true);
    setResult(null);
    try {
      await saveInto(current);
      setResult({ ok: true, text: t('unitSettings.screen.saved', { unit: current.unitName }) });
      onSaved();
    } catch (e) {
      setResult({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="unit-settings" aria-label={t('unitSettings.screen.title')}>
      <legend>
        {t('unitSettings.screen.title')}: {unitName}
      </legend>
      <p className="hint">{t('unitSettings.screen.hint')}</p>
      {result && (
        <div className={`message ${result.ok ? 'message-info' : 'message-error'}`} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </div>
      )}
      {view && texts && (
        <div className="unit-settings-fields" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 8px' }}>
          {UNIT_SETTING_FIELDS.map((f) => {
            const label = t(`unitSettings.field.${f}`);
            const placeholder = text(view.defaults[f]);
            const onChange = (v: string) => current && setLoaded({ ...current, texts: { ...texts, [f]: v } });
            return (
              <label key={f} style={{ display: 'contents' }}>
                <span>{label}</span>
                {isList(f) ? (
                  <textarea name={f} aria-label={label} rows={Math.max(2, placeholder.split('\n').length)} placeholder={placeholder} value={texts[f]} onChange={(e) => onChange(e.target.value)} />
                ) : (
                  <input name={f} aria-label={label} placeholder={placeholder} value={texts[f]} onChange={(e) => onChange(e.target.value)} />
                )}
              </label>
            );
          })}
        </div>
      )}
      <button type="button" disabled={busy || !texts} onClick={() => void save()}>
        {t('unitSettings.screen.save')}
      </button>
    </fieldset>
  );
}
