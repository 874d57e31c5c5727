// PDF = the print HTML rendered by a Chromium installed on the machine (playwright-core
// downloads nothing). The browser stays open between reports, because starting it costs
// more than rendering; hosts call closePdfBrowser() when they are done.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
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
    return getBrowser();
  }
  return b;
}

/** Renders print HTML to PDF bytes. Page size, margins and page numbers come from the HTML's @page rules. */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const b = await getBrowser();
  const page = await b.newPage();
  // From a file, with the report's fonts as files beside the app: setContent and 2 MB of
  // base64 fonts would cost Chromium seconds. The same fonts, the same rules.
  const dir = mkdtempSync(join(tmpdir(), 'thongke-pdf-'));
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, withFontFiles(html));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}
