// The one module that touches `window.api` (conventions.md). Every screen calls the service
// through `invoke`, typed by the contract in core/api.ts; a refused call throws ApiFailure
// carrying the message in the user's language.
import type { ApiError, Args, Envelope, Operation, Results, WindowApi } from '../core/api';

declare global {
  interface Window {
    api?: WindowApi;
    /** A call the boot script (renderer/boot.ts) made before this script loaded: taken once by invoke. */
    __thongkeEarly?: EarlyCall;
  }
}

/** A call made early, its answer (an envelope) still to be taken by the first invoke of the same op and args. */
export interface EarlyCall {
  op: string;
  args: unknown;
  answer: Promise<Envelope<unknown>>;
}

/**
 * The boot script's call (renderer/boot.ts), made before the app's script has loaded: its
 * answer waits for the first invoke of the same operation and arguments.
 */
export function askEarly<K extends Operation>(op: K, args: Args<K>): void {
  const api = window.api;
  if (!api) return;
  const answer = api.invoke(op, args);
  // A failure is reported by the invoke that takes it, not as an unhandled rejection.
  answer.catch(() => undefined);
  window.__thongkeEarly = { op, args, answer };
}

/** The boot script's answer when it asked exactly this; given once, then forgotten. */
function takeEarly(op: string, args: unknown): Promise<Envelope<unknown>> | null {
  const early = window.__thongkeEarly;
  if (!early || early.op !== op || JSON.stringify(early.args) !== JSON.stringify(args)) return null;
  window.__thongkeEarly = undefined;
  return early.answer;
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
  const env = await (takeEarly(op, args) ?? bridge().invoke(op, args));
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
