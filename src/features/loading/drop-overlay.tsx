import { useT } from '../../i18n/use-i18n';
import { useFileDrop } from './use-file-drop';
import './loading.css';

/** Listens for files dropped on the page and, while something is dragged over it, says where it will go. */
export function DropOverlay() {
  const t = useT();
  const isDragging = useFileDrop();
  if (!isDragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">{t('load.dropActive')}</div>
    </div>
  );
}
