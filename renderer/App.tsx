// The window: a header with the unit and the tabs, and the current screen below.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryScreen } from './screens/EntryScreen';
import { FiguresScreen } from './screens/FiguresScreen';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { NarrativeScreen } from './screens/NarrativeScreen';
import { ReceiveScreen } from './screens/ReceiveScreen';
import { ReportScreen } from './screens/ReportScreen';
import { SendScreen } from './screens/SendScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { UnitsScreen } from './screens/UnitsScreen';
import { usePick } from './stores/pick';
import { homeUnit, TABS, useSession, type Tab } from './stores/session';

const SCREENS: Record<Tab, () => React.JSX.Element | null> = {
  entry: EntryScreen,
  figures: FiguresScreen,
  report: ReportScreen,
  narrative: NarrativeScreen,
  send: SendScreen,
  receive: ReceiveScreen,
  units: UnitsScreen,
  settings: SettingsScreen,
};

export function App() {
  const { t } = useTranslation();
  const { phase, tab, status, units, failure, generation, load, setTab } = usePick(useSession, 'phase', 'tab', 'status', 'units', 'failure', 'generation', 'load', 'setTab');
  // A unit with nobody above it in this database (a province) sends no bundle.
  const home = homeUnit({ status, units });
  const tabs = TABS.filter((k) => k !== 'send' || home?.parent);

  useEffect(() => {
    void load();
  }, [load]);

  if (phase === 'loading') return <main className="loading" aria-busy="true" />;
  if (phase === 'failed') {
    return (
      <main className="first-run">
        <h1>{t('ui.app.title')}</h1>
        <div className="message message-error" role="alert">
          {failure}
        </div>
      </main>
    );
  }
  if (phase === 'first-run') return <FirstRunScreen />;
  const Screen = SCREENS[tabs.includes(tab) ? tab : 'entry'];
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <strong>{t('ui.app.title')}</strong>
          <span className="unit-name">{status?.unitName}</span>
        </div>
        <nav role="tablist" aria-label={t('ui.app.navigation')}>
          {tabs.map((k) => (
            <button key={k} role="tab" type="button" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
              {t(`ui.tabs.${k}`)}
            </button>
          ))}
        </nav>
      </header>
      {/* Keyed by the database: after a restore every screen mounts again and reads the new one. */}
      <Screen key={generation} />
    </div>
  );
}
