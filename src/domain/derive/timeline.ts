/**
 * Timeline panel data: CreationTime → StartTime → EndTime of a job, with queue wait and run time, and the tasks of
 * a WorkflowFinish callback as bars drawn to scale (DESIGN.md, "Panels"). Missing times stay missing: no 1970
 * date is ever made from an absent value, and a negative duration is flagged, never drawn as a negative width.
 */
import type { Job, WorkflowExecution } from '../model';
import { definedOnly } from './compact';
import {
  diff,
  extent,
  jobSegments,
  segmentOf,
  toTimePoint,
  type TimePoint,
  type TimelineSegment,
} from './time-points';

export type { SegmentKind, TimePoint, TimePointStatus, TimelineSegment } from './time-points';
export { toTimePoint } from './time-points';

export type TimelineAnomaly = 'start-before-creation' | 'end-before-start' | 'end-before-creation';

/**
 * Why a job or task has no EndTime (`-`, empty or absent): `not-finished` while its State says it has not ended
 * (Submitted, Running, Pause, … or no State at all), `not-given` when its State says it has (Success, Failed,
 * Cancel) and the payload simply does not give the time. A finished task is never called "not finished".
 */
export type EndTimeGap = 'not-finished' | 'not-given';

/** States after which a job or task has ended. */
const ENDED_STATES: ReadonlySet<string> = new Set(['Success', 'Failed', 'Cancel']);

/** Whether a State says the job or task has ended. */
export function hasEnded(state: string | undefined): boolean {
  return state !== undefined && ENDED_STATES.has(state);
}

/**
 * Why a StartTime is missing: `not-started` while the job or task has neither ended by its State nor an EndTime,
 * `not-given` when it has ended (legacy callbacks have no StartTime).
 */
export type StartTimeGap = 'not-started' | 'not-given';

/** Why the start time is missing, or undefined when the payload gives one. */
export function startTimeGap(
  state: string | undefined,
  start: TimePoint,
  end: TimePoint,
): StartTimeGap | undefined {
  if (start.status !== 'missing') return undefined;
  return hasEnded(state) || end.status !== 'missing' ? 'not-given' : 'not-started';
}

/** Why the end time is missing, or undefined when the payload gives one (even an unreadable one). */
export function endTimeGap(state: string | undefined, end: TimePoint): EndTimeGap | undefined {
  if (end.status !== 'missing') return undefined;
  return hasEnded(state) ? 'not-given' : 'not-finished';
}

export interface JobTimeline {
  readonly created: TimePoint;
  readonly started: TimePoint;
  readonly ended: TimePoint;
  /** StartTime − CreationTime; negative when the payload says so (see `anomalies`). */
  readonly queueWaitMs?: number;
  /** EndTime − StartTime; negative when the payload says so (see `anomalies`). */
  readonly runTimeMs?: number;
  /** EndTime − CreationTime. */
  readonly totalMs?: number;
  /** Earliest and latest known instants: what the segments' fractions are of. */
  readonly spanStartMs?: number;
  readonly spanEndMs?: number;
  /**
   * `queue` and `run` when the three times are known; `total` (creation → end) when StartTime is absent but
   * the job ended (legacy callbacks have no StartTime). Empty when nothing can be drawn.
   */
  readonly segments: readonly TimelineSegment[];
  /**
   * No StartTime and no EndTime (`-` or absent) and a State that does not say the job ended: the job has not
   * started (e.g. State Submitted).
   */
  readonly notStarted: boolean;
  /** No EndTime and a State that does not say the job ended (`endGap` is `not-finished`). */
  readonly notFinished: boolean;
  /** Why EndTime is missing; absent when the payload gives it. */
  readonly endGap?: EndTimeGap;
  /** Why StartTime is missing; absent when the payload gives it. */
  readonly startGap?: StartTimeGap;
  readonly anomalies: readonly TimelineAnomaly[];
}

export function buildTimeline(job: Job): JobTimeline {
  const created = toTimePoint(job.creationTime);
  const started = toTimePoint(job.startTime);
  const ended = toTimePoint(job.endTime);
  const queueWaitMs = diff(created, started);
  const runTimeMs = diff(started, ended);
  const totalMs = diff(created, ended);
  const endGap = endTimeGap(job.state, ended);

  const anomalies: TimelineAnomaly[] = [];
  if (queueWaitMs !== undefined && queueWaitMs < 0) anomalies.push('start-before-creation');
  if (runTimeMs !== undefined && runTimeMs < 0) anomalies.push('end-before-start');
  if (totalMs !== undefined && totalMs < 0) anomalies.push('end-before-creation');

  const { min: spanStartMs, max: spanEndMs } = extent([created, started, ended]);
  const segments =
    spanStartMs === undefined || spanEndMs === undefined
      ? []
      : jobSegments(created, started, ended, spanStartMs, spanEndMs - spanStartMs);

  return definedOnly({
    created,
    started,
    ended,
    queueWaitMs,
    runTimeMs,
    totalMs,
    spanStartMs,
    spanEndMs,
    segments,
    notStarted: started.status === 'missing' && ended.status === 'missing' && !hasEnded(job.state),
    notFinished: endGap === 'not-finished',
    endGap,
    startGap: startTimeGap(job.state, started, ended),
    anomalies,
  });
}

export interface TaskBar {
  readonly index: number;
  readonly name?: string;
  readonly type?: string;
  readonly state?: string;
  readonly jobId?: string;
  readonly created: TimePoint;
  readonly start: TimePoint;
  readonly end: TimePoint;
  /** EndTime − (StartTime, or CreateTime when the task has no StartTime). */
  readonly durationMs?: number;
  /** StartTime − CreateTime, when both are known. */
  readonly queueWaitMs?: number;
  /** The bar within the execution's span (fractions 0..1); absent when the task has no known time at all. */
  readonly bar?: TimelineSegment;
  /** No EndTime and a State that does not say the task ended (`endGap` is `not-finished`). */
  readonly notFinished: boolean;
  /** Why EndTime is missing; absent when the payload gives it. */
  readonly endGap?: EndTimeGap;
  readonly anomalies: readonly TimelineAnomaly[];
}

export interface TaskTimeline {
  readonly created: TimePoint;
  readonly tasks: readonly TaskBar[];
  /** Earliest and latest known instants of the execution and its tasks. */
  readonly spanStartMs?: number;
  readonly spanEndMs?: number;
  readonly totalMs?: number;
}

export function buildTaskTimeline(execution: WorkflowExecution): TaskTimeline {
  const created = toTimePoint(execution.createTime);
  const points = execution.tasks.map((t) => ({
    task: t,
    created: toTimePoint(t.createTime),
    start: toTimePoint(t.startTime),
    end: toTimePoint(t.endTime),
  }));
  const { min: spanStartMs, max: spanEndMs } = extent([
    created,
    ...points.flatMap((p) => [p.created, p.start, p.end]),
  ]);

  const tasks = points.map(({ task, created: c, start, end }, index): TaskBar => {
    const from = start.epochMs !== undefined ? start : c;
    const durationMs = diff(from, end);
    const queueWaitMs = diff(c, start);
    const endGap = endTimeGap(task.state, end);
    const anomalies: TimelineAnomaly[] = [];
    if (queueWaitMs !== undefined && queueWaitMs < 0) anomalies.push('start-before-creation');
    if (durationMs !== undefined && durationMs < 0)
      anomalies.push(start.epochMs !== undefined ? 'end-before-start' : 'end-before-creation');
    let bar: TimelineSegment | undefined;
    const a = from.epochMs ?? end.epochMs;
    if (a !== undefined && spanStartMs !== undefined && spanEndMs !== undefined) {
      bar = segmentOf('run', a, end.epochMs ?? a, spanStartMs, spanEndMs - spanStartMs);
    }
    return definedOnly({
      index,
      name: task.name,
      type: task.type,
      state: task.state,
      jobId: task.jobId,
      created: c,
      start,
      end,
      durationMs,
      queueWaitMs,
      bar,
      notFinished: endGap === 'not-finished',
      endGap,
      anomalies,
    });
  });

  const totalMs = spanStartMs !== undefined && spanEndMs !== undefined ? spanEndMs - spanStartMs : undefined;
  return definedOnly({ created, tasks, spanStartMs, spanEndMs, totalMs });
}
