// Report operations of the API contract: the print HTML for the in-app preview, and the
// report file in each format. The renderer cannot write files, so 'report.export' returns the
// bytes (base64) and a suggested file name; the shell's save dialog writes them.
import { z } from 'zod';
import { code, periodSpec } from './data';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The date printed on the report ("ngày 10 tháng 6 năm 2024"); today when left out. */
export const reportDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportArgs = {
  'report.preview': z.object({ unit: code, period: periodSpec, date: reportDate.optional() }).strict(),
  'report.export': z.object({ unit: code, period: periodSpec, format: z.enum(REPORT_FORMATS), date: reportDate.optional() }).strict(),
} as const;

export interface ReportPreview {
  /** The complete print HTML: show it in a sandboxed iframe (srcdoc) and print it from there. */
  html: string;
  title: string;
  fileBase: string;
}

export interface ReportFile {
  fileName: string;
  mime: string;
  base64: string;
  bytes: number;
}

export interface ReportResults {
  'report.preview': ReportPreview;
  'report.export': ReportFile;
}

export type ReportOperation = keyof ReportResults;
