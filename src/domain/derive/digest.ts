/**
 * A document's digest: the little of its model that the views over the whole loaded set need (the list's title,
 * sort keys, Tags and search text; the overview's counts, times and RunIds; the combined timeline's rows).
 * The parse worker sends it beside each model, so the page can list, count and draw 10,000 documents without
 * reading their models; a model is read only when its document is shown (`worker/wire.ts`).
 */
import type { CallbackDocument, CallbackModel, TimeValue, WorkflowExecution } from '../model';
import { definedOnly } from './compact';

export interface DocumentTitle {
  /** JobId of the first job, or the workflow's RunId. */
  readonly id?: string;
  readonly idKind?: 'job' | 'run';
  readonly tag?: string;
  readonly workflowName?: string;
  /** EndTime of the first job, or the latest task EndTime of a workflow run, verbatim. */
  readonly endTimeText?: string;
  readonly eventName?: string;
  readonly jobCount: number;
}

/** The times a document sorts and filters by: its first job's (a job list response), or its workflow run's. */
export interface DocumentTimes {
  readonly createdEpochMs?: number;
  readonly endEpochMs?: number;
  /** Job: EndTime − StartTime. Workflow: latest task EndTime − CreateTime. */
  readonly runTimeMs?: number;
}

/** Sort keys of the document's first job (a job list response sorts by its first), or of the workflow run. */
export interface DocumentSortKeys extends DocumentTimes {
  readonly state: CallbackDocument['state'];
  /** The document's position in the input, for a stable order. */
  readonly index: number;
}

/** What the overview and the combined timeline read of each job. */
export interface JobDigest {
  readonly jobId?: string;
  readonly tag?: string;
  readonly state?: string;
  readonly code?: string;
  /** `Workflow.RunId`: the job is a task of that workflow run. */
  readonly runId?: string;
  readonly creationTime?: TimeValue;
  readonly startTime?: TimeValue;
  readonly endTime?: TimeValue;
}

/** What they read of a workflow run (a WorkflowFinish callback). */
export interface ExecutionDigest {
  readonly runId?: string;
  readonly state?: string;
  readonly createTime?: TimeValue;
  /** The latest valid task EndTime (the first of equals). */
  readonly lastTaskEnd?: TimeValue;
}

export interface DocumentDigest {
  /** The model's kind; absent when the payload could not be read. */
  readonly kind?: CallbackModel['kind'];
  readonly title: DocumentTitle;
  readonly times: DocumentTimes;
  /** Every Tag of the document's jobs, once each. */
  readonly tags: readonly string[];
  /** Lower-case text the list's filter matches: JobIds, object keys, RunIds, one a line. */
  readonly searchText: string;
  readonly jobs: readonly JobDigest[];
  readonly execution?: ExecutionDigest;
}

const digests = new WeakMap<CallbackDocument, DocumentDigest>();

/** The document's digest, derived from its model once (or as the worker sent it: `rememberDigest`). */
export function digestOf(doc: CallbackDocument): DocumentDigest {
  let digest = digests.get(doc);
  if (!digest) {
    digest = digestOfModel(doc.model);
    digests.set(doc, digest);
  }
  return digest;
}

/** Records the digest of a document whose model is read later (the page gets both from the worker). */
export function rememberDigest(doc: CallbackDocument, digest: DocumentDigest): void {
  digests.set(doc, digest);
}

export function documentTitle(doc: CallbackDocument): DocumentTitle {
  return digestOf(doc).title;
}

export function documentSortKeys(doc: CallbackDocument): DocumentSortKeys {
  return { state: doc.state, index: doc.index, ...digestOf(doc).times };
}

const NOTHING: DocumentDigest = { title: { jobCount: 0 }, times: {}, tags: [], searchText: '', jobs: [] };

export function digestOfModel(model: CallbackModel | undefined): DocumentDigest {
  if (model === undefined) return NOTHING;
  if (model.kind === 'unrecognised') return { ...NOTHING, kind: 'unrecognised' };
  const eventName = model.eventName;
  if (model.kind === 'workflow') {
    const e = model.execution;
    if (e === undefined)
      return { ...NOTHING, kind: 'workflow', title: definedOnly({ eventName, jobCount: 0 }) };
    const lastTaskEnd = latestTaskEnd(e);
    const created = finite(e.createTime);
    const end = finite(lastTaskEnd);
    return {
      kind: 'workflow',
      title: definedOnly<DocumentTitle>({
        id: e.runId,
        idKind: e.runId === undefined ? undefined : 'run',
        workflowName: e.workflowName,
        endTimeText: lastTaskEnd?.text,
        eventName,
        jobCount: 0,
      }),
      times: definedOnly<DocumentTimes>({
        createdEpochMs: created,
        endEpochMs: end,
        runTimeMs: created !== undefined && end !== undefined ? end - created : undefined,
      }),
      tags: [],
      searchText: searchText([e.runId, e.object, e.workflowId, ...e.tasks.map((t) => t.jobId)]),
      jobs: [],
      execution: definedOnly<ExecutionDigest>({
        runId: e.runId,
        state: e.state,
        createTime: e.createTime,
        lastTaskEnd,
      }),
    };
  }
  const jobs: JobDigest[] = [];
  const tags = new Set<string>();
  const parts: (string | undefined)[] = [];
  for (const job of model.jobs) {
    jobs.push(
      definedOnly<JobDigest>({
        jobId: job.jobId,
        tag: job.tag,
        state: job.state,
        code: job.code,
        runId: job.workflow?.runId,
        creationTime: job.creationTime,
        startTime: job.startTime,
        endTime: job.endTime,
      }),
    );
    if (job.tag) tags.add(job.tag);
    parts.push(job.jobId, job.input?.object, job.operation?.output?.object, job.workflow?.runId);
    const outputFile = job.operation?.mediaResult?.outputFile;
    if (outputFile)
      for (const name of outputFile.objectNames) parts.push(`${outputFile.objectPrefix ?? ''}${name}`);
    parts.push(job.operation?.picProcessResult?.objectName);
  }
  const first = model.jobs[0];
  const created = finite(first?.creationTime);
  const start = finite(first?.startTime);
  const end = finite(first?.endTime);
  return {
    kind: 'jobs',
    title: definedOnly<DocumentTitle>({
      id: first?.jobId,
      idKind: first?.jobId === undefined ? undefined : 'job',
      tag: first?.tag,
      workflowName: first?.workflow?.workflowName,
      endTimeText: first?.endTime?.text,
      eventName,
      jobCount: model.jobs.length,
    }),
    times: definedOnly<DocumentTimes>({
      createdEpochMs: created,
      endEpochMs: end,
      runTimeMs: start !== undefined && end !== undefined ? end - start : undefined,
    }),
    tags: [...tags],
    searchText: searchText(parts),
    jobs,
  };
}

function finite(value: TimeValue | undefined): number | undefined {
  const ms = value?.epochMs;
  return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
}

function latestTaskEnd(e: WorkflowExecution): TimeValue | undefined {
  let latest: TimeValue | undefined;
  for (const t of e.tasks) {
    const ms = finite(t.endTime);
    if (ms !== undefined && (latest === undefined || ms > (latest.epochMs as number))) latest = t.endTime;
  }
  return latest;
}

function searchText(parts: readonly (string | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join('\n')
    .toLowerCase();
}

/**
 * The document numbered `index` (documents of several sources share numbers; the overview names them by their place
 * in the whole set). Its properties are copied as they are defined, so a model read on demand (`worker/wire.ts`)
 * is not read by the copy, and the copy keeps the digest.
 */
export function withIndex(doc: CallbackDocument, index: number): CallbackDocument {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(doc)) as CallbackDocument;
  Object.defineProperty(copy, 'index', {
    value: index,
    enumerable: true,
    writable: false,
    configurable: true,
  });
  digests.set(copy, digestOf(doc));
  return copy;
}
