import { useMemo, type ReactNode } from 'react';
import { formatDuration } from '../../../domain/derive/format-time';
import { buildTaskTimeline } from '../../../domain/derive/timeline';
import type { WorkflowExecution } from '../../../domain/model';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { StateBadge } from '../../../components/ui/state-badge';
import { SourceTime } from '../timeline/source-time';
import { TaskResultInfo } from './task-result-info';

export interface TasksPanelProps {
  readonly execution: WorkflowExecution;
}

/** The tasks of a workflow run, one row each, with their times drawn as bars on the run's scale. */
export function TasksPanel({ execution }: TasksPanelProps) {
  const t = useT();
  const timeline = useMemo(() => buildTaskTimeline(execution), [execution]);
  const total = formatDuration(timeline.totalMs);

  return (
    <PanelFrame name="tasks" title={t('panel.tasks.title')}>
      {timeline.spanStartMs !== undefined ? (
        <p className="pn-note pn-task-span">
          <SourceTime
            value={{
              epochMs: timeline.spanStartMs,
              status: 'ok',
              ...(timeline.created.offsetMinutes === undefined
                ? {}
                : { offsetMinutes: timeline.created.offsetMinutes }),
            }}
            compact
          />
          {total ? (
            <span>
              {' '}
              · {t('timeline.total')} <strong className="ui-num">{total}</strong>
            </span>
          ) : null}
        </p>
      ) : null}
      <ol className="pn-tasks">
        {execution.tasks.map((task, i) => {
          const bar = timeline.tasks[i];
          const path = `WorkflowExecution.Tasks[${i}]`;
          const duration = formatDuration(bar?.durationMs);
          const items: KeyValueItem[] = [];
          const id = (name: string, value: string | undefined, copy: boolean) => {
            if (value === undefined) return;
            const node: ReactNode = (
              <>
                <span className="ui-mono ui-break">{value}</span>
                {copy ? <CopyButton text={value} label={name} /> : null}
              </>
            );
            items.push({
              id: name,
              label: <FieldLabel name={name} path={`${path}.${name}`} parent="Tasks" />,
              value: node,
            });
          };
          id('JobId', task.jobId, true);
          id('TemplateId', task.templateId, true);
          id('TemplateName', task.templateName, false);
          id('TranscodeTemplateId', task.transcodeTemplateId, true);
          id('TranscodeTemplateName', task.transcodeTemplateName, false);
          id('HdrMode', task.hdrMode, false);
          items.push(
            {
              id: 'create',
              label: <FieldLabel name="CreateTime" path={`${path}.CreateTime`} />,
              value: <SourceTime value={bar?.created} compact />,
            },
            ...(task.startTime !== undefined
              ? [
                  {
                    id: 'start',
                    label: <FieldLabel name="StartTime" path={`${path}.StartTime`} />,
                    value: <SourceTime value={bar?.start} compact />,
                  },
                ]
              : []),
            {
              id: 'end',
              label: <FieldLabel name="EndTime" path={`${path}.EndTime`} />,
              value: (
                <SourceTime
                  value={bar?.end}
                  missing={t(bar?.endGap === 'not-given' ? 'timeline.endNotGiven' : 'timeline.notFinished')}
                  compact
                />
              ),
            },
          );
          const isFailed = task.state === 'Failed';
          return (
            <li key={i} className={isFailed ? 'pn-task pn-task-failed' : 'pn-task'} data-task-index={i}>
              <div className="pn-task-head">
                <span className="ui-muted ui-num">{i + 1}</span>
                <strong className="ui-mono">{task.type ?? '—'}</strong>
                {task.name !== undefined ? (
                  <span className="ui-mono ui-muted ui-break">{task.name}</span>
                ) : null}
                <StateBadge state={task.state} />
                <span className="pn-task-duration ui-num">
                  {duration ?? (bar?.notFinished ? t('timeline.notFinished') : '—')}
                </span>
              </div>
              <div className="pn-task-track" aria-hidden="true">
                {bar?.bar ? (
                  <span
                    className={`pn-task-bar${isFailed ? ' pn-task-bar-failed' : ''}${bar.notFinished ? ' pn-task-bar-open' : ''}`}
                    style={{
                      left: `min(${(bar.bar.start * 100).toFixed(3)}%, 100% - 3px)`,
                      width: `${(bar.bar.width * 100).toFixed(3)}%`,
                    }}
                  />
                ) : null}
              </div>
              <KeyValueList items={items} className="pn-task-fields" />
              {task.resultInfo ? <TaskResultInfo info={task.resultInfo} path={`${path}.ResultInfo`} /> : null}
            </li>
          );
        })}
      </ol>
    </PanelFrame>
  );
}
