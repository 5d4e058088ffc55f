import type { CombinedTimeline } from '../../domain/derive/combined-timeline';

/** The combined timeline's rows as flat arrays: drawing reads them 60 times a second. */
export interface TimelineRows {
  readonly count: number;
  readonly created: Float64Array;
  readonly started: Float64Array;
  readonly ended: Float64Array;
  readonly documentIndex: Int32Array;
  readonly failed: Uint8Array;
  readonly labels: readonly string[];
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
  const labels: string[] = [];
  let offsetMinutes: number | undefined;
  rows.forEach((r, i) => {
    created[i] = r.created.epochMs ?? Number.NaN;
    started[i] = r.started.epochMs ?? Number.NaN;
    ended[i] = r.ended.epochMs ?? Number.NaN;
    documentIndex[i] = r.documentIndex;
    failed[i] = r.state === 'Failed' ? 1 : 0;
    labels.push(r.id ?? `#${r.documentIndex + 1}`);
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
    minMs,
    maxMs: Math.max(maxMs, minMs + 1),
    offsetMinutes,
  };
}
