/**
 * Summary panel data and the document list's title and sort keys. The document's state is the normaliser's
 * (model.ts `DocumentState`); problems are the job's own outcome, never payload diagnostics.
 */
import type { CallbackDocument, DocumentState, WorkflowExecution } from '../model';
import { definedOnly } from './compact';
import { executionSummary, jobSummary, type ExecutionSummary, type JobSummary } from './job-summary';
import { executionProblems, jobProblems, type Problem } from './problems';
import { toTimePoint } from './time-points';

export type { Problem, ProblemKind } from './problems';
export type { ExecutionSummary, JobSummary } from './job-summary';

export type SummaryKind = 'jobs' | 'workflow' | 'unrecognised' | 'invalid';

export interface DocumentSummary {
  readonly kind: SummaryKind;
  readonly eventName?: string;
  readonly state: DocumentState;
  /** The job or run did not end well: a State other than Success, a Code other than Success, a failed sub-step. */
  readonly isProblem: boolean;
  readonly problems: readonly Problem[];
  readonly jobCount: number;
  /** The selected job (the first by default), for jobs documents. */
  readonly job?: JobSummary;
  readonly execution?: ExecutionSummary;
}

/** `jobIndex` selects the job of a document holding several (a job list response); out of range means the first. */
export function buildSummary(doc: CallbackDocument, jobIndex = 0): DocumentSummary {
  const model = doc.model;
  if (model === undefined || doc.state === 'Invalid') {
    return {
      kind: 'invalid',
      state: doc.state,
      isProblem: true,
      problems: [{ kind: 'unreadable' }],
      jobCount: 0,
    };
  }
  if (model.kind === 'unrecognised') {
    return { kind: 'unrecognised', state: doc.state, isProblem: false, problems: [], jobCount: 0 };
  }
  const eventName = model.eventName === undefined ? {} : { eventName: model.eventName };
  if (model.kind === 'workflow') {
    const e = model.execution;
    const problems = e === undefined ? [] : executionProblems(e);
    return {
      kind: 'workflow',
      ...eventName,
      state: doc.state,
      isProblem: problems.length > 0,
      problems,
      jobCount: 0,
      ...(e === undefined ? {} : { execution: executionSummary(e) }),
    };
  }
  const problems = model.jobs.flatMap((job, i) => jobProblems(job, i));
  const index = Number.isInteger(jobIndex) && jobIndex >= 0 && jobIndex < model.jobs.length ? jobIndex : 0;
  const job = model.jobs[index];
  return {
    kind: 'jobs',
    ...eventName,
    state: doc.state,
    isProblem: problems.length > 0,
    problems,
    jobCount: model.jobs.length,
    ...(job === undefined ? {} : { job: jobSummary(job, index) }),
  };
}

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

function latestTaskEnd(e: WorkflowExecution) {
  let latest: { text: string; epochMs: number } | undefined;
  for (const t of e.tasks) {
    const ms = t.endTime?.epochMs;
    if (t.endTime !== undefined && ms !== undefined && (latest === undefined || ms > latest.epochMs))
      latest = { text: t.endTime.text, epochMs: ms };
  }
  return latest;
}

export function documentTitle(doc: CallbackDocument): DocumentTitle {
  const model = doc.model;
  if (model === undefined || model.kind === 'unrecognised') return { jobCount: 0 };
  const eventName = model.eventName === undefined ? {} : { eventName: model.eventName };
  if (model.kind === 'workflow') {
    const e = model.execution;
    const end = e === undefined ? undefined : latestTaskEnd(e);
    return definedOnly<DocumentTitle>({
      id: e?.runId,
      idKind: e?.runId === undefined ? undefined : 'run',
      workflowName: e?.workflowName,
      endTimeText: end?.text,
      ...eventName,
      jobCount: 0,
    });
  }
  const job = model.jobs[0];
  return definedOnly<DocumentTitle>({
    id: job?.jobId,
    idKind: job?.jobId === undefined ? undefined : 'job',
    tag: job?.tag,
    workflowName: job?.workflow?.workflowName,
    endTimeText: job?.endTime?.text,
    ...eventName,
    jobCount: model.jobs.length,
  });
}

/** Sort keys of the document's first job (a job list response sorts by its first), or of the workflow run. */
export interface DocumentSortKeys {
  readonly state: DocumentState;
  /** The document's position in the input, for a stable order. */
  readonly index: number;
  readonly createdEpochMs?: number;
  readonly endEpochMs?: number;
  /** Job: EndTime − StartTime. Workflow: latest task EndTime − CreateTime. */
  readonly runTimeMs?: number;
}

export function documentSortKeys(doc: CallbackDocument): DocumentSortKeys {
  const base = { state: doc.state, index: doc.index };
  const model = doc.model;
  if (model === undefined || model.kind === 'unrecognised') return base;
  if (model.kind === 'workflow') {
    const e = model.execution;
    if (e === undefined) return base;
    const created = toTimePoint(e.createTime).epochMs;
    const end = latestTaskEnd(e)?.epochMs;
    return definedOnly<DocumentSortKeys>({
      ...base,
      createdEpochMs: created,
      endEpochMs: end,
      runTimeMs: created !== undefined && end !== undefined ? end - created : undefined,
    });
  }
  const job = model.jobs[0];
  if (job === undefined) return base;
  const created = toTimePoint(job.creationTime).epochMs;
  const start = toTimePoint(job.startTime).epochMs;
  const end = toTimePoint(job.endTime).epochMs;
  return definedOnly<DocumentSortKeys>({
    ...base,
    createdEpochMs: created,
    endEpochMs: end,
    runTimeMs: start !== undefined && end !== undefined ? end - start : undefined,
  });
}
