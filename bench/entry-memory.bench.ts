// The renderer's memory per month browsed (issue 12: under 200 MB after every tab of every month
// of 2024; bench/entry.bench.ts holds the year's figure to the target). This one shows the slope:
// after 1, 3, 6 and 12 months of 2024 (every tab shown for each, as entry.bench.ts browses), the
// renderer's private memory (USS), its JS heap, its DOM counters and Chromium's own account of the
// allocators that grew (memory-infra), against the first load's and a blank page's.
// MONTH_TABS=entry browses the entry screen only.
// Run: npm run build && node --import tsx bench/entry-memory.bench.ts
import { copyFileSync, readFileSync } from 'node:fs';
import { demoTemplate, launchBrowser, openApp, pickMonth } from '../test/e2e/harness';
import { allocators, browseMonth, domCounters, heap, largest, memoryOf, monthOf2024, rendererPids, settle } from './renderer-memory';
import { report } from './util';

const GRID_READY = '.grid-wrap[data-loading="false"] .ag-row[row-id="TH_HH_01"]';
const MARKS = [1, 3, 6, 12];
const SHOWN = ['partition_alloc/partitions/buffer', 'partition_alloc/partitions/fast_malloc', 'blink_gc', 'v8', 'malloc', 'cc', 'web_cache'];
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const load = () => readFileSync('/proc/loadavg', 'utf8').trim();

const entryOnly = process.env.MONTH_TABS === 'entry';
const browser = await launchBrowser();
let ok: boolean;
try {
  const app = await openApp(browser, { seed: (f) => copyFileSync(demoTemplate(), f) });
  try {
    const { page } = app;
    await page.locator(GRID_READY).waitFor();
    const pid = rendererPids().sort((a, b) => (memoryOf(b)?.uss ?? 0) - (memoryOf(a)?.uss ?? 0))[0]!;
    const rows: { label: string; uss: number; heap: number; dom: string; alloc: Record<string, number> }[] = [];
    const mark = async (label: string) => {
      // Measured on the entry screen, where the statistician works.
      await page.locator('#tab-entry').click();
      await settle(page);
      const used = await heap(page);
      const dom = await domCounters(page);
      rows.push({ label, uss: memoryOf(pid)?.uss ?? 0, heap: used, dom: `${dom.documents} documents, ${dom.nodes} nodes`, alloc: await allocators(browser, pid) });
      const r = rows.at(-1)!;
      console.log(`${label}: USS ${mb(r.uss)}, JS heap ${mb(r.heap)}, ${r.dom}; ${SHOWN.map((k) => `${k.replace('partition_alloc/partitions/', 'pa/')} ${mb(r.alloc[k] ?? 0)}`).join(', ')} (load ${load()})`);
    };
    await mark('first load');
    for (let m = 1; m <= 12; m++) {
      if (entryOnly) {
        await pickMonth(page, monthOf2024(m));
        await settle(page);
      } else await browseMonth(page, monthOf2024(m));
      if (MARKS.includes(m)) await mark(`after ${m} month${m > 1 ? 's' : ''}`);
    }
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const slope = (last.uss - rows[1]!.uss) / 11;
    // The blank page's renderer, in a context of its own (the app's closes any other page).
    const before = rendererPids();
    const context = await browser.newContext();
    const blank = await context.newPage();
    await blank.setContent('<p>x</p>');
    const blankMemory = largest(rendererPids().filter((p) => !before.includes(p)));
    await context.close();
    ok = report(`renderer memory per month browsed (${entryOnly ? 'entry screen only' : 'every tab'})`, [
      {
        name: `renderer private memory (USS) after 12 months (first load ${mb(first.uss)}, blank page ${blankMemory ? mb(blankMemory.uss) : '?'}; ${mb(slope)} per month after the first)`,
        measured: mb(last.uss),
        target: '< 200 MB',
        ratio: last.uss / (200 * 1024 * 1024),
      },
    ]);
    console.log(`load average: ${load()}`);
  } finally {
    await app.close();
  }
} finally {
  await browser.close();
}
process.exitCode = ok ? 0 : 1;
