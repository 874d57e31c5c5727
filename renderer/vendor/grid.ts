// The second vendor script (assets/vendor-grid.js, see vite.config.ts): ag-grid, the largest part
// of the renderer (0,8 MB), read and compiled beside the app's script instead of inside it. Only
// what the app uses is exported, so the modules it does not register stay out (grid/modules.ts).
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
  themeQuartz,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { VENDOR_GLOBALS } from './globals';

const w = window as unknown as Record<string, unknown>;
w[VENDOR_GLOBALS['ag-grid-community']] = {
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
  themeQuartz,
};
w[VENDOR_GLOBALS['ag-grid-react']] = { AgGridReact };
