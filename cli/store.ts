// Opening a database for a CLI command.
import { resolve } from 'node:path';
import { openStore, type Store } from '../db/store';

export function withStore<T>(file: string, fn: (store: Store) => T): T {
  const store = openStore(resolve(file));
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export async function withStoreAsync<T>(file: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(resolve(file));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
