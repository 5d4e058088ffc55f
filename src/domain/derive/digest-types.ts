/**
 * The shape of a document's digest (`digest.ts` derives it): what the list, the overview and the combined timeline
 * read of a document without its model, and what the worker sends and the stored index keeps of each.
 */
import type { CallbackDocument, CallbackModel, TimeValue } from '../model';
import type { Verdict } from './moderation';
import type { OutputNames } from './output-names';
import type { InnerProblemKind } from './problems';

export interface DocumentTitle {
  /** JobId of the first job, or the workflow's RunId, or a Simple moderation callback's trace_id. */
  readonly id?: string;
  readonly idKind?: 'job' | 'run' | 'trace';
  readonly tag?: string;
  readonly workflowName?: string;
  /** EndTime of the first job, or the latest task EndTime of a workflow run, verbatim. */
  readonly endTimeText?: string;
  /** The same time read (shown by the display rule, `format-time.ts`). */
  readonly endTime?: TimeValue;
  /** The first job's input object key, or the workflow run's: what the callback is about. */
  readonly object?: string;
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
  readonly message?: string;
  /** `Workflow.RunId`: the job is a task of that workflow run. */
  readonly runId?: string;
  readonly workflowName?: string;
  readonly userData?: string;
  readonly templateId?: string;
  readonly templateName?: string;
  readonly queueId?: string;
  /** `Input.Object`: the key of the object the job read. */
  readonly object?: string;
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
  readonly workflowId?: string;
  readonly workflowName?: string;
  /** The object that triggered the run. */
  readonly object?: string;
  readonly tasks: readonly TaskDigest[];
}

/** A task of a WorkflowFinish: whether its TaskFinish is in the set is told by its JobId. */
export interface TaskDigest {
  readonly jobId?: string;
  readonly type?: string;
  readonly state?: string;
}

export interface DocumentDigest {
  /** The model's kind; absent when the payload could not be read. */
  readonly kind?: CallbackModel['kind'];
  readonly title: DocumentTitle;
  readonly times: DocumentTimes;
  /** Every Tag of the document's jobs, once each. */
  readonly tags: readonly string[];
  /**
   * Lower-case text the list's filter matches, one value a line: JobIds, RunIds, object keys, Code, Message,
   * UserData, TemplateId/Name, QueueId, Tag, workflow names.
   */
  readonly searchText: string;
  /**
   * A job's output files given as one prefix and many names (a snapshot job's hundreds of frames): matched apart
   * (`outputsInclude`), so the search text holds the prefix once, not once per name.
   */
  readonly outputs?: readonly OutputNames[];
  readonly jobs: readonly JobDigest[];
  readonly execution?: ExecutionDigest;
  /**
   * Tells two deliveries of one callback (equal hashes) from callbacks that share a JobId but differ (a retry, a
   * changed State): a hash of what the callback says (every job's ids, State, Code, Message, times, keys; the
   * run's State and tasks), so an XML and a JSON delivery of one callback are equal. Absent when unreadable.
   */
  readonly contentHash?: string;
  /**
   * `data-problem`: the document's own outcome is Success but something inside failed or was flagged (a failed
   * task or sub-step, a Code other than Success, a moderation verdict other than normal).
   */
  readonly problem?: InnerProblemKind;
  /** `data-verdict`, moderation callbacks only (not the settings test request). */
  readonly verdict?: Verdict;
  /** The settings test request of a moderation callback URL (`data-testid="test-request"`). */
  readonly testRequest?: true;
  /**
   * A moderation callback that failed (it has no job digests): the Code and Message of its first failed job, or of
   * the callback itself (a Simple callback's `code` and `message`).
   */
  readonly failure?: { readonly code?: string; readonly message?: string };
}
