import { useT } from '../../i18n/use-i18n';
import { ClearAllButton } from './clear-all-button';
import { DraftInput } from './draft-input';
import { FilePicker } from './file-picker';
import { LoadProgress } from './load-progress';
import { Notices } from './notices';
import { SamplesMenu } from './samples-menu';
import './loading.css';

/** Every way in: the draft, files, samples; paste and drop work anywhere on the page (`usePagePaste`, `DropOverlay`). */
export function LoadControls() {
  const t = useT();
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
      <LoadProgress />
      <p className="load-hint">{t('load.paste')}</p>
      <Notices />
    </section>
  );
}
