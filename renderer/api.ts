// The one module that touches `window.api` (conventions.md). Every screen calls the service
// through `invoke`, typed by the contract in core/api.ts; a refused call throws ApiFailure
// carrying the message in the user's language.
import type { ApiError, Args, Operation, Results, WindowApi } from '../core/api';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

export class ApiFailure extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.error = error;
  }
}

function bridge(): WindowApi {
  const api = window.api;
  if (!api) throw new ApiFailure({ key: 'ui.error.noBridge', params: {}, message: 'window.api is missing' });
  return api;
}

let generation = 0;

/** A new database is under the window (stores/database.ts): answers to older calls are dropped. */
export function newGeneration(): number {
  return ++generation;
}

/** A promise that never settles: what a caller of the old database gets instead of its answer. */
const dropped = <T>(): Promise<T> => new Promise<T>(() => undefined);

export async function invoke<K extends Operation>(op: K, args: Args<K>): Promise<Results[K]> {
  const asked = generation;
  const env = await bridge().invoke(op, args);
  // Asked of a database that has since been swapped: its answer (or refusal) would show the old
  // database's data under the new one. The store that asked has been reset; nothing waits.
  if (asked !== generation) return dropped();
  if (!env.ok) throw new ApiFailure(env.error);
  return env.value as Results[K];
}

/** The message to show for any failure: the service's own sentence, or the error's text. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiFailure) return [e.error.message, ...(e.error.details ?? [])].join('\n');
  return e instanceof Error ? e.message : String(e);
}
