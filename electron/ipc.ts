// The one IPC channel between the window and the host, as a plain function: every message is
// checked for its sender frame and its size, then validated by the contract (core dispatch)
// before anything reaches the service. Tested without Electron (electron/ipc.test.ts).
import type { Envelope } from '../core/api';
import { UserError } from '../core/errors';
import type { Lang } from '../core/format';
import { userMessage } from '../core/i18n';
import { isTrustedSender, type SenderFrame } from './security';

/** The only channel the preload uses; main registers nothing else. */
export { API_CHANNEL } from './channel';

/** Above this a message is refused before it is parsed: the largest paste is far below it. */
export const MAX_MESSAGE_CHARS = 8_000_000;

export interface Caller {
  call(op: unknown, args: unknown): Promise<Envelope<unknown>>;
  readonly lang: Lang;
}

function refused(key: string, lang: Lang, params: Record<string, string | number> = {}): Envelope<unknown> {
  const e = new UserError(key, params);
  return { ok: false, error: { key, params, message: userMessage(e, lang) } };
}

/** Measures a message without trusting it: non-serialisable input counts as too large. */
function sizeOf(op: unknown, args: unknown): number {
  try {
    return (JSON.stringify([op, args ?? null]) ?? '').length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export async function handleInvoke(
  host: Caller,
  frame: SenderFrame | null,
  rendererIndexUrl: string,
  op: unknown,
  args: unknown,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(frame, rendererIndexUrl)) return refused('ui.error.untrustedSender', host.lang);
  if (sizeOf(op, args) > MAX_MESSAGE_CHARS) return refused('ui.error.messageTooLarge', host.lang);
  return host.call(op, args);
}
