/**
 * The combined timeline across many loaded callbacks (DESIGN.md, "Panels": "a combined timeline across many
 * loaded callbacks"): one row per job (or per workflow run), all drawn to one scale.
 */
import type { CallbackDocument } from '../model';
import { digestOf } from './digest';
import { extent, jobSegments, toTimePoint, type TimePoint, type TimelineSegment } from './time-points';

export interface CombinedRow {
  /** `CallbackDocument.index`. */
  readonly documentIndex: number;
  /** Which job of the document; absent for a workflow run. */
  readonly jobIndex?: number;
  /** JobId, or the workflow's RunId. */
  readonly id?: string;
  readonly tag?: string;
  readonly state?: string;
  readonly created: TimePoint;
  readonly started: TimePoint;
  readonly ended: TimePoint;
  /** `queue` / `run` (or `total` without a StartTime) on the common scale; widths never negative. */
  readonly segments: readonly TimelineSegment[];
}

export interface CombinedTimeline {
  readonly rows: readonly CombinedRow[];
  readonly spanStartMs?: number;
  readonly spanEndMs?: number;
}

/** A row before the common scale is known. */
type Draft = Omit<CombinedRow, 'segments'>;

function drafts(doc: CallbackDocument): Draft[] {
  const digest = digestOf(doc);
  if (digest.kind === 'workflow') {
    const e = digest.execution;
    if (e === undefined) return [];
    return [
      {
        documentIndex: doc.index,
        ...(e.runId === undefined ? {} : { id: e.runId }),
        ...(e.state === undefined ? {} : { state: e.state }),
        created: toTimePoint(e.createTime),
        started: { status: 'missing' },
        ended: toTimePoint(e.lastTaskEnd),
      },
    ];
  }
  return digest.jobs.map((job, jobIndex) => ({
    documentIndex: doc.index,
    jobIndex,
    ...(job.jobId === undefined ? {} : { id: job.jobId }),
    ...(job.tag === undefined ? {} : { tag: job.tag }),
    ...(job.state === undefined ? {} : { state: job.state }),
    created: toTimePoint(job.creationTime),
    started: toTimePoint(job.startTime),
    ended: toTimePoint(job.endTime),
  }));
}

export function buildCombinedTimeline(documents: readonly CallbackDocument[]): CombinedTimeline {
  const all = documents.flatMap(drafts);
  const { min, max } = extent(all.flatMap((d) => [d.created, d.started, d.ended]));
  if (min === undefined || max === undefined) return { rows: all.map((d) => ({ ...d, segments: [] })) };
  const origin = min;
  const span = max - min;
  const rows = all.map((d): CombinedRow => ({
    ...d,
    segments: jobSegments(d.created, d.started, d.ended, origin, span),
  }));
  return { rows, spanStartMs: min, spanEndMs: max };
}
