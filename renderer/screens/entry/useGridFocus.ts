// The focused cell is the one the side panel shows; a request to go to a cell (a problem
// clicked in the month's refusal) scrolls to it and focuses it once the grid shows it.
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, type RefObject } from 'react';
import type { CatalogueElement } from '../../../core/catalogue';
import type { EntryRow } from '../../grid/entry-model';
import { useCell } from '../../stores/cell';
import { usePick } from '../../stores/pick';

export function useGridFocus(gridApi: RefObject<GridApi<EntryRow> | null>, rows: readonly EntryRow[], elements: readonly CatalogueElement[], month: string, loading: boolean) {
  const { focus, select, focused, clear } = usePick(useCell, 'focus', 'select', 'focused', 'clear');

  // Another month: the panel's cell and history belong to the old one.
  useEffect(() => clear(), [month, clear]);

  const onCellFocused = useCallback(
    (ev: CellFocusedEvent<EntryRow>) => {
      if (ev.rowPinned || ev.rowIndex === null || ev.rowIndex === undefined || typeof ev.column !== 'object' || !ev.column) return;
      const row = rows[ev.rowIndex];
      const element = ev.column.getColId();
      if (row && elements.some((e) => e.code === element)) void select({ unit: row.unit, element }, month);
    },
    [rows, elements, month, select],
  );

  useEffect(() => {
    const api = gridApi.current;
    if (!focus || !api || loading) return;
    const rowIndex = rows.findIndex((r) => r.unit === focus.unit);
    if (rowIndex < 0 || !elements.some((e) => e.code === focus.element)) return;
    api.ensureIndexVisible(rowIndex, 'middle');
    api.ensureColumnVisible(focus.element, 'middle');
    api.setFocusedCell(rowIndex, focus.element);
    void select({ unit: focus.unit, element: focus.element }, month);
    focused();
  }, [gridApi, focus, rows, elements, loading, month, select, focused]);

  return onCellFocused;
}
