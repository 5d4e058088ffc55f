/**
 * Exports for triage: the (filtered) list as CSV, one row per callback with its key fields, and the overview as
 * JSON. CSV is UTF-8 with a byte-order mark (spreadsheets then read Chinese), CRLF line ends, RFC 4180 quoting;
 * a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so a spreadsheet
 * does not run it as a formula (OWASP "CSV injection"). Times are ISO 8601 with the offset, by the display rule.
 */
import type { DocumentDigest } from '../derive/digest';
import { failureKey } from '../derive/failures';
import { formatIso, type TimeZoneMode } from '../derive/format-time';
import type { Overview } from '../derive/overview';

export interface CsvItem {
  /** Where the callback came from (file name and position, "Pasted #2", …). */
  readonly source: string;
  readonly state: string;
  readonly digest: DocumentDigest;
  /** Callbacks carrying its JobId (1 when delivered once). */
  readonly deliveries: number;
}

export const CSV_COLUMNS = [
  'Source',
  'Kind',
  'State',
  'Tag',
  'JobId',
  'RunId',
  'Code',
  'Message',
  'Object',
  'UserData',
  'TemplateId',
  'TemplateName',
  'QueueId',
  'CreationTime',
  'StartTime',
  'EndTime',
  'QueueWaitSeconds',
  'RunTimeSeconds',
  'Deliveries',
] as const;

const BOM = '\uFEFF';

/** A text cell made safe for a spreadsheet and quoted when it must be. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const seconds = (ms: number | undefined): number | undefined =>
  ms === undefined || !Number.isFinite(ms) ? undefined : Math.round(ms / 1000);

function row(item: CsvItem, mode: TimeZoneMode): (string | number | undefined)[] {
  const { digest } = item;
  const job = digest.jobs.find((j) => failureKey(j) !== undefined) ?? digest.jobs[0];
  const e = digest.execution;
  const created = job?.creationTime ?? e?.createTime;
  const started = job?.startTime;
  const ended = job?.endTime ?? e?.lastTaskEnd;
  const iso = (v: typeof created) => formatIso(v?.epochMs, v?.offsetMinutes, mode) ?? v?.text;
  const c = created?.epochMs;
  const s = started?.epochMs;
  const end = ended?.epochMs;
  return [
    item.source,
    digest.kind ?? 'invalid',
    item.state,
    digest.tags.join(' ') || undefined,
    job?.jobId,
    job?.runId ?? e?.runId,
    job?.code ?? digest.failure?.code,
    job?.message ?? digest.failure?.message,
    job?.object ?? e?.object,
    job?.userData,
    job?.templateId,
    job?.templateName,
    job?.queueId,
    iso(created),
    iso(started),
    iso(ended),
    c !== undefined && s !== undefined ? seconds(s - c) : undefined,
    job
      ? s !== undefined && end !== undefined
        ? seconds(end - s)
        : undefined
      : seconds(digest.times.runTimeMs),
    item.deliveries,
  ];
}

/** The list as CSV: a header, then one row per callback (of a job list, its first failed job, or its first). */
export function listToCsv(items: readonly CsvItem[], mode: TimeZoneMode = 'source'): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) lines.push(row(item, mode).map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The overview as a plain JSON document (maps as objects, times ISO 8601 with the offset). */
export function overviewToJson(overview: Overview, mode: TimeZoneMode = 'source'): string {
  const iso = (ms: number | undefined, offset: number | undefined) => formatIso(ms, offset, mode);
  const { offsetMinutes } = overview;
  const data = {
    callbacks: overview.documentCount,
    jobs: overview.jobCount,
    jobDeliveries: overview.jobDeliveries,
    workflowRuns: overview.workflowRunCount,
    firstEndTime: iso(overview.firstEndMs, offsetMinutes),
    lastEndTime: iso(overview.lastEndMs, offsetMinutes),
    callbacksByKind: Object.fromEntries(overview.byKind),
    callbacksByState: Object.fromEntries(overview.byState),
    callbacksByTag: Object.fromEntries(overview.byTag),
    failuresByCode: overview.failuresByCode.map((f) => ({
      code: f.code,
      callbacks: f.callbacks,
      jobs: f.jobs,
      sampleMessage: f.sampleMessage,
      messages: f.messages,
      tags: f.tags,
      first: iso(f.firstMs, f.offsetMinutes),
      last: iso(f.lastMs, f.offsetMinutes),
    })),
    queueWaitMs: overview.queueWait,
    runTimeMs: overview.runTime,
    runTimeHistogram: overview.runTimeHistogram,
    slowestJobs: overview.slowest.map((j) => ({ jobId: j.jobId, tag: j.tag, runTimeMs: j.runTimeMs })),
    failedJobs: overview.failed.map((j) => ({
      jobId: j.jobId,
      tag: j.tag,
      state: j.state,
      code: j.code,
      message: j.message,
      endTime: iso(j.endEpochMs, j.endOffsetMinutes),
    })),
    deliveredMoreThanOnce: {
      jobIds: overview.duplicates.length,
      extraCallbacks: overview.extraDeliveries,
      differingContent: overview.duplicates.filter((d) => d.variants > 1).length,
    },
    workflowRunHealth: overview.runHealth,
    moderation: overview.moderation,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
