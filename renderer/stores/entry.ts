// The entry grid's state: the month's values for every row, and each cell's save state.
// Every change goes to the service first; the grid shows a value as saved only after the
// service answered (one durable transaction), and keeps the old value when it refused.
import { create } from 'zustand';
import type { SetValueResult } from '../../core/api';
import { ApiFailure, invoke, messageOf } from '../api';
import type { ScreenMessage } from '../components/MessageBox';
import { i18n } from '../i18n';
import { parseCell, type PasteEntry, type PasteProblem } from '../grid/entry-model';
import { useSession } from './session';

export type CellState = 'saving' | 'saved' | 'error';

export type EntryMessage = ScreenMessage;

export interface EntryState {
  /** The month the values belong to; null before the first load. */
  month: string | null;
  loading: boolean;
  /** unit → element → value. */
  values: Record<string, Record<string, number | null>>;
  /** `${unit}|${element}` → state of the last save. */
  cells: Record<string, CellState>;
  /** `${unit}|${element}` → the explanation comment of a cell that has one. */
  comments: Record<string, string>;
  /** The units loaded last, so an import can reload the same rows. */
  units: readonly string[];
  /** A file operation (CSV import or export) is running. */
  busy: boolean;
  message: EntryMessage | null;
}

export const initialEntry: EntryState = { month: null, loading: false, values: {}, cells: {}, comments: {}, units: [], busy: false, message: null };

export const cellKey = (unit: string, element: string): string => `${unit}|${element}`;

interface EntryActions {
  load: (month: string, units: readonly string[]) => Promise<void>;
  /** A cell was edited: parse the text, save it, mark the cell. */
  edit: (unit: string, element: string, raw: unknown) => Promise<void>;
  /** A pasted block, already mapped onto cells: saved all at once, or nothing. */
  paste: (entries: readonly PasteEntry[], problems: readonly PasteProblem[]) => Promise<void>;
  /** A comment was saved for a cell (from the cell panel). */
  commented: (result: SetValueResult) => void;
  /** Asks main for a CSV file to import; reloads the month when it was imported. */
  importCsv: () => Promise<void>;
  /** Asks main where to save the month's values of the unit as CSV. */
  exportCsv: (unit: string) => Promise<void>;
  dismiss: () => void;
  reset: () => void;
}

function applied(state: EntryState, results: readonly SetValueResult[], mark: CellState): Partial<EntryState> {
  const values = { ...state.values };
  const cells = { ...state.cells };
  for (const r of results) {
    values[r.unit] = { ...values[r.unit], [r.element]: r.value };
    cells[cellKey(r.unit, r.element)] = mark;
  }
  return { values, cells };
}

export const useEntry = create<EntryState & EntryActions>()((set, get) => ({
  ...initialEntry,

  async load(month, units) {
    set({ loading: true, month, units, cells: {}, message: null });
    try {
      const lists = await Promise.all(units.map((unit) => invoke('values.get', { unit, period: month })));
      if (get().month !== month) return; // the user moved on while this loaded
      const values: Record<string, Record<string, number | null>> = {};
      const comments: Record<string, string> = {};
      for (const list of lists) {
        for (const v of list) {
          (values[v.unit] ??= {})[v.element] = v.value;
          if (v.comment?.trim()) comments[cellKey(v.unit, v.element)] = v.comment;
        }
      }
      set({ values, comments, loading: false });
    } catch (e) {
      set({ loading: false, message: { kind: 'error', text: messageOf(e) } });
    }
  },

  async edit(unit, element, raw) {
    const month = get().month;
    if (!month) return;
    const key = cellKey(unit, element);
    // The element's value type decides how "1.234" reads (1234 in a count column).
    const valueType = useSession.getState().catalogue?.elements.find((e) => e.code === element)?.valueType ?? null;
    const parsed = parseCell(raw, valueType);
    if (!parsed.ok) {
      set((s) => ({ cells: { ...s.cells, [key]: 'error' }, message: { kind: 'error', text: i18n.t(parsed.key, { text: parsed.text }) } }));
      return;
    }
    const old = get().values[unit]?.[element] ?? null;
    if (parsed.value === old) return;
    set((s) => ({ cells: { ...s.cells, [key]: 'saving' } }));
    try {
      const result = await invoke('values.set', { unit, period: month, element, value: parsed.value });
      set((s) => ({ ...applied(s, [result], 'saved'), message: null }));
    } catch (e) {
      set((s) => ({ cells: { ...s.cells, [key]: 'error' }, message: { kind: 'error', text: messageOf(e) } }));
    }
  },

  async paste(entries, problems) {
    const month = get().month;
    if (!month) return;
    if (problems.length > 0) {
      const lines = problems
        .slice(0, 8)
        .map((p) => i18n.t('ui.entry.pasteCell', { row: p.row, col: p.col, message: i18n.t(p.key, { text: p.text }) }));
      set({ message: { kind: 'error', text: [i18n.t('ui.entry.pasteRefused', { count: problems.length }), ...lines].join('\n') } });
      return;
    }
    if (entries.length === 0) return;
    try {
      const results = await invoke('values.setMany', { entries: entries.map((e) => ({ ...e, period: month })) });
      set((s) => ({ ...applied(s, results, 'saved'), message: { kind: 'info', text: i18n.t('ui.entry.pasted', { count: results.length }) } }));
    } catch (e) {
      set({ message: { kind: 'error', text: [i18n.t('ui.entry.pasteRefusedService'), messageOf(e)].join('\n') } });
    }
  },

  commented: (r) =>
    set((s) => {
      const comments = { ...s.comments };
      if (r.comment?.trim()) comments[cellKey(r.unit, r.element)] = r.comment;
      else delete comments[cellKey(r.unit, r.element)];
      return { comments, values: { ...s.values, [r.unit]: { ...s.values[r.unit], [r.element]: r.value } } };
    }),

  async importCsv() {
    set({ busy: true, message: null });
    try {
      const r = await invoke('values.importCsv', {});
      set({ busy: false });
      if (!r) return;
      const { month, units } = get();
      if (month) await get().load(month, units);
      set({ message: { kind: 'info', text: i18n.t('ui.csv.imported', { file: r.file, count: r.count, changed: r.changed }) } });
    } catch (e) {
      // A rejected file: its sentence, and every bad line in a list; the grid is as it was.
      const details = e instanceof ApiFailure ? e.error.details : undefined;
      const text = e instanceof ApiFailure ? e.error.message : messageOf(e);
      set({ busy: false, message: { kind: 'error', text, ...(details ? { details } : {}) } });
    }
  },

  async exportCsv(unit) {
    const month = get().month;
    if (!month) return;
    set({ busy: true, message: null });
    try {
      const r = await invoke('values.exportCsv', { unit, period: month });
      set({ busy: false, message: r ? { kind: 'info', text: i18n.t('ui.csv.exported', { file: r.file, count: r.count, month: `${Number(month.slice(5))}/${month.slice(0, 4)}` }) } : null });
    } catch (e) {
      set({ busy: false, message: { kind: 'error', text: messageOf(e) } });
    }
  },

  dismiss: () => set({ message: null }),
  reset: () => set(initialEntry),
}));
