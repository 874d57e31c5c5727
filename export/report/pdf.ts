// PDF = the print HTML rendered by a Chromium installed on the machine (playwright-core
// downloads nothing). The browser stays open between reports, because starting it costs
// more than rendering; hosts call closePdfBrowser() when they are done.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { UserError } from '../../core/errors';
import { withFontFiles } from './fonts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The Chromium to use: $THONGKE_CHROMIUM, else the usual Linux locations; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.THONGKE_CHROMIUM;
  if (own) return existsSync(own) ? own : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

let browser: Promise<Browser> | null = null;
/** The one page reports are printed on, kept open with the browser: a new page costs Chromium a renderer, 0,4–0,7 s. */
let page: Promise<Page> | null = null;
/** Prints run one after another on that page. */
let queue: Promise<unknown> = Promise.resolve();

async function getBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new UserError('report.noChromium');
  // Loaded on first use: playwright-core takes longer to load than the CLI or the app's
  // start, and only the PDF needs it.
  const { chromium } = await import('playwright-core');
  browser ??= chromium.launch({ executablePath, args: FLAGS, headless: true }).catch((e: unknown) => {
    browser = null;
    throw e;
  });
  const b = await browser;
  if (!b.isConnected()) {
    browser = null;
    page = null;
    return getBrowser();
  }
  return b;
}

/** The print page: in its own context, with JavaScript off (a report has none) and no downloads. */
async function getPage(): Promise<Page> {
  const b = await getBrowser();
  page ??= b
    .newContext({ javaScriptEnabled: false, acceptDownloads: false, offline: true })
    .then((c) => c.newPage())
    .catch((e: unknown) => {
      page = null;
      throw e;
    });
  const p = await page;
  if (p.isClosed()) {
    page = null;
    return getPage();
  }
  return p;
}

/**
 * Renders print HTML to PDF bytes. Page size, margins and page numbers come from the HTML's @page
 * rules. `printing` is called once the page has loaded and the print is asked for.
 */
export function htmlToPdf(html: string, printing?: () => void): Promise<Uint8Array> {
  const job = queue.then(() => printOnPage(html, printing));
  queue = job.catch(() => undefined);
  return job;
}

async function printOnPage(html: string, printing?: () => void): Promise<Uint8Array> {
  const p = await getPage();
  // From a file, with the report's fonts as files beside the app: setContent and 2 MB of
  // base64 fonts would cost Chromium seconds. The same fonts, the same rules.
  const dir = mkdtempSync(join(tmpdir(), 'thongke-pdf-'));
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, withFontFiles(html));
    await p.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const pdf = p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    // playwright-core hands the command on through a few turns of this process's event loop
    // before it reaches Chromium: let them pass before saying the print has been asked for.
    if (printing) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      printing();
    }
    return new Uint8Array(await pdf);
  } catch (e) {
    // A page left in an unknown state is not used again.
    const broken = page;
    page = null;
    await broken?.then((x) => x.context().close()).catch(() => undefined);
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  page = null;
  if (b) await (await b).close();
}
