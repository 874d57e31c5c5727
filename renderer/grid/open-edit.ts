// The open edit of the entry grid and how it ends. ag-grid hands `onCellEditRequest` to React
// a tick later (its events are asynchronous) and drops it when the grid is gone by then: a
// value typed before a click on another tab was lost, and one typed before a change of month
// was saved into the new month. So every way of ending an edit that we can see (Enter, Tab, an
// arrow, focus leaving the grid, leaving the screen, month or programme) reads the editor's
// text and saves it here, synchronously, into the cell where the edit began; then it closes the
// editor without a second request. ag-grid's own request remains for what it ends by itself
// (a click on another cell of the grid), with the target fixed when the edit began.
import type { CellEditingStartedEvent, CellEditRequestEvent, GridApi, SuppressKeyboardEventParams } from 'ag-grid-community';
import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { EditTarget } from '../stores/entry';
import { onLeave } from '../stores/leave';
import type { EntryRow } from './entry-model';

type Move = 'up' | 'down' | 'left' | 'right';

/** The keys that confirm an entry, and where each moves (as in Excel). */
function moveOf(e: globalThis.KeyboardEvent, byTyping: boolean): Move | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  switch (e.key) {
    case 'Enter':
      return e.shiftKey ? 'up' : 'down';
    case 'Tab':
      return e.shiftKey ? 'left' : 'right';
    case 'ArrowUp':
      return e.shiftKey ? null : 'up';
    case 'ArrowDown':
      return e.shiftKey ? null : 'down';
    // After F2 or a double-click ("Edit" mode) ← → move inside the text; after typing, they move on.
    case 'ArrowLeft':
      return e.shiftKey || !byTyping ? null : 'left';
    case 'ArrowRight':
      return e.shiftKey || !byTyping ? null : 'right';
    default:
      return null;
  }
}

function moveFocus(api: GridApi<EntryRow>, rowIndex: number, colId: string, move: Move): void {
  const cols = api.getAllDisplayedColumns();
  let col = cols.findIndex((c) => c.getColId() === colId);
  let row = rowIndex;
  if (move === 'down') row = Math.min(row + 1, api.getDisplayedRowCount() - 1);
  else if (move === 'up') row = Math.max(row - 1, 0);
  else if (move === 'left') col = Math.max(col - 1, 0);
  else col = Math.min(col + 1, cols.length - 1);
  const target = cols[col];
  if (!target) return;
  api.ensureIndexVisible(row);
  api.ensureColumnVisible(target);
  api.setFocusedCell(row, target);
}

export interface OpenEdit {
  onCellEditingStarted: (ev: CellEditingStartedEvent<EntryRow>) => void;
  onCellEditRequest: (ev: CellEditRequestEvent<EntryRow>) => void;
  suppressKeyboardEvent: (p: SuppressKeyboardEventParams<EntryRow>) => boolean;
  onKeyDownCapture: (ev: KeyboardEvent<HTMLDivElement>) => void;
  onPointerDown: () => void;
  onBlur: (ev: FocusEvent<HTMLDivElement>) => void;
}

/**
 * @param targetOf the cell as the screen shows it now (unit, element, the month on screen)
 * @param save saves an edit's text into its target
 */
export function useOpenEdit(
  gridApi: RefObject<GridApi<EntryRow> | null>,
  targetOf: (unit: string, element: string) => EditTarget,
  save: (target: EditTarget, raw: unknown) => void,
): OpenEdit {
  const latest = useRef({ targetOf, save });
  useEffect(() => {
    latest.current = { targetOf, save };
  });
  /** Where the open edit began; whether it began by typing (Excel's "Enter" mode). */
  const origin = useRef<EditTarget | null>(null);
  const typedStart = useRef(false);
  const byTyping = useRef(false);

  /** Ends the open edit by saving its text where it began; false when none is open. */
  const commit = useCallback((): false | { rowIndex: number; colId: string } => {
    const api = gridApi.current;
    if (!api || api.isDestroyed()) return false;
    const cell = api.getEditingCells()[0];
    if (!cell?.column || cell.rowPinned) return false;
    const unit = api.getDisplayedRowAtIndex(cell.rowIndex)?.data?.unit;
    const colId = cell.column.getColId();
    const editor = api.getCellEditorInstances()[0];
    const raw: unknown = editor?.getValue();
    const began = origin.current;
    origin.current = null;
    // Closed without a second request: this save is the edit's only one.
    api.stopEditing(true);
    if (unit === undefined) return false;
    const target = began && began.unit === unit && began.element === colId ? began : latest.current.targetOf(unit, colId);
    latest.current.save(target, raw);
    return { rowIndex: cell.rowIndex, colId };
  }, [gridApi]);

  useEffect(() => {
    const off = onLeave(() => void commit());
    return () => {
      off();
      commit();
    };
  }, [commit]);

  // ag-grid sends this a tick after the edit opened: an edit already ended by then (typed and
  // confirmed at once) is not this one's, and must not leave its cell as the next edit's origin.
  const onCellEditingStarted = useCallback((ev: CellEditingStartedEvent<EntryRow>) => {
    const colId = ev.colDef.colId;
    if (!colId || !ev.data) return;
    const open = gridApi.current?.getEditingCells()[0];
    if (!open || open.rowPinned || open.rowIndex !== ev.rowIndex || open.column?.getColId() !== colId) return;
    origin.current = latest.current.targetOf(ev.data.unit, colId);
    byTyping.current = typedStart.current;
    typedStart.current = false;
  }, [gridApi]);

  const onCellEditRequest = useCallback((ev: CellEditRequestEvent<EntryRow>) => {
    const colId = ev.colDef.colId;
    if (!colId || !ev.data) return;
    const began = origin.current;
    origin.current = null;
    const target = began && began.unit === ev.data.unit && began.element === colId ? began : latest.current.targetOf(ev.data.unit, colId);
    latest.current.save(target, ev.newValue);
  }, []);

  const onKeyDownCapture = useCallback(
    (ev: KeyboardEvent<HTMLDivElement>) => {
      if (gridApi.current?.getEditingCells().length) return;
      // Known now, not when the grid's late event comes: an arrow pressed right after the first
      // digit already moves on, as in Excel.
      typedStart.current = (ev.key.length === 1 || ev.key === 'Backspace' || ev.key === 'Delete') && !ev.ctrlKey && !ev.metaKey && !ev.altKey;
      byTyping.current = typedStart.current;
    },
    [gridApi],
  );

  /** A click (a double-click's edit is Excel's "Edit" mode, where ← → move inside the text). */
  const onPointerDown = useCallback(() => {
    if (gridApi.current?.getEditingCells().length) return;
    typedStart.current = false;
    byTyping.current = false;
  }, [gridApi]);

  const suppressKeyboardEvent = useCallback(
    (p: SuppressKeyboardEventParams<EntryRow>): boolean => {
      const { event } = p;
      if (!p.editing || event.type !== 'keydown') return false;
      const move = moveOf(event, byTyping.current);
      if (!move) return false;
      event.preventDefault();
      const at = commit();
      if (at) moveFocus(p.api, at.rowIndex, at.colId, move);
      return true;
    },
    [commit],
  );

  // Focus leaving the grid (a button, a select, another window) ends the edit there.
  const onBlur = useCallback(
    (ev: FocusEvent<HTMLDivElement>) => {
      const to = ev.relatedTarget;
      if (to instanceof Node && ev.currentTarget.contains(to)) return;
      commit();
    },
    [commit],
  );

  return { onCellEditingStarted, onCellEditRequest, suppressKeyboardEvent, onKeyDownCapture, onPointerDown, onBlur };
}
