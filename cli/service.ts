// The CLI's host: opens a database file and runs the same service as the app, through the same
// dispatch (core/api.ts): arguments validated by the contract, results typed by it. A command is
// then argument parsing, file I/O and the formatting of what the operation returned.
import { resolve } from 'node:path';
import { dispatch, type ApiError, type Args, type Results, type ServiceHandlers, type ServiceOperation } from '../core/api';
import { createDatabaseAsync } from '../db/create';
import { asUserError } from '../db/open';
import { openStore, type Store } from '../db/store';
import { createService } from '../service/index';
import pkg from '../package.json';
import type { CommandIO } from './args';

/** An operation answered `{ ok: false }`: main prints its message (and its lines), exit code 1. */
export class OperationFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'OperationFailed';
  }
}

export interface CliService {
  call<K extends ServiceOperation>(op: K, args: Args<K>): Promise<Results[K]>;
}

export interface CliServiceOptions {
  /** Recorded as who made the changes (`--user`); the installation's user when left out. */
  user?: string | undefined;
}

/**
 * SQLite's failures that the user can cause while the command runs (another program holds the
 * write lock, a read-only file, a damaged page, a full disk) become one clear sentence instead
 * of "unexpected error: database is locked".
 */
function guarded(service: ServiceHandlers, path: string): ServiceHandlers {
  const out: Partial<Record<ServiceOperation, (a: unknown) => Promise<unknown>>> = {};
  for (const op of Object.keys(service) as ServiceOperation[]) {
    const handler = service[op] as (a: unknown) => unknown;
    out[op] = async (a) => {
      try {
        return await handler(a);
      } catch (e) {
        throw asUserError(e, path);
      }
    };
  }
  return out as ServiceHandlers;
}

function serviceOn(store: Store, path: string, io: CommandIO, opts: CliServiceOptions): CliService {
  const service = guarded(createService({ store, appVersion: pkg.version, now: io.now, ...(opts.user ? { user: opts.user } : {}) }), path);
  return {
    async call<K extends ServiceOperation>(op: K, args: Args<K>): Promise<Results[K]> {
      const env = await dispatch(service, op, args, io.lang, (e) => {
        if (process.env.THONGKE_DEBUG) io.err(String((e as Error).stack));
      });
      if (!env.ok) throw new OperationFailed(env.error);
      return env.value as Results[K];
    },
  };
}

/** Opens the database file, runs `fn` with its service, closes the file. */
export async function withService<T>(file: string, io: CommandIO, fn: (s: CliService) => Promise<T>, opts: CliServiceOptions = {}): Promise<T> {
  const path = resolve(file);
  const store = openStore(path);
  try {
    return await fn(serviceOn(store, path, io, opts));
  } catch (e) {
    throw asUserError(e, path);
  } finally {
    store.close();
  }
}

/** Creates a new database file (all or nothing, db/create.ts) and runs `fn` with its service. */
export async function withNewDatabase(file: string, io: CommandIO, fn: (s: CliService) => Promise<void>): Promise<void> {
  const path = resolve(file);
  await createDatabaseAsync(path, (store) => fn(serviceOn(store, path, io, {})));
}
