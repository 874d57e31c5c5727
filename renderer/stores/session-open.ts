// What the window asks on start (boot.ts, before the app's script) and what the session's first
// load asks: the same arguments, so the session takes the boot script's answer (renderer/api.ts).
import type { Args } from '../../core/api';

export const OPEN_ON_START: Args<'session.open'> = { entry: true };
