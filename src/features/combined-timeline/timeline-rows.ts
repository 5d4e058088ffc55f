import type { CombinedTimeline } from '../../domain/derive/combined-timeline';
import { uniqueRowNames } from '../../domain/derive/timeline-axis';

/** The combined timeline's rows as flat arrays: drawing reads them 60 times a second. */
export interface TimelineRows {
  readonly count: number;
  readonly created: Float64Array;
  readonly started: Float64Array;
  readonly ended: Float64Array;
  readonly documentIndex: Int32Array;
  readonly failed: Uint8Array;
  /** Unique names: the JobId (or RunId), `JobId ×2 #1` where a JobId repeats. */
  readonly labels: readonly string[];
  readonly tags: readonly (string | undefined)[];
  readonly states: readonly (string | undefined)[];
  /** Each row's source offsets (minutes; NaN when the time has none), for its times by the display rule. */
  readonly createdOffset: Float64Array;
  readonly startedOffset: Float64Array;
  readonly endedOffset: Float64Array;
  readonly minMs: number;
  readonly maxMs: number;
  /** The first job's source offset: instants of the whole set (axis, range) are shown in it by default. */
  readonly offsetMinutes: number | undefined;
}

export function toTimelineRows(timeline: CombinedTimeline): TimelineRows {
  const rows = timeline.rows;
  const n = rows.length;
  const created = new Float64Array(n);
  const started = new Float64Array(n);
  const ended = new Float64Array(n);
  const documentIndex = new Int32Array(n);
  const failed = new Uint8Array(n);
  const createdOffset = new Float64Array(n);
  const startedOffset = new Float64Array(n);
  const endedOffset = new Float64Array(n);
  const labels = uniqueRowNames(
    rows.map((r) => r.id),
    (i) => `#${(rows[i]?.documentIndex ?? i) + 1}`,
  );
  let offsetMinutes: number | undefined;
  rows.forEach((r, i) => {
    created[i] = r.created.epochMs ?? Number.NaN;
    started[i] = r.started.epochMs ?? Number.NaN;
    ended[i] = r.ended.epochMs ?? Number.NaN;
    createdOffset[i] = r.created.offsetMinutes ?? Number.NaN;
    startedOffset[i] = r.started.offsetMinutes ?? Number.NaN;
    endedOffset[i] = r.ended.offsetMinutes ?? Number.NaN;
    documentIndex[i] = r.documentIndex;
    failed[i] = r.state === 'Failed' ? 1 : 0;
    offsetMinutes ??= r.created.offsetMinutes ?? r.ended.offsetMinutes;
  });
  const minMs = timeline.spanStartMs ?? 0;
  const maxMs = timeline.spanEndMs ?? minMs + 1;
  return {
    count: n,
    created,
    started,
    ended,
    documentIndex,
    failed,
    labels,
    tags: rows.map((r) => r.tag),
    states: rows.map((r) => r.state),
    createdOffset,
    startedOffset,
    endedOffset,
    minMs,
    maxMs: Math.max(maxMs, minMs + 1),
    offsetMinutes,
  };
}
