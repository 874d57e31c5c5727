// Command-line parsing shared by every command: node's parseArgs, with usage errors
// (exit 2) kept apart from user errors (exit 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../core/format';

export class UsageError extends Error {
  /** A sentence for the user (translated by the caller), printed before the usage line. */
  readonly problem: { key: string; params: Record<string, string> } | undefined;
  constructor(message: string, problem?: { key: string; params: Record<string, string> }) {
    super(message);
    this.name = 'UsageError';
    this.problem = problem;
  }
}

/** node:util parseArgs' refusals as a sentence of ours (its own messages are English only). */
function argsProblem(e: unknown): { key: string; params: Record<string, string> } {
  const err = e as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(err.message ?? '')?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { key: 'cli.unknownOption', params: { option } };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /<value>|ambiguous/.test(err.message ?? '') ? { key: 'cli.optionNeedsValue', params: { option } } : { key: 'cli.optionTakesNoValue', params: { option } };
    default:
      return { key: 'cli.badArguments', params: {} };
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
    throw new UsageError(positionals.usage, argsProblem(e));
  }
  const n = parsed.positionals.length;
  if (n < positionals.min || n > positionals.max) throw new UsageError(positionals.usage);
  return parsed;
}
