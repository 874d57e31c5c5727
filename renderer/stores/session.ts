// The session: whether a database is open, the unit tree and catalogue, the language, and
// where the user is (tab, month, programme). Its initial state lives in one place for resets.
import { create } from 'zustand';
import type { CatalogueView, SetupStatus } from '../../core/api';
import type { Lang } from '../../core/format';
import type { OrgUnit } from '../../core/orgunit';
import { monthOf, previousMonth } from '../../core/period';
import { OPEN_ON_START } from './session-open';
import { invoke, messageOf } from '../api';
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
      // One call (session.open) for the first screen; on the window's start the boot script
      // asked it already, and invoke takes that answer (renderer/boot.ts).
      const chosen = get().monthChosen;
      const entry = get().tab === 'entry';
      const args = !chosen && entry ? OPEN_ON_START : { ...(chosen ? { month: get().month } : {}), entry };
      const { status, data } = await invoke('session.open', args);
      setUiLang(status.lang);
      if (!status.ready || !data) {
        setLevelNames(null);
        set({ status, lang: status.lang, phase: 'first-run' });
        return;
      }
      setLevelNames(data.levelNames);
      // The entry grid's month came with it: the grid is drawn once, with its values.
      if (data.entry) useEntry.getState().prime(data.entry);
      const { catalogue } = data;
      const programme = catalogue.programmes.some((p) => p.code === get().programme) ? get().programme : (catalogue.programmes[0]?.code ?? '');
      set({ status, lang: status.lang, units: data.units, catalogue, programme, month: data.month, phase: 'ready', failure: null });
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
