import { formatBytes } from '../../domain/derive/format-time';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { entryKey } from '../../store/documents-slice';
import { removeEntries } from '../../store/removal';
import {
  keepUnkeptForThisPage,
  retryUnkept,
  startKeeping,
  stopKeeping,
  useKeptStorage,
} from '../../store/session-persistence';
import './loading.css';

const size = (bytes: number): string => formatBytes(bytes) ?? `${bytes}`;

/** Kept bytes beyond this with nothing loaded (texts left by an earlier write) are still shown, with Forget. */
const EMPTY_STATE_BYTES = 1024;

/**
 * What the tab keeps for a reload (DESIGN.md "Storage"): the room it takes, with a way to free it (Forget) and to
 * keep again; and, when new callbacks did not fit, a warning that lets the person choose (nothing kept is dropped).
 */
export function StorageStatus() {
  const t = useT();
  const { status, usedBytes, unkept, indexed, restored, unindexed, pending } = useKeptStorage();
  // Something to keep: callbacks or a draft. An empty page's saved state (a few dozen bytes: the selection, the
  // paste count) is not worth a line saying it is kept.
  const hasSomething = useAppStore((s) => s.sources.length > 0 || s.draft.text.trim() !== '');
  return (
    <>
      {unkept ? (
        <div className="notice notice-warning storage-short" role="alert" data-testid="storage-warning">
          <span>{t('storage.short', { size: size(unkept.bytes), free: size(unkept.freeBytes) })}</span>
          <span className="storage-choices">
            <button type="button" className="link-button" onClick={keepUnkeptForThisPage}>
              {t('storage.short.keepHere')}
            </button>
            <button type="button" className="link-button" onClick={() => removeUnkept(unkept.ids)}>
              {t('storage.short.remove')}
            </button>
            <button type="button" className="link-button" onClick={retryUnkept}>
              {t('storage.short.retry')}
            </button>
          </span>
        </div>
      ) : null}
      {status === 'unavailable' || status === 'failed' ? (
        <p className="notice notice-warning" role="alert" data-testid="storage-warning">
          {t(status === 'failed' ? 'storage.failed' : 'load.storage.unavailable')}
        </p>
      ) : null}
      {status === 'ok' && (hasSomething || usedBytes > EMPTY_STATE_BYTES) ? (
        <p
          className="storage-used"
          data-testid="storage-used"
          data-bytes={usedBytes}
          data-indexed={indexed}
          data-restored={restored}
          data-unindexed={unindexed}
          data-pending={pending}
          title={
            pending > 0 ? t('storage.keeping.hint') : indexed > 0 ? t('storage.indexed.hint') : undefined
          }
        >
          {/* Never "Kept" while a reload would lose something loaded: a large file takes a while to write. */}
          <span>
            {pending > 0
              ? t('storage.keeping', { size: size(usedBytes) })
              : t('storage.kept', { size: size(usedBytes) })}
          </span>
          {unindexed > 0 ? (
            <span data-testid="storage-unindexed">{t('storage.unindexed', { count: unindexed })}</span>
          ) : null}
          <button
            type="button"
            className="link-button"
            data-testid="storage-forget"
            title={t('storage.forget.hint')}
            onClick={() => void stopKeeping()}
          >
            {t('storage.forget')}
          </button>
        </p>
      ) : null}
      {status === 'off' ? (
        <p className="storage-used" data-testid="storage-used">
          <span>{t('storage.off')}</span>
          <button type="button" className="link-button" data-testid="storage-keep" onClick={startKeeping}>
            {t('storage.keep')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** "Remove them": the callbacks that did not fit go (undoably, like any removal). */
function removeUnkept(ids: readonly string[]): void {
  const gone = new Set(ids);
  const keys = useAppStore
    .getState()
    .sources.filter((s) => gone.has(s.id))
    .flatMap((s) => s.documents.map((d) => entryKey(s.id, d.index)));
  keepUnkeptForThisPage();
  removeEntries(keys);
}
