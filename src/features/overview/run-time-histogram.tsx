import { formatDuration } from '../../domain/derive/format-time';
import type { HistogramBin } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

export interface RunTimeHistogramProps {
  readonly bins: readonly HistogramBin[];
}

/** A round top for the y-axis: 1, 2 or 5 times a power of ten, at least the largest count. */
export function axisTop(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * Run times of distinct jobs in bins of one round width (1 s, 5 s, 1 min, …): a y-axis of job counts, the bin edges
 * under the bars, each bar's range and count as its text.
 */
export function RunTimeHistogram({ bins }: RunTimeHistogramProps) {
  const t = useT();
  const top = axisTop(Math.max(0, ...bins.map((b) => b.count)));
  const every = Math.max(1, Math.ceil(bins.length / 5));
  return (
    <figure className="overview-histogram" data-testid="overview-histogram">
      <figcaption>{t('overview.histogram')}</figcaption>
      {bins.length === 0 ? (
        <p className="overview-muted">{t('overview.none')}</p>
      ) : (
        <div className="histogram-plot">
          <div className="histogram-y" aria-hidden="true">
            <span>{top}</span>
            <span>{top / 2}</span>
            <span>0</span>
          </div>
          <ul className="histogram-bars" data-axis-top={top}>
            {bins.map((b) => {
              const label = t('overview.histogram.bin', {
                from: formatDuration(b.fromMs) ?? '',
                to: formatDuration(b.toMs) ?? '',
                count: b.count,
              });
              return (
                <li key={b.fromMs} className="histogram-bin" title={label} data-from-ms={b.fromMs}>
                  <span className="histogram-bar" style={{ height: `${(b.count / top) * 100}%` }} />
                  <span className="visually-hidden">{label}</span>
                </li>
              );
            })}
          </ul>
          <span aria-hidden="true" />
          <div className="histogram-axis" aria-hidden="true">
            {bins.map((b, i) => (
              <span key={b.fromMs}>{i % every === 0 ? formatDuration(b.fromMs) : ''}</span>
            ))}
          </div>
          <span aria-hidden="true" />
          <p className="overview-muted histogram-units">
            {t('overview.histogram.axes', { width: formatDuration(bins[0]?.toMs) ?? '' })}
          </p>
        </div>
      )}
    </figure>
  );
}
