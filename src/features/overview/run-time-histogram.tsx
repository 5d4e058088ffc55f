import { formatDuration } from '../../domain/derive/format-time';
import type { HistogramBin } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

export interface RunTimeHistogramProps {
  readonly bins: readonly HistogramBin[];
}

/** Run times in bins of equal width: bars drawn from the counts, each bar's range and count as its text. */
export function RunTimeHistogram({ bins }: RunTimeHistogramProps) {
  const t = useT();
  const max = Math.max(1, ...bins.map((b) => b.count));
  return (
    <figure className="overview-histogram" data-testid="overview-histogram">
      <figcaption>{t('overview.histogram')}</figcaption>
      {bins.length === 0 ? (
        <p className="overview-muted">{t('overview.none')}</p>
      ) : (
        <ul className="histogram-bars">
          {bins.map((b) => {
            const label = t('overview.histogram.bin', {
              from: formatDuration(b.fromMs) ?? '',
              to: formatDuration(b.toMs) ?? '',
              count: b.count,
            });
            return (
              <li key={b.fromMs} className="histogram-bin" title={label}>
                <span className="histogram-bar" style={{ height: `${(b.count / max) * 100}%` }} />
                <span className="visually-hidden">{label}</span>
              </li>
            );
          })}
        </ul>
      )}
      {bins.length > 0 ? (
        <div className="histogram-axis" aria-hidden="true">
          <span>{formatDuration(bins[0]?.fromMs)}</span>
          <span>{formatDuration(bins[bins.length - 1]?.toMs)}</span>
        </div>
      ) : null}
    </figure>
  );
}
