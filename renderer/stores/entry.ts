// The entry grid's state: the month's values for every row, and each cell's save state.
// Every change goes to the service first; the grid shows a value as saved only after the
// service answered (one durable transaction), and keeps the old value when it refused.
// An edit names its own month (the one it began in), and carries the revision the grid
// showed: a value changed elsewhere meanwhile is never overwritten unseen.
import { create } from 'zustand';
import { formatMonth, formatNumber } from '../../core/format';
import type { CellChange, EntryMonth, SetValueResult } from '../../core/api';
import type { ChosenFile } from '../../core/api/shell';
import { MAX_WORKBOOK_BYTES } from '../../core/workbook-limits';
import type { DataValue, MonthCells } from '../../core/values';
import { ApiFailure, invoke, messageOf } from '../api';
import type { ScreenMessage } from '../components/MessageBox';
import { i18n } from '../i18n';
import { parseCell, type PasteEntry, type PasteProblem } from '../grid/entry-model';
import { useSession } from './session';
import { onDatabaseChange } from './database';

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
  /** `${unit}|${element}` → the revision the grid shows (0: no row yet). */
  revisions: Record<string, number>;
  /** Units whose month is locked on its own (a commune marked complete by itself): read-only rows. */
  locked: Readonly<Record<string, true>>;
  /** The units loaded last, so an import can reload the same rows. */
  units: readonly string[];
  /** A file operation (CSV import or export) is running. */
  busy: boolean;
  message: EntryMessage | null;
  /** The last changes made in this grid, newest last: each undone as one step (a paste is one). */
  undoStack: readonly UndoStep[];
  /** Steps undone, to redo; cleared by any new change. */
  redoStack: readonly UndoStep[];
}

/** One cell of an undo step: its value before and after, and the revision the step left it at. */
export interface UndoCell {
  unit: string;
  element: string;
  before: number | null;
  after: number | null;
  /** The revision after the step: undoing it is refused if the cell changed since (elsewhere). */
  revision: number;
  /** The cell's month when not the step's own (an imported file may hold several months). */
  period?: string;
}

export interface UndoStep {
  month: string;
  cells: readonly UndoCell[];
  /**
   * A comment saved in the cell panel: one cell whose comment went from `before` to `after`;
   * undone through values.setComment, so the cell's value is never part of it.
   */
  comment?: { before: string | null; after: string | null };
}

/** How many steps are kept: enough for a day's typing, bounded in memory. */
export const UNDO_LIMIT = 200;

export const initialEntry: EntryState = {
  month: null,
  loading: false,
  values: {},
  cells: {},
  comments: {},
  revisions: {},
  locked: {},
  units: [],
  busy: false,
  message: null,
  undoStack: [],
  redoStack: [],
};

/** Where an edit began: it is saved there, whatever the screen shows when it is confirmed. */
export interface EditTarget {
  unit: string;
  element: string;
  month: string;
  /** "unit — element, month", for a message about it. */
  label: string;
}

export const cellKey = (unit: string, element: string): string => `${unit}|${element}`;

interface EntryActions {
  load: (month: string, units: readonly string[]) => Promise<void>;
  /**
   * The month as session.open brought it (the window's start): shown at once, and the grid's
   * first ask for the same month and units takes it instead of loading it again.
   */
  prime: (loaded: EntryMonth) => void;
  /** A cell was edited: parse the text, save it into the cell where the edit began, mark the cell. */
  edit: (target: EditTarget, raw: unknown) => Promise<void>;
  /** A pasted block, already mapped onto cells: saved all at once, or nothing. */
  paste: (entries: readonly PasteEntry[], problems: readonly PasteProblem[]) => Promise<void>;
  /** A comment saved (the panel): shown, and one undo step when it changed (`before`: the comment it replaced). */
  commented: (result: SetValueResult, before?: string | null) => void;
  /** Asks main for a CSV file to import; reloads the month when it was imported. */
  importCsv: () => Promise<void>;
  /** Asks main where to save the month's values of the unit as CSV. */
  exportCsv: (unit: string) => Promise<void>;
  /** Asks main where to save the commune workbook (every commune of `unit`) for the month. */
  exportWorkbook: (unit: string) => Promise<void>;
  /**
   * Asks for filled workbooks (or takes the files dropped on the screen), checks them (dry run),
   * asks the user, imports all or nothing.
   */
  importWorkbooks: (confirm: (summary: string) => boolean, dropped?: readonly File[]) => Promise<void>;
  /** Shows a message above the grid (a refusal the screen itself decided). */
  notify: (message: EntryMessage) => void;
  dismiss: () => void;
  /** Undoes the last step: its cells get their earlier values back (a new, audited change). */
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/**
 * An import as one step: the cells the service says it changed (before, after, revision). The
 * step's month is the one on screen when the import touched it, else the first it touched.
 */
function importStep(changes: readonly CellChange[] | undefined, shown: string | null): UndoStep | null {
  if (!changes || changes.length === 0) return null;
  const month = shown && changes.some((c) => c.period === shown) ? shown : changes[0]!.period;
  return {
    month,
    cells: changes.map((c) => ({ unit: c.unit, element: c.element, before: c.before, after: c.after, revision: c.revision, ...(c.period === month ? {} : { period: c.period }) })),
  };
}

/** A new step: on the undo stack, and nothing left to redo. */
function pushed(s: EntryState, step: UndoStep): Partial<EntryState> {
  if (step.cells.length === 0) return {};
  return { undoStack: [...s.undoStack, step].slice(-UNDO_LIMIT), redoStack: [] };
}

// Saves of one cell run one after another: the second starts from the revision the first
// returned, so two quick edits of a cell are not mistaken for a change made elsewhere.
const queues = new Map<string, Promise<void>>();
/** Loads under way, by month: an edit of that month waits for its stored values. */
const loads = new Map<string, Promise<void>>();
/** The month primed by session.open, until the grid's first ask (or any other load) takes its place. */
let primed: string | null = null;
const loadKey = (month: string, units: readonly string[]) => `${month}|${units.join(',')}`;
function queued(key: string, run: () => Promise<void>): Promise<void> {
  const next = (queues.get(key) ?? Promise.resolve()).then(run);
  queues.set(key, next);
  void next.finally(() => {
    if (queues.get(key) === next) queues.delete(key);
  });
  return next;
}

/** Results of saves, shown only when they belong to the month on screen. */
function applied(state: EntryState, results: readonly (SetValueResult | DataValue)[], mark: CellState | null): Partial<EntryState> {
  const values = { ...state.values };
  const cells = { ...state.cells };
  const revisions = { ...state.revisions };
  const comments = { ...state.comments };
  for (const r of results) {
    if (r.period !== state.month) continue;
    const key = cellKey(r.unit, r.element);
    values[r.unit] = { ...values[r.unit], [r.element]: r.value };
    revisions[key] = r.revision;
    if (r.comment?.trim()) comments[key] = r.comment;
    else delete comments[key];
    if (mark) cells[key] = mark;
  }
  return { values, cells, revisions, comments };
}

const shownValue = (v: number | null): string => (v === null ? '—' : formatNumber(v, i18n.language === 'en' ? 'en' : 'vi', 2));

const isStale = (e: unknown) => e instanceof ApiFailure && e.error.key === 'error.staleRevision';

export const useEntry = create<EntryState & EntryActions>()((set, get) => ({
  ...initialEntry,

  load(month, units) {
    const early = primed;
    primed = null;
    if (early === loadKey(month, units) && get().month === month && !get().loading) return Promise.resolve();
    const run = loadMonth(month, units);
    loads.set(month, run);
    void run.finally(() => {
      if (loads.get(month) === run) loads.delete(month);
    });
    return run;
  },

  prime(loaded) {
    set({ month: loaded.month, units: loaded.units, loading: false, cells: {}, ...shownCells(loaded.cells, loaded.locked) });
    primed = loadKey(loaded.month, loaded.units);
  },

  edit(target, raw) {
    const { unit, element, month } = target;
    const key = cellKey(unit, element);
    const failed = (text: string) =>
      set((s) => ({
        cells: s.month === month ? { ...s.cells, [key]: 'error' } : s.cells,
        message: { kind: 'error', text: i18n.t('ui.entry.invalidLeft', { cell: target.label, text: typed, message: text }) },
      }));
    const typed = typeof raw === 'string' ? raw.trim().slice(0, 40) : typeof raw === 'number' ? String(raw) : '';
    // The element's value type decides how "1.234" reads (1234 in a count column).
    const valueType = useSession.getState().catalogue?.elements.find((e) => e.code === element)?.valueType ?? null;
    const parsed = parseCell(raw, valueType);
    if (!parsed.ok) {
      failed(i18n.t(parsed.key, { text: parsed.text }));
      return Promise.resolve();
    }
    return queued(`${month}|${key}`, async () => {
      // Typed while its month loads: compared with, and based on, that month's stored value and
      // revision once they are here, not with whatever the screen held before.
      const loading = loads.get(month);
      if (loading) await loading.catch(() => undefined);
      // The revision the grid shows, read when this save starts (after any earlier save of the cell).
      const s = get();
      const shown = s.month === month;
      if (shown && parsed.value === (s.values[unit]?.[element] ?? null)) return;
      if (shown) set((st) => ({ cells: { ...st.cells, [key]: 'saving' } }));
      try {
        const result = await invoke('values.set', {
          unit,
          period: month,
          element,
          value: parsed.value,
          ...(shown ? { expectedRevision: s.revisions[key] ?? 0 } : {}),
        });
        const before = shown ? (s.values[unit]?.[element] ?? null) : null;
        set((st) => ({
          ...applied(st, [result], 'saved'),
          ...(st.message?.kind === 'info' ? { message: null } : {}),
          ...(shown ? pushed(st, { month, cells: [{ unit, element, before, after: result.value, revision: result.revision }] }) : {}),
        }));
      } catch (e) {
        if (!isStale(e)) {
          failed(messageOf(e));
          return;
        }
        // Changed elsewhere since the grid loaded it: show the newer value, keep what was typed in the message.
        const fresh = await invoke('values.get', { unit, period: month }).catch(() => [] as DataValue[]);
        const newer = fresh.find((v) => v.unit === unit && v.element === element);
        set((st) => ({
          ...applied(st, newer ? [newer] : [], 'error'),
          message: { kind: 'error', text: i18n.t('ui.entry.stale', { cell: target.label, value: shownValue(newer?.value ?? null), typed }) },
        }));
      }
    });
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
    // Each pasted cell carries the revision the grid showed for it: one changed elsewhere refuses the block.
    const { revisions, values } = get();
    try {
      const results = await invoke('values.setMany', {
        entries: entries.map((e) => ({ ...e, period: month, expectedRevision: revisions[cellKey(e.unit, e.element)] ?? 0 })),
      });
      // The whole block is one step to undo.
      const cells = results.map((r): UndoCell => ({ unit: r.unit, element: r.element, before: values[r.unit]?.[r.element] ?? null, after: r.value, revision: r.revision }));
      set((s) => ({
        ...applied(s, results, 'saved'),
        ...pushed(s, { month, cells: cells.filter((c) => c.before !== c.after) }),
        message: { kind: 'info', text: i18n.t('ui.entry.pasted', { count: results.length }) },
      }));
    } catch (e) {
      set({ message: { kind: 'error', text: [i18n.t('ui.entry.pasteRefusedService'), messageOf(e)].join('\n') } });
      // A block refused because a cell changed elsewhere: show the newer values.
      if (isStale(e) && get().month === month) await get().load(month, get().units);
    }
  },

  // The comment's save returns the value stored now: a value changed elsewhere shows up here.
  commented: (r, before) =>
    set((s) => ({
      ...applied(s, [r], null),
      ...(before !== undefined && r.changed && (before ?? null) !== (r.comment ?? null)
        ? pushed(s, { month: r.period, cells: [{ unit: r.unit, element: r.element, before: r.value, after: r.value, revision: r.revision }], comment: { before: before ?? null, after: r.comment ?? null } })
        : {}),
    })),

  async importCsv() {
    set({ busy: true, message: null });
    try {
      const r = await invoke('values.importCsv', {});
      set({ busy: false });
      if (!r) return;
      const { month, units } = get();
      if (month) await get().load(month, units);
      // The whole file is one step to undo (the service says which cells it changed).
      const step = importStep(r.changes, get().month);
      set((s) => ({ ...(step ? pushed(s, step) : {}), message: { kind: 'info', text: i18n.t('ui.csv.imported', { file: r.file, count: r.count, changed: r.changed }) } }));
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

  async exportWorkbook(unit) {
    const month = get().month;
    if (!month) return;
    set({ busy: true, message: null });
    try {
      const r = await invoke('workbook.saveAs', { unit, period: month });
      set({ busy: false, message: r ? { kind: 'info', text: i18n.t('ui.workbook.exported', { file: r.file, count: r.sheets, month: formatMonth(month, i18n.language === 'en' ? 'en' : 'vi') }) } : null });
    } catch (e) {
      set({ busy: false, message: { kind: 'error', text: messageOf(e) } });
    }
  },

  async importWorkbooks(confirm, dropped) {
    set({ busy: true, message: null });
    try {
      const chosen = dropped ? { files: await Promise.all(dropped.slice(0, MAX_DROPPED).map(readDropped)) } : await invoke('workbook.openFiles', {});
      if (!chosen) {
        set({ busy: false });
        return;
      }
      const month = get().month ?? undefined;
      const check = await invoke('workbook.import', { files: chosen.files, dryRun: true, ...(month ? { period: month } : {}) });
      if (check.status === 'refused') {
        const details = check.problems.map((p) => (p.cell ? `${p.cell}: ${p.message}` : `${p.file}: ${p.message}`));
        if (check.moreProblems > 0) details.push(i18n.t('ui.workbook.more', { count: check.moreProblems }));
        set({ busy: false, message: { kind: 'error', text: check.message, details } });
        return;
      }
      if (!confirm(check.message)) {
        set({ busy: false });
        return;
      }
      const r = await invoke('workbook.import', { files: chosen.files, withChanges: true, ...(month ? { period: month } : {}) });
      const { units } = get();
      if (month) await get().load(month, units);
      // Every workbook of the import is one step to undo.
      const step = r.status === 'imported' ? importStep(r.changes, get().month) : null;
      set((s) => ({ ...(step ? pushed(s, step) : {}), busy: false, message: { kind: r.status === 'refused' ? 'error' : 'info', text: r.message } }));
    } catch (e) {
      set({ busy: false, message: { kind: 'error', text: messageOf(e) } });
    }
  },

  notify: (message) => set({ message }),
  dismiss: () => set({ message: null }),

  undo: () => replay('undo'),
  redo: () => replay('redo'),
}));

/** At most this many files dropped at once (as many as the open dialog would pass). */
const MAX_DROPPED = 200;

/** Reads a dropped file as the host reads a chosen one: at most the limit plus one byte, and its real size. */
async function readDropped(file: File): Promise<ChosenFile> {
  const bytes = new Uint8Array(await file.slice(0, MAX_WORKBOOK_BYTES + 1).arrayBuffer());
  return { name: file.name, bytes, size: file.size };
}

/** The store's maps of a month's cells (values.getMany's compact answer) and locked units. */
function shownCells(list: MonthCells, lockedUnits: readonly string[]): Pick<EntryState, 'values' | 'comments' | 'revisions' | 'locked'> {
  const values: Record<string, Record<string, number | null>> = {};
  const comments: Record<string, string> = {};
  const revisions: Record<string, number> = {};
  for (const [unit, cells] of Object.entries(list)) {
    const row: Record<string, number | null> = (values[unit] = {});
    for (const [element, [value, revision, comment]] of Object.entries(cells)) {
      row[element] = value;
      revisions[cellKey(unit, element)] = revision;
      if (comment) comments[cellKey(unit, element)] = comment;
    }
  }
  const locked: Record<string, true> = {};
  for (const u of lockedUnits) locked[u] = true;
  return { values, comments, revisions, locked };
}

/** The month's values as the file holds them, for the rows of `units`. */
async function loadMonth(month: string, units: readonly string[]): Promise<void> {
  const { getState: get, setState: set } = useEntry;
  // An error about an edit stays until the user closes it: what they typed is in it. Another
  // month's figures go at once: never drawn under this month's name, nor taken as this month's
  // by an edit made while it loads (see edit).
  set((s) => ({
    loading: true,
    month,
    units,
    cells: {},
    ...(s.month !== month ? { values: {}, comments: {}, revisions: {}, locked: {} } : {}),
    message: s.message?.kind === 'error' ? s.message : null,
  }));
  try {
    // Two calls whatever the number of units: every unit's values at once (values.getMany).
    const [lockedUnits, list] = await Promise.all([
      units.length > 0 ? invoke('period.locked', { period: month, units: [...units] }) : Promise.resolve([]),
      units.length > 0 ? invoke('values.getMany', { period: month, units: [...units] }) : Promise.resolve({}),
    ]);
    if (get().month !== month) return; // the user moved on while this loaded
    set({ ...shownCells(list, lockedUnits), loading: false });
  } catch (e) {
    set({ loading: false, message: { kind: 'error', text: messageOf(e) } });
  }
}

/**
 * Undo (or redo) the newest step: its cells are set back (or forward) in one call, all or
 * nothing, each with the revision the step left it at, so a cell changed since (by someone else,
 * or in another window) refuses the step instead of being overwritten. The step then moves to the
 * other stack with the new revisions.
 */
async function replay(direction: 'undo' | 'redo'): Promise<void> {
  const st = useEntry.getState();
  const from = direction === 'undo' ? st.undoStack : st.redoStack;
  const step = from[from.length - 1];
  if (!step) return;
  const target = (c: UndoCell) => (direction === 'undo' ? c.before : c.after);
  // The revision the grid shows for the cell (later steps of this grid moved it on), or, for a
  // month not on screen, the one the step left.
  const periodOf = (c: UndoCell) => c.period ?? step.month;
  const expected = (c: UndoCell) => (st.month === periodOf(c) ? (st.revisions[cellKey(c.unit, c.element)] ?? c.revision) : c.revision);
  const months = [...new Set(step.cells.map(periodOf))].sort();
  try {
    const c0 = step.cells[0];
    const results =
      step.comment && c0
        ? [await invoke('values.setComment', { unit: c0.unit, period: periodOf(c0), element: c0.element, comment: direction === 'undo' ? step.comment.before : step.comment.after, expectedRevision: expected(c0) })]
        : await invoke('values.setMany', {
            entries: step.cells.map((c) => ({ unit: c.unit, element: c.element, period: periodOf(c), value: target(c), expectedRevision: expected(c) })),
          });
    const revision = new Map(results.map((r) => [`${r.period}|${cellKey(r.unit, r.element)}`, r.revision]));
    const moved: UndoStep = { ...step, cells: step.cells.map((c) => ({ ...c, revision: revision.get(`${periodOf(c)}|${cellKey(c.unit, c.element)}`) ?? c.revision })) };
    useEntry.setState((s) => ({
      ...applied(s, results, 'saved'),
      undoStack: direction === 'undo' ? s.undoStack.slice(0, -1) : [...s.undoStack, moved],
      redoStack: direction === 'undo' ? [...s.redoStack, moved] : s.redoStack.slice(0, -1),
      message: {
        kind: 'info',
        text: i18n.t(direction === 'undo' ? 'ui.entry.undone' : 'ui.entry.redone', { count: step.cells.length, month: months.map((m) => formatMonth(m, i18n.language === 'en' ? 'en' : 'vi')).join(', ') }),
      },
    }));
  } catch (e) {
    useEntry.setState({ message: { kind: 'error', text: [i18n.t(direction === 'undo' ? 'ui.entry.undoRefused' : 'ui.entry.redoRefused'), messageOf(e)].join('\n') } });
    // A cell changed elsewhere since: the step cannot be replayed safely; it is dropped, and the
    // grid shows the newer values.
    if (isStale(e)) {
      useEntry.setState((s) => (direction === 'undo' ? { undoStack: s.undoStack.slice(0, -1) } : { redoStack: s.redoStack.slice(0, -1) }));
      const { month, units } = useEntry.getState();
      if (month) await useEntry.getState().load(month, units);
    }
  }
}

// Another database: nothing read from the old one stays.
onDatabaseChange(() => {
  primed = null;
  useEntry.setState(initialEntry);
});
