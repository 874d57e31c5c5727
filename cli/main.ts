// The `thongke` command: the same service as the app, without a window.
// Exit codes: 0 done; 1 a user error (one clear sentence on stderr); 2 wrong usage.
import { isUserError, type UserError } from '../core/errors';
import { userMessage } from '../core/i18n';
import type { Lang } from '../core/format';
import { UsageError, type Command, type CommandIO } from './args';
import { COMMANDS } from './commands/index';
import { OperationFailed } from './service';

const MAX_LINES_SHOWN = 200;

function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return process.env.THONGKE_LANG === 'en' ? 'en' : 'vi';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | null {
  // Longest name first: "values import" before "values".
  const sorted = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const cmd of sorted) {
    const words = cmd.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { cmd, rest: argv.slice(words.length) };
  }
  return null;
}

export function helpText(lang: Lang): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${lang === 'vi' ? c.summaryVi : c.summaryEn}`);
  const head = lang === 'vi' ? 'Thống kê Y tế — các lệnh:' : 'Thống kê Y tế — commands:';
  const tail =
    lang === 'vi'
      ? 'Tùy chọn chung: --lang vi|en (ngôn ngữ thông báo). Mã thoát: 0 xong; 1 lỗi dữ liệu; 2 sai cú pháp.'
      : 'Common option: --lang vi|en (message language). Exit codes: 0 done; 1 user error; 2 wrong usage.';
  return [head, ...lines, tail].join('\n');
}

/** A rejected file's lines: a file wrong throughout (wrong year everywhere) would print thousands. */
function printLines(lines: readonly string[], io: CommandIO, lang: Lang): void {
  for (const line of lines.slice(0, MAX_LINES_SHOWN)) io.err(line);
  if (lines.length > MAX_LINES_SHOWN) io.err(userMessage({ key: 'error.moreLines', params: { count: lines.length - MAX_LINES_SHOWN } }, lang));
}

export async function main(argv: string[], io?: Partial<CommandIO>): Promise<number> {
  const lang = langOf(argv);
  const full: CommandIO = {
    lang,
    out: io?.out ?? ((t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n')),
    err: io?.err ?? ((t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n')),
    now: io?.now ?? (() => new Date()),
  };
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    full.out(helpText(lang));
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    full.err(userMessage({ key: 'cli.unknownCommand', params: { command: argv.slice(0, 2).join(' ') } }, lang));
    return 2;
  }
  try {
    return await found.cmd.run(found.rest, full);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.problem) full.err(userMessage(e.problem, lang));
      full.err(e.message);
      return 2;
    }
    if (e instanceof OperationFailed) {
      full.err(e.error.message);
      printLines(e.error.details ?? [], full, lang);
      return 1;
    }
    if (isUserError(e)) {
      full.err(userMessage(e, lang));
      const problems = (e as UserError & { problems?: { line: number; key: string; params: Record<string, string | number>; lineKey?: string }[] }).problems;
      printLines(
        (problems ?? []).map((p) => userMessage({ key: p.lineKey ?? 'error.fileLine', params: { line: p.line, message: userMessage(p, lang) } }, lang)),
        full,
        lang,
      );
      return 1;
    }
    // A bug, not the user's fault: still one sentence, with the detail for a report.
    full.err(userMessage({ key: 'error.internal', params: { detail: e instanceof Error ? e.message : String(e) } }, lang));
    if (process.env.THONGKE_DEBUG) full.err(String((e as Error).stack));
    return 1;
  }
}
