/**
 * An overview of the loaded set (a day of a busy queue), built to answer triage questions: what failed, why, how
 * often, which jobs. Three units, said once and the same everywhere:
 * - callbacks: the documents loaded (what the list shows and counts);
 * - jobs: distinct jobs (one JobId delivered five times is one job; a job without a JobId counts on its own);
 * - workflow runs: distinct RunIds (of WorkflowFinish callbacks and of jobs' `Workflow.RunId`).
 * Invalid and Unknown documents are counted apart from jobs.
 *
 * One pass over the digests that keeps numbers, not objects: a distinct job is a slot in a few arrays (its last
 * delivery, queue wait, run time, whether it failed), and the jobs the overview names (the failed, the slowest, a
 * run's) become objects only at the end. At 100,000 callbacks an object per delivery, made and dropped, was most of
 * the cost (and of the garbage collector's).
 */
import type { CallbackDocument } from '../model';
import { digestOf, type JobDigest } from './digest';
import { failureKey } from './failures';
import { firstK, histogram, percentiles } from './overview-stats';
import type { DuplicateGroup, FailureGroup, JobRef, Overview, WorkflowRunGroup } from './overview-types';

export type * from './overview-types';
export { histogram, percentile, roundBinWidth } from './overview-stats';

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

interface FailureAcc {
  callbacks: number;
  lastDoc: number;
  /** The distinct jobs (their slots). */
  jobs: Set<number>;
  sampleMessage?: string;
  messages: Set<string>;
  tags: Map<string, number>;
  firstMs?: number;
  lastMs?: number;
  offsetMinutes?: number;
}

interface RunAcc {
  executionDocuments: number[] | undefined;
  /** Its jobs' deliveries: document and job index, in pairs. */
  jobs: number[] | undefined;
  taskJobIds: string[] | undefined;
  failed: boolean;
}

/**
 * A delivery of a job as the overview names it. One literal of one shape (absent values are `undefined`, which JSON
 * leaves out): spreading optional parts made a dozen objects per job.
 */
function jobRef(documentIndex: number, jobIndex: number, job: JobDigest): JobRef {
  const c = job.creationTime?.epochMs;
  const s = job.startTime?.epochMs;
  const e = job.endTime?.epochMs;
  return {
    documentIndex,
    jobIndex,
    jobId: job.jobId,
    tag: job.tag,
    state: job.state,
    code: job.code,
    message: job.message,
    object: job.object,
    queueWaitMs: c !== undefined && s !== undefined ? s - c : undefined,
    runTimeMs: s !== undefined && e !== undefined ? e - s : undefined,
    endEpochMs: e,
    endOffsetMinutes: job.endTime?.offsetMinutes,
  };
}

/**
 * A workflow run of the overview. Its jobs become objects when first read: a day's log holds tens of thousands of
 * runs and the overview shows a few of them, so making every run's jobs up front was most of opening the overview.
 * Its data are own properties (what JSON and equality see); `jobs` is read through the prototype.
 */
class RunGroup implements WorkflowRunGroup {
  readonly #pairs: readonly number[];
  readonly #refAt: (doc: number, job: number) => JobRef;
  #jobs: readonly JobRef[] | undefined;

  constructor(
    readonly runId: string,
    readonly executionDocuments: readonly number[],
    readonly missingTaskJobIds: readonly string[],
    readonly hasFailedTask: boolean,
    pairs: readonly number[],
    refAt: (doc: number, job: number) => JobRef,
  ) {
    this.#pairs = pairs;
    this.#refAt = refAt;
  }

  get jobs(): readonly JobRef[] {
    if (this.#jobs === undefined) {
      const pairs = this.#pairs;
      const jobs: JobRef[] = [];
      for (let k = 0; k < pairs.length; k += 2)
        jobs.push(this.#refAt(pairs[k] as number, pairs[k + 1] as number));
      this.#jobs = jobs;
    }
    return this.#jobs;
  }
}

/** Shared by runs that have none (most runs have no WorkflowFinish, or no TaskFinish, or no missing task). */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The overview of `documents`, each named by its position in the array (`documentIndex`): documents of several
 * sources share `index`, the whole set names them by place.
 */
export function buildOverview(documents: readonly CallbackDocument[], slowestCount = 10): Overview {
  const builder = new OverviewBuilder(slowestCount);
  builder.addAll(documents, 0, documents.length);
  return builder.result();
}

/**
 * The overview built document by document: a set that grows (a large file's batches, a second file) adds only
 * its new documents, and `result()` makes the figures of what was added so far (its arrays and maps are copies,
 * so a later `add` does not change an overview already handed out).
 */
export class OverviewBuilder {
  private readonly documents: CallbackDocument[] = [];
  private readonly byKind = new Map<string, number>();
  private readonly byState = new Map<string, number>();
  private readonly byTag = new Map<string, number>();
  private readonly failures = new Map<string, FailureAcc>();
  private readonly runs = new Map<string, RunAcc>();
  private readonly byVerdict: Record<string, number> = {};
  private moderationCallbacks = 0;
  private testRequests = 0;
  private jobDeliveries = 0;
  private firstEndMs: number | undefined;
  private lastEndMs: number | undefined;
  private offsetMinutes: number | undefined;
  // Distinct jobs, one slot each (by JobId; a job without one has a slot of its own), with its last delivery.
  private readonly slotOf = new Map<string, number>();
  private readonly lastDoc: number[] = [];
  private readonly lastJob: number[] = [];
  private readonly firstDoc: number[] = [];
  private readonly jobIdOf: (string | undefined)[] = [];
  private readonly waitMs: number[] = [];
  private readonly runMs: number[] = [];
  private readonly failedJob: boolean[] = [];
  /** The documents of JobIds delivered in more than one callback, by slot (in the order they became so). */
  private readonly repeated = new Map<number, number[]>();
  private last: Overview | undefined;

  constructor(private readonly slowestCount = 10) {}

  /** How many documents were added. */
  get size(): number {
    return this.documents.length;
  }

  /** Adds `documents[from … to)`. */
  addAll(documents: readonly CallbackDocument[], from: number, to: number): void {
    for (let i = from; i < to; i++) this.add(documents[i] as CallbackDocument);
  }

  private run(runId: string): RunAcc {
    let g = this.runs.get(runId);
    if (!g) {
      g = { executionDocuments: undefined, jobs: undefined, taskJobIds: undefined, failed: false };
      this.runs.set(runId, g);
    }
    return g;
  }

  private seeEnd(ms: number | undefined, offset: number | undefined): void {
    if (ms === undefined || !Number.isFinite(ms)) return;
    if (this.firstEndMs === undefined || ms < this.firstEndMs) this.firstEndMs = ms;
    if (this.lastEndMs === undefined || ms > this.lastEndMs) this.lastEndMs = ms;
    this.offsetMinutes ??= offset;
  }

  /** Adds the next document (its position is the number added before it). */
  add(document: CallbackDocument): void {
    this.last = undefined;
    const doc = this.documents.length;
    this.documents.push(document);
    const digest = digestOf(document);
    const kind = digest.kind ?? 'invalid';
    bump(this.byKind, kind);
    if (kind === 'jobs' || kind === 'workflow') bump(this.byState, document.state);
    const { verdict, testRequest } = digest;
    if (testRequest === true) this.testRequests++;
    if (verdict !== undefined || testRequest === true) {
      this.moderationCallbacks++;
      if (verdict !== undefined) this.byVerdict[verdict] = (this.byVerdict[verdict] ?? 0) + 1;
    }
    if (kind === 'workflow') {
      const e = digest.execution;
      this.seeEnd(e?.lastTaskEnd?.epochMs, e?.lastTaskEnd?.offsetMinutes);
      if (e?.runId) {
        const g = this.run(e.runId);
        (g.executionDocuments ??= []).push(doc);
        for (const task of e.tasks) {
          if (task.jobId) (g.taskJobIds ??= []).push(task.jobId);
          if (task.state === 'Failed') g.failed = true;
        }
        if (e.state === 'Failed') g.failed = true;
      }
      return;
    }
    if (kind !== 'jobs') return;
    for (const tag of digest.tags) bump(this.byTag, tag);
    const { jobs } = digest;
    for (let j = 0; j < jobs.length; j++) this.addJob(doc, j, jobs[j] as JobDigest);
  }

  private addJob(doc: number, j: number, job: JobDigest): void {
    const { lastDoc } = this;
    this.jobDeliveries++;
    const c = job.creationTime?.epochMs;
    const s = job.startTime?.epochMs;
    const e = job.endTime?.epochMs;
    this.seeEnd(e, job.endTime?.offsetMinutes);
    let slot = job.jobId ? this.slotOf.get(job.jobId) : undefined;
    if (slot === undefined) {
      slot = lastDoc.length;
      if (job.jobId) this.slotOf.set(job.jobId, slot);
      this.firstDoc.push(doc);
      this.jobIdOf.push(job.jobId || undefined);
      lastDoc.push(-1);
      this.lastJob.push(0);
      this.waitMs.push(Number.NaN);
      this.runMs.push(Number.NaN);
      this.failedJob.push(false);
    } else if (lastDoc[slot] !== doc) {
      // A further callback of the JobId.
      const seen = this.repeated.get(slot);
      if (seen) seen.push(doc);
      else this.repeated.set(slot, [this.firstDoc[slot] as number, doc]);
    }
    lastDoc[slot] = doc;
    this.lastJob[slot] = j;
    this.waitMs[slot] = c !== undefined && s !== undefined ? s - c : Number.NaN;
    this.runMs[slot] = s !== undefined && e !== undefined ? e - s : Number.NaN;
    const code = failureKey(job);
    this.failedJob[slot] = code !== undefined;
    if (job.runId) {
      const g = this.run(job.runId);
      (g.jobs ??= []).push(doc, j);
      if (job.state === 'Failed') g.failed = true;
    }
    if (code === undefined) return;
    let f = this.failures.get(code);
    if (!f) {
      f = { callbacks: 0, lastDoc: -1, jobs: new Set(), messages: new Set(), tags: new Map() };
      this.failures.set(code, f);
    }
    if (f.lastDoc !== doc) {
      f.callbacks++;
      f.lastDoc = doc;
    }
    f.jobs.add(slot);
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
  }

  /** The overview of the documents added so far (the same object until another is added). */
  result(): Overview {
    this.last ??= this.build();
    return this.last;
  }

  private build(): Overview {
    const { documents, lastDoc, lastJob, runMs, waitMs, failedJob, slotOf } = this;
    const refAt = (doc: number, job: number): JobRef =>
      jobRef(doc, job, digestOf(documents[doc] as CallbackDocument).jobs[job] as JobDigest);
    const refOfSlot = (slot: number) => refAt(lastDoc[slot] as number, lastJob[slot] as number);
    const jobCount = lastDoc.length;

    // Durations of distinct jobs (the last delivery of each).
    const waits = new Float64Array(jobCount);
    const runTimes = new Float64Array(jobCount);
    let nWaits = 0;
    let nRuns = 0;
    const failedSlots: number[] = [];
    for (let slot = 0; slot < jobCount; slot++) {
      const w = waitMs[slot] as number;
      const r = runMs[slot] as number;
      if (w === w) waits[nWaits++] = w;
      if (r === r) runTimes[nRuns++] = r;
      if (failedJob[slot]) failedSlots.push(slot);
    }
    const failed = failedSlots
      .sort(
        (a, b) =>
          (lastDoc[a] as number) - (lastDoc[b] as number) || (lastJob[a] as number) - (lastJob[b] as number),
      )
      .map(refOfSlot);
    // Longest run first; ties by document, then by when the job was first seen.
    const slowest = firstK(jobCount, this.slowestCount, (a, b) => {
      const ra = runMs[a] as number;
      const rb = runMs[b] as number;
      if (ra !== ra) return false;
      if (rb !== rb) return true;
      if (ra !== rb) return ra > rb;
      const da = lastDoc[a] as number;
      const db = lastDoc[b] as number;
      return da !== db ? da < db : a < b;
    }).map(refOfSlot);

    const duplicates: DuplicateGroup[] = [];
    let extraDeliveries = 0;
    const bySlot = [...this.repeated].sort((a, b) => a[0] - b[0]);
    for (const [slot, docs] of bySlot) {
      const hashes = new Set(docs.map((d) => digestOf(documents[d] as CallbackDocument).contentHash));
      duplicates.push({ jobId: this.jobIdOf[slot] as string, documents: [...docs], variants: hashes.size });
      extraDeliveries += docs.length - 1;
    }
    duplicates.sort((a, b) => b.documents.length - a.documents.length || a.documents[0]! - b.documents[0]!);

    const workflowRuns: WorkflowRunGroup[] = [];
    const health = { runs: 0, withoutFinish: 0, withMissingTasks: 0, missingTasks: 0, withFailedTask: 0 };
    for (const [runId, g] of this.runs) {
      const missingTaskJobIds = g.taskJobIds
        ? [...new Set(g.taskJobIds)].filter((id) => !slotOf.has(id))
        : NONE;
      const executionDocuments = g.executionDocuments ? [...g.executionDocuments] : NONE;
      const pairs = g.jobs ? [...g.jobs] : NONE;
      workflowRuns.push(new RunGroup(runId, executionDocuments, missingTaskJobIds, g.failed, pairs, refAt));
      health.runs++;
      if (executionDocuments.length === 0) health.withoutFinish++;
      if (missingTaskJobIds.length > 0) {
        health.withMissingTasks++;
        health.missingTasks += missingTaskJobIds.length;
      }
      if (g.failed) health.withFailedTask++;
    }

    const failuresByCode: FailureGroup[] = [...this.failures]
      .map(([code, f]) => ({
        code,
        callbacks: f.callbacks,
        jobs: f.jobs.size,
        ...(f.sampleMessage !== undefined ? { sampleMessage: f.sampleMessage } : {}),
        messages: f.messages.size,
        tags: [...f.tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag),
        ...(f.firstMs !== undefined ? { firstMs: f.firstMs } : {}),
        ...(f.lastMs !== undefined ? { lastMs: f.lastMs } : {}),
        ...(f.offsetMinutes !== undefined ? { offsetMinutes: f.offsetMinutes } : {}),
      }))
      .sort((a, b) => b.callbacks - a.callbacks || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

    const timed = runTimes.subarray(0, nRuns);
    const { firstEndMs, lastEndMs, offsetMinutes } = this;
    return {
      documentCount: documents.length,
      jobCount,
      jobDeliveries: this.jobDeliveries,
      workflowRunCount: this.runs.size,
      byKind: new Map(this.byKind),
      byState: new Map(this.byState),
      byTag: new Map(this.byTag),
      failuresByCode,
      queueWait: percentiles(waits.subarray(0, nWaits)),
      runTime: percentiles(timed),
      runTimeHistogram: histogram(timed),
      slowest,
      failed,
      duplicates,
      extraDeliveries,
      workflowRuns,
      runHealth: health,
      moderation: {
        callbacks: this.moderationCallbacks,
        byVerdict: { ...this.byVerdict },
        testRequests: this.testRequests,
      },
      ...(firstEndMs !== undefined ? { firstEndMs } : {}),
      ...(lastEndMs !== undefined ? { lastEndMs } : {}),
      ...(offsetMinutes !== undefined ? { offsetMinutes } : {}),
    };
  }
}
