/**
 * A Markdown summary of one callback for a support ticket: the facts a support engineer asks for first, labelled
 * with Tencent's node names (which both English and Chinese readers search the docs for).
 */
import { buildIo } from '../derive/cos-url';
import { formatDuration, formatTimeValue } from '../derive/format-time';
import { buildTimeline } from '../derive/timeline';
import type { CallbackDocument, Job, TimeValue, WorkflowExecution } from '../model';

function cell(value: string | undefined): string {
  if (value === undefined || value === '') return '—';
  // Pipes and new lines would break the table; backticks the code spans.
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}

function code(value: string | undefined): string {
  return value ? `\`${cell(value)}\`` : '—';
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  return ['| Field | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

/** A payload time by the display rule (`2022-07-18 15:16:44 +08:00`, its own offset); its text when unreadable. */
function time(value: TimeValue | undefined): string {
  return cell(formatTimeValue(value) ?? value?.text);
}

function jobRows(job: Job): [string, string][] {
  const t = buildTimeline(job);
  const io = buildIo(job);
  const where = (l: { bucket?: string; region?: string; object?: string }) =>
    l.bucket || l.object ? code([l.bucket, l.region, l.object].filter(Boolean).join(' / ')) : '—';
  const rows: [string, string][] = [
    ['JobId', code(job.jobId)],
    ['Tag', cell([job.tag, job.subTag].filter(Boolean).join(' / '))],
    ['State', cell(job.state)],
    ['Code', cell(job.code)],
    ['Message', cell(job.message)],
    ['QueueId', code(job.queueId)],
    ['CreationTime', time(job.creationTime)],
    ['StartTime', time(job.startTime)],
    ['EndTime', time(job.endTime)],
    ['Queue wait', cell(formatDuration(t.queueWaitMs))],
    ['Run time', cell(formatDuration(t.runTimeMs))],
    ['Input', where(io.input)],
    ['Output', where(io.output)],
  ];
  if (job.operation?.templateId || job.operation?.templateName) {
    rows.push([
      'Template',
      cell([job.operation.templateName, job.operation.templateId].filter(Boolean).join(' · ')),
    ]);
  }
  for (const w of job.workflows) {
    rows.push(['Workflow', cell([w.workflowName, w.workflowId].filter(Boolean).join(' · '))]);
    rows.push(['RunId', code(w.runId)]);
  }
  return rows;
}

function executionLines(e: WorkflowExecution): string[] {
  const lines = table([
    ['RunId', code(e.runId)],
    ['WorkflowId', code(e.workflowId)],
    ['WorkflowName', cell(e.workflowName)],
    ['State', cell(e.state)],
    ['Object', code(e.object)],
    ['CreateTime', time(e.createTime)],
  ]);
  if (e.tasks.length > 0) {
    lines.push('', '| Task | Type | State | JobId | EndTime |', '| --- | --- | --- | --- | --- |');
    for (const task of e.tasks) {
      lines.push(
        `| ${cell(task.name)} | ${cell(task.type)} | ${cell(task.state)} | ${code(task.jobId)} | ${time(task.endTime)} |`,
      );
    }
  }
  return lines;
}

export function toMarkdownSummary(doc: CallbackDocument): string {
  const m = doc.model;
  const lines: string[] = [];
  if (m?.kind === 'jobs') {
    const first = m.jobs[0];
    lines.push(
      `### CI callback: ${cell(m.eventName ?? 'no EventName')} · ${cell(first?.tag)} · ${cell(doc.state)}`,
      '',
    );
    m.jobs.forEach((job, i) => {
      if (m.jobs.length > 1) lines.push(`#### Job ${i + 1}`, '');
      lines.push(...table(jobRows(job)), '');
    });
  } else if (m?.kind === 'workflow' && m.execution) {
    lines.push(
      `### CI callback: ${cell(m.eventName ?? 'no EventName')} · ${cell(doc.state)}`,
      '',
      ...executionLines(m.execution),
      '',
    );
  } else {
    lines.push(`### CI callback: ${cell(doc.state)} (${doc.format.toUpperCase()})`, '');
  }
  const issues = doc.diagnostics.filter((d) => d.severity !== 'info');
  if (issues.length > 0) {
    lines.push('**Diagnostics**', '');
    for (const d of issues) {
      const at = d.position
        ? ` (line ${d.position.line}, column ${d.position.column})`
        : d.path
          ? ` (${cell(d.path)})`
          : '';
      lines.push(`- ${d.severity}: \`${d.code}\` ${cell(d.message.en)}${at}`);
    }
    lines.push('');
  }
  lines.push(`_Source: ${doc.format.toUpperCase()}, ${doc.source.text.length} characters._`);
  return lines.join('\n');
}
