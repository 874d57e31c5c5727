// Installation settings (home unit, user name, director, report header), as key → JSON.
import { prepared } from './query';
import type { Store } from './store';

export function getSetting<T>(store: Store, key: string): T | null {
  const row = prepared(store.db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setSetting(store: Store, key: string, value: unknown): void {
  prepared(store.db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function allSettings(store: Store): Record<string, unknown> {
  const rows = prepared(store.db, 'SELECT key, value FROM setting ORDER BY key').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}
