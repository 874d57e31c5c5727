// The district's figures for a month (figures.get): month, year-to-date, plan, % of plan,
// same month last year. Kept per unit and period so switching programmes needs no call.
import { create } from 'zustand';
import type { Figures } from '../../core/figures';
import { invoke, messageOf } from '../api';

export interface FiguresState {
  key: string | null;
  figures: Figures | null;
  loading: boolean;
  error: string | null;
}

export const initialFigures: FiguresState = { key: null, figures: null, loading: false, error: null };

interface FiguresActions {
  load: (unit: string, period: string) => Promise<void>;
  reset: () => void;
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

  reset: () => set(initialFigures),
}));
