// The report screen's state: which unit and period, the document date, the preview's print
// HTML, and the last save. The preview comes from 'report.preview'; saving is 'report.saveAs',
// which builds the file and asks where to save it in the main process (the page writes nothing).
import { create } from 'zustand';
import type { ReportFormat } from '../../core/api';
import { monthParts } from '../../core/period';
import { invoke, messageOf } from '../api';
import { i18n } from '../i18n';
import { onDatabaseChange } from './database';

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nineMonths', 'year'] as const;
export type PeriodKindChoice = (typeof PERIOD_KINDS)[number];

/** The period spec of a kind for the session's month: 2024-05 → 2024-Q2, 2024-H1, 2024-9M, 2024. */
export function periodSpecOf(kind: PeriodKindChoice, month: string): string {
  const { year, month: m } = monthParts(month);
  switch (kind) {
    case 'month':
      return month;
    case 'quarter':
      return `${year}-Q${Math.ceil(m / 3)}`;
    case 'half':
      return `${year}-H1`;
    case 'nineMonths':
      return `${year}-9M`;
    case 'year':
      return String(year);
  }
}

/** Today as "YYYY-MM-DD" in local time: the default date of the "…, ngày … tháng … năm …" line. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ReportState {
  unit: string | null;
  kind: PeriodKindChoice;
  /** The date printed under the header, "YYYY-MM-DD"; empty: the 5th of the month after the period. */
  date: string;
  /** The key (unit|period) of the preview shown, so a late answer never replaces a newer one. */
  key: string | null;
  html: string | null;
  loading: boolean;
  error: string | null;
  /** What the last save said: "Đã lưu: …" or that it was cancelled. */
  saved: string | null;
  /** What the preview says to check before sending (month not complete, unexplained problems, carried-over text). */
  warnings: string[];
}

export const initialReport: ReportState = { unit: null, kind: 'month', date: '', key: null, html: null, loading: false, error: null, saved: null, warnings: [] };

interface ReportActions {
  setUnit: (unit: string) => void;
  setKind: (kind: PeriodKindChoice) => void;
  setDate: (date: string) => void;
  preview: (unit: string, period: string, date: string | null) => Promise<void>;
  /**
   * The screen is left: its preview is dropped (an answer still on its way too). Shown again on
   * return, the old preview would be drawn first and then the new one: the 2,3 million characters
   * of print HTML (its fonts embedded) parsed twice per visit.
   */
  leave: () => void;
  /** Main builds the file and opens its save dialog; null back means the user cancelled. */
  save: (unit: string, period: string, format: Exclude<ReportFormat, 'html'>, date: string | null) => Promise<void>;
  /** The period's values as a DHIS2 file (dataValueSet JSON or ADX), saved where the user chooses. */
  saveDhis2: (unit: string, period: string, format: 'json' | 'adx') => Promise<void>;
}

export const useReport = create<ReportState & ReportActions>()((set, get) => ({
  ...initialReport,

  setUnit: (unit) => set({ unit }),
  setKind: (kind) => set({ kind }),
  setDate: (date) => set({ date }),

  async preview(unit, period, date) {
    const key = `${unit}|${period}|${date}`;
    set({ key, loading: true, error: null, saved: null });
    try {
      const r = await invoke('report.preview', { unit, period, ...(date ? { date } : {}) });
      if (get().key === key) set({ html: r.html, loading: false, warnings: r.warnings });
    } catch (e) {
      if (get().key === key) set({ html: null, loading: false, error: messageOf(e), warnings: [] });
    }
  },

  leave: () => set({ key: null, html: null, warnings: [] }),

  async save(unit, period, format, date) {
    set({ loading: true, error: null, saved: null });
    try {
      const f = await invoke('report.saveAs', { unit, period, format, ...(date ? { date } : {}) });
      set({ loading: false, saved: f ? i18n.t('report.ui.saved', { file: f.file }) : i18n.t('report.ui.cancelled') });
    } catch (e) {
      set({ loading: false, error: messageOf(e) });
    }
  },

  async saveDhis2(unit, period, format) {
    set({ loading: true, error: null, saved: null });
    try {
      const f = await invoke('dhis2.saveAs', { unit, period, format });
      set({ loading: false, saved: f ? i18n.t('report.ui.savedDhis2', { file: f.file, values: f.values, units: f.orgUnits }) : i18n.t('report.ui.cancelled') });
    } catch (e) {
      set({ loading: false, error: messageOf(e) });
    }
  },
}));

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useReport.setState(initialReport));
