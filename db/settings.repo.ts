// Installation settings (home unit, user name, director, report header) as key → JSON, typed by
// the known keys of core/settings.ts: a stored value of the wrong type reads as missing.
import { UserError } from '../core/errors';
import { readSetting, readSettings, type SettingKey, type Settings, type SettingValue } from '../core/settings';
import { all, prepared, qb } from './query';
import type { Store } from './store';

export function getSetting<K extends SettingKey>(store: Store, key: K): SettingValue<K> | null {
  const rows = all(store.db, qb.selectFrom('setting').select('value').where('key', '=', key));
  const row = rows[0];
  return row ? (readSetting(key, JSON.parse(row.value)) ?? null) : null;
}

export function setSetting<K extends SettingKey>(store: Store, key: K, value: SettingValue<K>): void {
  // Raw SQL: an upsert on the hot path of every settings screen save, prepared once.
  prepared(store.db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

/** Sets a value that arrived as data (an API call): refused unless it has the key's type. */
export function setCheckedSetting(store: Store, key: SettingKey, value: unknown): void {
  const checked = readSetting(key, value);
  if (checked === undefined) throw new UserError('error.badArgument', { detail: `settings.set: ${key}` });
  setSetting(store, key, checked);
}

/** Every known setting of the installation (unknown keys and values of the wrong type are left out). */
export function allSettings(store: Store): Settings {
  const rows = all(store.db, qb.selectFrom('setting').select(['key', 'value']).orderBy('key'));
  return readSettings(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])));
}

/** Writes several settings in one transaction (the demo district, a new unit). */
export function setSettings(store: Store, settings: Settings): void {
  store.db.transaction(() => {
    for (const [key, value] of Object.entries(settings) as [SettingKey, Settings[SettingKey]][]) {
      if (value !== undefined) setSetting(store, key, value);
    }
  })();
}
