import { useCallback } from 'react';
import { DocumentList } from '../features/document-list/document-list';
import { DropOverlay } from '../features/loading/drop-overlay';
import { LoadControls } from '../features/loading/load-controls';
import { SampleButton } from '../features/loading/sample-button';
import { sampleLabelById } from '../features/loading/samples';
import { usePagePaste } from '../features/loading/use-page-paste';
import { useTheme } from '../features/settings/use-theme';
import { useT } from '../i18n/use-i18n';
import { AppHeader } from './app-header';
import { MainViews } from './main-views';
import './theme.css';
import './app.css';

/** The shell: header, the loading controls and the list on the left, the selected document's panels on the right. */
export function App() {
  const t = useT();
  useTheme();
  usePagePaste();
  const sampleLabel = useCallback((id: string) => sampleLabelById(id, t), [t]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" className="workspace" tabIndex={-1}>
        <div className="workspace-side">
          <LoadControls />
          <DocumentList sampleLabel={sampleLabel} emptyAction={<SampleButton />} />
        </div>
        <div className="workspace-main">
          <MainViews sampleLabel={sampleLabel} />
        </div>
      </main>
      <DropOverlay />
    </div>
  );
}
