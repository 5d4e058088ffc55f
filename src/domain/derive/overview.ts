/**
 * An overview of the loaded set (a day of a busy queue), built to answer triage questions: what failed, why, how
 * often, which jobs. Three units, said once and the same everywhere:
 * - callbacks: the documents loaded (what the list shows and counts);
 * - jobs: distinct jobs (one JobId delivered five times is one job; a job without a JobId counts on its own);
 * - workflow runs: distinct RunIds (of WorkflowFinish callbacks and of jobs' `Workflow.RunId`).
 * Invalid and Unknown documents are counted apart from jobs. One pass over the digests, so it stays fast at 100,000.
 */
import type { CallbackDocument } from '../model';
import { digestOf, type DocumentDigest } from './digest';
import { failureKey } from './failures';

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

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function percentiles(values: number[]): Percentiles {
  const sorted = values.sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count };
  return {
    count,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[count - 1] as number,
  };
}

const SECOND = 1000;
/** Bin widths a person reads at a glance: 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; days. */
const ROUND_WIDTHS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
].map((s) => s * SECOND);

/** The smallest round width that covers `max` in at most `bins` bins (whole seconds: CI times are). */
export function roundBinWidth(max: number, bins: number): number {
  for (const w of ROUND_WIDTHS) if (max < w * bins) return w;
  const day = 86_400 * SECOND;
  return Math.ceil(max / bins / day) * day;
}

/**
 * Bins of one round width (1 s, 5 s, 1 min, …) from 0 past the longest run time, at most `bins` of them; edges
 * fall on whole seconds. Negative durations are anomalies, not binned.
 */
export function histogram(values: readonly number[], bins = 20): HistogramBin[] {
  let max = -1;
  for (const v of values) if (v > max) max = v;
  if (max < 0) return [];
  const width = roundBinWidth(max, bins);
  const counts = new Array<number>(Math.floor(max / width) + 1).fill(0);
  for (const v of values) if (v >= 0) counts[Math.floor(v / width)]! += 1;
  return counts.map((count, i) => ({ fromMs: i * width, toMs: (i + 1) * width, count }));
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

interface FailureAcc {
  callbacks: number;
  lastDoc: number;
  jobKeys: Set<string>;
  sampleMessage?: string;
  messages: Set<string>;
  tags: Map<string, number>;
  firstMs?: number;
  lastMs?: number;
  offsetMinutes?: number;
}

interface RunAcc {
  executionDocuments: number[];
  jobs: JobRef[];
  taskJobIds: string[];
  failed: boolean;
}

export function buildOverview(documents: readonly CallbackDocument[], slowestCount = 10): Overview {
  const byKind = new Map<string, number>();
  const byState = new Map<string, number>();
  const byTag = new Map<string, number>();
  const failures = new Map<string, FailureAcc>();
  /** The last delivery of each distinct job. */
  const distinct = new Map<string, JobRef>();
  const byJobId = new Map<string, { documents: number[]; hashes: Set<string | undefined> }>();
  const runs = new Map<string, RunAcc>();
  let jobDeliveries = 0;
  const byVerdict: Record<string, number> = {};
  let moderationCallbacks = 0;
  let testRequests = 0;
  let firstEndMs: number | undefined;
  let lastEndMs: number | undefined;
  let offsetMinutes: number | undefined;
  const run = (runId: string): RunAcc => {
    let g = runs.get(runId);
    if (!g) runs.set(runId, (g = { executionDocuments: [], jobs: [], taskJobIds: [], failed: false }));
    return g;
  };
  const seeEnd = (ms: number | undefined, offset: number | undefined) => {
    if (ms === undefined || !Number.isFinite(ms)) return;
    if (firstEndMs === undefined || ms < firstEndMs) firstEndMs = ms;
    if (lastEndMs === undefined || ms > lastEndMs) lastEndMs = ms;
    offsetMinutes ??= offset;
  };

  for (const doc of documents) {
    const digest: DocumentDigest = digestOf(doc);
    const kind = digest.kind ?? 'invalid';
    bump(byKind, kind);
    if (kind === 'jobs' || kind === 'workflow') bump(byState, doc.state);
    const { verdict, testRequest } = digest;
    if (testRequest === true) testRequests++;
    if (verdict !== undefined || testRequest === true) {
      moderationCallbacks++;
      if (verdict !== undefined) byVerdict[verdict] = (byVerdict[verdict] ?? 0) + 1;
    }
    if (kind !== 'jobs' && kind !== 'workflow') continue;
    if (kind === 'workflow') {
      const e = digest.execution;
      seeEnd(e?.lastTaskEnd?.epochMs, e?.lastTaskEnd?.offsetMinutes);
      if (e?.runId) {
        const g = run(e.runId);
        g.executionDocuments.push(doc.index);
        for (const task of e.tasks) {
          if (task.jobId) g.taskJobIds.push(task.jobId);
          if (task.state === 'Failed') g.failed = true;
        }
        if (e.state === 'Failed') g.failed = true;
      }
      continue;
    }
    for (const tag of digest.tags) bump(byTag, tag);
    let docCodes: Set<string> | undefined;
    digest.jobs.forEach((job, jobIndex) => {
      jobDeliveries++;
      const c = job.creationTime?.epochMs;
      const s = job.startTime?.epochMs;
      const e = job.endTime?.epochMs;
      seeEnd(e, job.endTime?.offsetMinutes);
      const ref: JobRef = {
        documentIndex: doc.index,
        jobIndex,
        ...(job.jobId !== undefined ? { jobId: job.jobId } : {}),
        ...(job.tag !== undefined ? { tag: job.tag } : {}),
        ...(job.state !== undefined ? { state: job.state } : {}),
        ...(job.code !== undefined ? { code: job.code } : {}),
        ...(job.message !== undefined ? { message: job.message } : {}),
        ...(job.object !== undefined ? { object: job.object } : {}),
        ...(c !== undefined && s !== undefined ? { queueWaitMs: s - c } : {}),
        ...(s !== undefined && e !== undefined ? { runTimeMs: e - s } : {}),
        ...(e !== undefined ? { endEpochMs: e } : {}),
        ...(job.endTime?.offsetMinutes !== undefined ? { endOffsetMinutes: job.endTime.offsetMinutes } : {}),
      };
      const key = job.jobId ?? `#${doc.index}:${jobIndex}`;
      distinct.set(key, ref);
      if (job.jobId) {
        let d = byJobId.get(job.jobId);
        if (!d) byJobId.set(job.jobId, (d = { documents: [], hashes: new Set() }));
        if (d.documents[d.documents.length - 1] !== doc.index) {
          d.documents.push(doc.index);
          d.hashes.add(digest.contentHash);
        }
      }
      if (job.runId) {
        const g = run(job.runId);
        g.jobs.push(ref);
        if (job.state === 'Failed') g.failed = true;
      }
      const code = failureKey(job);
      if (code === undefined) return;
      let f = failures.get(code);
      if (!f) {
        f = { callbacks: 0, lastDoc: -1, jobKeys: new Set(), messages: new Set(), tags: new Map() };
        failures.set(code, f);
      }
      if (f.lastDoc !== doc.index) {
        f.callbacks++;
        f.lastDoc = doc.index;
      }
      (docCodes ??= new Set()).add(code);
      f.jobKeys.add(key);
      if (job.message !== undefined) {
        f.sampleMessage ??= job.message;
        f.messages.add(job.message);
      }
      if (job.tag) bump(f.tags, job.tag);
      if (e !== undefined && Number.isFinite(e)) {
        if (f.firstMs === undefined || e < f.firstMs) {
          f.firstMs = e;
          f.offsetMinutes = job.endTime?.offsetMinutes;
        }
        if (f.lastMs === undefined || e > f.lastMs) f.lastMs = e;
      }
    });
  }

  const waits: number[] = [];
  const runTimes: number[] = [];
  const failed: JobRef[] = [];
  const timed: JobRef[] = [];
  for (const ref of distinct.values()) {
    if (ref.queueWaitMs !== undefined) waits.push(ref.queueWaitMs);
    if (ref.runTimeMs !== undefined) {
      runTimes.push(ref.runTimeMs);
      timed.push(ref);
    }
    if (failureKey(ref) !== undefined) failed.push(ref);
  }
  failed.sort((a, b) => a.documentIndex - b.documentIndex || a.jobIndex - b.jobIndex);
  const slowest = timed
    .sort((a, b) => (b.runTimeMs as number) - (a.runTimeMs as number) || a.documentIndex - b.documentIndex)
    .slice(0, slowestCount);

  const duplicates: DuplicateGroup[] = [];
  let extraDeliveries = 0;
  for (const [jobId, d] of byJobId) {
    if (d.documents.length < 2) continue;
    duplicates.push({ jobId, documents: d.documents, variants: d.hashes.size });
    extraDeliveries += d.documents.length - 1;
  }
  duplicates.sort((a, b) => b.documents.length - a.documents.length || a.documents[0]! - b.documents[0]!);

  const loadedJobIds = new Set(byJobId.keys());
  const workflowRuns: WorkflowRunGroup[] = [];
  const health = { runs: 0, withoutFinish: 0, withMissingTasks: 0, missingTasks: 0, withFailedTask: 0 };
  for (const [runId, g] of runs) {
    const missingTaskJobIds = [...new Set(g.taskJobIds)].filter((id) => !loadedJobIds.has(id));
    workflowRuns.push({
      runId,
      executionDocuments: g.executionDocuments,
      jobs: g.jobs,
      missingTaskJobIds,
      hasFailedTask: g.failed,
    });
    health.runs++;
    if (g.executionDocuments.length === 0) health.withoutFinish++;
    if (missingTaskJobIds.length > 0) {
      health.withMissingTasks++;
      health.missingTasks += missingTaskJobIds.length;
    }
    if (g.failed) health.withFailedTask++;
  }

  const failuresByCode: FailureGroup[] = [...failures]
    .map(([code, f]) => ({
      code,
      callbacks: f.callbacks,
      jobs: f.jobKeys.size,
      ...(f.sampleMessage !== undefined ? { sampleMessage: f.sampleMessage } : {}),
      messages: f.messages.size,
      tags: [...f.tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag),
      ...(f.firstMs !== undefined ? { firstMs: f.firstMs } : {}),
      ...(f.lastMs !== undefined ? { lastMs: f.lastMs } : {}),
      ...(f.offsetMinutes !== undefined ? { offsetMinutes: f.offsetMinutes } : {}),
    }))
    .sort((a, b) => b.callbacks - a.callbacks || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  return {
    documentCount: documents.length,
    jobCount: distinct.size,
    jobDeliveries,
    workflowRunCount: runs.size,
    byKind,
    byState,
    byTag,
    failuresByCode,
    queueWait: percentiles(waits),
    runTime: percentiles(runTimes),
    runTimeHistogram: histogram(runTimes),
    slowest,
    failed,
    duplicates,
    extraDeliveries,
    workflowRuns,
    runHealth: health,
    moderation: { callbacks: moderationCallbacks, byVerdict, testRequests },
    ...(firstEndMs !== undefined ? { firstEndMs } : {}),
    ...(lastEndMs !== undefined ? { lastEndMs } : {}),
    ...(offsetMinutes !== undefined ? { offsetMinutes } : {}),
  };
}
