// Above the grid: the month's status (mark complete, reopen), undo and redo, and the CSV file buttons.
import { useTranslation } from 'react-i18next';
import { MonthStatusBar } from '../../components/MonthStatusBar';
import { useEntry } from '../../stores/entry';
import { usePick } from '../../stores/pick';

export function EntryTools({ home }: { home: string }) {
  const { t } = useTranslation();
  const { busy, loading, importCsv, exportCsv, exportWorkbook, importWorkbooks, undo, redo, undoStack, redoStack } = usePick(
    useEntry, 'busy', 'loading', 'importCsv', 'exportCsv', 'exportWorkbook', 'importWorkbooks', 'undo', 'redo', 'undoStack', 'redoStack',
  );
  return (
    <div className="entry-tools">
      <MonthStatusBar />
      <div className="file-buttons">
        <button type="button" disabled={busy || loading || undoStack.length === 0} title={t('ui.entry.undoTitle')} onClick={() => void undo()}>
          ↶ {t('ui.entry.undo')}
        </button>
        <button type="button" disabled={busy || loading || redoStack.length === 0} title={t('ui.entry.redoTitle')} onClick={() => void redo()}>
          ↷ {t('ui.entry.redo')}
        </button>
        <button type="button" disabled={busy || loading || !home} title={t('ui.workbook.exportTitle')} onClick={() => void exportWorkbook(home)}>
          {t('ui.workbook.export')}
        </button>
        <button type="button" disabled={busy || loading} title={t('ui.workbook.importTitle')} onClick={() => void importWorkbooks((summary) => window.confirm(`${summary}\n\n${t('ui.workbook.confirm')}`))}>
          {t('ui.workbook.import')}
        </button>
        <button type="button" disabled={busy || loading} onClick={() => void importCsv()}>
          {t('ui.csv.import')}
        </button>
        <button type="button" disabled={busy || loading || !home} onClick={() => void exportCsv(home)}>
          {t('ui.csv.export')}
        </button>
      </div>
    </div>
  );
}
