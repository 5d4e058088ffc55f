import type { TimelineRows } from './timeline-rows';

export const ROW_HEIGHT = 18;
export const AXIS_HEIGHT = 22;
export const LABEL_WIDTH = 150;

export interface TimelineViewport {
  readonly startMs: number;
  readonly endMs: number;
  /** First row drawn. */
  readonly top: number;
}

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

function timeLabel(ms: number, span: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return span < 10_000 ? `${hms}.${pad(d.getMilliseconds(), 3)}` : hms;
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
  marks: { readonly focused: number; readonly selected: number },
): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const left = labelWidth(width);
  const plot = Math.max(1, width - left);
  const span = Math.max(1, view.endMs - view.startMs);
  const x = (ms: number) => left + ((ms - view.startMs) / span) * plot;

  // Axis: five ticks in the viewer's local time.
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colors.muted;
  ctx.strokeStyle = colors.border;
  ctx.lineWidth = 1;
  for (let i = 0; i <= 4; i++) {
    const ms = view.startMs + (span * i) / 4;
    const px = Math.round(x(ms)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, AXIS_HEIGHT - 4);
    ctx.lineTo(px, height);
    ctx.stroke();
    ctx.textAlign = i === 0 ? 'left' : i === 4 ? 'right' : 'center';
    ctx.fillText(timeLabel(ms, span), px, AXIS_HEIGHT / 2);
  }

  const count = visibleRowCount(height);
  const last = Math.min(rows.count, view.top + count);
  const queueFill = hatch(ctx, colors.muted, dpr);
  for (let i = view.top; i < last; i++) {
    const y = AXIS_HEIGHT + (i - view.top) * ROW_HEIGHT;
    if (i === marks.selected) {
      ctx.fillStyle = colors.border;
      ctx.globalAlpha = 0.45;
      ctx.fillRect(0, y, width, ROW_HEIGHT);
      ctx.globalAlpha = 1;
    }
    if (left > 0) {
      ctx.fillStyle = colors.fg;
      ctx.textAlign = 'left';
      const label = rows.labels[i] ?? '';
      ctx.fillText(label.length > 20 ? `${label.slice(0, 19)}…` : label, 4, y + ROW_HEIGHT / 2, left - 8);
    }
    const c = rows.created[i] ?? Number.NaN;
    const s = rows.started[i] ?? Number.NaN;
    const e = rows.ended[i] ?? Number.NaN;
    const barTop = y + 3;
    const barHeight = ROW_HEIGHT - 6;
    if (!Number.isNaN(c) && !Number.isNaN(s) && s > c) {
      const x0 = Math.max(left, x(c));
      const x1 = Math.min(width, x(s));
      if (x1 > x0) {
        ctx.fillStyle = queueFill ?? colors.muted;
        ctx.fillRect(x0, barTop, Math.max(1, x1 - x0), barHeight);
        ctx.strokeStyle = colors.muted;
        ctx.strokeRect(x0 + 0.5, barTop + 0.5, Math.max(1, x1 - x0) - 1, barHeight - 1);
      }
    }
    const runStart = Number.isNaN(s) ? c : s;
    if (!Number.isNaN(runStart) && !Number.isNaN(e)) {
      const x0 = Math.max(left, x(runStart));
      const x1 = Math.min(width, x(e));
      if (x1 >= x0 - 1) {
        ctx.fillStyle = rows.failed[i] ? colors.failed : colors.run;
        ctx.fillRect(x0, barTop, Math.max(2, x1 - x0), barHeight);
      }
    }
    if (i === marks.focused) {
      ctx.strokeStyle = colors.focus;
      ctx.lineWidth = 2;
      ctx.strokeRect(1, y + 1, width - 2, ROW_HEIGHT - 2);
      ctx.lineWidth = 1;
    }
  }
}
