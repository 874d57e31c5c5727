// Issue 5's speed figures on the demo district (37 communes, every element):
// 1. DOCX + XLSX of the district's month, from the database (target: under 1 s together);
// 2. PDF of the district's month: print HTML rendered by Chromium, browser already running
//    (target: under 3 s; the first PDF, which also starts the browser, is printed for reference);
// 3. a year report: DOCX + XLSX + PDF of the district's 2024 (target: under 3 s).
// Medians of several runs after one warm-up run. Run: node --import tsx bench/report.bench.ts
import { seedDemo } from '../db/demo';
import { openStore } from '../db/store';
import { closePdfBrowser } from '../export/report/pdf';
import { renderReport } from '../export/report/render';
import { benchDir, median, report, timeAsync } from './util';

const tmp = benchDir();
const store = openStore(tmp.path('demo.sqlite'), { create: true });
seedDemo(store);
const now = new Date(2025, 0, 10);
const month = { unit: 'TH_HH', period: '2024-05', date: '2024-06-10' };

async function docxXlsx(period: string): Promise<void> {
  await renderReport(store, { ...month, period, format: 'docx' }, now);
  await renderReport(store, { ...month, period, format: 'xlsx' }, now);
}

async function runs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push((await timeAsync(fn)).ms);
  return median(xs);
}

try {
  await docxXlsx('2024-05'); // warm-up: module initialisation and JIT, as in a running app
  const office = await runs(5, () => docxXlsx('2024-05'));
  const coldPdf = (await timeAsync(() => renderReport(store, { ...month, format: 'pdf' }, now))).ms;
  const pdf = await runs(3, () => renderReport(store, { ...month, format: 'pdf' }, now));
  const year = await runs(3, async () => {
    await docxXlsx('2024');
    await renderReport(store, { ...month, period: '2024', format: 'pdf' }, now);
  });
  console.log(`(first PDF, starting Chromium: ${coldPdf.toFixed(0)} ms)`);
  const ok = report('report (bench/report.bench.ts)', [
    { name: 'DOCX + XLSX, district month', measured: `${office.toFixed(0)} ms`, target: '< 1000 ms', ratio: office / 1000 },
    { name: 'PDF, district month (browser running)', measured: `${pdf.toFixed(0)} ms`, target: '< 3000 ms', ratio: pdf / 3000 },
    { name: 'year report: DOCX + XLSX + PDF', measured: `${year.toFixed(0)} ms`, target: '< 3000 ms', ratio: year / 3000 },
  ]);
  process.exitCode = ok ? 0 : 1;
} finally {
  await closePdfBrowser();
  store.close();
  tmp.remove();
}
