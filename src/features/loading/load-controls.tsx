import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { isStreamingSource } from '../../store/stream-source';
import { ClearAllButton } from './clear-all-button';
import { DraftInput } from './draft-input';
import { FilePicker } from './file-picker';
import { Notices } from './notices';
import { SamplesMenu } from './samples-menu';
import './loading.css';

// Shown only while a large text loads: kept out of the initial bundle.
const LoadProgress = lazy(() => import('./load-progress').then((m) => ({ default: m.LoadProgress })));

/** Every way in: the draft, files, samples; paste and drop work anywhere on the page (`usePagePaste`, `DropOverlay`). */
export function LoadControls() {
  const t = useT();
  const isStreaming = useAppStore((s) => s.sources.some(isStreamingSource));
  return (
    <section className="load-controls" aria-labelledby="load-title">
      <h2 id="load-title" className="visually-hidden">
        {t('load.title')}
      </h2>
      <DraftInput />
      <div className="load-actions">
        <FilePicker />
        <SamplesMenu />
        <ClearAllButton />
      </div>
      {isStreaming ? (
        <Suspense fallback={null}>
          <LoadProgress />
        </Suspense>
      ) : null}
      <p className="load-hint">{t('load.paste')}</p>
      <Notices />
    </section>
  );
}
