import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadComparePanel } from './app/document-detail';
import { applyTheme, resolveTheme } from './features/settings/apply-theme';
import { preloadPanels } from './features/panels/document-panels';
import { watchShareLinks } from './features/share/watch-share-links';
import { I18nProvider } from './i18n/use-i18n';
import { useAppStore } from './store/app-store';
import { startSessionPersistence } from './store/session-persistence';
import { preloadModelReader, warmUpParser } from './worker/parse-client';

// The theme before the first paint (preferences are read synchronously from localStorage), so no flash.
applyTheme(resolveTheme(useAppStore.getState().theme));
warmUpParser();
void startSessionPersistence();
watchShareLinks();
// Done while the page is idle, not when the first document is shown (in a large load, on a busy machine): the
// panels', the compare panel's and the model reader's code (and styles) loaded.
const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 500));
whenIdle(preloadPanels);
whenIdle(preloadComparePanel);
whenIdle(preloadModelReader);

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
