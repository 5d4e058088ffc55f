/**
 * The combined timeline's geometry, pure: what part of the time range and which rows are in view, how a wheel,
 * a pinch or a key changes that, which row is under the pointer, and how wide a bar is drawn (a failed job keeps
 * a visible mark even when it took no time).
 */

export interface TimelineViewport {
  readonly startMs: number;
  readonly endMs: number;
  /** First row in view. */
  readonly top: number;
}

export interface ZoomLimits {
  /** The narrowest span shown: a few seconds (CI times are whole seconds). */
  readonly minSpanMs: number;
  readonly maxSpanMs: number;
}

/** Zoom limits for a set spanning [minMs, maxMs]: down to 5 s across, out to 20 times the whole range. */
export function zoomLimits(minMs: number, maxMs: number): ZoomLimits {
  const whole = Math.max(1000, maxMs - minMs);
  return { minSpanMs: 5000, maxSpanMs: whole * 20 };
}

/**
 * Scales the span by `factor` (< 1 zooms in) keeping the instant under `anchor` (0 = left edge, 1 = right edge of
 * the plot) where it is: zooming "around the pointer".
 */
export function zoomAround(
  view: TimelineViewport,
  factor: number,
  anchor: number,
  limits: ZoomLimits,
): TimelineViewport {
  const span = view.endMs - view.startMs;
  if (!(span > 0) || !Number.isFinite(factor) || factor <= 0) return view;
  const next = Math.min(Math.max(span * factor, limits.minSpanMs), limits.maxSpanMs);
  const a = Math.min(1, Math.max(0, Number.isFinite(anchor) ? anchor : 0.5));
  const at = view.startMs + span * a;
  return { ...view, startMs: at - next * a, endMs: at + next * (1 - a) };
}

/** Moves the range by a fraction of its span (positive: later). */
export function panBy(view: TimelineViewport, fraction: number): TimelineViewport {
  if (!Number.isFinite(fraction)) return view;
  const shift = (view.endMs - view.startMs) * fraction;
  return { ...view, startMs: view.startMs + shift, endMs: view.endMs + shift };
}

/** The first row in view, kept so that the last row can be reached and no blank page follows it. */
export function clampTop(top: number, count: number, visible: number): number {
  const max = Math.max(0, count - Math.max(1, visible));
  return Math.min(max, Math.max(0, Math.floor(Number.isFinite(top) ? top : 0)));
}

/** The first row that shows `row` (kept in view, centred when it had to move), or `top` unchanged. */
export function topToShow(row: number, top: number, count: number, visible: number): number {
  if (row < 0 || row >= count) return top;
  if (row >= top && row < top + visible) return top;
  return clampTop(row - Math.floor(visible / 2), count, visible);
}

/** The row at `y` (CSS pixels from the canvas top), or -1 above the rows (the axis) or below the last. */
export function rowAtY(
  y: number,
  top: number,
  count: number,
  layout: { readonly axisHeight: number; readonly rowHeight: number },
): number {
  const inRows = y - layout.axisHeight;
  if (!(inRows >= 0)) return -1;
  const row = top + Math.floor(inRows / layout.rowHeight);
  return row < count ? row : -1;
}

/** A wheel event's deltas in CSS pixels (`deltaMode` 1 is lines, 2 pages). */
export function wheelPixels(
  delta: number,
  deltaMode: number,
  lineHeight: number,
  pageHeight: number,
): number {
  if (deltaMode === 1) return delta * lineHeight;
  if (deltaMode === 2) return delta * pageHeight;
  return delta;
}

export type WheelAction =
  | { readonly kind: 'zoom'; readonly factor: number }
  | { readonly kind: 'pan'; readonly pixels: number }
  | { readonly kind: 'scroll' };

export interface WheelInput {
  readonly deltaX: number;
  readonly deltaY: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * What a wheel does over the timeline: it scrolls the rows as anywhere else on the page; Ctrl/⌘ + wheel zooms
 * (a trackpad pinch arrives as Ctrl + wheel in Chromium, Firefox and Safari); Shift + wheel or a sideways swipe
 * pans in time. Deltas are CSS pixels (see `wheelPixels`).
 */
export function wheelAction(input: WheelInput): WheelAction {
  if (input.ctrlKey || input.metaKey) {
    // 100 px of wheel (one notch) zooms by about 1.2; a pinch's small deltas zoom smoothly.
    const factor = Math.exp(Math.max(-300, Math.min(300, input.deltaY)) * 0.0018);
    return { kind: 'zoom', factor };
  }
  if (input.shiftKey) return { kind: 'pan', pixels: input.deltaY || input.deltaX };
  if (Math.abs(input.deltaX) > Math.abs(input.deltaY)) return { kind: 'pan', pixels: input.deltaX };
  return { kind: 'scroll' };
}

/**
 * The zoom factor of a two-finger pinch going from `before` to `after` pixels apart (fingers apart: zoom in,
 * factor < 1), or 1 when either distance is too small to read.
 */
export function pinchFactor(before: number, after: number): number {
  if (!(before > 4) || !(after > 4)) return 1;
  return before / after;
}

/**
 * The left edge and width of a bar from x0 to x1, at least `minWidth` wide (centred on the instant when narrower):
 * a failed job that took no time still shows as a failed mark.
 */
export function barSpan(
  x0: number,
  x1: number,
  minWidth: number,
): { readonly x: number; readonly width: number } {
  const left = Math.min(x0, x1);
  const width = Math.abs(x1 - x0);
  if (width >= minWidth) return { x: left, width };
  return { x: left + width / 2 - minWidth / 2, width: minWidth };
}
