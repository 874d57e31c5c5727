// The entry grid: rows are the units, columns the programme's elements. Typing leaves the
// grid's data alone (readOnlyEdit): the edit goes to the service, and the store, not the grid,
// holds what was saved. A block pasted from Excel is saved all at once, or not at all. Beside
// the grid, the selected cell's comment and history; above it, CSV files and the month's status.
// An edit belongs to the cell, month and unit where it began: leaving the grid (another tab,
// month or programme) commits it there first; arrows confirm and move, as in Excel. A month
// marked complete is shown read-only.
//
// The parts: useEntryRows (what is shown), grid/entry-columns (the columns, stable across
// saves), useGridFocus (the cell panel follows the focus), useGridPaste, grid/open-edit (an
// edit in progress), EntryTools (status and files).
import type { CellFocusedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CellPanel } from '../components/CellPanel';
import { MessageBox } from '../components/MessageBox';
import { PeriodBar } from '../components/PeriodBar';
import { QualitySummary } from '../components/QualitySummary';
import { COLUMN_TYPES, entryColumns, entryTheme, reservedScrollbarWidth, type EntryGridContext } from '../grid/entry-columns';
import type { EntryRow } from '../grid/entry-model';
import { useOpenEdit } from '../grid/open-edit';
import { useEntry, type EditTarget } from '../stores/entry';
import { useMonth } from '../stores/month';
import { usePick } from '../stores/pick';
import { useQuality } from '../stores/quality';
import { useCell } from '../stores/cell';
import { useForm } from '../stores/form';
import { useSession } from '../stores/session';
import { CommuneForm } from './entry/CommuneForm';
import { EntryTools } from './entry/EntryTools';
import { MonthProgress } from './entry/MonthProgress';
import { useEntryRows } from './entry/useEntryRows';
import { useGridFocus } from './entry/useGridFocus';
import { useGridKeys } from './entry/useGridKeys';
import { useGridPaste } from './entry/useGridPaste';
import { useGridRange } from './entry/useGridRange';

export function EntryScreen() {
  const { t } = useTranslation();
  const { home, month, lang, units, elements, rows, totals, loading } = useEntryRows();
  const { cells, comments, message, edit, dismiss, undo, redo } = usePick(useEntry, 'cells', 'comments', 'message', 'edit', 'dismiss', 'undo', 'redo');
  const flags = useQuality((s) => s.flags);
  const gridApi = useRef<GridApi<EntryRow> | null>(null);
  // Complete (here or above, see README): the month is locked, the grid only shows it.
  const locked = useMonth((s) => s.key === `${home}|${month}` && s.status?.status === 'complete');

  // Columns change with the programme and the language only; the cells' state reaches them
  // through the grid's context, and the grid refreshes its cells (classes, tooltips) when it
  // changes. The context object is the same one for the grid's lifetime.
  const columnDefs = useMemo(() => entryColumns(elements, lang, t('ui.entry.unit'), t('ui.entry.groupTotal')), [elements, lang, t]);
  const context = useRef<EntryGridContext>({ cells, flags, comments, locked });
  useLayoutEffect(() => {
    Object.assign(context.current, { cells, flags, comments, locked });
    gridApi.current?.refreshCells();
  }, [cells, flags, comments, locked]);

  const onFocusPanel = useGridFocus(gridApi, rows, elements, month, loading);
  const range = useGridRange(gridApi, context, rows, elements, lang, locked);
  const onCellFocused = useCallback(
    (ev: CellFocusedEvent<EntryRow>) => {
      onFocusPanel(ev);
      range.onCellFocused(ev);
    },
    [onFocusPanel, range],
  );

  const onPaste = useGridPaste(gridApi, rows, elements, locked);
  // Measured once: the last column is never under the grid's own scrollbar (entry-columns).
  const scrollbarWidth = useMemo(() => reservedScrollbarWidth(), []);

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
  // Filled commune workbooks dropped anywhere on the screen: checked and imported as if chosen
  // with "Nhập biểu Excel của xã…" (the service refuses what is not a workbook, with the reason).
  const [dropOver, setDropOver] = useState(false);
  const onDropFiles = useCallback(
    (e: DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDropOver(false);
      const files = [...e.dataTransfer.files];
      if (files.length === 0 || useEntry.getState().busy) return;
      void useEntry.getState().importWorkbooks((summary) => window.confirm(`${summary}\n\n${t('ui.workbook.confirm')}`), files);
    },
    [t],
  );
  const targetOf = useCallback((unit: string, element: string): EditTarget => ({ unit, element, month, label: label(unit, element, month) }), [month, label]);
  const openEdit = useOpenEdit(gridApi, targetOf, save);
  const onJumpKey = useGridKeys(gridApi, rows, elements);
  const onGridKeyDownCapture = useCallback(
    (ev: React.KeyboardEvent<HTMLDivElement>) => {
      range.onKeyDownCapture(ev);
      if (!ev.defaultPrevented) onJumpKey(ev);
      if (!ev.defaultPrevented) openEdit.onKeyDownCapture(ev);
    },
    [range, onJumpKey, openEdit],
  );
  const defaultColDef = useMemo(
    () => ({ sortable: false, resizable: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true, suppressKeyboardEvent: openEdit.suppressKeyboardEvent }),
    [openEdit.suppressKeyboardEvent],
  );
  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo the grid's changes while the screen is
  // shown, wherever the focus is (a button just clicked, or nowhere once it was disabled);
  // inside an open editor or a text field (the comment) they stay the field's own.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.defaultPrevented || !(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
      const el = ev.target instanceof HTMLElement ? ev.target : null;
      if (el?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if ((gridApi.current?.getEditingCells().length ?? 0) > 0) return;
      const key = ev.key.toLowerCase();
      if (key === 'z' && !ev.shiftKey) void undo();
      else if (key === 'y' || (key === 'z' && ev.shiftKey)) void redo();
      else return;
      ev.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
  // How many times the grid was given a new set of columns, on the wrapper for the end-to-end
  // tests: a save must not change it (a new set would reset widths the user dragged).
  const wrap = useRef<HTMLDivElement>(null);
  const columnsLoaded = useRef(0);
  const onNewColumnsLoaded = useCallback(() => wrap.current?.setAttribute('data-columns-loaded', String(++columnsLoaded.current)), []);

  // A cell asked for before the grid existed (back from the form view): asked again once it does.
  const onGridReady = useCallback((e: GridReadyEvent<EntryRow>) => {
    gridApi.current = e.api;
    const pending = useCell.getState().focus;
    if (pending) useCell.getState().requestFocus({ unit: pending.unit, element: pending.element });
  }, []);

  // The second view: one unit's whole month as a form. Switching keeps the month and the cell.
  const view = useForm((s) => s.view);
  const switchView = useCallback((next: 'grid' | 'form') => {
    const form = useForm.getState();
    if (next === form.view) return;
    const cell = useCell.getState().selected;
    if (next === 'form' && cell) {
      form.setUnit(cell.unit, false);
      form.setElement(cell.element);
    }
    form.setView(next);
    const element = useSession.getState().catalogue?.elements.find((e) => e.code === form.element);
    if (next === 'grid' && form.unit && element) {
      useSession.getState().setProgramme(element.programme);
      useCell.getState().requestFocus({ unit: form.unit, element: element.code });
    }
  }, []);

  return (
    <section
      className={`screen entry-screen${dropOver ? ' drop-over' : ''}`}
      aria-label={t('ui.tabs.entry')}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropOver(true);
      }}
      onDragLeave={() => setDropOver(false)}
      onDrop={onDropFiles}
    >
      <PeriodBar withProgramme={view === 'grid'} />
      <EntryTools home={home} />
      <div className="entry-views">
        <div className="view-toggle" role="group" aria-label={t('ui.form.views')}>
          <button type="button" aria-pressed={view === 'grid'} onClick={() => switchView('grid')}>
            {t('ui.form.byProgramme')}
          </button>
          <button type="button" aria-pressed={view === 'form'} onClick={() => switchView('form')}>
            {t('ui.form.byUnit')}
          </button>
        </div>
        <MonthProgress home={home} month={month} />
      </div>
      {message && <MessageBox message={message} onClose={dismiss} />}
      <p className="hint">{locked ? t('ui.entry.locked') : view === 'form' ? t('ui.form.hint') : t('ui.entry.hint')}</p>
      <div className="entry-main">
        {view === 'form' ? <CommuneForm home={home} month={month} locked={locked} /> : <div ref={wrap} className="grid-wrap" onPaste={onPaste} onKeyDownCapture={onGridKeyDownCapture} onCopy={range.onCopy} onPointerDownCapture={range.onPointerDownCapture} onPointerDown={openEdit.onPointerDown} onMouseOver={range.onMouseOver} onBlur={openEdit.onBlur} data-loading={loading ? 'true' : 'false'} data-locked={locked ? 'true' : 'false'}>
          <AgGridReact<EntryRow>
            theme={entryTheme}
            rowData={rows}
            pinnedBottomRowData={totals}
            columnDefs={columnDefs}
            columnTypes={COLUMN_TYPES}
            scrollbarWidth={scrollbarWidth}
            context={context.current}
            defaultColDef={defaultColDef}
            onNewColumnsLoaded={onNewColumnsLoaded}
            getRowId={(p) => p.data.unit}
            readOnlyEdit
            singleClickEdit={false}
            tooltipShowDelay={300}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            onCellEditingStarted={openEdit.onCellEditingStarted}
            onCellEditRequest={openEdit.onCellEditRequest}
            onGridReady={onGridReady}
            onCellFocused={onCellFocused}
            overlayNoRowsTemplate={t('ui.entry.noRows')}
            onGridPreDestroyed={() => (gridApi.current = null)}
          />
        </div>}
        <CellPanel />
      </div>
      <QualitySummary elements={elements} />
    </section>
  );
}
