import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { undoRemoval } from '../../store/removal';
import { selectIsParsingText } from '../../store/selectors';
import './loading.css';

// With the tab's storage code (session-persistence, IndexedDB): loaded after the first paint, as main.tsx starts it.
const StorageStatus = lazy(() => import('./storage-status').then((m) => ({ default: m.StorageStatus })));

/** What loading said: refused files, nothing found, parsing under way, and whether a reload will keep the documents. */
export function Notices() {
  const t = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const isParsing = useAppStore(selectIsParsingText);
  return (
    <div className="notices">
      <div role="status" aria-live="polite" className="notices-live">
        {isParsing ? <p className="notice notice-info">{t('load.parsing')}</p> : null}
        {notices.map((n) => (
          <p key={n.id} className={`notice notice-${n.tone}`}>
            <span>{t(n.key, n.params)}</span>
            {n.undoId !== undefined ? (
              <button
                type="button"
                className="link-button notice-undo"
                data-testid="undo"
                onClick={() => undoRemoval(n.undoId ?? -1)}
              >
                {t('undo.action')}
              </button>
            ) : null}
            <button
              type="button"
              className="notice-dismiss"
              aria-label={t('common.close')}
              onClick={() => dismiss(n.id)}
            >
              ×
            </button>
          </p>
        ))}
      </div>
      <Suspense fallback={null}>
        <StorageStatus />
      </Suspense>
    </div>
  );
}
