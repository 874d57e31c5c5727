// Opening a database for a CLI command. SQLite's failures that the user can cause while the
// command runs (another program holds the write lock, a read-only file, a damaged page, a
// full disk) become one clear sentence instead of "unexpected error: database is locked".
import { resolve } from 'node:path';
import { asUserError } from '../db/open';
import { openStore, type Store } from '../db/store';

export function withStore<T>(file: string, fn: (store: Store) => T): T {
  const path = resolve(file);
  const store = openStore(path);
  try {
    return fn(store);
  } catch (e) {
    throw asUserError(e, path);
  } finally {
    store.close();
  }
}

export async function withStoreAsync<T>(file: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const path = resolve(file);
  const store = openStore(path);
  try {
    return await fn(store);
  } catch (e) {
    throw asUserError(e, path);
  } finally {
    store.close();
  }
}
