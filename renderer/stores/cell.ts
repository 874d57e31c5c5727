// The selected cell of the entry grid: its explanation comment (saved with values.setComment,
// which never sends the value, so a value changed elsewhere is never reverted) and its history
// of changes (values.history), and requests to bring a cell into view (from the list of
// problems that keep a month from being marked complete). A comment being written is saved to
// its own cell and month when the user leaves (another tab, month, programme); picking another
// cell or closing the panel first asks whether to drop it (OK), else saves it (Cancel): it is
// never dropped without asking.
import { create } from 'zustand';
import type { AuditEntry } from '../../core/api';
import { invoke, messageOf } from '../api';
import { i18n } from '../i18n';
import { useEntry } from './entry';
import { onLeave } from './leave';
import { onDatabaseChange } from './database';
import { useSession } from './session';

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
  /** The comment as stored when the cell was picked or last saved: the draft differs when unsaved. */
  original: string;
  saving: boolean;
  note: { kind: 'info' | 'error'; text: string } | null;
  /** A cell the grid should scroll to and focus; `seq` makes a repeated request a new one. */
  focus: (CellRef & { seq: number }) | null;
}

export const initialCell: CellPanelState = { selected: null, month: null, history: [], draft: '', original: '', saving: false, note: null, focus: null };

interface CellActions {
  select: (cell: CellRef, month: string) => Promise<void>;
  setDraft: (text: string) => void;
  /** Saves the draft as the cell's comment, keeping its value. */
  saveComment: () => Promise<void>;
  /** Saves a draft that differs from the stored comment (before the panel shows something else). */
  finishDraft: () => void;
  /** Like finishDraft, but asks first whether to drop the changed draft instead (another cell, the panel closed). */
  settleDraft: () => void;
  requestFocus: (cell: CellRef) => void;
  focused: () => void;
  clear: () => void;
}

const same = (a: CellRef | null, b: CellRef | null) => !!a && !!b && a.unit === b.unit && a.element === b.element;

export const useCell = create<CellPanelState & CellActions>()((set, get) => ({
  ...initialCell,

  async select(cell, month) {
    if (same(get().selected, cell) && get().month === month) return;
    get().settleDraft();
    const comment = useEntry.getState().comments[`${cell.unit}|${cell.element}`] ?? '';
    set({ selected: cell, month, draft: comment, original: comment, history: [], note: null });
    try {
      const history = await invoke('values.history', { unit: cell.unit, period: month, element: cell.element });
      if (same(get().selected, cell)) set({ history });
    } catch (e) {
      if (same(get().selected, cell)) set({ note: { kind: 'error', text: messageOf(e) } });
    }
  },

  setDraft: (draft) => set({ draft, note: null }),

  async saveComment() {
    const { selected: cell, month, draft, original: before } = get();
    if (!cell || !month) return;
    // Marked as the stored comment now, so a second finish does not send it again.
    set({ saving: true, note: null, original: draft });
    const mine = () => same(get().selected, cell) && get().month === month;
    try {
      const r = await invoke('values.setComment', { unit: cell.unit, period: month, element: cell.element, comment: draft.trim() || null });
      useEntry.getState().commented(r, before.trim() || null);
      const history = await invoke('values.history', { unit: cell.unit, period: month, element: cell.element });
      if (mine()) set({ saving: false, history, note: { kind: 'info', text: i18n.t('ui.comment.saved') } });
      else set({ saving: false });
    } catch (e) {
      const text = messageOf(e);
      // Refused: the draft stays in the panel when it still shows that cell; otherwise the
      // message above the grid says what was not saved.
      if (mine()) set({ saving: false, original: before, note: { kind: 'error', text } });
      else {
        set({ saving: false });
        useEntry.getState().notify({ kind: 'error', text: i18n.t('ui.comment.notSaved', { text: draft.trim().slice(0, 80), message: text }) });
      }
    }
  },

  finishDraft() {
    const { selected, draft, original } = get();
    if (selected && draft.trim() !== original.trim()) void get().saveComment();
  },

  settleDraft() {
    const { selected, draft, original } = get();
    if (!selected || draft.trim() === original.trim()) return;
    const { units, catalogue, lang } = useSession.getState();
    const unit = units.find((u) => u.code === selected.unit)?.name ?? '';
    const e = catalogue?.elements.find((x) => x.code === selected.element);
    const element = e ? (lang === 'vi' ? e.nameVi : e.nameEn) : '';
    const drop = typeof window !== 'undefined' && typeof window.confirm === 'function' && window.confirm(i18n.t('ui.comment.dropConfirm', { unit, element, text: draft.trim().slice(0, 200) }));
    if (drop) set({ draft: original, note: null });
    else void get().saveComment();
  },

  requestFocus: (cell) => set((s) => ({ focus: { ...cell, seq: (s.focus?.seq ?? 0) + 1 } })),
  focused: () => set({ focus: null }),
  clear: () => {
    get().settleDraft();
    set(initialCell);
  },
}));

// Leaving the screen, the month or the programme with a comment half written saves it.
onLeave(() => useCell.getState().finishDraft());

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useCell.setState(initialCell));
