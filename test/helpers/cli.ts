// Running the `thongke` command in-process, as tests do: its exit code and what it printed.
import { main } from '../../cli/main';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `thongke …argv` with a fixed clock (10 June 2024 unless told otherwise). */
export async function runCli(argv: string[], now: () => Date = () => new Date(2024, 5, 10)): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), now });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
