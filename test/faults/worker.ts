// A child process of the fault suite (faults.test.ts): it loads the app's code, prints
// "ready", waits for a line on stdin, then runs ONE real operation of the app — the same code a
// user runs — and prints "done". The suite SIGKILLs it at a random moment of that operation.
//
//   worker init <db> [--demo]    thongke init <db> [--demo] (the CLI)
//   worker import <db> <csv>     thongke values import <db> <csv> (the CLI)
//   worker backup <userData>     the app's "Sao lưu ngay" (Host, backup.now)
//   worker restore <userData> <backup name>   the app's restore from a backup (Host, backup.restore)
//
// The suite bundles this file with esbuild once (a process that loads TypeScript through tsx
// takes seconds to start; the bundle a fifth of a second).
import { main } from '../../cli/main';
import { Host } from '../../electron/host';

const [op, ...args] = process.argv.slice(2) as [string, ...string[]];
// A fixed clock: the rows an operation writes (audit times) are the same on every run, so the
// state after a run that was not killed is the state after any other.
const NOW = new Date('2025-01-15T08:00:00Z');
const now = () => NOW;

function fail(text: string): never {
  process.stderr.write(`${text}\n`);
  process.exit(3);
}

async function cli(argv: string[]): Promise<void> {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (t) => err.push(t), now });
  if (code !== 0) fail(`thongke ${argv.join(' ')} → ${code}: ${err.join('\n')}`);
}

async function hostCall(host: Host, name: string, a: unknown): Promise<void> {
  const r = await host.call(name, a);
  if (!r.ok) fail(`${name}: ${JSON.stringify(r)}`);
}

/** Everything before the operation (loading, the app's own start) happens before "ready". */
function prepare(): () => Promise<void> {
  switch (op) {
    case 'init':
      return () => cli(['init', ...args]);
    case 'import':
      return () => cli(['values', 'import', args[0]!, args[1]!, '--user', 'faults']);
    case 'backup': {
      const host = new Host({ userData: args[0]!, appVersion: 'faults', now });
      host.start();
      return () => hostCall(host, 'backup.now', {});
    }
    case 'restore': {
      const host = new Host({ userData: args[0]!, appVersion: 'faults', now });
      host.start();
      return () => hostCall(host, 'backup.restore', { name: args[1]! });
    }
    default:
      fail(`unknown operation ${op}`);
  }
}

const run = prepare();
process.stdin.once('data', () => {
  run().then(
    () => process.stdout.write('done\n', () => process.exit(0)),
    (e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)),
  );
});
process.stdout.write('ready\n');
