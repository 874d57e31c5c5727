// The data operations of the API contract, implemented on a Store. Electron-free: the same
// object serves Electron's IPC, the CLI and the end-to-end tests.
import { figureSeries } from './series';
import { basename } from 'node:path';
import { UNDO_MAX_CELLS, type DataResults, type ServiceHandlers } from '../core/api';
import { UserError } from '../core/errors';
import { exportValuesCsv, importPlansCsv, importValuesCsv } from '../db/csv.repo';
import { seedDemo } from '../db/demo';
import { seedReform2025 } from '../db/demo/reform2025';
import { getFigures } from '../db/figures.repo';
import { rebuildTotals } from '../db/unit-total.repo';
import { getNarrative, setNarrative } from '../db/narrative.repo';
import { assertMonthOpen, latestPeriod } from '../db/periods.repo';
import { isMonth } from '../core/period';
import { monthCells } from '../core/values';
import { allSettings, getSetting, setCheckedSetting, setSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { assertNotReceived, ChangeLog, exportValues, getUnitsValues, getValues, setComment, setValue, setValues, valueHistory } from '../db/values.repo';
import { addUnits } from '../db/units.repo';
import type { PdfRenderer } from '../export/report/render';

export interface ServiceContext {
  store: Store;
  /** The app's version, written into the sync bundles it makes. */
  appVersion?: string;
  /** The clock: injectable so tests can stand in June 2024. */
  now?: () => Date;
  /**
   * Renders the report's print HTML to PDF bytes. Electron main supplies its own printToPDF
   * (users' PCs have no system Chromium); left out, the CLI and tests use playwright-core.
   */
  renderPdf?: PdfRenderer;
  /**
   * Who is recorded on every change. Left out: the installation's user (setting `user.name`).
   * The CLI's `--user` sets it; the UI never sends a name.
   */
  user?: string;
}

export type DataOperation = keyof DataResults;

/** The user recorded on every change: the installation's user, never a name sent by the UI. */
export function currentUser(ctx: ServiceContext): string {
  return ctx.user ?? getSetting(ctx.store, 'user.name') ?? 'thongke';
}

export function clockOf(ctx: ServiceContext): () => Date {
  return () => (ctx.now ? ctx.now() : new Date());
}

export function dataHandlers(ctx: ServiceContext): Pick<ServiceHandlers, DataOperation> {
  const { store } = ctx;
  const now = clockOf(ctx);
  const user = () => currentUser(ctx);
  return {
    'database.init': (a) => {
      // Only a database that holds nothing yet is filled: never mix the demo into real data.
      if (store.units().length > 0) throw new UserError('error.databaseExists', { file: basename(store.file) });
      if (a.demo) seedDemo(store);
      if (a.demo && a.reform2025) seedReform2025(store, getSetting(store, 'user.name') ?? user());
      if (a.own) {
        addUnits(store.db, [{ code: a.own.unit, name: a.own.name, level: a.own.level, parent: null }]);
        setSetting(store, 'unit.home', a.own.unit);
      }
      return { demo: a.demo, units: store.units().length };
    },
    'units.list': () => store.units(),
    'catalogue.get': () => ({ programmes: store.catalogue.programmes, elements: store.catalogue.elements }),
    'values.get': (a) => getValues(store, a.unit, a.period),
    'values.getMany': (a) => monthCells(getUnitsValues(store, a.units, a.period)),
    'values.set': (a) => setValue(store, a, user(), 'ui', now()),
    'values.setMany': (a) => setValues(store, a.entries, user(), 'ui', now()),
    'values.setComment': (a) => setComment(store, a, user(), 'ui', now()),
    'values.history': (a) => valueHistory(store, a.unit, a.period, a.element),
    'values.latestPeriod': (a) => latestPeriod(store, a.unit),
    'values.export': (a) => {
      if (a.unit) store.unit(a.unit);
      return exportValues(store, a.period, a.unit);
    },
    'values.exportCsvText': (a) => {
      if (a.unit) store.unit(a.unit);
      // Counted from the rows, not the text: a comment may hold a line break.
      return { text: exportValuesCsv(store, a.period, a.unit), count: exportValues(store, a.period, a.unit).length };
    },
    'values.importCsvText': (a) => {
      const log = a.withChanges ? new ChangeLog(UNDO_MAX_CELLS) : undefined;
      const r = importValuesCsv(store, a.text, a.fileName, user(), now(), 'csv', log);
      return log && !log.overflow ? { ...r, changes: log.cells } : r;
    },
    'figures.get': (a) => getFigures(store, a.unit, a.period),
    'totals.rebuild': () => rebuildTotals(store),
    'figures.series': (a) => figureSeries(store, a.unit, a.element, a.to, a.months),
    'plans.importCsvText': (a) => ({ count: importPlansCsv(store, a.text, a.fileName, user(), now()) }),
    'narrative.get': (a) => getNarrative(store, a.unit, a.period),
    // The narrative belongs to the unit's month: locked with it when the month is complete. A
    // quarter's (6/9-month's, year's) is written once its months are complete: no lock.
    'narrative.set': (a) => {
      assertNotReceived(store, a.unit);
      if (isMonth(a.period)) assertMonthOpen(store, a.unit, a.period);
      return { revision: setNarrative(store, a.unit, a.period, a.section, a.body, user(), now()) };
    },
    'settings.get': () => allSettings(store),
    'settings.set': (a) => {
      // The schema checked the value against the key's type (core/settings.ts).
      setCheckedSetting(store, a.key, a.value);
      return { ok: true as const };
    },
  };
}
