// PDF = the print HTML rendered by a Chromium installed on the machine (playwright-core
// downloads nothing). The browser stays open between reports, because starting it costs
// more than rendering; hosts call closePdfBrowser() when they are done.
// playwright-core (≈ 0.5 s to load) is imported when the first PDF is made, not before.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { UserError } from '../../core/errors';

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
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}
