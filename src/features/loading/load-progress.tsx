import { formatBytes } from '../../domain/derive/format-time';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import type { AppData } from '../../store/app-store';
import { cancelLoading, isStreamingSource } from '../../store/stream-source';
import './loading.css';

function streaming(s: Pick<AppData, 'sources'>) {
  return s.sources.filter(isStreamingSource);
}

/** Bytes read of the files read in chunks (their number of callbacks is known only at the end). */
function bytesOf(s: Pick<AppData, 'sources'>, which: 'read' | 'total'): number {
  return streaming(s).reduce((n, x) => n + (x.progress?.bytes?.[which] ?? 0), 0);
}

/** How far a large text's batched parse has come, and a way to stop it (what is read so far stays). */
export function LoadProgress() {
  const t = useT();
  const isActive = useAppStore((s) => streaming(s).length > 0);
  const parsed = useAppStore((s) => streaming(s).reduce((n, x) => n + (x.progress?.parsed ?? 0), 0));
  const total = useAppStore((s) => streaming(s).reduce((n, x) => n + (x.progress?.total ?? 0), 0));
  const bytesRead = useAppStore((s) => bytesOf(s, 'read'));
  const bytesTotal = useAppStore((s) => bytesOf(s, 'total'));
  // A reload listing files from their stored indexes (no parsing): said so, with the count so far.
  const isRestoring = useAppStore((s) => {
    const active = streaming(s);
    return active.length > 0 && active.every((x) => x.progress?.restored === true);
  });
  if (!isActive) return null;
  const byBytes = bytesTotal > 0;
  const percent = byBytes
    ? Math.round((bytesRead / bytesTotal) * 100)
    : total > 0
      ? Math.round((parsed / total) * 100)
      : 0;
  const text = isRestoring
    ? t('load.progress.restoring', { count: parsed })
    : byBytes
      ? t('load.progress.bytes', {
          count: parsed,
          read: formatBytes(bytesRead) ?? String(bytesRead),
          size: formatBytes(bytesTotal) ?? String(bytesTotal),
        })
      : t('load.progress.text', { parsed, total });
  return (
    <div className="load-progress">
      <div
        className="load-progress-bar"
        role="progressbar"
        data-testid="load-progress"
        data-restoring={isRestoring ? 'true' : undefined}
        aria-label={t('load.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="load-progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      <div className="load-progress-row">
        <span className="load-progress-text">{text}</span>
        <button
          type="button"
          className="button button-small"
          data-testid="cancel-load"
          title={t('load.cancel.hint')}
          onClick={cancelLoading}
        >
          {t('load.cancel')}
        </button>
      </div>
      <p className="load-progress-hint">{t('load.cancel.hint')}</p>
    </div>
  );
}
