/**
 * Instants and stretches of time shared by the timeline builders: a payload time read as present, missing or
 * invalid (never a 1970 date from an absent value), and segments as fractions of a span, never negative.
 */
import type { TimeValue } from '../model';
import { CHINA_STANDARD_OFFSET } from '../normalize/values';

export type TimePointStatus = 'ok' | 'missing' | 'invalid';

export interface TimePoint {
  /** The payload's text; absent when the payload has no value (missing, empty or `-`). */
  readonly text?: string;
  readonly epochMs?: number;
  /**
   * The source's UTC offset in minutes, for showing the time as the payload wrote it (`formatInOffset`). When the
   * text gives none, +08:00, as the normaliser read it, with `offsetAssumed`.
   */
  readonly offsetMinutes?: number;
  readonly offsetAssumed?: true;
  readonly status: TimePointStatus;
}

export type SegmentKind = 'queue' | 'run' | 'total';

/** A stretch of the timeline as fractions (0..1) of the whole span; `width` is never negative. */
export interface TimelineSegment {
  readonly kind: SegmentKind;
  readonly start: number;
  readonly width: number;
}

export function toTimePoint(value: TimeValue | undefined): TimePoint {
  if (value === undefined) return { status: 'missing' };
  if (value.epochMs === undefined || !Number.isFinite(value.epochMs))
    return { text: value.text, status: 'invalid' };
  return value.offsetMinutes === undefined
    ? {
        text: value.text,
        epochMs: value.epochMs,
        offsetMinutes: CHINA_STANDARD_OFFSET,
        offsetAssumed: true,
        status: 'ok',
      }
    : { text: value.text, epochMs: value.epochMs, offsetMinutes: value.offsetMinutes, status: 'ok' };
}

/** `b − a` in ms, when both are known; may be negative. */
export const diff = (a: TimePoint, b: TimePoint): number | undefined =>
  a.epochMs !== undefined && b.epochMs !== undefined ? b.epochMs - a.epochMs : undefined;

/** Fraction of `[origin, origin + span]` covered by `from → to`, clamped to 0..1 and to a non-negative width. */
export function segmentOf(
  kind: SegmentKind,
  from: number,
  to: number,
  origin: number,
  span: number,
): TimelineSegment {
  if (!(span > 0)) return { kind, start: 0, width: 0 };
  const clamp = (x: number): number => Math.min(1, Math.max(0, x));
  const start = clamp((from - origin) / span);
  const end = clamp((to - origin) / span);
  return { kind, start, width: Math.max(0, end - start) };
}

/**
 * `queue` (creation → start) and `run` (start → end) when those times are known; `total` (creation → end) when
 * the job has no StartTime but ended. Fractions of `[origin, origin + span]`.
 */
export function jobSegments(
  created: TimePoint,
  started: TimePoint,
  ended: TimePoint,
  origin: number,
  span: number,
): TimelineSegment[] {
  const c = created.epochMs;
  const s = started.epochMs;
  const e = ended.epochMs;
  const segments: TimelineSegment[] = [];
  if (c !== undefined && s !== undefined) segments.push(segmentOf('queue', c, s, origin, span));
  if (s !== undefined && e !== undefined) segments.push(segmentOf('run', s, e, origin, span));
  if (s === undefined && c !== undefined && e !== undefined)
    segments.push(segmentOf('total', c, e, origin, span));
  return segments;
}

/** Earliest and latest known instants (a loop, not `Math.min(...)`, which overflows the stack on huge lists). */
export function extent(points: readonly TimePoint[]): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const p of points) {
    const t = p.epochMs;
    if (t === undefined) continue;
    if (min === undefined || t < min) min = t;
    if (max === undefined || t > max) max = t;
  }
  return min === undefined || max === undefined ? {} : { min, max };
}
