// One service, three hosts: the same operation called through Electron's IPC handler (the
// function main registers, without Electron), the `thongke` command (spawned, --json) and the
// end-to-end bridge (the page's window.api in Chromium) gives the same result, because each
// host is a thin adapter over service/ and core's dispatch. Each host runs on its own copy of
// the demo district.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../core/api';
import { Host } from '../electron/host';
import { handleInvoke } from '../electron/ipc';
import { demoTemplate, launchBrowser, openApp, ROOT, seedDemo } from './e2e/harness';
import { tempDir, type TempDir } from './helpers/fixture';

const INDEX = 'file:///app/dist/renderer/index.html';
const ARGS = { unit: 'TH_HH', period: '2024-Q2' };

let tmp: TempDir;
let browser: Browser;
beforeAll(async () => {
  tmp = tempDir();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  tmp.remove();
});

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.key}: ${env.error.message}`);
  return env.value as T;
}

async function throughIpc(op: string, args: unknown): Promise<unknown> {
  const userData = tmp.path('ipc');
  mkdirSync(userData, { recursive: true });
  seedDemo(join(userData, 'thongke.sqlite'));
  const host = new Host({ userData, appVersion: 'test' });
  host.start();
  try {
    return value(await handleInvoke(host, { url: INDEX, isMain: true }, INDEX, op, args));
  } finally {
    await host.quit();
  }
}

function throughCli(...argv: string[]): unknown {
  const db = tmp.path('cli.sqlite');
  copyFileSync(demoTemplate(), db);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/thongke.mjs'), ...argv.map((a) => (a === '<db>' ? db : a)), '--json'], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

async function throughBridge(op: string, args: unknown): Promise<unknown> {
  const app = await openApp(browser, { seed: seedDemo });
  try {
    const env = await app.page.evaluate(([o, a]) => (window as unknown as { api: { invoke(o: string, a: unknown): Promise<Envelope<unknown>> } }).api.invoke(o, a), [op, args] as const);
    return value(env);
  } finally {
    await app.close();
  }
}

describe('the three hosts', () => {
  it('give the same figures for the same call', async () => {
    const ipc = await throughIpc('figures.get', ARGS);
    const cli = throughCli('figures', '<db>', '--unit', ARGS.unit, '--period', ARGS.period);
    const bridge = await throughBridge('figures.get', ARGS);
    // A real answer, not three empty ones: the district's quarter has figures and plans.
    const figures = (ipc as { figures: { element: string; value: number | null; plan: number | null }[] }).figures;
    const epi = figures.find((f) => f.element === 'EPI_FULL_U1');
    expect(typeof epi?.value).toBe('number');
    expect(typeof epi?.plan).toBe('number');
    expect(cli).toEqual(ipc);
    expect(bridge).toEqual(ipc);
  });

  it('refuse the same bad call with the same message', async () => {
    const bad = { unit: 'NO_SUCH_UNIT', period: '2024-05' };
    const userData = tmp.path('ipc-bad');
    mkdirSync(userData, { recursive: true });
    seedDemo(join(userData, 'thongke.sqlite'));
    const host = new Host({ userData, appVersion: 'test' });
    host.start();
    const ipc = await handleInvoke(host, { url: INDEX, isMain: true }, INDEX, 'figures.get', bad);
    await host.quit();
    const db = tmp.path('cli-bad.sqlite');
    copyFileSync(demoTemplate(), db);
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/thongke.mjs'), 'figures', db, '--unit', bad.unit, '--period', bad.period], { encoding: 'utf8', cwd: ROOT });
    expect(ipc.ok).toBe(false);
    expect(cli.status).toBe(1);
    if (!ipc.ok) expect(cli.stderr.trim()).toBe(ipc.error.message);
  });
});
