import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyTheme, resolveTheme } from './features/settings/apply-theme';
import { watchShareLinks } from './features/share/watch-share-links';
import { I18nProvider } from './i18n/use-i18n';
import { useAppStore } from './store/app-store';
import { startSessionPersistence } from './store/session-persistence';
import { warmUpParser } from './worker/parse-client';

// The theme before the first paint (preferences are read synchronously from localStorage), so no flash.
applyTheme(resolveTheme(useAppStore.getState().theme));
warmUpParser();
void startSessionPersistence();
watchShareLinks();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
