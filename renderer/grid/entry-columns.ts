// The entry grid's columns: one per element of the programme, typed by its value type. They
// depend on the programme and the language only, so they stay the same objects across saves;
// what changes with every save (a cell's save state, its checks, its comment, the month's lock)
// reaches the cells through the grid's context, and the screen asks the grid to refresh them.
import type { CellClassParams, ColDef, ColGroupDef, ColTypeDef, EditableCallbackParams, ValueFormatterParams } from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import type { CatalogueElement } from '../../core/catalogue';
import { formatNumber, type Lang } from '../../core/format';
import type { CellFlag } from '../stores/quality';
import { cellKey, type CellState } from '../stores/entry';
import { cellEditable, TOTAL_ROW_UNIT, type EntryRow } from './entry-model';
import { inRange, rangeSize, type CellRange } from './range';

/** One cell is the focused cell, shown by the grid's own focus ring. */
const isSingle = (r: CellRange | null | undefined): boolean => !r || rangeSize(r) === 1;

export const entryTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  spacing: 6,
  accentColor: '#1f6f5c',
  headerBackgroundColor: '#eef3f1',
});

/**
 * The width the grid keeps for its vertical scrollbar: undefined (ag-grid measures the
 * browser's) unless the browser's scrollbars take no room (overlay or hidden scrollbars, as in
 * headless Chromium). ag-grid then lays its own 16-pixel bar over the last column, which hid
 * part of it; keeping that width makes the last column wholly visible after End.
 */
export function reservedScrollbarWidth(doc: Document = document): number | undefined {
  const probe = doc.createElement('div');
  probe.style.cssText = 'position:absolute;top:-9999px;width:100px;height:100px;overflow:scroll';
  doc.body.appendChild(probe);
  const width = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return width > 0 ? undefined : OVERLAY_SCROLLBAR_WIDTH;
}

/** ag-grid's own bar when the browser's take no room (its INVISIBLE_SCROLLBAR_SIZE). */
const OVERLAY_SCROLLBAR_WIDTH = 16;

/** Column types from the element's value type: integers and decimals align and edit alike. */
export const COLUMN_TYPES: Record<CatalogueElement['valueType'], ColTypeDef<EntryRow>> = {
  count: { cellClass: 'num', width: 120 },
  money: { cellClass: 'num', width: 140 },
  decimal: { cellClass: 'num', width: 110 },
  percent: { cellClass: 'num', width: 100 },
};

/** What the cells read at render time; keyed `${unit}|${element}`. */
export interface EntryGridContext {
  cells: Readonly<Record<string, CellState>>;
  flags: Readonly<Record<string, CellFlag>>;
  comments: Readonly<Record<string, string>>;
  /** The month is complete: nothing can be typed. */
  locked: boolean;
  /** The block of cells chosen (Shift+arrows, the mouse), by row and element index. */
  range?: CellRange | null;
}

type Params = CellClassParams<EntryRow, unknown, EntryGridContext>;

const stateOf = (p: Params, element: string) => (p.data ? p.context.cells[cellKey(p.data.unit, element)] : undefined);
const flagOf = (p: Params, element: string) => (p.data ? p.context.flags[cellKey(p.data.unit, element)] : undefined);

/**
 * The column groups of a programme, as its catalogue says: an element with parts ("trong đó")
 * heads a group of itself and its parts when they follow it in order (staffing: "Tổng số cán
 * bộ" over "Biên chế" and "Hợp đồng"). Returns, in column order, each element's group head's
 * index (or -1). Only groups that keep the catalogue's column order are made.
 */
export function columnGroups(elements: readonly CatalogueElement[]): number[] {
  const head = elements.map(() => -1);
  elements.forEach((e, i) => {
    if (e.parts.length === 0 || head[i] !== -1) return;
    const next = elements.slice(i + 1, i + 1 + e.parts.length).map((x) => x.code);
    if (next.length !== e.parts.length || next.some((c, k) => c !== e.parts[k] || head[i + 1 + k] !== -1)) return;
    for (let k = i; k <= i + e.parts.length; k++) head[k] = i;
  });
  return head;
}

/**
 * @param totalHeader the header of a group's own total column ("Tổng số"); the group's header
 *   is the total's name
 */
export function entryColumns(
  elements: readonly CatalogueElement[],
  lang: Lang,
  unitHeader: string,
  totalHeader = 'Tổng số',
): (ColDef<EntryRow> | ColGroupDef<EntryRow>)[] {
  const format = (p: ValueFormatterParams<EntryRow>) => (typeof p.value === 'number' ? formatNumber(p.value, lang, 2) : '');
  const name = (e: CatalogueElement) => (lang === 'vi' ? e.nameVi : e.nameEn);
  function elementColumn(e: CatalogueElement, col: number): ColDef<EntryRow> {
    const readOnly = (data: EntryRow | undefined, context: EntryGridContext) =>
      context.locked || !data || data.unit === TOTAL_ROW_UNIT || data.locked === true || !cellEditable(e, data.level);
    return {
      colId: e.code,
      headerName: name(e),
      headerTooltip: `${name(e)}${e.unitVi ? ` (${lang === 'vi' ? e.unitVi : e.unitEn})` : ''}`,
      type: e.valueType,
      cellDataType: false,
      cellEditor: 'agTextCellEditor',
      valueGetter: (p) => p.data?.values[e.code] ?? null,
      valueFormatter: format,
      editable: (p: EditableCallbackParams<EntryRow, unknown, EntryGridContext>) => !readOnly(p.data, p.context),
      cellClassRules: {
        'cell-readonly': (p: Params) => readOnly(p.data, p.context),
        'cell-in-range': (p: Params) => !p.node.rowPinned && p.node.rowIndex !== null && inRange(p.context.range ?? null, p.node.rowIndex, col) && !isSingle(p.context.range),
        'cell-saving': (p: Params) => stateOf(p, e.code) === 'saving',
        'cell-saved': (p: Params) => stateOf(p, e.code) === 'saved',
        'cell-error': (p: Params) => stateOf(p, e.code) === 'error',
        'cell-violation': (p: Params) => flagOf(p, e.code)?.kind === 'violation',
        'cell-outlier': (p: Params) => flagOf(p, e.code)?.kind === 'outlier',
        'cell-commented': (p: Params) => !!p.data && p.context.comments[cellKey(p.data.unit, e.code)] !== undefined,
      },
      // The cell's comment first (the purple corner says there is one), then what the checks say.
      tooltipValueGetter: (p) => {
        if (!p.data) return undefined;
        const context = p.context as EntryGridContext;
        const key = cellKey(p.data.unit, e.code);
        const lines = [...(context.comments[key] ? [`✎ ${context.comments[key]}`] : []), ...(context.flags[key]?.messages ?? [])];
        return lines.length > 0 ? lines.join('\n') : undefined;
      },
    };
  }
  const columns = elements.map((e, col) => elementColumn(e, col));
  const head = columnGroups(elements);
  const out: (ColDef<EntryRow> | ColGroupDef<EntryRow>)[] = [
    {
      headerName: unitHeader,
      field: 'name',
      // A row header, as Excel's frozen panes: it stays while a wide programme scrolls sideways.
      pinned: 'left',
      lockPinned: true,
      width: 210,
      editable: false,
      cellClass: 'unit-name',
      valueFormatter: (p) => (p.data?.note ? `${String(p.value)} · ${p.data.note}` : String(p.value ?? '')),
      tooltipValueGetter: (p) => p.data?.note,
    },
  ];
  elements.forEach((e, i) => {
    const h = head[i]!;
    if (h === -1) out.push(columns[i]!);
    else if (h === i) {
      const parts = e.parts.length;
      out.push({
        groupId: `group-${e.code}`,
        headerName: name(e),
        headerTooltip: name(e),
        marryChildren: true,
        children: [{ ...columns[i]!, headerName: totalHeader }, ...columns.slice(i + 1, i + 1 + parts)],
      });
    }
  });
  return out;
}
