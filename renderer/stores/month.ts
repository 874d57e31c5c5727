// The month's status for the home unit: open or complete ("hoàn thành"). Marking it complete
// is refused while a high-importance problem has no explanation comment; the refusal's list is
// kept here so the user can go to each problem's cell.
import { create } from 'zustand';
import type { MonthStatus } from '../../core/api';
import type { Violation } from '../../core/rules/evaluate';
import type { Lang } from '../../core/format';
import { invoke, messageOf } from '../api';
import { onDatabaseChange } from './database';

export interface MonthState {
  key: string | null;
  status: MonthStatus | null;
  /** The last refusal: its sentence and the problems without a comment. */
  refusal: { message: string; unexplained: Violation[] } | null;
  busy: boolean;
  error: string | null;
}

export const initialMonth: MonthState = { key: null, status: null, refusal: null, busy: false, error: null };

interface MonthActions {
  load: (unit: string, period: string) => Promise<void>;
  markComplete: (unit: string, period: string, lang: Lang) => Promise<void>;
  reopen: (unit: string, period: string) => Promise<void>;
}

export const useMonth = create<MonthState & MonthActions>()((set, get) => ({
  ...initialMonth,

  async load(unit, period) {
    const key = `${unit}|${period}`;
    set({ key, status: null, refusal: null, error: null });
    try {
      const status = await invoke('period.status', { unit, period });
      if (get().key === key) set({ status });
    } catch (e) {
      if (get().key === key) set({ error: messageOf(e) });
    }
  },

  async markComplete(unit, period, lang) {
    const key = `${unit}|${period}`;
    set({ busy: true, error: null });
    try {
      const r = await invoke('period.markComplete', { unit, period, lang });
      if (get().key !== key) return;
      set({ busy: false, status: r.status, refusal: r.completed ? null : { message: r.message, unexplained: r.unexplained } });
    } catch (e) {
      set({ busy: false, error: messageOf(e) });
    }
  },

  async reopen(unit, period) {
    const key = `${unit}|${period}`;
    set({ busy: true, error: null });
    try {
      const status = await invoke('period.reopen', { unit, period });
      if (get().key === key) set({ busy: false, status, refusal: null });
    } catch (e) {
      set({ busy: false, error: messageOf(e) });
    }
  },
}));

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useMonth.setState(initialMonth));
