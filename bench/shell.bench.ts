// Issue 4's speed figures:
// 1. from loading the built renderer in Chromium to the first screen with data (the entry grid
//    of the demo district with its communes and values): median under 1.5 s;
// 2. the renderer's JavaScript, gzipped: under 2 MB;
// 3. the main process's start work (open the database, migrate, sync the catalogue, first
//    query): median under 200 ms.
// Run: npm run build:renderer && node --import tsx bench/shell.bench.ts
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Host } from '../electron/host';
import { demoTemplate, launchBrowser, openApp, ROOT } from '../test/e2e/harness';
import { median, report, timeAsync } from './util';

const RUNS = 7;

async function firstScreen(): Promise<number[]> {
  const browser = await launchBrowser();
  const out: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const app = await openApp(browser, { seed: (f) => copyFileSync(demoTemplate(), f) });
      // openApp has loaded the page once (a cold cache); time a fresh load of the page.
      const { ms } = await timeAsync(async () => {
        await app.page.reload();
        await app.page.locator('.grid-wrap[data-loading="false"] .ag-row[row-id="TH_HH_01"]').waitFor();
      });
      out.push(ms);
      await app.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

function bundleGzip(): number {
  const dir = join(ROOT, 'dist/renderer/assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

async function mainStart(): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'thongke-bench-shell-'));
    copyFileSync(demoTemplate(), join(dir, 'thongke.sqlite'));
    const { ms } = await timeAsync(async () => {
      const host = new Host({ userData: dir, appVersion: 'bench' });
      host.start();
      const info = await host.call('app.info', {});
      const units = await host.call('units.list', {});
      if (!info.ok || !units.ok) throw new Error('first query failed');
      host.store?.close();
    });
    out.push(ms);
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

demoTemplate();
const screen = median(await firstScreen());
const gz = bundleGzip();
const start = median(await mainStart());
const ok = report('shell (issue 4)', [
  { name: 'first screen with data, median of 7', measured: `${screen.toFixed(0)} ms`, target: '< 1500 ms', ratio: screen / 1500 },
  { name: 'renderer JS, gzip', measured: `${(gz / 1024).toFixed(0)} KB`, target: '< 2048 KB', ratio: gz / (2 * 1024 * 1024) },
  { name: 'main start (open, migrate, first query), median of 7', measured: `${start.toFixed(1)} ms`, target: '< 200 ms', ratio: start / 200 },
]);
process.exitCode = ok ? 0 : 1;
