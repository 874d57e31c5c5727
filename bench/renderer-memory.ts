// The renderer's memory, read from outside the page (Linux /proc) and through the debugger
// protocol: shared by bench/entry.bench.ts (the year's figure held to issue 12's target) and
// bench/entry-memory.bench.ts (the slope per month opened, and where it goes).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { TABS } from '../renderer/stores/session';
import { pickMonth } from '../test/e2e/harness';

export interface Proc {
  pid: number;
  ppid: number;
  args: string;
}

export function processes(): Proc[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
}

/** The renderer processes of the browser this process launched. */
export function rendererPids(): number[] {
  const ps = processes();
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of ps) {
      if (mine.has(p.ppid) && !mine.has(p.pid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return ps.filter((p) => mine.has(p.pid) && p.args.includes('--type=renderer')).map((p) => p.pid);
}

/**
 * A process's memory from /proc/PID/smaps_rollup, in bytes: resident (RSS, counting the shared
 * pages of Chromium's own libraries that every page has), proportional (PSS: shared pages split
 * among the processes sharing them) and private (USS: pages only this process holds, what
 * Chrome's task manager calls its memory footprint, roughly).
 */
export interface ProcMemory {
  rss: number;
  pss: number;
  uss: number;
}

export function memoryOf(pid: number): ProcMemory | null {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('Rss'), pss: kb('Pss'), uss: kb('Private_Clean') + kb('Private_Dirty') };
  } catch {
    return null;
  }
}

/** The largest renderer (by private memory) among `pids`: the page's, not a spare one. */
export function largest(pids: readonly number[]): ProcMemory | null {
  const all = pids.map(memoryOf).filter((m): m is ProcMemory => m !== null);
  return all.sort((a, b) => b.uss - a.uss)[0] ?? null;
}

export async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Waits until no screen shows itself loading or busy. */
export const settle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[data-loading="true"], [aria-busy="true"]'), undefined, { timeout: 30_000 });

/** One month as the bench browses it: chosen on the entry screen, then every tab shown in turn. */
export async function browseMonth(page: Page, month: string): Promise<void> {
  // The month is the session's: chosen once on the entry screen, every tab shows it.
  await page.locator('#tab-entry').click();
  await pickMonth(page, month);
  for (const tab of TABS) {
    const button = page.locator(`#tab-${tab}`);
    if ((await button.count()) === 0) continue;
    await button.click();
    await settle(page);
  }
}

export const monthOf2024 = (m: number) => `2024-${String(m).padStart(2, '0')}`;

/**
 * Chromium's own account of a renderer's memory (a memory-infra dump, as chrome://tracing takes
 * it): each allocator's size in bytes, e.g. `partition_alloc/partitions/buffer` (Blink's strings
 * and buffers), `v8`, `blink_gc`, `malloc`, `cc`, `web_cache`. Taken through a browser-level
 * DevTools session, nothing attached to the page.
 */
export async function allocators(browser: Browser, pid: number): Promise<Record<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  // memoryDumpConfig is in the protocol, not in playwright's types.
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } } as never, transferMode: 'ReportEvents' });
  await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed', deterministic: true } as never);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const out: Record<string, number> = {};
  for (const ev of events) {
    if (ev.ph !== 'v' || ev.pid !== pid) continue;
    for (const [name, a] of Object.entries(ev.args?.dumps?.allocators ?? {})) {
      const size = a.attrs?.size?.value;
      if (size !== undefined) out[name] = parseInt(size, 16);
    }
  }
  return out;
}

interface TraceEvent {
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs?: Record<string, { value: string }> }> } };
}

/** The page's live documents, DOM nodes and JS listeners after a garbage collection. */
export async function domCounters(page: Page): Promise<{ documents: number; nodes: number; jsEventListeners: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const c = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return c;
}
