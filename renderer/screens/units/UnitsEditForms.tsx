// The units screen's forms for adding a unit (under a chosen parent, at a level below it, with a
// code suggested from the name), moving a unit under another parent from a month, and naming the
// levels (setting units.levelNames). Levels are shown only by the province's own names.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth, type Lang } from '../../../core/format';
import { ORG_UNIT_LEVELS, type LevelNames, type OrgUnit, type OrgUnitLevel } from '../../../core/orgunit';
import { suggestCode } from '../../../core/unit-names';
import { invoke } from '../../api';
import { setLevelNames } from '../../i18n';

export interface EditProps {
  units: readonly OrgUnit[];
  levels: LevelNames;
  from: string;
  lang: Lang;
  busy: boolean;
  /** Runs the change, reloads the tree and says `done()` (or the refusal). */
  change: (run: () => Promise<unknown>, done: (r: unknown) => string) => Promise<void>;
}

const below = (level: OrgUnitLevel) => ORG_UNIT_LEVELS.slice(ORG_UNIT_LEVELS.indexOf(level) + 1);
const open = (units: readonly OrgUnit[]) => units.filter((u) => !u.closedFrom && !u.receivedFrom);

export function AddUnitForm({ units, levels, from, busy, change }: EditProps) {
  const { t } = useTranslation();
  const parents = open(units).filter((u) => below(u.level).length > 0);
  const [parent, setParent] = useState('');
  const [level, setLevel] = useState<OrgUnitLevel | ''>('');
  const [name, setName] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const p = units.find((u) => u.code === parent) ?? null;
  const choices = p ? below(p.level) : [];
  // The level by the parent: the one just below it unless the user picks another below it.
  const chosenLevel = level !== '' && choices.includes(level) ? level : (choices[0] ?? '');
  const suggested = name.trim() && p ? suggestCode(name, p.code, new Set(units.map((u) => u.code))) : '';
  const shownCode = code ?? suggested;
  return (
    <fieldset>
      <legend>{t('unitsEdit.addTitle')}</legend>
      <label>
        {t('unitsEdit.addParent')}{' '}
        <select name="addParent" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="" />
          {parents.map((u) => (
            <option key={u.code} value={u.code}>
              {levels[u.level]}: {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('unitsEdit.addLevel')}{' '}
        <select name="addLevel" value={chosenLevel} disabled={!p} onChange={(e) => setLevel(e.target.value as OrgUnitLevel)}>
          {choices.map((l) => (
            <option key={l} value={l}>
              {levels[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('unitsEdit.addName')} <input name="addName" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('unitsEdit.addCode')} <input name="addCode" value={shownCode} onChange={(e) => setCode(e.target.value.trim() === '' ? null : e.target.value.trim())} />
      </label>
      <button
        type="button"
        disabled={busy || !p || !chosenLevel || !name.trim()}
        onClick={() =>
          void change(
            () => invoke('units.add', { name: name.trim(), level: chosenLevel as OrgUnitLevel, parent, from, ...(shownCode ? { code: shownCode } : {}) }),
            (r) => {
              const u = r as OrgUnit;
              setName('');
              setCode(null);
              return t('unitsEdit.added', { name: u.name, code: u.code });
            },
          )
        }
      >
        {t('unitsEdit.add')}
      </button>
    </fieldset>
  );
}

export function MoveUnitForm({ units, levels, from, lang, busy, change }: EditProps) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState('');
  const [parent, setParent] = useState('');
  const u = units.find((x) => x.code === unit) ?? null;
  const movable = open(units).filter((x) => x.parent !== null);
  const parents = u ? open(units).filter((x) => x.code !== u.code && below(x.level).includes(u.level)) : [];
  const nameOf = (c: string) => units.find((x) => x.code === c)?.name ?? c;
  return (
    <fieldset>
      <legend>{t('unitsEdit.moveTitle')}</legend>
      <label>
        {t('unitsEdit.moveUnit')}{' '}
        <select name="moveUnit" value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value="" />
          {movable.map((x) => (
            <option key={x.code} value={x.code}>
              {levels[x.level]}: {x.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('unitsEdit.moveParent')}{' '}
        <select name="moveParent" value={parent} disabled={!u} onChange={(e) => setParent(e.target.value)}>
          <option value="" />
          {parents.map((x) => (
            <option key={x.code} value={x.code}>
              {levels[x.level]}: {x.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={busy || !u || !parent}
        onClick={() =>
          void change(
            () => invoke('units.move', { unit, parent, from }),
            () => t('unitsEdit.moved', { unit: nameOf(unit), parent: nameOf(parent), month: formatMonth(from, lang) }),
          )
        }
      >
        {t('unitsEdit.move')}
      </button>
    </fieldset>
  );
}

export function LevelNamesForm({ levels, busy, change }: Pick<EditProps, 'levels' | 'busy' | 'change'>) {
  const { t } = useTranslation();
  const [names, setNames] = useState<Record<OrgUnitLevel, string>>({ ...levels });
  const empty = ORG_UNIT_LEVELS.some((l) => names[l].trim() === '');
  return (
    <fieldset>
      <legend>{t('unitsEdit.levelsTitle')}</legend>
      <p className="hint">{t('unitsEdit.levelsHint')}</p>
      {ORG_UNIT_LEVELS.map((l, i) => (
        <label key={l}>
          {t('unitsEdit.levelsSlot', { n: i + 1 })}{' '}
          <input name={`levelName${i + 1}`} value={names[l]} maxLength={300} onChange={(e) => setNames({ ...names, [l]: e.target.value })} />
        </label>
      ))}
      <button
        type="button"
        disabled={busy || empty}
        onClick={() =>
          void change(
            async () => {
              const value = Object.fromEntries(ORG_UNIT_LEVELS.map((l) => [l, names[l].trim().replace(/\s+/g, ' ')])) as Record<OrgUnitLevel, string>;
              const r = await invoke('settings.set', { key: 'units.levelNames', value });
              // Every screen's texts naming a level read the new names at once.
              setLevelNames(value);
              return r;
            },
            () => t('unitsEdit.levelsSaved'),
          )
        }
      >
        {t('unitsEdit.levelsSave')}
      </button>
    </fieldset>
  );
}
