// A block of cells chosen as in Excel: Shift+arrows (Ctrl+Shift+arrows: to the edge of the
// filled cells) or Shift+click from the focused cell, or a drag with the mouse. Ctrl+C copies it as text Excel pastes; Ctrl+D fills its top row down;
// Delete clears it; each of the last two is saved all at once and undone as one step. One cell
// is the focused cell itself (the grid's own Delete, copy and typing then apply).
import type { CellFocusedEvent, CellMouseDownEvent, CellMouseOverEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, type ClipboardEvent, type KeyboardEvent, type MutableRefObject, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../../core/catalogue';
import type { Lang } from '../../../core/format';
import type { EntryGridContext } from '../../grid/entry-columns';
import type { EntryRow } from '../../grid/entry-model';
import { filledIn, jumpTarget, type JumpKey } from '../../grid/jump';
import { clearRange, copyText, fillDown, rangeOf, rangeSize, step, type CellPos } from '../../grid/range';
import { useEntry } from '../../stores/entry';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

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
  const anchor = useRef<CellPos | null>(null);
  const focus = useRef<CellPos | null>(null);
  const dragging = useRef(false);
  /**
   * Where the block's own keys (or a Shift+click) moved the grid's focus: the focus event for
   * that cell, which ag-grid sends a moment later, extends the block instead of starting one.
   */
  const pending = useRef<CellPos | null>(null);

  const colOf = useCallback((colId: string) => elements.findIndex((e) => e.code === colId), [elements]);
  const show = useCallback(() => {
    context.current.range = anchor.current && focus.current ? rangeOf(anchor.current, focus.current) : null;
    gridApi.current?.refreshCells();
  }, [context, gridApi]);

  // Another month or programme: the block is gone.
  useEffect(() => {
    anchor.current = null;
    focus.current = null;
    show();
  }, [rows.length, elements, show]);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  const onCellFocused = useCallback(
    (ev: CellFocusedEvent<EntryRow>) => {
      if (ev.rowPinned || ev.rowIndex === null || ev.rowIndex === undefined || typeof ev.column !== 'object' || !ev.column) return;
      const col = colOf(ev.column.getColId());
      if (col < 0) return;
      const p = pending.current;
      if (p) {
        pending.current = null;
        if (p.row === ev.rowIndex && p.col === col) return;
      }
      if (!dragging.current) {
        anchor.current = { row: ev.rowIndex, col };
        focus.current = { row: ev.rowIndex, col };
        show();
      }
    },
    [colOf, show],
  );

  const onCellMouseDown = useCallback(
    (ev: CellMouseDownEvent<EntryRow>) => {
      if (ev.rowPinned || ev.rowIndex === null) return;
      const col = colOf(ev.column.getColId());
      if (col < 0) return;
      const here = { row: ev.rowIndex, col };
      const mouse = ev.event as MouseEvent | undefined;
      if (mouse?.shiftKey && anchor.current) {
        focus.current = here;
        pending.current = here;
      } else {
        anchor.current = here;
        focus.current = here;
        dragging.current = true;
      }
      show();
    },
    [colOf, show],
  );

  const onCellMouseOver = useCallback(
    (ev: CellMouseOverEvent<EntryRow>) => {
      if (!dragging.current || ev.rowPinned || ev.rowIndex === null || !anchor.current) return;
      const mouse = ev.event as MouseEvent | undefined;
      if (mouse && (mouse.buttons & 1) === 0) {
        dragging.current = false;
        return;
      }
      const col = colOf(ev.column.getColId());
      if (col < 0) return;
      focus.current = { row: ev.rowIndex, col };
      show();
    },
    [colOf, show],
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
      if (!api || api.getEditingCells().length > 0 || !focus.current || !anchor.current) return;
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
          pending.current = focus.current;
          api.ensureIndexVisible(focus.current.row);
          api.ensureColumnVisible(e.code);
          api.setFocusedCell(focus.current.row, e.code);
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
    [gridApi, rows, elements, show, save],
  );

  /** Ctrl+C: the block (or the focused cell) as tab-separated text. */
  const onCopy = useCallback(
    (ev: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || api.getEditingCells().length > 0 || !anchor.current || !focus.current) return;
      ev.preventDefault();
      ev.clipboardData.setData('text/plain', copyText(rangeOf(anchor.current, focus.current), rows, elements, lang));
    },
    [gridApi, rows, elements, lang],
  );

  return { onCellFocused, onCellMouseDown, onCellMouseOver, onKeyDownCapture, onCopy };
}
