// A block of cells chosen as in Excel: Shift+arrows (Ctrl+Shift+arrows: to the edge of the
// filled cells) or Shift+click from the focused cell, or a drag with the mouse. Ctrl+C copies it as text Excel pastes; Ctrl+D fills its top row down;
// Delete clears it; each of the last two is saved all at once and undone as one step. One cell
// is the focused cell itself (the grid's own Delete, copy and typing then apply).
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, type ClipboardEvent, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type MutableRefObject, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../../core/catalogue';
import type { Lang } from '../../../core/format';
import type { EntryGridContext } from '../../grid/entry-columns';
import type { EntryRow } from '../../grid/entry-model';
import { filledIn, jumpTarget, type JumpKey } from '../../grid/jump';
import { clearRange, copyText, fillDown, rangeOf, rangeSize, step, type CellPos } from '../../grid/range';
import { useEntry } from '../../stores/entry';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * The cell the grid has in focus, as a text key (null: none). ag-grid sends its grid events
 * (cellFocused, cellMouseDown) a moment after the input that caused them, so a key pressed right
 * after a click comes first; the block is kept in step with the grid's focus as it is *now*
 * (`getFocusedCell`, synchronous), never with an event's view of a past moment.
 */
const cellKeyOf = (rowPinned: string | null | undefined, row: number, colId: string) => `${rowPinned ?? ''}|${row}|${colId}`;
const focusKey = (api: GridApi<EntryRow>): string | null => {
  const c = api.getFocusedCell();
  return c ? cellKeyOf(c.rowPinned, c.rowIndex, c.column.getColId()) : null;
};

export function useGridRange(
  gridApi: RefObject<GridApi<EntryRow> | null>,
  context: MutableRefObject<EntryGridContext>,
  rows: readonly EntryRow[],
  elements: readonly CatalogueElement[],
  lang: Lang,
  locked: boolean,
) {
  const { t } = useTranslation();
  const paste = useEntry((s) => s.paste);
  const notify = useEntry((s) => s.notify);
  /** The block's fixed corner and its moving one (null: no block, or the unit column, the totals). */
  const anchor = useRef<CellPos | null>(null);
  const focus = useRef<CellPos | null>(null);
  /** The grid's focused cell as the block last left it (focusKey): any other focus is the user's move. */
  const gridFocus = useRef<string | null>(null);
  const dragging = useRef(false);

  const colOf = useCallback((colId: string) => elements.findIndex((e) => e.code === colId), [elements]);
  const show = useCallback(() => {
    context.current.range = anchor.current && focus.current ? rangeOf(anchor.current, focus.current) : null;
    gridApi.current?.refreshCells();
  }, [context, gridApi]);

  /**
   * The block in step with the grid's focus now: if the focus moved by anything but the block's
   * own keys and mouse (a click whose events are still queued, an arrow, Tab, Enter after an
   * edit), the block is that one cell.
   */
  const sync = useCallback(() => {
    const api = gridApi.current;
    if (!api) return;
    const key = focusKey(api);
    if (key === gridFocus.current) return;
    gridFocus.current = key;
    const c = api.getFocusedCell();
    const col = c && !c.rowPinned ? colOf(c.column.getColId()) : -1;
    anchor.current = c && col >= 0 ? { row: c.rowIndex, col } : null;
    focus.current = anchor.current;
    dragging.current = false;
    show();
  }, [gridApi, colOf, show]);

  // Another month or programme: the block is gone.
  useEffect(() => {
    anchor.current = null;
    focus.current = null;
    gridFocus.current = null;
    show();
  }, [rows.length, elements, show]);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  /** The grid's (late) word that a cell took the focus: the block follows the focus as it is now. */
  const onCellFocused = useCallback((_ev: CellFocusedEvent<EntryRow>) => sync(), [sync]);

  /** A body cell under the pointer, read from the page (row index and column), or null. */
  const cellAt = useCallback(
    (target: EventTarget | null): CellPos | null => {
      const el = target instanceof Element ? target.closest('.ag-cell[col-id]') : null;
      const row = el?.closest('.ag-row[row-index]');
      if (!el || !row || row.classList.contains('ag-row-pinned')) return null;
      const r = Number(row.getAttribute('row-index'));
      const col = colOf(el.getAttribute('col-id') ?? '');
      return Number.isInteger(r) && col >= 0 ? { row: r, col } : null;
    },
    [colOf],
  );

  /**
   * The pointer, read as it goes down (capture phase: before the grid's own handlers, which
   * move the grid's focus to the cell before the mousedown event is even sent): a click
   * starts a block at its cell (and a drag from there), Shift+click grows it from the focused
   * cell to the clicked one. The grid then focuses the clicked cell, as the block expects.
   */
  const onPointerDownCapture = useCallback(
    (ev: ReactPointerEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || ev.button !== 0 || api.getEditingCells().length > 0) return;
      const here = cellAt(ev.target);
      if (!here) return;
      sync();
      const e = elements[here.col]!;
      if (ev.shiftKey && anchor.current) {
        focus.current = here;
      } else {
        anchor.current = here;
        focus.current = here;
        dragging.current = true;
      }
      gridFocus.current = cellKeyOf(null, here.row, e.code);
      show();
    },
    [gridApi, cellAt, elements, sync, show],
  );

  /** A drag with the button held: the block's moving corner follows the pointer. */
  const onMouseOver = useCallback(
    (ev: ReactMouseEvent<HTMLDivElement>) => {
      if (!dragging.current || !anchor.current) return;
      if ((ev.buttons & 1) === 0) {
        dragging.current = false;
        return;
      }
      const here = cellAt(ev.target);
      if (!here || (focus.current && here.row === focus.current.row && here.col === focus.current.col)) return;
      focus.current = here;
      show();
    },
    [cellAt, show],
  );

  const save = useCallback(
    (entries: ReturnType<typeof fillDown>) => {
      if (locked) {
        notify({ kind: 'error', text: t('ui.entry.locked') });
        return;
      }
      if (entries.length > 0) void paste(entries, []);
    },
    [locked, notify, paste, t],
  );

  /** Keys of the block, before the grid's own; an open editor keeps its keys. */
  const onKeyDownCapture = useCallback(
    (ev: KeyboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || api.getEditingCells().length > 0) return;
      sync();
      if (!focus.current || !anchor.current) return;
      if (ev.shiftKey && !ev.altKey && ARROWS.has(ev.key)) {
        ev.preventDefault();
        ev.stopPropagation();
        // Shift+arrow grows the block by one cell; Ctrl+Shift+arrow to where Ctrl+arrow would
        // jump from the block's moving corner (the edge of the filled cells), as in Excel.
        focus.current =
          ev.ctrlKey || ev.metaKey
            ? jumpTarget(focus.current, `Ctrl+${ev.key}` as JumpKey, rows.length, elements.length, filledIn(rows, elements))
            : step(focus.current, ev.key, rows.length, elements.length);
        const e = elements[focus.current.col];
        if (e) {
          api.ensureIndexVisible(focus.current.row);
          api.ensureColumnVisible(e.code);
          api.setFocusedCell(focus.current.row, e.code);
          gridFocus.current = focusKey(api);
        }
        show();
        return;
      }
      const range = rangeOf(anchor.current, focus.current);
      if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && ev.key.toLowerCase() === 'd') {
        ev.preventDefault();
        ev.stopPropagation();
        save(fillDown(range, rows, elements));
        return;
      }
      if ((ev.key === 'Delete' || ev.key === 'Backspace') && rangeSize(range) > 1) {
        ev.preventDefault();
        ev.stopPropagation();
        save(clearRange(range, rows, elements));
      }
    },
    [gridApi, rows, elements, sync, show, save],
  );

  /** Ctrl+C: the block (or the focused cell) as tab-separated text. */
  const onCopy = useCallback(
    (ev: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || api.getEditingCells().length > 0) return;
      sync();
      if (!anchor.current || !focus.current) return;
      ev.preventDefault();
      ev.clipboardData.setData('text/plain', copyText(rangeOf(anchor.current, focus.current), rows, elements, lang));
    },
    [gridApi, rows, elements, lang, sync],
  );

  return { onCellFocused, onPointerDownCapture, onMouseOver, onKeyDownCapture, onCopy };
}
