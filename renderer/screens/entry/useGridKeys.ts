// Excel's jump keys in the entry grid, where ag-grid's own differ: Home and End stay in the row
// (ag-grid's go to the grid's corners), Ctrl+Home and Ctrl+End go to the corners (ag-grid does
// nothing), Ctrl+arrows stop at the edges of filled blocks (ag-grid's go to the grid's edge).
// Page Up/Down and Esc (which cancels an edit) are ag-grid's own, as Excel has them.
import type { GridApi } from 'ag-grid-community';
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import type { CatalogueElement } from '../../../core/catalogue';
import type { EntryRow } from '../../grid/entry-model';
import { filledIn, jumpKeyOf, jumpTarget } from '../../grid/jump';

export function useGridKeys(gridApi: RefObject<GridApi<EntryRow> | null>, rows: readonly EntryRow[], elements: readonly CatalogueElement[]) {
  return useCallback(
    (ev: KeyboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      const key = jumpKeyOf(ev);
      if (!api || !key || api.getEditingCells().length > 0) return;
      const cell = api.getFocusedCell();
      // The totals row and the headers keep ag-grid's keys.
      if (!cell || cell.rowPinned || elements.length === 0 || rows.length === 0) return;
      const from = { row: cell.rowIndex, col: elements.findIndex((e) => e.code === cell.column.getColId()) };
      const to = jumpTarget(from, key, rows.length, elements.length, filledIn(rows, elements));
      const e = elements[to.col];
      if (!e) return;
      ev.preventDefault();
      ev.stopPropagation();
      api.ensureIndexVisible(to.row);
      api.ensureColumnVisible(e.code);
      api.setFocusedCell(to.row, e.code);
    },
    [gridApi, rows, elements],
  );
}
