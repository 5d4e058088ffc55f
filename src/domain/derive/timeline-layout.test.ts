import { describe, expect, it } from 'vitest';
import {
  barSpan,
  clampTop,
  panBy,
  pinchFactor,
  rowAtY,
  topToShow,
  wheelAction,
  wheelPixels,
  zoomAround,
  zoomLimits,
} from './timeline-layout';

const view = { startMs: 0, endMs: 100_000, top: 0 };
const limits = zoomLimits(0, 100_000);

describe('zoomAround', () => {
  it('keeps the instant under the pointer where it is', () => {
    const z = zoomAround(view, 0.5, 0.25, limits);
    expect(z).toEqual({ startMs: 12_500, endMs: 62_500, top: 0 });
    // The anchor's instant: 25% across before and after.
    expect(z.startMs + (z.endMs - z.startMs) * 0.25).toBe(25_000);
  });
  it('stops at 5 s across and at 20 times the whole range', () => {
    const inner = zoomAround(view, 1e-6, 0.5, limits);
    expect(inner.endMs - inner.startMs).toBe(5000);
    const outer = zoomAround(view, 1e6, 0.5, limits);
    expect(outer.endMs - outer.startMs).toBe(2_000_000);
  });
  it('ignores a factor it cannot use', () => {
    expect(zoomAround(view, Number.NaN, 0.5, limits)).toBe(view);
    expect(zoomAround(view, 0, 0.5, limits)).toBe(view);
  });
});

describe('panBy', () => {
  it('moves by a fraction of the span', () => {
    expect(panBy(view, 0.1)).toEqual({ startMs: 10_000, endMs: 110_000, top: 0 });
  });
});

describe('rows in view', () => {
  it('lets the last row be reached and no further', () => {
    expect(clampTop(-3, 100, 20)).toBe(0);
    expect(clampTop(95, 100, 20)).toBe(80);
    expect(clampTop(5, 10, 20)).toBe(0);
    expect(clampTop(12.7, 100, 20)).toBe(12);
  });
  it('brings a row into view only when it is out of it', () => {
    expect(topToShow(15, 10, 100, 20)).toBe(10);
    expect(topToShow(50, 10, 100, 20)).toBe(40);
    expect(topToShow(99, 0, 100, 20)).toBe(80);
    expect(topToShow(-1, 7, 100, 20)).toBe(7);
  });
  it('finds the row under the pointer', () => {
    const layout = { axisHeight: 22, rowHeight: 18 };
    expect(rowAtY(10, 0, 50, layout)).toBe(-1);
    expect(rowAtY(22, 0, 50, layout)).toBe(0);
    expect(rowAtY(22 + 18 * 3 + 1, 10, 50, layout)).toBe(13);
    expect(rowAtY(22 + 18 * 60, 0, 50, layout)).toBe(-1);
  });
});

describe('wheelAction', () => {
  const base = { deltaX: 0, deltaY: 100, ctrlKey: false, metaKey: false, shiftKey: false };
  it('scrolls rows with a plain wheel', () => {
    expect(wheelAction(base)).toEqual({ kind: 'scroll' });
  });
  it('zooms with Ctrl or ⌘ (a pinch), out for a positive delta and in for a negative one', () => {
    const out = wheelAction({ ...base, ctrlKey: true });
    const inward = wheelAction({ ...base, metaKey: true, deltaY: -100 });
    expect(out.kind === 'zoom' && out.factor > 1).toBe(true);
    expect(inward.kind === 'zoom' && inward.factor < 1).toBe(true);
    if (out.kind === 'zoom' && inward.kind === 'zoom') expect(out.factor * inward.factor).toBeCloseTo(1);
  });
  it('pans with Shift + wheel or a sideways swipe', () => {
    expect(wheelAction({ ...base, shiftKey: true })).toEqual({ kind: 'pan', pixels: 100 });
    expect(wheelAction({ ...base, deltaX: 40, deltaY: 5 })).toEqual({ kind: 'pan', pixels: 40 });
  });
  it('reads lines and pages as pixels', () => {
    expect(wheelPixels(3, 0, 18, 380)).toBe(3);
    expect(wheelPixels(3, 1, 18, 380)).toBe(54);
    expect(wheelPixels(1, 2, 18, 380)).toBe(380);
  });
  it('zooms in when two fingers move apart', () => {
    expect(pinchFactor(100, 200)).toBe(0.5);
    expect(pinchFactor(0, 200)).toBe(1);
  });
});

describe('barSpan', () => {
  it('keeps a bar as wide as its time, and a zero-width one at the minimum, centred', () => {
    expect(barSpan(10, 50, 6)).toEqual({ x: 10, width: 40 });
    expect(barSpan(100, 100, 6)).toEqual({ x: 97, width: 6 });
    expect(barSpan(50, 10, 6)).toEqual({ x: 10, width: 40 });
  });
});
