// Where Excel's jump keys go in the entry grid, kept free of React and ag-grid so it is tested
// on its own. Positions are the row's index among the rows and the column's among the elements
// (the unit column, a row header like Excel's frozen panes, is column -1).
// - Home: the row's first element column; End: its last.
// - Ctrl+Home: the first row's first element column; Ctrl+End: the last row's last column.
// - Ctrl+arrow: to the edge of the block of filled cells, as Excel does: from a filled cell
//   whose neighbour is filled, to the last filled cell before a gap; otherwise to the next
//   filled cell; with none, to the grid's edge.
import type { CatalogueElement } from '../../core/catalogue';
import type { EntryRow } from './entry-model';
import type { CellPos } from './range';

export type JumpKey = 'Home' | 'End' | 'Ctrl+Home' | 'Ctrl+End' | 'Ctrl+ArrowUp' | 'Ctrl+ArrowDown' | 'Ctrl+ArrowLeft' | 'Ctrl+ArrowRight';

/** The jump a key press asks for, or null (Shift, Alt and an open editor are not ours). */
export function jumpKeyOf(ev: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): JumpKey | null {
  if (ev.shiftKey || ev.altKey) return null;
  const ctrl = ev.ctrlKey || ev.metaKey;
  if (ev.key === 'Home' || ev.key === 'End') return ctrl ? (`Ctrl+${ev.key}` as JumpKey) : ev.key;
  if (ctrl && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(ev.key)) return `Ctrl+${ev.key}` as JumpKey;
  return null;
}

/** Whether the grid's cell at (row, col) holds a value: what Ctrl+arrows and Ctrl+Shift+arrows stop at. */
export function filledIn(rows: readonly EntryRow[], elements: readonly CatalogueElement[]): (row: number, col: number) => boolean {
  return (r, c) => {
    const v = rows[r]?.values[elements[c]?.code ?? ''];
    return v !== undefined && v !== null;
  };
}

/**
 * @param filled whether the cell at (row, col) holds a value
 */
export function jumpTarget(from: CellPos, key: JumpKey, rows: number, cols: number, filled: (row: number, col: number) => boolean): CellPos {
  const lastRow = Math.max(rows - 1, 0);
  const lastCol = Math.max(cols - 1, 0);
  switch (key) {
    case 'Home':
      return { row: from.row, col: 0 };
    case 'End':
      return { row: from.row, col: lastCol };
    case 'Ctrl+Home':
      return { row: 0, col: 0 };
    case 'Ctrl+End':
      return { row: lastRow, col: lastCol };
    default:
      break;
  }
  const vertical = key === 'Ctrl+ArrowUp' || key === 'Ctrl+ArrowDown';
  const d = key === 'Ctrl+ArrowUp' || key === 'Ctrl+ArrowLeft' ? -1 : 1;
  const at = (i: number) => (vertical ? filled(i, from.col) : filled(from.row, i));
  const start = vertical ? from.row : from.col;
  const min = 0;
  const max = vertical ? lastRow : lastCol;
  const make = (i: number): CellPos => (vertical ? { row: i, col: from.col } : { row: from.row, col: i });
  let i = start;
  if (i + d < min || i + d > max) return make(Math.min(Math.max(i, min), max));
  if (i >= min && at(i) && at(i + d)) {
    // Inside a block: to its last filled cell.
    while (i + d >= min && i + d <= max && at(i + d)) i += d;
    return make(i);
  }
  // At a block's edge or in a gap: to the next filled cell, or the grid's edge.
  i += d;
  while (i >= min && i <= max && !at(i)) i += d;
  return make(Math.min(Math.max(i, min), max));
}
