// Which program holds a database open, to name it when the database is busy. Linux only
// (/proc); elsewhere the message names no one. Best effort: any failure means "unknown".
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const MAX_SHOWN = 120;

export function describeHolders(file: string): string | null {
  if (process.platform !== 'linux') return null;
  const targets = new Set([resolve(file), `${resolve(file)}-wal`]);
  const found: string[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (!fds.some((fd) => targets.has(safeReadlink(`/proc/${pid}/fd/${fd}`)))) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      found.push(`${cmd.length > MAX_SHOWN ? `${cmd.slice(0, MAX_SHOWN)}…` : cmd} (pid ${pid})`);
    } catch {
      // The process ended or is not ours to read.
    }
  }
  return found.length > 0 ? found.join('; ') : null;
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
