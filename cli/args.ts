// Command-line parsing shared by every command: node's parseArgs, with usage errors
// (exit 2) kept apart from user errors (exit 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../core/format';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandIO {
  lang: Lang;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The clock, injectable for tests. */
  now: () => Date;
}

export interface Command {
  /** e.g. "values import" */
  name: string;
  usage: string;
  summaryVi: string;
  summaryEn: string;
  run: (argv: string[], io: CommandIO) => Promise<number> | number;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; unknown options and wrong counts are usage errors. */
export function parse<O extends Options>(
  argv: string[],
  options: O,
  positionals: { min: number; max: number; usage: string },
) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${positionals.usage}`);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min || n > positionals.max) throw new UsageError(positionals.usage);
  return parsed;
}
