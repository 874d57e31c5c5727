// The window: a header with the unit and the tabs, and the current screen below.
import { useTranslation } from 'react-i18next';
import { EntryScreen } from './screens/EntryScreen';
import { FiguresScreen } from './screens/FiguresScreen';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { IndicatorsScreen } from './screens/IndicatorsScreen';
import { NarrativeScreen } from './screens/NarrativeScreen';
import { PlansScreen } from './screens/PlansScreen';
import { ReceiveScreen } from './screens/ReceiveScreen';
import { ReportScreen } from './screens/ReportScreen';
import { SendScreen } from './screens/SendScreen';
import { StatusScreen } from './screens/StatusScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { UnitsScreen } from './screens/UnitsScreen';
import { usePick } from './stores/pick';
import { homeUnit, TABS, useSession, type Tab } from './stores/session';

const SCREENS: Record<Tab, () => React.JSX.Element | null> = {
  entry: EntryScreen,
  figures: FiguresScreen,
  plans: PlansScreen,
  report: ReportScreen,
  narrative: NarrativeScreen,
  send: SendScreen,
  receive: ReceiveScreen,
  status: StatusScreen,
  indicators: IndicatorsScreen,
  units: UnitsScreen,
  settings: SettingsScreen,
};

export function App() {
  const { t } = useTranslation();
  const { phase, tab, status, units, failure, generation, setTab } = usePick(useSession, 'phase', 'tab', 'status', 'units', 'failure', 'generation', 'setTab');
  // A unit with nobody above it in this database (a province) sends no bundle.
  const home = homeUnit({ status, units });
  // Who reported: for an office that receives (a province, or a district whose communes send).
  const receives = home?.level === 'province' || units.some((u) => u.receivedFrom);
  // The plan's indicators: per child unit, so for a unit that has some.
  const hasChildren = !!home && units.some((u) => u.parent === home.code);
  const tabs = TABS.filter((k) => (k !== 'send' || home?.parent) && (k !== 'status' || receives) && (k !== 'indicators' || hasChildren));

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
  const shown: Tab = tabs.includes(tab) ? tab : 'entry';
  const Screen = SCREENS[shown];
  // The tabs as ARIA's tabs pattern: ← → (and Home, End) move to the next tab and open it.
  const onTabKey = (ev: React.KeyboardEvent<HTMLElement>) => {
    const i = tabs.indexOf(shown);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
    if (next === undefined) return;
    ev.preventDefault();
    const k = tabs[(next + tabs.length) % tabs.length]!;
    setTab(k);
    document.getElementById(`tab-${k}`)?.focus();
  };
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <strong>{t('ui.app.title')}</strong>
          <span className="unit-name">{status?.unitName}</span>
        </div>
        <nav role="tablist" aria-label={t('ui.app.navigation')} onKeyDown={onTabKey}>
          {tabs.map((k) => (
            <button
              key={k}
              id={`tab-${k}`}
              role="tab"
              type="button"
              aria-selected={shown === k}
              aria-controls="tab-panel"
              tabIndex={shown === k ? 0 : -1}
              className={shown === k ? 'active' : ''}
              onClick={() => setTab(k)}
            >
              {t(`ui.tabs.${k}`)}
            </button>
          ))}
        </nav>
      </header>
      {/* Keyed by the database: after a restore every screen mounts again and reads the new one. */}
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${shown}`} className="tab-panel">
        <Screen key={generation} />
      </div>
    </div>
  );
}
