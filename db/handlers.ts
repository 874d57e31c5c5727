// The data operations of the API contract, implemented on a Store. Electron-free: the same
// object serves Electron's IPC, the CLI and the end-to-end tests.
import type { AppInfo, Handlers } from '../core/api';
import { parseLang } from '../core/i18n';
import { SCHEMA_VERSION } from './migrations';
import { getFigures } from './figures.repo';
import { getNarrative, setNarrative } from './narrative.repo';
import { latestPeriod } from './periods.repo';
import { listPlans, setPlans } from './plans.repo';
import { allSettings, getSetting, setSetting } from './settings.repo';
import type { Store } from './store';
import { assertMonthOpen } from './periods.repo';
import { assertNotReceived, getValues, setComment, setValue, setValues, valueHistory } from './values.repo';

export interface ServiceContext {
  store: Store;
  appVersion: string;
  /** The clock: injectable so tests can stand in June 2024. */
  now?: () => Date;
  /**
   * Renders the report's print HTML to PDF bytes. Electron main supplies its own printToPDF
   * (users' PCs have no system Chromium); left out, the CLI and tests use playwright-core.
   */
  renderPdf?: (html: string) => Promise<Uint8Array>;
}

export type DataOperation =
  | 'app.info' | 'units.list' | 'catalogue.get' | 'values.get' | 'values.set' | 'values.setMany'
  | 'values.setComment'
  | 'values.history' | 'values.latestPeriod' | 'figures.get' | 'plans.list' | 'plans.set' | 'narrative.get' | 'narrative.set'
  | 'settings.get' | 'settings.set';

/** The user recorded on every change: the installation's user, never a name sent by the UI. */
export function currentUser(store: Store): string {
  return getSetting<string>(store, 'user.name') ?? 'thongke';
}

export function appInfo(ctx: ServiceContext): AppInfo {
  return {
    appVersion: ctx.appVersion,
    schemaVersion: SCHEMA_VERSION,
    homeUnit: getSetting<string>(ctx.store, 'unit.home'),
    userName: currentUser(ctx.store),
    lang: parseLang(getSetting<string>(ctx.store, 'ui.lang') ?? 'vi'),
  };
}

export function dataHandlers(ctx: ServiceContext): Pick<Handlers, DataOperation> {
  const { store } = ctx;
  const now = () => (ctx.now ? ctx.now() : new Date());
  return {
    'app.info': () => appInfo(ctx),
    'units.list': () => store.units(),
    'catalogue.get': () => ({ programmes: store.catalogue.programmes, elements: store.catalogue.elements }),
    'values.get': (a) => getValues(store, a.unit, a.period),
    'values.set': (a) => setValue(store, a, currentUser(store), 'ui', now()),
    'values.setMany': (a) => setValues(store, a.entries, currentUser(store), 'ui', now()),
    'values.setComment': (a) => setComment(store, a, currentUser(store), 'ui', now()),
    'values.history': (a) => valueHistory(store, a.unit, a.period, a.element),
    'values.latestPeriod': (a) => latestPeriod(store, a.unit),
    'figures.get': (a) => getFigures(store, a.unit, a.period),
    'plans.list': (a) => listPlans(store, a.unit, a.year),
    'plans.set': (a) => ({ count: setPlans(store, a.entries, currentUser(store), now()) }),
    'narrative.get': (a) => getNarrative(store, a.unit, a.period),
    // The narrative belongs to the unit's month: locked with it when the month is complete.
    'narrative.set': (a) => {
      assertNotReceived(store, a.unit);
      assertMonthOpen(store, a.unit, a.period);
      return { revision: setNarrative(store, a.unit, a.period, a.section, a.body, currentUser(store), now()) };
    },
    'settings.get': () => allSettings(store),
    'settings.set': (a) => {
      setSetting(store, a.key, a.value);
      return { ok: true as const };
    },
  };
}
