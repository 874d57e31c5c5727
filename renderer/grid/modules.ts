// The ag-grid modules the entry grid uses, registered one by one instead of AllCommunityModule:
// the renderer bundle then leaves out filters, sorting, pagination, CSV export, row selection,
// drag and drop and the rest, which the app never shows (less script to parse at first load).
// ag-grid's ValidationModule (about 100 kB) is left out too: without it a feature whose module
// is missing does nothing, silently. The end-to-end tests are the guard: each feature used here
// is exercised there (editing, the pinned totals row, tooltips, column groups, the API calls),
// and any "AG Grid" console error fails a test (test/e2e/harness.ts).
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
} from 'ag-grid-community';

export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    PinnedRowModule,
    CellStyleModule,
    TextEditorModule,
    TooltipModule,
    CellApiModule,
    ColumnApiModule,
    RenderApiModule,
    RowApiModule,
    ScrollApiModule,
  ]);
}
