// The district's figures for a month (figures.get): month, year-to-date, plan, % of plan,
// same month last year. Kept per unit and period so switching programmes needs no call.
import { create } from 'zustand';
import type { Figures } from '../../core/figures';
import { ApiFailure, invoke, messageOf } from '../api';
import type { ScreenMessage } from '../components/MessageBox';
import { i18n } from '../i18n';
import { onDatabaseChange } from './database';


export interface FiguresState {
  key: string | null;
  figures: Figures | null;
  loading: boolean;
  error: string | null;
  busy: boolean;
  message: ScreenMessage | null;
}

export const initialFigures: FiguresState = { key: null, figures: null, loading: false, error: null, busy: false, message: null };

interface FiguresActions {
  load: (unit: string, period: string) => Promise<void>;
  /** Asks for a plans CSV (dialog in the main process), imports it all or nothing, reloads. */
  importPlans: (unit: string, period: string) => Promise<void>;
  dismiss: () => void;
}

export const useFigures = create<FiguresState & FiguresActions>()((set, get) => ({
  ...initialFigures,

  async load(unit, period) {
    const key = `${unit}|${period}`;
    set({ key, loading: true, error: null });
    try {
      const figures = await invoke('figures.get', { unit, period });
      if (get().key === key) set({ figures, loading: false });
    } catch (e) {
      if (get().key === key) set({ loading: false, error: messageOf(e), figures: null });
    }
  },

  async importPlans(unit, period) {
    set({ busy: true, message: null });
    try {
      const r = await invoke('plans.importCsv', {});
      set({ busy: false });
      if (!r) return;
      await get().load(unit, period);
      set({ message: { kind: 'info', text: i18n.t('ui.csv.importedPlans', { file: r.file, count: r.count }) } });
    } catch (e) {
      // A rejected file: its sentence and every bad line; the plans are as they were.
      const details = e instanceof ApiFailure ? e.error.details : undefined;
      const text = e instanceof ApiFailure ? e.error.message : messageOf(e);
      set({ busy: false, message: { kind: 'error', text, ...(details ? { details } : {}) } });
    }
  },

  dismiss: () => set({ message: null }),
}));

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useFigures.setState(initialFigures));
