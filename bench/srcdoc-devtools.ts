// Evidence for docs/readme/entry-memory.md: a page that shows a large srcdoc iframe N times and
// removes it, in Chromium with no DevTools session on the page, then with one that sent
// Network.enable as playwright does (the e2e harness and the benches). Prints Blink's buffer
// partition (its strings) after a garbage collection. Without DevTools it stays flat; with the
// Network domain enabled, each srcdoc document's text stays (bounded by the agent's buffer).
// The memory dump goes through a browser-level session, never attached to the page.
// Run: node --import tsx bench/srcdoc-devtools.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// 2,3 million characters, not all Latin-1 (as the report's Vietnamese text): a two-byte string.
const SCRIPT = `(async () => {
  const n = Number(location.hash.slice(1) || 0);
  const body = 'Báo cáo tháng ệ '.repeat(2300000 / 16);
  for (let i = 0; i < n; i++) {
    const html = '<!doctype html><html><head><meta charset="utf-8"></head><body><p>' + i + '</p><div>' + body + '</div></body></html>';
    const f = document.createElement('iframe');
    f.setAttribute('sandbox', 'allow-same-origin allow-modals');
    const loaded = new Promise((r) => f.addEventListener('load', r));
    f.srcdoc = html;
    document.body.appendChild(f);
    await loaded;
    await new Promise((r) => setTimeout(r, 300));
    f.remove();
    await new Promise((r) => setTimeout(r, 100));
  }
  for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 200)); }
  document.title = 'done';
})();
`;
const PAGE = '<!doctype html><html><body><script src="page.js"></script></body></html>';

interface Message {
  id?: number;
  method?: string;
  params?: { value?: TraceEvent[] };
  result?: { targetInfos?: { targetId: string; type: string; title: string }[]; sessionId?: string };
}
interface TraceEvent {
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs?: Record<string, { value: string }> }> } };
}

async function run(iterations: number, network: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'srcdoc-'));
  writeFileSync(join(dir, 'page.html'), PAGE);
  writeFileSync(join(dir, 'page.js'), SCRIPT);
  const url = `${pathToFileURL(join(dir, 'page.html')).href}#${iterations}`;
  const chrome = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${dir}`, '--js-flags=--expose-gc', '--remote-debugging-port=0', network ? 'about:blank' : url], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  try {
    const ws = await new Promise<string>((resolve) => {
      let buf = '';
      chrome.stderr.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = /DevTools listening on (ws:\S+)/.exec(buf);
        if (m) resolve(m[1]!);
      });
    });
    const sock = new WebSocket(ws);
    await new Promise((r) => sock.addEventListener('open', r));
    let id = 0;
    const pending = new Map<number, (m: Message) => void>();
    const events: TraceEvent[] = [];
    let complete: () => void = () => undefined;
    sock.addEventListener('message', (e: MessageEvent<string>) => {
      const m = JSON.parse(e.data) as Message;
      if (m.id !== undefined && pending.has(m.id)) {
        pending.get(m.id)!(m);
        pending.delete(m.id);
      } else if (m.method === 'Tracing.dataCollected') events.push(...(m.params?.value ?? []));
      else if (m.method === 'Tracing.tracingComplete') complete();
    });
    const send = (method: string, params: object = {}, sessionId?: string) =>
      new Promise<Message>((r) => {
        const i = ++id;
        pending.set(i, r);
        sock.send(JSON.stringify({ id: i, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    const targets = async () => (await send('Target.getTargets')).result?.targetInfos ?? [];
    let page = (await targets()).find((t) => t.type === 'page');
    while (!page) page = (await targets()).find((t) => t.type === 'page');
    if (network) {
      const session = (await send('Target.attachToTarget', { targetId: page.targetId, flatten: true })).result!.sessionId!;
      await send('Network.enable', {}, session);
      await send('Page.navigate', { url }, session);
    }
    const t0 = Date.now();
    while (!(await targets()).some((t) => t.type === 'page' && t.title === 'done')) {
      if (Date.now() - t0 > 120_000) throw new Error(`the page did not finish: ${JSON.stringify(await targets())}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const done = new Promise<void>((r) => (complete = r));
    await send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
    await send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed', deterministic: true });
    await send('Tracing.end');
    await done;
    sock.close();
    // The page's renderer: the one whose buffer partition is largest.
    const sizes = events
      .filter((ev) => ev.ph === 'v')
      .map((ev) => ev.args?.dumps?.allocators?.['partition_alloc/partitions/buffer']?.attrs?.size?.value)
      .filter((v): v is string => v !== undefined)
      .map((v) => parseInt(v, 16));
    return Math.max(...sizes);
  } finally {
    const exited = new Promise((r) => chrome.once('exit', r));
    // The browser and its child processes: the group this script started (detached above).
    process.kill(-chrome.pid!, 'SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

for (const network of [false, true]) {
  for (const n of [0, 3, 6]) {
    const bytes = await run(n, network);
    console.log(`${network ? 'Network.enable (as playwright)' : 'no DevTools on the page'}: ${n} srcdoc iframes of 2,3 M characters shown and removed → Blink buffer partition ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  }
}
