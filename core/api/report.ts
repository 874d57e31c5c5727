// Report operations of the API contract: the print HTML for the in-app preview, and the
// report file in each format as bytes with a suggested file name; the host writes them (the
// app after its save dialog, the CLI to --out).
import { z } from 'zod';
import { area } from './contract';
import { code, periodSpec } from './data';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The date printed on the report ("ngày 10 tháng 6 năm 2024"); the 5th of the month after the period when left out. */
export const reportDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The language of the warnings; the installation's when left out. */
const lang = z.enum(['vi', 'en']).optional();

export const reportArgs = area<ReportResults>()({
  'report.preview': z.object({ unit: code, period: periodSpec, date: reportDate.optional(), lang }).strict(),
  'report.export': z.object({ unit: code, period: periodSpec, format: z.enum(REPORT_FORMATS), date: reportDate.optional(), lang }).strict(),
});

export interface ReportPreview {
  /** The complete print HTML: show it in a sandboxed iframe (srcdoc) and print it from there. */
  html: string;
  title: string;
  fileBase: string;
  /** Said on screen (and on stderr by the CLI): months not complete, unexplained high violations, carried-over text. The report is made all the same. */
  warnings: string[];
}

export interface ReportFile {
  fileName: string;
  mime: string;
  data: Uint8Array;
  warnings: string[];
}

export interface ReportResults {
  'report.preview': ReportPreview;
  'report.export': ReportFile;
}

export type ReportOperation = keyof ReportResults;
