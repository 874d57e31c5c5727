// The month's narrative sections. A month without its own text shows the latest earlier
// month's (narrative.get's fromPeriod), and saving a change makes it this month's own.
import { create } from 'zustand';
import type { NarrativeSection } from '../../core/api';
import { invoke, messageOf } from '../api';
import { onDatabaseChange } from './database';

export interface NarrativeState {
  key: string | null;
  /** True once the sections of `key` are in: the editors mount with their text. */
  loaded: boolean;
  sections: Record<string, NarrativeSection>;
  saved: Record<string, boolean>;
  error: string | null;
}

export const initialNarrative: NarrativeState = { key: null, loaded: false, sections: {}, saved: {}, error: null };

interface NarrativeActions {
  load: (unit: string, period: string) => Promise<void>;
  save: (unit: string, period: string, section: string, body: string) => Promise<void>;
}

export const useNarrative = create<NarrativeState & NarrativeActions>()((set, get) => ({
  ...initialNarrative,

  async load(unit, period) {
    const key = `${unit}|${period}`;
    set({ ...initialNarrative, key });
    try {
      const list = await invoke('narrative.get', { unit, period });
      if (get().key === key) set({ loaded: true, sections: Object.fromEntries(list.map((s) => [s.section, s])) });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },

  async save(unit, period, section, body) {
    const current = get().sections[section];
    // Unchanged: nothing to save. A text carried over from an earlier month stays that month's
    // (and marked as carried) until the user changes it; passing through its box is no change.
    if (current && current.body === body) return;
    if (!current && body.trim() === '') return;
    try {
      const { revision } = await invoke('narrative.set', { unit, period, section, body });
      // Saved when the user left the box for another month: that month's view is gone.
      if (get().key !== `${unit}|${period}`) return;
      set((s) => ({
        sections: { ...s.sections, [section]: { section, body, fromPeriod: period, revision } },
        saved: { ...s.saved, [section]: true },
        error: null,
      }));
    } catch (e) {
      // The text stays in its box (and in the message when the box is gone) until it is saved.
      set({ error: get().key === `${unit}|${period}` ? messageOf(e) : `${messageOf(e)}\n${body.slice(0, 200)}` });
    }
  },

}));

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useNarrative.setState(initialNarrative));
