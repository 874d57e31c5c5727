// The entry grid: rows are the units, columns the programme's elements. Typing leaves the
// grid's data alone (readOnlyEdit): the edit goes to the service, and the store, not the grid,
// holds what was saved. A block pasted from Excel is saved all at once, or not at all. Beside
// the grid, the selected cell's comment and history; above it, CSV files and the month's status.
// An edit belongs to the cell, month and unit where it began: leaving the grid (another tab,
// month or programme) commits it there first; arrows confirm and move, as in Excel. A month
// marked complete is shown read-only.
import type {
  CellClassParams,
  CellFocusedEvent,
  ColDef,
  ColTypeDef,
  GridApi,
  GridReadyEvent,
  ValueFormatterParams,
} from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../core/catalogue';
import { formatNumber } from '../../core/format';
import { CellPanel } from '../components/CellPanel';
import { MonthStatusBar } from '../components/MonthStatusBar';
import { MessageBox } from '../components/MessageBox';
import { PeriodBar } from '../components/PeriodBar';
import { QualitySummary } from '../components/QualitySummary';
import { useOpenEdit } from '../grid/open-edit';
import { cellEditable, entryElements, entryUnits, parseClipboardBlock, pasteEntries, totalsOf, TOTAL_ROW_UNIT, type EntryRow } from '../grid/entry-model';
import { useCell } from '../stores/cell';
import { cellKey, useEntry, type EditTarget } from '../stores/entry';
import { useMonth } from '../stores/month';
import { useQuality } from '../stores/quality';
import { useSession } from '../stores/session';

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  spacing: 6,
  accentColor: '#1f6f5c',
  headerBackgroundColor: '#eef3f1',
});

/** Column types from the element's value type: integers and decimals align and edit alike. */
const COLUMN_TYPES: Record<CatalogueElement['valueType'], ColTypeDef<EntryRow>> = {
  count: { cellClass: 'num', width: 120 },
  money: { cellClass: 'num', width: 140 },
  decimal: { cellClass: 'num', width: 110 },
  percent: { cellClass: 'num', width: 100 },
};

export function EntryScreen() {
  const { t } = useTranslation();
  const { units, catalogue, status, month, programme, lang } = useSession();
  const { values, cells, comments, message, loading, busy, load, edit, paste, notify, dismiss, importCsv, exportCsv } = useEntry();
  const { flags, check } = useQuality();
  const { focus, select, focused, clear } = useCell();

  // Another month: the panel's cell and history belong to the old one.
  useEffect(() => clear(), [month, clear]);
  const gridApi = useRef<GridApi<EntryRow> | null>(null);
  const home = status?.homeUnit ?? '';
  // Complete (here or above, see README): the month is locked, the grid only shows it.
  const locked = useMonth((s) => s.key === `${home}|${month}` && s.status?.status === 'complete');
  const elements = useMemo(() => entryElements(catalogue?.elements ?? [], programme), [catalogue, programme]);
  const rowUnits = useMemo(() => entryUnits(units, home, month, elements), [units, home, month, elements]);
  const unitCodes = useMemo(() => {
    // Every row the month might need, whatever the programme: switching programmes reloads nothing.
    const all = entryUnits(units, home, month, [{ entryLevel: 'district' } as CatalogueElement]);
    return all.map((u) => u.code);
  }, [units, home, month]);

  useEffect(() => {
    void load(month, unitCodes);
  }, [load, month, unitCodes]);

  // The month's checks follow every load and save, a moment after the last one.
  const loadedMonth = useEntry((s) => s.month);
  useEffect(() => {
    if (!home || loading || loadedMonth !== month) return;
    const timer = setTimeout(() => void check(home, month, lang), 250);
    return () => clearTimeout(timer);
  }, [values, home, month, lang, loading, loadedMonth, check]);

  const rows = useMemo<EntryRow[]>(
    () => rowUnits.map((u) => ({ unit: u.code, name: u.name, level: u.level, values: values[u.code] ?? {} })),
    [rowUnits, values],
  );
  const totals = useMemo<EntryRow[]>(
    () => [{ unit: TOTAL_ROW_UNIT, name: t('ui.entry.total'), level: 'district', values: totalsOf(rows, elements, home) }],
    [rows, elements, home, t],
  );

  const columnDefs = useMemo<ColDef<EntryRow>[]>(() => {
    const format = (p: ValueFormatterParams<EntryRow>) => (typeof p.value === 'number' ? formatNumber(p.value, lang, 2) : '');
    return [
      { headerName: t('ui.entry.unit'), field: 'name', pinned: 'left', width: 210, editable: false, cellClass: 'unit-name' },
      ...elements.map((e): ColDef<EntryRow> => ({
        colId: e.code,
        headerName: lang === 'vi' ? e.nameVi : e.nameEn,
        headerTooltip: `${lang === 'vi' ? e.nameVi : e.nameEn}${e.unitVi ? ` (${lang === 'vi' ? e.unitVi : e.unitEn})` : ''} — ${e.code}`,
        type: e.valueType,
        cellDataType: false,
        cellEditor: 'agTextCellEditor',
        valueGetter: (p) => p.data?.values[e.code] ?? null,
        valueFormatter: format,
        editable: (p) => !locked && p.data !== undefined && p.data.unit !== TOTAL_ROW_UNIT && cellEditable(e, p.data.level),
        cellClassRules: {
          'cell-readonly': (p: CellClassParams<EntryRow>) => locked || !p.data || p.data.unit === TOTAL_ROW_UNIT || !cellEditable(e, p.data.level),
          'cell-saving': (p: CellClassParams<EntryRow>) => !!p.data && cells[cellKey(p.data.unit, e.code)] === 'saving',
          'cell-saved': (p: CellClassParams<EntryRow>) => !!p.data && cells[cellKey(p.data.unit, e.code)] === 'saved',
          'cell-error': (p: CellClassParams<EntryRow>) => !!p.data && cells[cellKey(p.data.unit, e.code)] === 'error',
          'cell-violation': (p: CellClassParams<EntryRow>) => !!p.data && flags[cellKey(p.data.unit, e.code)]?.kind === 'violation',
          'cell-outlier': (p: CellClassParams<EntryRow>) => !!p.data && flags[cellKey(p.data.unit, e.code)]?.kind === 'outlier',
          'cell-commented': (p: CellClassParams<EntryRow>) => !!p.data && comments[cellKey(p.data.unit, e.code)] !== undefined,
        },
        // The cell's comment first (the purple corner says there is one), then what the checks say.
        tooltipValueGetter: (p) => {
          if (!p.data) return undefined;
          const key = cellKey(p.data.unit, e.code);
          const lines = [...(comments[key] ? [`✎ ${comments[key]}`] : []), ...(flags[key]?.messages ?? [])];
          return lines.length > 0 ? lines.join('\n') : undefined;
        },
      })),
    ];
  }, [elements, lang, t, cells, flags, comments, locked]);

  // The focused cell is the one the side panel shows.
  const onFocus = useCallback(
    (ev: CellFocusedEvent<EntryRow>) => {
      if (ev.rowPinned || ev.rowIndex === null || ev.rowIndex === undefined || typeof ev.column !== 'object' || !ev.column) return;
      const row = rows[ev.rowIndex];
      const element = ev.column.getColId();
      if (row && elements.some((e) => e.code === element)) void select({ unit: row.unit, element }, month);
    },
    [rows, elements, month, select],
  );

  // A request to go to a cell (a problem clicked in the month's refusal): once the grid shows
  // its programme, scroll to it and focus it.
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
  }, [focus, rows, elements, loading, month, select, focused]);

  const label = useCallback(
    (unit: string, element: string, m: string) => {
      const e = elements.find((x) => x.code === element);
      return t('ui.entry.cellLabel', {
        unit: units.find((u) => u.code === unit)?.name ?? unit,
        element: e ? (lang === 'vi' ? e.nameVi : e.nameEn) : element,
        month: `${Number(m.slice(5))}/${m.slice(0, 4)}`,
      });
    },
    [elements, units, lang, t],
  );

  const save = useCallback((target: EditTarget, raw: unknown) => void edit(target, raw), [edit]);
  const targetOf = useCallback((unit: string, element: string): EditTarget => ({ unit, element, month, label: label(unit, element, month) }), [month, label]);
  const openEdit = useOpenEdit(gridApi, targetOf, save);

  const onPaste = useCallback(
    (ev: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      const text = ev.clipboardData.getData('text/plain');
      // A single value pasted into an open editor is the editor's business.
      if (!api || (api.getEditingCells().length > 0 && !/[\t\n]/.test(text.trimEnd()))) return;
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      ev.preventDefault();
      if (locked) {
        notify({ kind: 'error', text: t('ui.entry.locked') });
        return;
      }
      api.stopEditing(true);
      const col = elements.findIndex((e) => e.code === focused.column.getColId());
      const block = parseClipboardBlock(text);
      const { entries, problems } = pasteEntries(block, rows, elements, focused.rowIndex, Math.max(col, 0));
      void paste(entries, problems);
    },
    [elements, rows, paste, locked, notify, t],
  );

  return (
    <section className="screen entry-screen" aria-label={t('ui.tabs.entry')}>
      <PeriodBar />
      <div className="entry-tools">
        <MonthStatusBar />
        <div className="file-buttons">
          <button type="button" disabled={busy || loading} onClick={() => void importCsv()}>
            {t('ui.csv.import')}
          </button>
          <button type="button" disabled={busy || loading || !home} onClick={() => void exportCsv(home)}>
            {t('ui.csv.export')}
          </button>
        </div>
      </div>
      {message && <MessageBox message={message} onClose={dismiss} />}
      <p className="hint">{locked ? t('ui.entry.locked') : t('ui.entry.hint')}</p>
      <div className="entry-main">
        <div className="grid-wrap" onPaste={onPaste} onKeyDownCapture={openEdit.onKeyDownCapture} onBlur={openEdit.onBlur} data-loading={loading ? 'true' : 'false'} data-locked={locked ? 'true' : 'false'}>
          <AgGridReact<EntryRow>
            theme={theme}
            rowData={rows}
            pinnedBottomRowData={totals}
            columnDefs={columnDefs}
            columnTypes={COLUMN_TYPES}
            defaultColDef={{ sortable: false, resizable: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true, suppressKeyboardEvent: openEdit.suppressKeyboardEvent }}
            getRowId={(p) => p.data.unit}
            readOnlyEdit
            singleClickEdit={false}
            tooltipShowDelay={300}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            onCellEditingStarted={openEdit.onCellEditingStarted}
            onCellEditRequest={openEdit.onCellEditRequest}
            onGridReady={(e: GridReadyEvent<EntryRow>) => (gridApi.current = e.api)}
            onCellFocused={onFocus}
            overlayNoRowsTemplate={t('ui.entry.noRows')}
          />
        </div>
        <CellPanel />
      </div>
      <QualitySummary elements={elements} />
    </section>
  );
}

/** The bad lines of a rejected file, in a list that scrolls: the first 200, then how many more. */
