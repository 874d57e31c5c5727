// "Thiết lập báo cáo của đơn vị" (issue 13): the chosen unit's own parent body, header name,
// document symbol, place, recipients and signer. An empty field prints the default of the unit's
// level, shown as its placeholder. Saved through report.setUnitSettings (setting report.units).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_SETTING_FIELDS, UNIT_SETTING_LISTS, type UnitSettingField, type UnitSettingsView } from '../../../core/api/unit-settings';
import type { UnitReportSettings } from '../../../core/settings';
import { invoke, messageOf } from '../../api';

type Texts = Record<UnitSettingField, string>;
const isList = (f: UnitSettingField) => UNIT_SETTING_LISTS.includes(f);
const text = (v: string | string[] | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join('\n') : v);

function textsOf(own: UnitReportSettings): Texts {
  return Object.fromEntries(UNIT_SETTING_FIELDS.map((f) => [f, text(own[f])])) as Texts;
}

export function UnitSettingsForm({ unit, unitName, period, onSaved }: { unit: string; unitName: string; period: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<UnitSettingsView | null>(null);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    setResult(null);
    invoke('report.unitSettings', { unit, period }).then(
      (v) => {
        if (!live) return;
        setView(v);
        setTexts(textsOf(v.own));
      },
      (e: unknown) => live && setResult({ ok: false, text: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [unit, period]);

  const save = async () => {
    if (!texts) return;
    setBusy(true);
    setResult(null);
    try {
      const values: Record<string, string | string[]> = {};
      for (const f of UNIT_SETTING_FIELDS) values[f] = isList(f) ? texts[f].split('\n') : texts[f];
      const v = await invoke('report.setUnitSettings', { unit, period, values, replace: true });
      setView(v);
      setTexts(textsOf(v.own));
      setResult({ ok: true, text: t('unitSettings.screen.saved', { unit: unitName }) });
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
            const onChange = (v: string) => setTexts({ ...texts, [f]: v });
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
