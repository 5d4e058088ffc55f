import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadComparePanel } from './app/document-detail';
import { applyTheme, resolveTheme } from './features/settings/apply-theme';
import { preloadPanels } from './features/panels/document-panels';
import { watchShareLinks } from './features/share/watch-share-links';
import { warmUpIntl } from './i18n/i18n';
import { I18nProvider, initialLang, loadMessages } from './i18n/use-i18n';
import { useAppStore } from './store/app-store';
import { indexingKnown, indexingStarting } from './store/source-indexing';
import { preloadModelReader, warmUpParser } from './worker/parse-client';

// The theme before the first paint (preferences are read synchronously from localStorage), so no flash.
applyTheme(resolveTheme(useAppStore.getState().theme));
warmUpParser();
// The tab's storage (restore, then keep) is a chunk of its own, started at once: not part of the first paint.
indexingStarting();
void import('./store/session-persistence')
  .then((m) => m.startSessionPersistence())
  .catch(() => undefined)
  .finally(indexingKnown);
watchShareLinks();
// The overview's tallies are built in idle time once a load settles, so it opens quickly on a large set (a chunk
// of its own, with the overview's builder).
void import('./store/overview-prebuild').then((m) => m.startOverviewPrebuild());
// Done while the page is idle, not when the first document is shown (in a large load, on a busy machine): the
// panels', the compare panel's and the model reader's code (and styles) loaded.
const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 500));
whenIdle(preloadPanels);
whenIdle(preloadComparePanel);
whenIdle(preloadModelReader);
whenIdle(() => warmUpIntl(initialLang()));

const root = document.getElementById('root');
// The page's language is loaded before the first render (a failed load renders English).
if (root)
  void loadMessages(initialLang())
    .catch(() => undefined)
    .then(() => render(root));

function render(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
