/**
 * A Markdown summary of one callback for a support ticket: the facts a support engineer asks for first, labelled
 * with Tencent's node names (which both English and Chinese readers search the docs for).
 *
 * Safe to paste into GitHub-flavoured Markdown: every value taken from the payload is written through
 * markdown-escape.ts (a code span), so nothing from a payload renders as a link, an image or HTML.
 */
import { compareImages } from '../derive/compare-images';
import { buildIo } from '../derive/cos-url';
import { formatDuration, formatTimeValue } from '../derive/format-time';
import { buildTimeline } from '../derive/timeline';
import type { CallbackDocument, Job, TimeValue, WorkflowExecution } from '../model';
import { imageMarkdownTable } from './markdown-image';
import { mdCell, mdCode, mdLabelCell, mdTable } from './markdown-escape';

/**
 * The image before/after table: payload values as escaped cells (markdown-escape.ts), the app's own notes beside
 * them as labels.
 */
function imageLines(job: Job): string[] {
  const c = compareImages(job);
  if (c === undefined) return [];
  const { headers, rows } = imageMarkdownTable(c);
  const written = (v: { value?: string; note?: string }) =>
    v.value === undefined
      ? label(v.note)
      : v.note === undefined
        ? mdCell(v.value)
        : `${mdCell(v.value)} ${mdLabelCell(`(${v.note})`)}`;
  return [
    '**Image before / after**',
    '',
    ...mdTable(
      headers,
      rows.map((r) => [mdLabelCell(r.label), ...r.cells.map(written)]),
    ),
    '',
  ];
}

/** A Field | Value table: the field names are the app's labels, the values are already written cells. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  return mdTable(
    ['Field', 'Value'],
    rows.map(([k, v]) => [mdLabelCell(k), v]),
  );
}

/** The app's own text (a duration) in a cell. */
function label(text: string | undefined): string {
  return text ? mdLabelCell(text) : '—';
}

/** A payload time by the display rule (`2022-07-18 15:16:44 +08:00`, its own offset); its text when unreadable. */
function time(value: TimeValue | undefined): string {
  return mdCell(formatTimeValue(value) ?? value?.text);
}

function jobRows(job: Job): [string, string][] {
  const t = buildTimeline(job);
  const io = buildIo(job);
  const where = (l: { bucket?: string; region?: string; object?: string }) =>
    l.bucket || l.object ? mdCell([l.bucket, l.region, l.object].filter(Boolean).join(' / ')) : '—';
  const rows: [string, string][] = [
    ['JobId', mdCell(job.jobId)],
    ['Tag', mdCell([job.tag, job.subTag].filter(Boolean).join(' / '))],
    ['State', mdCell(job.state)],
    ['Code', mdCell(job.code)],
    ['Message', mdCell(job.message)],
    ['QueueId', mdCell(job.queueId)],
    ['CreationTime', time(job.creationTime)],
    ['StartTime', time(job.startTime)],
    ['EndTime', time(job.endTime)],
    ['Queue wait', label(formatDuration(t.queueWaitMs))],
    ['Run time', label(formatDuration(t.runTimeMs))],
    ['Input', where(io.input)],
    ['Output', where(io.output)],
  ];
  if (job.operation?.templateId || job.operation?.templateName) {
    rows.push([
      'Template',
      mdCell([job.operation.templateName, job.operation.templateId].filter(Boolean).join(' · ')),
    ]);
  }
  for (const w of job.workflows) {
    rows.push(['Workflow', mdCell([w.workflowName, w.workflowId].filter(Boolean).join(' · '))]);
    rows.push(['RunId', mdCell(w.runId)]);
  }
  return rows;
}

function executionLines(e: WorkflowExecution): string[] {
  const lines = table([
    ['RunId', mdCell(e.runId)],
    ['WorkflowId', mdCell(e.workflowId)],
    ['WorkflowName', mdCell(e.workflowName)],
    ['State', mdCell(e.state)],
    ['Object', mdCell(e.object)],
    ['CreateTime', time(e.createTime)],
  ]);
  if (e.tasks.length > 0) {
    lines.push(
      '',
      ...mdTable(
        ['Task', 'Type', 'State', 'JobId', 'EndTime'],
        e.tasks.map((task) => [
          mdCell(task.name),
          mdCell(task.type),
          mdCell(task.state),
          mdCell(task.jobId),
          time(task.endTime),
        ]),
      ),
    );
  }
  return lines;
}

export function toMarkdownSummary(doc: CallbackDocument): string {
  const m = doc.model;
  const lines: string[] = [];
  if (m?.kind === 'jobs') {
    const first = m.jobs[0];
    lines.push(
      `### CI callback: ${mdCode(m.eventName ?? 'no EventName')} · ${mdCode(first?.tag)} · ${mdCode(doc.state)}`,
      '',
    );
    m.jobs.forEach((job, i) => {
      if (m.jobs.length > 1) lines.push(`#### Job ${i + 1}`, '');
      lines.push(...table(jobRows(job)), '', ...imageLines(job));
    });
  } else if (m?.kind === 'workflow' && m.execution) {
    lines.push(
      `### CI callback: ${mdCode(m.eventName ?? 'no EventName')} · ${mdCode(doc.state)}`,
      '',
      ...executionLines(m.execution),
      '',
    );
  } else {
    lines.push(`### CI callback: ${mdCode(doc.state)} (${doc.format.toUpperCase()})`, '');
  }
  const issues = doc.diagnostics.filter((d) => d.severity !== 'info');
  if (issues.length > 0) {
    lines.push('**Diagnostics**', '');
    for (const d of issues) {
      const at = d.position
        ? ` (line ${d.position.line}, column ${d.position.column})`
        : d.path
          ? ` (${mdCode(d.path)})`
          : '';
      // A diagnostic's message may quote the payload (an unknown name, a bad value): a code span too.
      lines.push(`- ${d.severity}: ${mdCode(d.code)} ${mdCode(d.message.en)}${at}`);
    }
    lines.push('');
  }
  lines.push(`_Source: ${doc.format.toUpperCase()}, ${doc.source.text.length} characters._`);
  return lines.join('\n');
}
