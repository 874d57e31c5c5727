// The report screen's state: which unit and period, the preview's print HTML, and the last
// save. The preview comes from 'report.preview'; saving asks 'report.export' for the bytes.
import { create } from 'zustand';
import type { ReportFormat } from '../../core/api';
import { monthParts } from '../../core/period';
import { invoke, messageOf } from '../api';

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

export interface ReportState {
  unit: string | null;
  kind: PeriodKindChoice;
  /** The key (unit|period) of the preview shown, so a late answer never replaces a newer one. */
  key: string | null;
  html: string | null;
  loading: boolean;
  error: string | null;
  saved: string | null;
}

export const initialReport: ReportState = { unit: null, kind: 'month', key: null, html: null, loading: false, error: null, saved: null };

interface ReportActions {
  setUnit: (unit: string) => void;
  setKind: (kind: PeriodKindChoice) => void;
  preview: (unit: string, period: string) => Promise<void>;
  /** Asks the service for the file and hands it to the browser's download (the shell's save dialog). */
  save: (unit: string, period: string, format: ReportFormat) => Promise<void>;
  reset: () => void;
}

function download(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useReport = create<ReportState & ReportActions>()((set, get) => ({
  ...initialReport,

  setUnit: (unit) => set({ unit }),
  setKind: (kind) => set({ kind }),

  async preview(unit, period) {
    const key = `${unit}|${period}`;
    set({ key, loading: true, error: null, saved: null });
    try {
      const r = await invoke('report.preview', { unit, period });
      if (get().key === key) set({ html: r.html, loading: false });
    } catch (e) {
      if (get().key === key) set({ html: null, loading: false, error: messageOf(e) });
    }
  },

  async save(unit, period, format) {
    set({ loading: true, error: null, saved: null });
    try {
      const f = await invoke('report.export', { unit, period, format });
      download(f.fileName, f.mime, f.base64);
      set({ loading: false, saved: f.fileName });
    } catch (e) {
      set({ loading: false, error: messageOf(e) });
    }
  },

  reset: () => set(initialReport),
}));
