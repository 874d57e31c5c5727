// Entry point of the renderer bundle.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { registerGridModules } from './grid/modules';
import { i18n } from './i18n';
import { useSession } from './stores/session';
import './styles.css';

registerGridModules();
// The session's first load starts before React's first render: the boot script's answer is
// usually there already, so the first render is the entry screen with its values, not a
// "loading" page and then another render.
void useSession.getState().load();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
