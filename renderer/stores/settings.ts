// Settings of the installation (user, director, report header) and its backups.
import { create } from 'zustand';
import type { BackupInfo } from '../../core/api';
import type { SettingKey, Settings } from '../../core/settings';
import { invoke, messageOf } from '../api';
import { i18n } from '../i18n';
import { onDatabaseChange } from './database';

export interface SettingsState {
  values: Settings;
  backups: BackupInfo[];
  busy: boolean;
  message: { kind: 'error' | 'info'; text: string } | null;
}

export const initialSettings: SettingsState = { values: {}, backups: [], busy: false, message: null };

interface SettingsActions {
  load: () => Promise<void>;
  save: (key: SettingKey, value: unknown) => Promise<void>;
  /** Runs a backup action and reports what happened in the user's language. */
  backup: (action: () => Promise<string | null>) => Promise<void>;
}

export const useSettings = create<SettingsState & SettingsActions>()((set, get) => ({
  ...initialSettings,

  async load() {
    try {
      const [values, backups] = await Promise.all([invoke('settings.get', {}), invoke('backup.list', {})]);
      set({ values, backups });
    } catch (e) {
      set({ message: { kind: 'error', text: messageOf(e) } });
    }
  },

  async save(key, value) {
    if (JSON.stringify(get().values[key]) === JSON.stringify(value)) return;
    try {
      await invoke('settings.set', { key, value });
      set((s) => ({ values: { ...s.values, [key]: value }, message: { kind: 'info', text: i18n.t('ui.settings.saved') } }));
    } catch (e) {
      set({ message: { kind: 'error', text: messageOf(e) } });
    }
  },

  async backup(action) {
    set({ busy: true, message: null });
    try {
      const text = await action();
      const backups = await invoke('backup.list', {});
      set({ busy: false, backups, message: text ? { kind: 'info', text } : null });
    } catch (e) {
      set({ busy: false, message: { kind: 'error', text: messageOf(e) } });
    }
  },

}));

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useSettings.setState(initialSettings));
