// Errors a user can cause. Each carries a message key (resources/i18n/*.json) and its
// parameters, so every host (CLI, Electron, UI) prints it in the user's language.

/**
 * The longest piece of user input a message repeats. A unit code, a number or a period the user
 * typed is echoed so they can find it, but a 10 MB "code" must not come back in full (to the
 * screen, the terminal or over IPC). 80 keeps every catalogue name (the longest has 65 chars).
 */
export const MAX_ECHO_CHARS = 80;

// Parameters that are not raw input: a message we composed, a usage line, a system reason, a
// list of fields, or a path the user must recognise. They get a wider, still finite, limit.
const WIDE_PARAMS: Readonly<Record<string, number>> = {
  message: 2000,
  usage: 2000,
  detail: 400,
  reason: 400,
  codes: 400,
  fields: 400,
  file: 260,
  dir: 260,
  safety: 260,
  name: 260,
  levels: 400,
};

/**
 * Cuts a text to at most `max` characters, keeping its start and its end ("TH_HH_XA…_NAM"):
 * the end of a path or a code is often what tells it apart. Never splits a surrogate pair.
 */
export function clipText(text: string, max = MAX_ECHO_CHARS): string {
  if (text.length <= max) return text;
  const tailLength = Math.floor((max - 1) / 3);
  let head = text.slice(0, max - 1 - tailLength);
  let tail = text.slice(text.length - tailLength);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
  return `${head}…${tail}`;
}

/** A message's parameters with every text cut to its limit (see MAX_ECHO_CHARS). */
export function clipParams(params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? clipText(v, WIDE_PARAMS[k] ?? MAX_ECHO_CHARS) : v;
  return out;
}

/**
 * Any value as short text for a message, whatever it is: `String(x)` throws for
 * `{ toString: 1 }`, `Object.create(null)`, a revoked proxy or a throwing getter.
 */
export function describeValue(value: unknown, max = MAX_ECHO_CHARS): string {
  if (typeof value === 'string') return clipText(value, max);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return clipText(String(value), max);
  }
  if (typeof value === 'symbol') return clipText(value.description ?? 'symbol', max);
  return typeof value; // 'object' or 'function': reading anything more of it may throw
}

export class UserError extends Error {
  readonly key: string;
  readonly params: Record<string, string | number>;

  constructor(key: string, params: Record<string, string | number> = {}) {
    const clipped = clipParams(params);
    super(`${key} ${JSON.stringify(clipped)}`);
    this.name = 'UserError';
    this.key = key;
    this.params = clipped;
  }
}

/** One bad line of an imported file. */
export interface LineProblem {
  line: number;
  key: string;
  params: Record<string, string | number>;
  /** How the place is named when it is not a line ("value no. 3" of a JSON file); error.fileLine otherwise. */
  lineKey?: string;
}

/** A file refused as a whole, with every bad line. */
export class FileRejectedError extends UserError {
  readonly problems: LineProblem[];

  constructor(file: string, problems: LineProblem[]) {
    super('error.fileRejected', { file, count: problems.length });
    this.name = 'FileRejectedError';
    this.problems = problems;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/**
 * SQLite's failures of the disk itself, whatever the operation: a full disk (SQLITE_FULL) and
 * a read or write the operating system refused (SQLITE_IOERR_*: a USB or network drive gone,
 * a failing disk). SQLite has rolled the statement's transaction back, so nothing was saved and
 * nothing earlier was changed. null for anything else.
 */
export function storageError(e: unknown): UserError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // The file system's own codes, when a write outside SQLite (a backup file) meets the same disk.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new UserError('error.diskFull');
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO') return new UserError('error.ioError', { code });
  return null;
}
