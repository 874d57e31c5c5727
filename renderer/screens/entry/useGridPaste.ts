// A block pasted from Excel (tab- and line-separated) lands from the focused cell rightwards
// and down, and is saved all at once or not at all; a single value pasted into an open editor
// is the editor's business. A locked month refuses the paste with a sentence.
import type { GridApi } from 'ag-grid-community';
import { useCallback, type ClipboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../../core/catalogue';
import { parseClipboardBlock, pasteEntries, type EntryRow } from '../../grid/entry-model';
import { useEntry } from '../../stores/entry';

export function useGridPaste(gridApi: RefObject<GridApi<EntryRow> | null>, rows: readonly EntryRow[], elements: readonly CatalogueElement[], locked: boolean) {
  const { t } = useTranslation();
  const paste = useEntry((s) => s.paste);
  const notify = useEntry((s) => s.notify);
  return useCallback(
    (ev: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      const text = ev.clipboardData.getData('text/plain');
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
      const { entries, problems } = pasteEntries(parseClipboardBlock(text), rows, elements, focused.rowIndex, Math.max(col, 0));
      void paste(entries, problems);
    },
    [gridApi, elements, rows, paste, locked, notify, t],
  );
}
