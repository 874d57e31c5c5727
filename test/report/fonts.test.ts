// The PDF of the demo month draws every letter in one serif family, on any machine: the print
// HTML carries its own font (resources/fonts/, Liberation Serif 2) behind Times New Roman. To
// show that the shipped font — not one installed here — does the work, Chromium runs with a
// fontconfig that sees only DejaVu, as on a machine without Times New Roman, Tinos or
// Liberation 2. pdffonts must then list one serif family (its regular, bold and italic
// faces), embedded, no DejaVu and no Type 3 font; pdftotext must read the Vietnamese words whole.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../../db/demo';
import { openStore } from '../../db/store';
import { closePdfBrowser, findChromium } from '../../export/report/pdf';
import { createService } from '../../service';
import { tempDir, type TempDir } from '../helpers/fixture';
import { SEED_PHRASES, flatten } from './seed-phrases';
import { pdfText } from './tools';

interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: name, type, encoding, emb, sub, uni, object, ID. */
function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
    if (!m) throw new Error(`pdffonts line not understood: ${l}`);
    return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes' };
  });
}

/** "ABCDEF+LiberationSerif-BoldItalic" → "LiberationSerif". */
const family = (name: string) => name.replace(/^[A-Z]{6}\+/, '').replace(/-(Bold|Italic|BoldItalic|Regular)$/, '');

let tmp: TempDir;
/** The CLI's PDF (fonts as files) and the print HTML as the app has it (fonts as base64). */
let pdf: string;
let embeddedPdf: string;
let conf: string;
const chromium = findChromium();

beforeAll(async () => {
  if (!chromium) return;
  tmp = tempDir();
  const db = tmp.path('demo.sqlite');
  createDemoDatabase(db);
  // A machine with no Vietnamese serif font installed: fontconfig sees DejaVu only.
  conf = tmp.path('fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${tmp.path('fc-cache')}</cachedir></fontconfig>`,
  );
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = conf;
  const store = openStore(db);
  try {
    const service = createService({ store });
    const file = await service['report.export']({ unit: 'TH_HH', period: '2024-05', format: 'pdf', date: '2024-06-10' });
    pdf = tmp.path('demo-2024-05.pdf');
    writeFileSync(pdf, file.data);
    // The print HTML exactly as the preview and Electron's printToPDF get it.
    const { html } = await service['report.preview']({ unit: 'TH_HH', period: '2024-05', date: '2024-06-10' });
    expect(html).toContain("url(data:font/ttf;base64,");
    const browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      embeddedPdf = tmp.path('demo-2024-05-embedded.pdf');
      writeFileSync(embeddedPdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    } finally {
      await browser.close();
    }
  } finally {
    store.close();
    await closePdfBrowser();
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  }
}, 120_000);

afterAll(() => tmp?.remove());

describe.skipIf(!chromium)('the report PDF carries its own Vietnamese serif font', () => {
  it('the test machine state: no font but DejaVu, so no installed serif can cover ệ', () => {
    const families = execFileSync('fc-list', [':charset=1ec7', 'family'], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: conf } });
    expect(families.trim().split('\n').filter((f) => !/^DejaVu/.test(f))).toEqual([]);
  });

  for (const which of ['the CLI (fonts as files)', 'the print HTML as the app has it (base64 fonts)'] as const) {
    it(`${which}: embeds exactly one serif family, no DejaVu, no Type 3`, () => {
      const fonts = pdfFonts(which.startsWith('the CLI') ? pdf : embeddedPdf);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => /DejaVu/i.test(f.name))).toEqual([]);
      expect(fonts.filter((f) => /Type 3/i.test(f.type))).toEqual([]);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      expect([...new Set(fonts.map((f) => family(f.name)))]).toEqual(['LiberationSerif']);
    });
  }

  it('reads back every Vietnamese word whole', () => {
    for (const file of [pdf, embeddedPdf]) {
      const text = flatten(pdfText(file, { layout: true }));
      for (const phrase of SEED_PHRASES.slice(0, 8)) expect(text).toContain(flatten(phrase));
      expect(text).toContain('HOẰNG HÓA');
    }
  });
});
