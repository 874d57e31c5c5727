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

export async function invoke<K extends Operation>(op: K, args: Args<K>): Promise<Results[K]> {
  const env = await bridge().invoke(op, args);
  if (!env.ok) throw new ApiFailure(env.error);
  return env.value as Results[K];
}

/** The message to show for any failure: the service's own sentence, or the error's text. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiFailure) return [e.error.message, ...(e.error.details ?? [])].join('\n');
  return e instanceof Error ? e.message : String(e);
}
