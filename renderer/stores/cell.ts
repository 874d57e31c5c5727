// The selected cell of the entry grid: its explanation comment (saved with values.set) and its
// history of changes (values.history), and requests to bring a cell into view (from the list
// of problems that keep a month from being marked complete).
import { create } from 'zustand';
import type { AuditEntry } from '../../core/api';
import { invoke, messageOf } from '../api';
import { i18n } from '../i18n';
import { useEntry } from './entry';

export interface CellRef {
  unit: string;
  element: string;
}

export interface CellPanelState {
  selected: CellRef | null;
  /** The month the history belongs to. */
  month: string | null;
  history: AuditEntry[];
  /** The comment as the user is typing it. */
  draft: string;
  saving: boolean;
  note: { kind: 'info' | 'error'; text: string } | null;
  /** A cell the grid should scroll to and focus; `seq` makes a repeated request a new one. */
  focus: (CellRef & { seq: number }) | null;
}

export const initialCell: CellPanelState = { selected: null, month: null, history: [], draft: '', saving: false, note: null, focus: null };

interface CellActions {
  select: (cell: CellRef, month: string) => Promise<void>;
  setDraft: (text: string) => void;
  /** Saves the draft as the cell's comment, keeping its value. */
  saveComment: () => Promise<void>;
  requestFocus: (cell: CellRef) => void;
  focused: () => void;
  clear: () => void;
}

const same = (a: CellRef | null, b: CellRef | null) => !!a && !!b && a.unit === b.unit && a.element === b.element;

export const useCell = create<CellPanelState & CellActions>()((set, get) => ({
  ...initialCell,

  async select(cell, month) {
    if (same(get().selected, cell) && get().month === month) return;
    const comment = useEntry.getState().comments[`${cell.unit}|${cell.element}`] ?? '';
    set({ selected: cell, month, draft: comment, history: [], note: null });
    try {
      const history = await invoke('values.history', { unit: cell.unit, period: month, element: cell.element });
      if (same(get().selected, cell)) set({ history });
    } catch (e) {
      if (same(get().selected, cell)) set({ note: { kind: 'error', text: messageOf(e) } });
    }
  },

  setDraft: (draft) => set({ draft, note: null }),

  async saveComment() {
    const { selected: cell, month, draft } = get();
    if (!cell || !month) return;
    const value = useEntry.getState().values[cell.unit]?.[cell.element] ?? null;
    set({ saving: true, note: null });
    try {
      const r = await invoke('values.set', { unit: cell.unit, period: month, element: cell.element, value, comment: draft.trim() || null });
      useEntry.getState().commented(r);
      const history = await invoke('values.history', { unit: cell.unit, period: month, element: cell.element });
      if (same(get().selected, cell)) set({ saving: false, history, note: { kind: 'info', text: i18n.t('ui.comment.saved') } });
    } catch (e) {
      set({ saving: false, note: { kind: 'error', text: messageOf(e) } });
    }
  },

  requestFocus: (cell) => set((s) => ({ focus: { ...cell, seq: (s.focus?.seq ?? 0) + 1 } })),
  focused: () => set({ focus: null }),
  clear: () => set(initialCell),
}));
