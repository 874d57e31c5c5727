// The session: whether a database is open, the unit tree and catalogue, the language, and
// where the user is (tab, month, programme). Its initial state lives in one place for resets.
import { create } from 'zustand';
import type { CatalogueView, SetupStatus } from '../../core/api';
import type { Lang } from '../../core/format';
import type { OrgUnit } from '../../core/orgunit';
import { monthOf, previousMonth } from '../../core/period';
import { invoke, messageOf } from '../api';
import { monthUnitCodes } from '../grid/entry-model';
import { setLevelNames, setUiLang } from '../i18n';
import { databaseChanged } from './database';
import { useEntry } from './entry';
import { leaving } from './leave';

export const TABS = ['entry', 'figures', 'plans', 'report', 'narrative', 'send', 'receive', 'status', 'indicators', 'units', 'settings'] as const;
export type Tab = (typeof TABS)[number];

export interface SessionState {
  phase: 'loading' | 'first-run' | 'ready' | 'failed';
  status: SetupStatus | null;
  units: OrgUnit[];
  catalogue: CatalogueView | null;
  tab: Tab;
  /**
   * The month being worked on: on opening, the newest month with data for the home unit (the
   * demo opens on December 2024, not on an empty month); last month when there is none yet.
   */
  month: string;
  /** True once the user picked a month: a reload of the session then keeps it. */
  monthChosen: boolean;
  programme: string;
  /** The unit the figures screen shows when not the home unit (a link from the status table). */
  figuresUnit: string | null;
  lang: Lang;
  failure: string | null;
  /** Counts the databases this window has shown: screens are keyed by it, so a restore remounts them. */
  generation: number;
}

export const initialSession: SessionState = {
  phase: 'loading',
  status: null,
  units: [],
  catalogue: null,
  tab: 'entry',
  month: previousMonth(monthOf(new Date())),
  monthChosen: false,
  programme: '',
  figuresUnit: null,
  lang: 'vi',
  failure: null,
  generation: 0,
};

interface SessionActions {
  load: () => Promise<void>;
  setTab: (tab: Tab) => void;
  setMonth: (month: string) => void;
  setProgramme: (code: string) => void;
  /** Opens the figures screen on a unit (null: the home unit). */
  showFigures: (unit: string | null) => void;
  setLang: (lang: Lang) => Promise<void>;
  /** After the first run made a database, or a restore swapped it. */
  reopened: (status: SetupStatus) => Promise<void>;
}

export const useSession = create<SessionState & SessionActions>()((set, get) => ({
  ...initialSession,

  async load() {
    try {
      const status = await invoke('setup.status', {});
      setUiLang(status.lang);
      set({ status, lang: status.lang });
      if (!status.ready) {
        setLevelNames(null);
        set({ phase: 'first-run' });
        return;
      }
      const home = status.homeUnit;
      const [units, catalogue, latest, levelNames] = await Promise.all([
        invoke('units.list', {}),
        invoke('catalogue.get', {}),
        home && !get().monthChosen ? invoke('values.latestPeriod', { unit: home }) : Promise.resolve(null),
        invoke('units.levelNames', {}),
      ]);
      setLevelNames(levelNames);
      // The entry screen opens first: its month's values are asked for now, while the window
      // renders, rather than after the grid's first render (the grid takes this load).
      const month = latest && !get().monthChosen ? latest : get().month;
      if (home && get().tab === 'entry') useEntry.getState().prefetch(month, monthUnitCodes(units, home, month));
      const programme = catalogue.programmes.some((p) => p.code === get().programme) ? get().programme : (catalogue.programmes[0]?.code ?? '');
      set({ units, catalogue, programme, phase: 'ready', failure: null, ...(latest && !get().monthChosen ? { month: latest } : {}) });
    } catch (e) {
      set({ phase: 'failed', failure: messageOf(e) });
    }
  },

  // An edit still open belongs to what the screen shows now: finish it before the view changes.
  setTab: (tab) => {
    leaving();
    set({ tab });
  },
  setMonth: (month) => {
    leaving();
    set({ month, monthChosen: true });
  },
  setProgramme: (programme) => {
    leaving();
    set({ programme });
  },
  showFigures: (figuresUnit) => {
    leaving();
    set({ tab: 'figures', figuresUnit });
  },

  async setLang(lang) {
    await invoke('app.setLang', { lang });
    setUiLang(lang);
    set({ lang });
  },

  // Every store forgets the old database; where the user was (tab, month, programme, language)
  // stays, where the new database has it.
  async reopened(status) {
    const generation = databaseChanged();
    set({ ...initialSession, status, month: get().month, monthChosen: get().monthChosen, programme: get().programme, lang: get().lang, tab: get().tab, generation });
    await get().load();
  },
}));

/** The home unit (the district this installation reports for). */
export function homeUnit(s: Pick<SessionState, 'status' | 'units'>): OrgUnit | null {
  const code = s.status?.homeUnit;
  return s.units.find((u) => u.code === code) ?? null;
}
