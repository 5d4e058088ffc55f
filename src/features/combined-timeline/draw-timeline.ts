import { shortRowName, type AxisTick } from '../../domain/derive/timeline-axis';
import { barSpan, type TimelineViewport } from '../../domain/derive/timeline-layout';
import type { TimelineRows } from './timeline-rows';

export const ROW_HEIGHT = 18;
export const AXIS_HEIGHT = 22;
export const LABEL_WIDTH = 150;

/** A failed job is drawn at least this wide (CSS px), so one that took no time still shows as failed. */
export const FAILED_MIN_WIDTH = 6;
export interface TimelineColors {
  readonly fg: string;
  readonly muted: string;
  readonly border: string;
  readonly run: string;
  readonly failed: string;
  readonly focus: string;
  readonly bg: string;
}

/** Width of the label column: none on a phone. */
export function labelWidth(width: number): number {
  return width >= 560 ? LABEL_WIDTH : 0;
}

export function visibleRowCount(height: number): number {
  return Math.max(1, Math.floor((height - AXIS_HEIGHT) / ROW_HEIGHT));
}

const hatchCache = new Map<string, CanvasPattern | null>();

/** Queue wait is hatched, run time solid: the two read apart without colour. */
function hatch(ctx: CanvasRenderingContext2D, color: string, dpr: number): CanvasPattern | null {
  const key = `${color}@${dpr}`;
  if (hatchCache.has(key)) return hatchCache.get(key) ?? null;
  const size = Math.round(6 * dpr);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = color;
  t.lineWidth = Math.max(1, dpr);
  t.beginPath();
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.moveTo(-size / 2, size / 2);
  t.lineTo(size / 2, -size / 2);
  t.moveTo(size / 2, size * 1.5);
  t.lineTo(size * 1.5, size / 2);
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  hatchCache.set(key, pattern);
  return pattern;
}

/**
 * Draws the rows in view (only those: 10,000 jobs cost what 20 do) at the device's pixel ratio. `width` and
 * `height` are CSS pixels; the canvas is already sized to them times `dpr`.
 */
export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  rows: TimelineRows,
  view: TimelineViewport,
  size: { readonly width: number; readonly height: number; readonly dpr: number },
  colors: TimelineColors,
  marks: { readonly focused: number; readonly selected: number; readonly hovered: number },
  ticks: readonly AxisTick[],
): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const left = labelWidth(width);
  const plot = Math.max(1, width - left);
  const span = Math.max(1, view.endMs - view.startMs);
  const x = (ms: number) => left + ((ms - view.startMs) / span) * plot;

  // Tick lines at the axis's round steps (their labels are text over the canvas: see TimelineCanvas).
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = colors.border;
  ctx.lineWidth = 1;
  for (const tick of ticks) {
    const px = Math.round(x(tick.ms)) + 0.5;
    if (px < left || px > width) continue;
    ctx.globalAlpha = tick.hasDate ? 1 : 0.6;
    ctx.beginPath();
    ctx.moveTo(px, AXIS_HEIGHT - 4);
    ctx.lineTo(px, height);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.moveTo(left, AXIS_HEIGHT - 0.5);
  ctx.lineTo(width, AXIS_HEIGHT - 0.5);
  ctx.stroke();

  const count = visibleRowCount(height);
  const last = Math.min(rows.count, view.top + count);
  const queueFill = hatch(ctx, colors.muted, dpr);
  for (let i = view.top; i < last; i++) {
    const y = AXIS_HEIGHT + (i - view.top) * ROW_HEIGHT;
    if (i === marks.selected || i === marks.hovered) {
      ctx.fillStyle = colors.border;
      ctx.globalAlpha = i === marks.selected ? 0.45 : 0.25;
      ctx.fillRect(0, y, width, ROW_HEIGHT);
      ctx.globalAlpha = 1;
    }
    if (left > 0) {
      ctx.fillStyle = colors.fg;
      ctx.textAlign = 'left';
      ctx.fillText(shortRowName(rows.labels[i] ?? '', 22), 4, y + ROW_HEIGHT / 2, left - 8);
    }
    const c = rows.created[i] ?? Number.NaN;
    const s = rows.started[i] ?? Number.NaN;
    const e = rows.ended[i] ?? Number.NaN;
    const barTop = y + 3;
    const barHeight = ROW_HEIGHT - 6;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, AXIS_HEIGHT, plot, height - AXIS_HEIGHT);
    ctx.clip();
    if (!Number.isNaN(c) && !Number.isNaN(s) && s > c) {
      const x0 = x(c);
      const x1 = x(s);
      if (x1 >= left && x0 <= width) {
        const bar = barSpan(x0, x1, 1);
        ctx.fillStyle = queueFill ?? colors.muted;
        ctx.fillRect(bar.x, barTop, bar.width, barHeight);
        ctx.strokeStyle = colors.muted;
        ctx.strokeRect(bar.x + 0.5, barTop + 0.5, Math.max(1, bar.width - 1), barHeight - 1);
      }
    }
    const isFailed = rows.failed[i] === 1;
    const runStart = Number.isNaN(s) ? c : s;
    // A failed job with an EndTime is marked even without a start: the failure is the point.
    const from = Number.isNaN(runStart) ? (isFailed ? e : Number.NaN) : runStart;
    if (!Number.isNaN(from) && !Number.isNaN(e)) {
      const bar = barSpan(x(from), x(e), isFailed ? FAILED_MIN_WIDTH : 2);
      if (bar.x + bar.width >= left && bar.x <= width) {
        ctx.fillStyle = isFailed ? colors.failed : colors.run;
        ctx.fillRect(bar.x, barTop, bar.width, barHeight);
        if (isFailed) {
          // An outline in the text colour keeps a narrow failed mark apart from the run colour.
          ctx.strokeStyle = colors.fg;
          ctx.strokeRect(bar.x + 0.5, barTop + 0.5, bar.width - 1, barHeight - 1);
        }
      }
    }
    ctx.restore();
    if (i === marks.focused) {
      ctx.strokeStyle = colors.focus;
      ctx.lineWidth = 2;
      ctx.strokeRect(1, y + 1, width - 2, ROW_HEIGHT - 2);
      ctx.lineWidth = 1;
    }
  }
}
