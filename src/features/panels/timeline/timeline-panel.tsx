import { useMemo } from 'react';
import { formatDuration } from '../../../domain/derive/format-time';
import { buildTimeline, type TimelineAnomaly } from '../../../domain/derive/timeline';
import type { Job } from '../../../domain/model';
import type { MessageKey } from '../../../i18n/i18n';
import { useT } from '../../../i18n/use-i18n';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { SourceTime } from './source-time';
import { TimelineBar } from './timeline-bar';

export interface TimelinePanelProps {
  readonly job: Job;
  /** Wire path of the job, e.g. `JobsDetail[0]`. */
  readonly jobPath: string;
}

const ANOMALY_KEYS: Readonly<Record<TimelineAnomaly, MessageKey>> = {
  'start-before-creation': 'ui.timeline.startBeforeCreation',
  'end-before-start': 'timeline.endBeforeStart',
  'end-before-creation': 'ui.timeline.endBeforeCreation',
};

/** Queue wait and run time of one job, drawn to scale, with each time in the source offset and in local time. */
export function TimelinePanel({ job, jobPath }: TimelinePanelProps) {
  const t = useT();
  const timeline = useMemo(() => buildTimeline(job), [job]);
  const queue = formatDuration(timeline.queueWaitMs);
  const run = formatDuration(timeline.runTimeMs);
  const total = formatDuration(timeline.totalMs);
  const endMissing = t(timeline.endGap === 'not-given' ? 'timeline.endNotGiven' : 'timeline.notFinished');
  const startMissing = t(
    timeline.startGap === 'not-given' ? 'timeline.startNotGiven' : 'timeline.notStarted',
  );
  const emptyText = timeline.notStarted
    ? t('timeline.notStarted')
    : timeline.notFinished
      ? t('timeline.notFinished')
      : timeline.endGap === 'not-given'
        ? t('timeline.endNotGiven')
        : t('timeline.noTime');

  return (
    <PanelFrame name="timeline" title={t('panel.timeline.title')}>
      <TimelineBar
        segments={timeline.segments}
        labels={{ queue: t('timeline.queueWait'), run: t('timeline.runTime'), total: t('timeline.total') }}
        durations={{ ...(queue ? { queue } : {}), ...(run ? { run } : {}), ...(total ? { total } : {}) }}
        emptyText={emptyText}
      />
      <KeyValueList
        className="pn-times"
        items={[
          {
            id: 'created',
            label: <FieldLabel name="CreationTime" path={`${jobPath}.CreationTime`} />,
            value: <SourceTime value={timeline.created} missing={t('timeline.noTime')} />,
          },
          {
            id: 'started',
            label: <FieldLabel name="StartTime" path={`${jobPath}.StartTime`} />,
            value: <SourceTime value={timeline.started} missing={startMissing} />,
          },
          {
            id: 'ended',
            label: <FieldLabel name="EndTime" path={`${jobPath}.EndTime`} />,
            value: <SourceTime value={timeline.ended} missing={endMissing} />,
          },
        ]}
      />
      <dl className="pn-durations">
        <div>
          <dt>{t('timeline.queueWait')}</dt>
          <dd className="ui-num">{queue ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('timeline.runTime')}</dt>
          <dd className="ui-num">{run ?? (timeline.notFinished ? t('timeline.notFinished') : '—')}</dd>
        </div>
        <div>
          <dt>{t('timeline.total')}</dt>
          <dd className="ui-num">{total ?? '—'}</dd>
        </div>
      </dl>
      {timeline.anomalies.length > 0 ? (
        <ul className="pn-warnings">
          {timeline.anomalies.map((a) => (
            <li key={a}>
              <span aria-hidden="true">⚠ </span>
              {t(ANOMALY_KEYS[a])}
            </li>
          ))}
        </ul>
      ) : null}
    </PanelFrame>
  );
}
