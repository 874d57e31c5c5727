// Issue 5's speed figures on the demo district (37 communes, every element):
// 1. DOCX + XLSX of the district's month, from the database (target: under 1 s together);
// 2. PDF of the district's month: print HTML rendered by Chromium, browser already running
//    (target: under 3 s; the first PDF, which also starts the browser, is printed for reference);
// 3. a year report: DOCX + XLSX + PDF of the district's 2024, one model for the three (target: under 3 s);
// 4. the province's year report (issue 11): DOCX + XLSX + PDF of a province of 30 districts ×
//    40 communes (bench/province-data.ts, 2 M values) with its plan indicators and charts, one
//    model for the three formats (target: under 3 s). The first one on a fresh connection (no
//    month totals kept yet) is printed for reference.
// Medians of several runs after one warm-up run. Run: node --import tsx bench/report.bench.ts
import { seedDemo } from '../db/demo';
import { openStore } from '../db/store';
import { closePdfBrowser } from '../export/report/pdf';
import { renderReport, renderReports } from '../export/report/render';
import { DISTRICTS, COMMUNES, provinceStore } from './province-data';
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
  // One model, the three files, as a host asks for them together (renderReports: the PDF prints
  // in Chromium while this process writes the DOCX and the XLSX).
  const year = await runs(3, () => renderReports(store, { ...month, period: '2024' }, ['docx', 'xlsx', 'pdf'], now));
  console.log(`(first PDF, starting Chromium: ${coldPdf.toFixed(0)} ms)`);
  const prov = provinceStore(tmp.path('province.sqlite'));
  console.log(prov.generatedMs === null ? `reused PROVINCE_DB: ${prov.values.toLocaleString('en')} values` : `generated ${prov.values.toLocaleString('en')} values in ${(prov.generatedMs / 1000).toFixed(1)} s`);
  const provinceYear = () => renderReports(prov.store, { unit: 'P', period: '2024', date: '2025-01-05' }, ['docx', 'xlsx', 'pdf'], now);
  const first = await timeAsync(provinceYear);
  const charts = first.result[0]!.model.charts.length;
  const sizes = first.result.map((r) => `${r.fileName.split('.').pop()} ${(r.bytes.length / 1024).toFixed(0)} KB`).join(', ');
  const provYear = await runs(3, provinceYear);
  // Where the time goes, on a warm connection: the model (figures, children, indicators, timeliness) alone.
  const modelOnly = await runs(3, () => renderReports(prov.store, { unit: 'P', period: '2024', date: '2025-01-05' }, [], now));
  prov.store.close();
  console.log(`(province year, first on this connection: ${first.ms.toFixed(0)} ms; ${charts} charts; ${sizes}; the model alone ${modelOnly.toFixed(0)} ms)`);
  const ok = report('report (bench/report.bench.ts)', [
    { name: 'DOCX + XLSX, district month', measured: `${office.toFixed(0)} ms`, target: '< 1000 ms', ratio: office / 1000 },
    { name: 'PDF, district month (browser running)', measured: `${pdf.toFixed(0)} ms`, target: '< 3000 ms', ratio: pdf / 3000 },
    { name: 'year report: DOCX + XLSX + PDF', measured: `${year.toFixed(0)} ms`, target: '< 3000 ms', ratio: year / 3000 },
    { name: `province year report (${DISTRICTS} districts × ${COMMUNES} communes): DOCX + XLSX + PDF`, measured: `${provYear.toFixed(0)} ms`, target: '< 3000 ms', ratio: provYear / 3000 },
  ]);
  process.exitCode = ok ? 0 : 1;
} finally {
  await closePdfBrowser();
  store.close();
  tmp.remove();
}
