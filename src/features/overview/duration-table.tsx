import { formatDuration } from '../../domain/derive/format-time';
import type { Percentiles } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

export interface DurationTableProps {
  readonly queueWait: Percentiles;
  readonly runTime: Percentiles;
}

/** Queue wait and run time: p50, p95 and max over every job with both times. */
export function DurationTable({ queueWait, runTime }: DurationTableProps) {
  const t = useT();
  const none = t('common.none');
  const row = (label: string, p: Percentiles, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{p.count}</td>
      <td data-stat="p50">{formatDuration(p.p50) ?? none}</td>
      <td data-stat="p95">{formatDuration(p.p95) ?? none}</td>
      <td data-stat="max">{formatDuration(p.max) ?? none}</td>
    </tr>
  );
  return (
    <div className="overview-card">
      <table className="overview-table overview-durations">
        <caption>{t('overview.durations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.measure')}</th>
            <th scope="col">{t('overview.count')}</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">max</th>
          </tr>
        </thead>
        <tbody>
          {row(t('overview.queueWait'), queueWait, 'overview-queue-wait')}
          {row(t('overview.runTime'), runTime, 'overview-run-time')}
        </tbody>
      </table>
    </div>
  );
}
