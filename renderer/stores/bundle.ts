// The sync bundle on screen: sending the month up ("Gửi báo cáo tháng") and receiving bundles
// from below ("Nhận báo cáo"). Files chosen in the dialog and files dropped on the window take
// the same road: the page holds their bytes, checks them with a dry run, and imports the ones the
// user accepts with `bundle.import`. Key trust is the user's decision, file by file.
import { create } from 'zustand';
import type { BundleExportPlan, BundleLogEntry, BundleSentEntry, ChosenFile, ImportFileSummary, SavedBundle } from '../../core/api';
import { MAX_BUNDLE_BYTES } from '../../core/bundle-limits';
import { invoke, messageOf } from '../api';
import { onDatabaseChange } from './database';
import type { ScreenMessage } from '../components/MessageBox';

/** One file on the receive screen: its bytes, what the dry run said, and the user's trust. */
export interface ReceivedFile {
  id: number;
  file: ChosenFile;
  check: ImportFileSummary | null;
  /** The user confirmed this file's key fingerprint (read out on the phone). */
  trusted: boolean;
  /** What applying it said. */
  result: ImportFileSummary | null;
}

export interface BundleState {
  plan: BundleExportPlan | null;
  planError: string | null;
  sent: BundleSentEntry[];
  saved: SavedBundle | null;
  files: ReceivedFile[];
  log: BundleLogEntry[];
  busy: boolean;
  message: ScreenMessage | null;
}

export const initialBundle: BundleState = { plan: null, planError: null, sent: [], saved: null, files: [], log: [], busy: false, message: null };

interface BundleActions {
  /** What sending the month would make: the name, revision and warnings. */
  loadPlan: (unit: string, from: string, to: string) => Promise<void>;
  loadSent: () => Promise<void>;
  /** Asks where, then writes the bundle; null when the user cancelled. */
  send: (unit: string, from: string, to: string) => Promise<void>;
  loadLog: () => Promise<void>;
  /** Files chosen in the dialog. */
  choose: () => Promise<void>;
  /** Files dropped on the screen (their bytes read by the page). */
  drop: (files: readonly File[]) => Promise<void>;
  /** The user confirmed the key of the file: check it again, trusting that key. */
  trust: (id: number) => Promise<void>;
  remove: (id: number) => void;
  /** Imports every file whose dry run would import, one transaction each. */
  apply: () => Promise<void>;
  clearMessage: () => void;
}

let nextId = 1;

async function checkOne(f: ReceivedFile): Promise<ImportFileSummary> {
  const r = await invoke('bundle.import', { files: [f.file], dryRun: true, trust: f.trusted });
  return r.files[0]!;
}

/** Reads a dropped file as the host reads a chosen one: at most the limit plus one byte. */
async function readDropped(file: File): Promise<ChosenFile> {
  const bytes = file.size > MAX_BUNDLE_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  return { name: file.name, bytes, size: file.size };
}

/** Files that a trust confirmation could let in: refused for their key only. */
export const needsTrust = (s: ImportFileSummary | null): boolean =>
  s?.status === 'refused' && (s.reason === 'bundle.refused.untrusted' || s.reason === 'bundle.refused.keyChanged');

export const useBundle = create<BundleState & BundleActions>()((set, get) => {
  const add = async (chosen: readonly ChosenFile[]) => {
    const files = chosen.map((file): ReceivedFile => ({ id: nextId++, file, check: null, trusted: false, result: null }));
    set((s) => ({ files: [...s.files.filter((f) => f.result === null), ...files], busy: true, message: null }));
    try {
      for (const f of files) {
        const check = await checkOne(f);
        set((s) => ({ files: s.files.map((x) => (x.id === f.id ? { ...x, check } : x)) }));
      }
    } catch (e) {
      // The files that could not be checked leave the list; the message says why.
      const ids = new Set(files.map((f) => f.id));
      set((s) => ({ files: s.files.filter((f) => !ids.has(f.id) || f.check !== null), message: { kind: 'error', text: messageOf(e) } }));
    } finally {
      set({ busy: false });
    }
  };

  return {
    ...initialBundle,

    async loadPlan(unit, from, to) {
      set({ plan: null, planError: null });
      try {
        set({ plan: await invoke('bundle.plan', { unit, from, ...(to !== from ? { to } : {}) }) });
      } catch (e) {
        set({ planError: messageOf(e) });
      }
    },

    async loadSent() {
      try {
        set({ sent: await invoke('bundle.sent', {}) });
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      }
    },

    async send(unit, from, to) {
      set({ busy: true, message: null, saved: null });
      try {
        const saved = await invoke('bundle.saveAs', { unit, from, ...(to !== from ? { to } : {}) });
        set({ saved });
        if (saved) await Promise.all([get().loadSent(), get().loadPlan(unit, from, to)]);
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      } finally {
        set({ busy: false });
      }
    },

    async loadLog() {
      try {
        set({ log: await invoke('bundle.log', {}) });
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      }
    },

    async choose() {
      try {
        const r = await invoke('bundle.openFiles', {});
        if (r) await add(r.files);
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      }
    },

    async drop(dropped) {
      try {
        await add(await Promise.all(dropped.slice(0, 500).map(readDropped)));
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      }
    },

    async trust(id) {
      const f = get().files.find((x) => x.id === id);
      if (!f) return;
      const trusted = { ...f, trusted: true };
      set({ busy: true });
      try {
        const check = await checkOne(trusted);
        set((s) => ({ files: s.files.map((x) => (x.id === id ? { ...trusted, check } : x)) }));
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      } finally {
        set({ busy: false });
      }
    },

    remove(id) {
      set((s) => ({ files: s.files.filter((f) => f.id !== id) }));
    },

    async apply() {
      const ready = get().files.filter((f) => f.result === null && f.check?.status === 'dryRun');
      if (ready.length === 0) return;
      set({ busy: true, message: null });
      try {
        for (const f of ready) {
          const r = await invoke('bundle.import', { files: [f.file], trust: f.trusted });
          const result = r.files[0]!;
          set((s) => ({ files: s.files.map((x) => (x.id === f.id ? { ...x, result } : x)) }));
        }
        await get().loadLog();
      } catch (e) {
        set({ message: { kind: 'error', text: messageOf(e) } });
      } finally {
        set({ busy: false });
      }
    },

    clearMessage() {
      set({ message: null });
    },
  };
});

onDatabaseChange(() => useBundle.setState(initialBundle));
