/**
 * Summary panel data (the document list's title and sort keys are in `digest.ts`). The document's state is the
 * normaliser's (model.ts `DocumentState`); problems are the job's own outcome, never payload diagnostics.
 */
import type { CallbackDocument, DocumentState } from '../model';
import { executionSummary, jobSummary, type ExecutionSummary, type JobSummary } from './job-summary';
import { moderationEvent, moderationVerdict, type Verdict } from './moderation';
import {
  documentProblem,
  executionProblems,
  jobProblems,
  moderationProblems,
  type InnerProblemKind,
  type Problem,
} from './problems';

export type { Problem, ProblemKind } from './problems';
export type { ExecutionSummary, JobSummary } from './job-summary';

export type SummaryKind = 'jobs' | 'workflow' | 'moderation' | 'unrecognised' | 'invalid';

export interface DocumentSummary {
  readonly kind: SummaryKind;
  readonly eventName?: string;
  readonly state: DocumentState;
  /** The job or run did not end well: a State other than Success, a Code other than Success, a failed sub-step. */
  readonly isProblem: boolean;
  readonly problems: readonly Problem[];
  /**
   * Set when the document's own outcome is Success but something inside failed or was flagged (`data-problem`):
   * the State line must not read as a plain success.
   */
  readonly innerProblem?: InnerProblemKind;
  /** Moderation callbacks: the verdict (absent for the settings test request). */
  readonly verdict?: Verdict;
  /** The settings test request of a moderation callback URL. */
  readonly isTestRequest?: boolean;
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
  const inner = documentProblem(model, doc.state);
  const innerProblem = inner === undefined ? {} : { innerProblem: inner };
  if (model.kind === 'moderation') {
    const event = moderationEvent(model);
    const verdict = moderationVerdict(model);
    const problems = moderationProblems(model);
    return {
      kind: 'moderation',
      ...(event === undefined ? {} : { eventName: event }),
      state: doc.state,
      isProblem: problems.length > 0,
      problems,
      ...innerProblem,
      ...(verdict === undefined ? {} : { verdict }),
      ...(model.isTestRequest ? { isTestRequest: true } : {}),
      jobCount: model.jobs.length,
    };
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
      ...innerProblem,
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
    ...innerProblem,
    jobCount: model.jobs.length,
    ...(job === undefined ? {} : { job: jobSummary(job, index) }),
  };
}
