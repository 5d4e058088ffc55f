/**
 * The shapes of the overview of the loaded set (`overview.ts` builds it): plain serialisable objects, documents
 * named by their position in the set.
 */
export interface JobRef {
  readonly documentIndex: number;
  readonly jobIndex: number;
  readonly jobId?: string;
  readonly tag?: string;
  readonly state?: string;
  readonly code?: string;
  readonly message?: string;
  readonly object?: string;
  readonly queueWaitMs?: number;
  readonly runTimeMs?: number;
  readonly endEpochMs?: number;
  readonly endOffsetMinutes?: number;
}

export interface Percentiles {
  readonly count: number;
  readonly p50?: number;
  readonly p95?: number;
  readonly max?: number;
}

export interface HistogramBin {
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

/** The failed jobs of one Code (`''` when the job gives none). */
export interface FailureGroup {
  readonly code: string;
  /** Callbacks holding a failed job with this Code (what the list shows when filtered to it). */
  readonly callbacks: number;
  /** Distinct failed jobs with this Code. */
  readonly jobs: number;
  /** The Message of its first failure (messages of one Code differ only in details). */
  readonly sampleMessage?: string;
  readonly messages: number;
  /** Tags hit, most frequent first. */
  readonly tags: readonly string[];
  /** The first and last EndTime (epoch ms) of its failures, and the first's source offset. */
  readonly firstMs?: number;
  readonly lastMs?: number;
  readonly offsetMinutes?: number;
}

export interface WorkflowRunGroup {
  readonly runId: string;
  /** Documents holding the run's WorkflowFinish (or WorkflowExecution). */
  readonly executionDocuments: readonly number[];
  /** Jobs whose `Workflow.RunId` is the run's (each delivery). */
  readonly jobs: readonly JobRef[];
  /** JobIds of the WorkflowFinish's tasks whose TaskFinish callback is not in the set. */
  readonly missingTaskJobIds: readonly string[];
  /** A task of the run failed (in its WorkflowFinish, or a TaskFinish of the run), or the run itself did. */
  readonly hasFailedTask: boolean;
}

export interface RunHealth {
  readonly runs: number;
  /** Runs seen only through TaskFinish callbacks: their WorkflowFinish is not in the set. */
  readonly withoutFinish: number;
  /** Runs whose WorkflowFinish lists a task whose TaskFinish is not in the set, and how many such tasks. */
  readonly withMissingTasks: number;
  readonly missingTasks: number;
  readonly withFailedTask: number;
}

/** A JobId delivered in more than one callback. */
export interface DuplicateGroup {
  readonly jobId: string;
  readonly documents: readonly number[];
  /** How many different contents its deliveries have: 1 when every delivery is the same callback. */
  readonly variants: number;
}

/** Content moderation callbacks, counted apart from jobs: by verdict, and the settings' test requests. */
export interface ModerationCounts {
  readonly callbacks: number;
  readonly byVerdict: Readonly<Record<string, number>>;
  readonly testRequests: number;
}

export interface Overview {
  /** Callbacks: every document loaded. */
  readonly documentCount: number;
  /** Distinct jobs. */
  readonly jobCount: number;
  /** Job entries of every delivery (a job delivered twice counts twice). */
  readonly jobDeliveries: number;
  readonly workflowRunCount: number;
  /** Callbacks by kind: `jobs`, `workflow`, `unrecognised` (Unknown), `invalid`. */
  readonly byKind: ReadonlyMap<string, number>;
  /** Callbacks by State, of job and workflow callbacks (Invalid and Unknown are in `byKind`). */
  readonly byState: ReadonlyMap<string, number>;
  /** Job callbacks by Tag (a callback with two Tags counts under each). */
  readonly byTag: ReadonlyMap<string, number>;
  readonly failuresByCode: readonly FailureGroup[];
  /** Over distinct jobs (the last delivery of each). */
  readonly queueWait: Percentiles;
  readonly runTime: Percentiles;
  readonly runTimeHistogram: readonly HistogramBin[];
  /** Distinct jobs, longest run first. */
  readonly slowest: readonly JobRef[];
  /** Distinct failed jobs, in load order. */
  readonly failed: readonly JobRef[];
  readonly duplicates: readonly DuplicateGroup[];
  /** Callbacks delivered more than once, counting every delivery after the first. */
  readonly extraDeliveries: number;
  readonly workflowRuns: readonly WorkflowRunGroup[];
  readonly runHealth: RunHealth;
  readonly moderation: ModerationCounts;
  /** The end-time range of the whole set, and the source offset of its first time. */
  readonly firstEndMs?: number;
  readonly lastEndMs?: number;
  readonly offsetMinutes?: number;
}
