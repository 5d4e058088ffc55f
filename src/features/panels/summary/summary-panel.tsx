import { useMemo, type ReactNode } from 'react';
import { moderationView } from '../../../domain/derive/moderation';
import { buildSummary } from '../../../domain/derive/summary';
import type { CallbackDocument } from '../../../domain/model';
import { stateGlossKey } from '../../../i18n/i18n';
import { useT } from '../../../i18n/use-i18n';
import { CopyButton } from '../../../components/ui/copy-button';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { StateBadge } from '../../../components/ui/state-badge';
import { SourceTime } from '../timeline/source-time';
import { ProblemAlert } from './problem-alert';

export interface SummaryPanelProps {
  readonly doc: CallbackDocument;
  readonly jobIndex: number;
}

const KNOWN_EVENTS = new Set(['TaskFinish', 'WorkflowFinish']);

/** What happened, at a glance: event, State, ids, and the job's Code/Message when it did not succeed. */
export function SummaryPanel({ doc, jobIndex }: SummaryPanelProps) {
  const t = useT();
  const summary = useMemo(() => buildSummary(doc, jobIndex), [doc, jobIndex]);
  const jobPath = `JobsDetail[${summary.job?.index ?? jobIndex}]`;
  const items: KeyValueItem[] = [];
  const add = (id: string, label: ReactNode, value: ReactNode, mono = false) =>
    items.push({ id, label, value, mono });
  const field = (name: string, path?: string, parent?: string) => (
    <FieldLabel
      name={name}
      {...(path === undefined ? {} : { path })}
      {...(parent === undefined ? {} : { parent })}
    />
  );
  const idValue = (value: string, name: string) => (
    <>
      <span className="ui-mono ui-break">{value}</span>
      <CopyButton text={value} label={name} />
    </>
  );
  const inner = summary.innerProblem;
  const stateValue = (state: string | undefined) => (
    <>
      <StateBadge state={state} />
      {state === undefined ? null : <span className="ui-muted">{t(stateGlossKey(state))}</span>}
      {inner === undefined ? null : (
        <strong className="pn-bad pn-inner-problem" data-problem={inner}>
          {t('problem.successBut', { problem: t(`problem.short.${inner}`) })}
        </strong>
      )}
    </>
  );

  if (summary.kind !== 'invalid' && summary.kind !== 'unrecognised') {
    const event = summary.eventName;
    add(
      'event',
      field('EventName', 'EventName'),
      event === undefined ? (
        <span className="ui-muted">{t('event.none')}</span>
      ) : (
        <>
          <span className="ui-mono">{event}</span>
          {KNOWN_EVENTS.has(event) ? (
            <span className="ui-muted">
              {t(event === 'TaskFinish' ? 'event.TaskFinish' : 'event.WorkflowFinish')}
            </span>
          ) : null}
        </>
      ),
    );
  }

  let problems = summary.problems;
  const job = summary.job;
  const model = doc.model;
  if (summary.kind === 'jobs' && job) {
    const modelJob = model?.kind === 'jobs' ? model.jobs[job.index] : undefined;
    const op = modelJob?.operation;
    problems = summary.problems.filter((p) => p.jobIndex === job.index);
    add('state', field('State', `${jobPath}.State`), stateValue(job.state));
    if (job.tag !== undefined || job.subTag !== undefined) {
      add(
        'tag',
        field('Tag', `${jobPath}.Tag`),
        <>
          <span className="ui-mono">{job.tag ?? t('common.none')}</span>
          {job.subTag === undefined ? null : (
            <span className="pn-subtag">
              {field('SubTag', `${jobPath}.SubTag`)} <span className="ui-mono">{job.subTag}</span>
            </span>
          )}
        </>,
      );
    }
    if (job.jobId !== undefined)
      add('jobId', field('JobId', `${jobPath}.JobId`), idValue(job.jobId, 'JobId'));
    if (modelJob?.name !== undefined)
      add('name', field('Name', `${jobPath}.Name`, 'JobsDetail'), modelJob.name, true);
    if (modelJob?.type !== undefined)
      add('type', field('Type', `${jobPath}.Type`, 'JobsDetail'), modelJob.type, true);
    if (job.code !== undefined) {
      add(
        'code',
        field('Code', `${jobPath}.Code`),
        <span className={job.code === 'Success' ? 'ui-mono' : 'ui-mono pn-bad'}>{job.code}</span>,
      );
    }
    if (job.message !== undefined)
      add('message', field('Message', `${jobPath}.Message`), <span className="ui-break">{job.message}</span>);
    if (job.queueId !== undefined)
      add('queueId', field('QueueId', `${jobPath}.QueueId`), idValue(job.queueId, 'QueueId'));
    if (job.queueType !== undefined)
      add('queueType', field('QueueType', `${jobPath}.QueueType`), job.queueType, true);
    if (job.templateId !== undefined)
      add(
        'templateId',
        field('TemplateId', `${jobPath}.Operation.TemplateId`),
        idValue(job.templateId, 'TemplateId'),
      );
    if (job.templateName !== undefined)
      add('templateName', field('TemplateName', `${jobPath}.Operation.TemplateName`), job.templateName, true);
    if (op?.transcodeTemplateId !== undefined) {
      add(
        'transcodeTemplateId',
        field('TranscodeTemplateId', `${jobPath}.Operation.TranscodeTemplateId`),
        idValue(op.transcodeTemplateId, 'TranscodeTemplateId'),
      );
    }
    if (op !== undefined && op.watermarkTemplateIds.length > 0) {
      add(
        'watermarkTemplateIds',
        field('WatermarkTemplateId', `${jobPath}.Operation.WatermarkTemplateId`),
        <ul className="pn-plain-list">
          {op.watermarkTemplateIds.map((id, i) => (
            <li key={`${id}-${i}`}>{idValue(id, 'WatermarkTemplateId')}</li>
          ))}
        </ul>,
      );
    }
    if (job.userData !== undefined)
      add(
        'userData',
        field('UserData', `${jobPath}.Operation.UserData`),
        <span className="ui-break">{job.userData}</span>,
      );
    if (job.jobLevel !== undefined)
      add('jobLevel', field('JobLevel', `${jobPath}.Operation.JobLevel`), job.jobLevel.text, true);
    if (job.progress !== undefined) {
      const value = job.progress.value;
      add(
        'progress',
        field('Progress', `${jobPath}.Progress`),
        value === undefined ? (
          <span className="ui-mono">{job.progress.text}</span>
        ) : (
          <span className="pn-progress">
            <span className="pn-progress-track" aria-hidden="true">
              <span className="pn-progress-fill" style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
            </span>
            <span className="ui-mono">{t('summary.progressValue', { value: job.progress.text })}</span>
          </span>
        ),
      );
    }
    for (const [key, name, text] of [
      ['freeTranscode', 'FreeTranscode', op?.freeTranscode],
      ['customId', 'CustomId', op?.customId],
      ['snapshotPrefix', 'SnapshotPrefix', op?.snapshotPrefix],
    ] as const) {
      if (text !== undefined) add(key, field(name, `${jobPath}.Operation.${name}`), text, true);
    }
  } else if (summary.kind === 'workflow' && summary.execution) {
    const e = summary.execution;
    const base = 'WorkflowExecution';
    add('state', field('State', `${base}.State`), stateValue(e.state));
    if (e.workflowId !== undefined)
      add('workflowId', field('WorkflowId', `${base}.WorkflowId`), idValue(e.workflowId, 'WorkflowId'));
    if (e.workflowName !== undefined)
      add('workflowName', field('WorkflowName', `${base}.WorkflowName`), e.workflowName, true);
    if (e.runId !== undefined) add('runId', field('RunId', `${base}.RunId`), idValue(e.runId, 'RunId'));
    if (e.bucketId !== undefined) add('bucketId', field('BucketId', `${base}.BucketId`), e.bucketId, true);
    if (e.object !== undefined) add('object', field('Object', `${base}.Object`), idValue(e.object, 'Object'));
    const createTime = model?.kind === 'workflow' ? model.execution?.createTime : undefined;
    if (createTime !== undefined)
      add('createTime', field('CreateTime', `${base}.CreateTime`), <SourceTime value={createTime} />);
    add(
      'tasks',
      field('Tasks', `${base}.Tasks`),
      <span className="ui-num">
        {t('ui.summary.taskCount', { count: e.taskCount })}
        {e.failedTaskCount > 0 ? (
          <span className="pn-bad"> · {t('ui.summary.failedTaskCount', { count: e.failedTaskCount })}</span>
        ) : null}
      </span>,
    );
  } else if (summary.kind === 'moderation' && model?.kind === 'moderation') {
    const view = moderationView(model, jobIndex);
    const simple = view.shape === 'simple';
    const base = simple ? 'data' : `JobsDetail[${view.jobIndex}]`;
    add('state', field('State', simple ? 'code' : `${base}.State`), stateValue(doc.state));
    if (view.isTestRequest)
      add(
        'testRequest',
        <span>{t('moderation.testRequest')}</span>,
        <span className="ui-break">{t('moderation.testRequest.gloss')}</span>,
      );
    add('shape', <span>{t('ui.summary.kind')}</span>, <span>{t(`moderation.shape.${view.shape}`)}</span>);
    if (view.jobId !== undefined) add('jobId', field('JobId', `${base}.JobId`), idValue(view.jobId, 'JobId'));
    if (view.traceId !== undefined)
      add('traceId', field('trace_id', `${base}.trace_id`), idValue(view.traceId, 'trace_id'));
    if (view.dataId !== undefined)
      add(
        'dataId',
        field(simple ? 'data_id' : 'DataId', `${base}.${simple ? 'data_id' : 'DataId'}`),
        view.dataId,
        true,
      );
    if (view.code !== undefined) {
      const ok = view.code === '0' || view.code === 'Success';
      add(
        'code',
        field(simple ? 'code' : 'Code', simple ? 'code' : `${base}.Code`),
        <span className={ok ? 'ui-mono' : 'ui-mono pn-bad'}>{view.code}</span>,
      );
    }
    if (view.message !== undefined)
      add(
        'message',
        field(simple ? 'message' : 'Message', simple ? 'message' : `${base}.Message`),
        <span className="ui-break">{view.message}</span>,
      );
  } else if (summary.kind === 'unrecognised') {
    add('state', <span>{t('summary.state')}</span>, stateValue(doc.state));
    add('kind', <span>{t('ui.summary.kind')}</span>, <span>{t('ui.summary.unrecognised')}</span>);
  } else {
    add('state', <span>{t('summary.state')}</span>, stateValue(doc.state));
    const error = doc.diagnostics.find((d) => d.severity === 'error');
    if (error) {
      // Only where: the message in full, with its line and a caret, is in one place (Diagnostics, or under the
      // draft box for the draft); this links to it.
      add(
        'error',
        <span>{t('ui.summary.error')}</span>,
        <span className="ui-break">
          {error.position
            ? t('ui.summary.unreadableAt', { line: error.position.line, column: error.position.column })
            : t('ui.summary.unreadable')}{' '}
          <button type="button" className="link-button" onClick={showParseError}>
            {t('ui.summary.showError')}
          </button>
        </span>,
      );
    }
  }

  return (
    <PanelFrame name="summary" title={t('panel.summary.title')}>
      <ProblemAlert problems={problems} />
      <KeyValueList items={items} />
    </PanelFrame>
  );
}

/** Brings the one full display of the parse error into view and gives it the focus. */
function showParseError(): void {
  const shown = document.querySelector<HTMLElement>('[data-testid="parse-error"]');
  if (!shown) return;
  shown.tabIndex = -1;
  shown.scrollIntoView({ block: 'center' });
  shown.focus({ preventScroll: true });
}
