import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { timeAxis, type TimeAxis } from '../../domain/derive/timeline-axis';
import {
  clampTop,
  panBy,
  pinchFactor,
  rowAtY,
  topToShow,
  zoomAround,
  zoomLimits,
  type TimelineViewport,
} from '../../domain/derive/timeline-layout';
import type { TimeZoneMode } from '../../domain/derive/format-time';
import {
  AXIS_HEIGHT,
  drawTimeline,
  labelWidth,
  ROW_HEIGHT,
  visibleRowCount,
  type TimelineColors,
} from './draw-timeline';
import { TimelineAxisLabels } from './timeline-axis-labels';
import type { TimelineRows } from './timeline-rows';
import { useWheelAndPinch } from './use-wheel-and-pinch';
import './combined-timeline.css';

export interface TimelineCanvasProps {
  readonly rows: TimelineRows;
  readonly label: string;
  readonly describedBy: string;
  readonly focused: number;
  readonly selected: number;
  readonly resetToken: number;
  readonly mode: TimeZoneMode;
  readonly onFocusRow: (row: number) => void;
  readonly onSelectRow: (row: number) => void;
  /** The job of a row, in words (Tag, JobId, state, times): the hover card. */
  readonly describeRow: (row: number) => ReactNode;
  /** Told the offset the axis is shown in (`+08:00`, `UTC`), for the legend. */
  readonly onZone?: (zone: string) => void;
}

const HEIGHT = 380;
const MAX_TICKS_PER_PX = 1 / 120;

function readColors(el: Element): TimelineColors {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#000'),
    muted: v('--muted', '#666'),
    border: v('--border', '#ccc'),
    run: v('--accent', '#0b57d0'),
    failed: v('--danger', '#c0211d'),
    focus: v('--focus', '#0b57d0'),
    bg: v('--panel-bg', '#fff'),
  };
}

interface Hover {
  readonly row: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The combined timeline on a canvas inside a scrolling box: the wheel scrolls the rows (every row is reachable,
 * the scroll bar says where you are), Ctrl/⌘ + wheel or a pinch zooms around the pointer, Shift + wheel, a drag or
 * ←/→ pans, ↑/↓ moves the focused job; Enter or a click selects. Only the rows in view are drawn, once per
 * animation frame at most. The axis labels are text over the canvas, by the app's time rule.
 */
export function TimelineCanvas({
  rows,
  label,
  describedBy,
  focused,
  selected,
  resetToken,
  mode,
  onFocusRow,
  onSelectRow,
  describeRow,
  onZone,
}: TimelineCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const view = useRef<TimelineViewport>({ startMs: rows.minMs, endMs: rows.maxMs, top: 0 });
  const [hover, setHover] = useState<Hover | undefined>(undefined);
  const marks = useRef({ focused, selected, hovered: -1 });
  const frame = useRef<number | undefined>(undefined);
  const drag = useRef<
    { x: number; y: number; moved: boolean; view: TimelineViewport; scrollTop: number } | undefined
  >(undefined);
  const touches = useRef(new Map<number, { x: number; y: number }>());
  const [axis, setAxis] = useState<{ axis: TimeAxis; left: number; plot: number; view: TimelineViewport }>();

  const draw = useCallback(() => {
    frame.current = undefined;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const left = labelWidth(width);
    const plot = Math.max(1, width - left);
    const v = view.current;
    const nextAxis = timeAxis(
      v.startMs,
      v.endMs,
      rows.offsetMinutes,
      mode,
      Math.max(2, Math.floor(plot * MAX_TICKS_PER_PX)),
    );
    drawTimeline(ctx, rows, v, { width, height, dpr }, readColors(canvas), marks.current, nextAxis.ticks);
    // Hooks for tests and tools: what is in view.
    canvas.dataset.top = String(v.top);
    canvas.dataset.startMs = String(Math.round(v.startMs));
    canvas.dataset.endMs = String(Math.round(v.endMs));
    setAxis({ axis: nextAxis, left, plot, view: v });
    onZone?.(nextAxis.zone);
  }, [rows, mode, onZone]);

  const schedule = useCallback(() => {
    frame.current ??= requestAnimationFrame(draw);
  }, [draw]);

  const visible = () => visibleRowCount(canvasRef.current?.clientHeight ?? HEIGHT);

  /** Scrolls the box so that `top` is the first row (the scroll event then redraws). */
  const scrollToTop = useCallback(
    (top: number) => {
      const count = visibleRowCount(canvasRef.current?.clientHeight ?? HEIGHT);
      const next = clampTop(top, rows.count, count);
      view.current = { ...view.current, top: next };
      if (scrollRef.current) scrollRef.current.scrollTop = next * ROW_HEIGHT;
      schedule();
    },
    [rows.count, schedule],
  );

  useEffect(() => {
    view.current = { startMs: rows.minMs, endMs: rows.maxMs, top: 0 };
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    schedule();
  }, [rows, resetToken, schedule]);

  useEffect(() => {
    marks.current = { ...marks.current, focused, selected };
    const count = visibleRowCount(canvasRef.current?.clientHeight ?? HEIGHT);
    const top = topToShow(focused, view.current.top, rows.count, count);
    if (top !== view.current.top) scrollToTop(top);
    else schedule();
  }, [focused, selected, rows.count, schedule, scrollToTop]);

  useEffect(() => {
    marks.current = { ...marks.current, hovered: hover?.row ?? -1 };
    schedule();
  }, [hover, schedule]);

  const zoomAt = useCallback(
    (factor: number, clientX: number) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const rect = canvas.getBoundingClientRect();
      const left = labelWidth(rect.width);
      const plot = Math.max(1, rect.width - left);
      const anchor = (clientX - rect.left - left) / plot;
      view.current = zoomAround(view.current, factor, anchor, zoomLimits(rows.minMs, rows.maxMs));
      schedule();
    },
    [rows.minMs, rows.maxMs, schedule],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(schedule);
    observer.observe(canvas);
    // The theme changes the colours.
    const themeObserver = new MutationObserver(schedule);
    themeObserver.observe(document.documentElement, { attributes: true });
    return () => {
      observer.disconnect();
      themeObserver.disconnect();
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    };
  }, [schedule]);

  useWheelAndPinch(canvasRef, {
    zoomAt,
    panPixels: useCallback(
      (pixels: number) => {
        const width = canvasRef.current?.clientWidth ?? 1;
        view.current = panBy(view.current, pixels / Math.max(1, width - labelWidth(width)));
        schedule();
      },
      [schedule],
    ),
  });

  const plotWidth = () => {
    const width = canvasRef.current?.clientWidth ?? 1;
    return Math.max(1, width - labelWidth(width));
  };

  const pan = (fraction: number) => {
    view.current = panBy(view.current, fraction);
    schedule();
  };

  const zoom = (factor: number) => {
    view.current = zoomAround(view.current, factor, 0.5, zoomLimits(rows.minMs, rows.maxMs));
    schedule();
  };

  const rowAt = (clientY: number): number => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect) return -1;
    return rowAtY(clientY - rect.top, view.current.top, rows.count, {
      axisHeight: AXIS_HEIGHT,
      rowHeight: ROW_HEIGHT,
    });
  };

  const onScroll = () => {
    const box = scrollRef.current;
    if (!box) return;
    const top = clampTop(Math.round(box.scrollTop) / ROW_HEIGHT, rows.count, visible());
    if (top === view.current.top) return;
    view.current = { ...view.current, top };
    setHover(undefined);
    schedule();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const page = visible();
    const current = Math.max(0, focused);
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(-0.1),
      ArrowRight: () => pan(0.1),
      '+': () => zoom(0.8),
      '=': () => zoom(0.8),
      '-': () => zoom(1.25),
      _: () => zoom(1.25),
      ArrowUp: () => onFocusRow(Math.max(0, current - 1)),
      ArrowDown: () => onFocusRow(Math.min(rows.count - 1, focused < 0 ? 0 : current + 1)),
      PageUp: () => onFocusRow(Math.max(0, current - page)),
      PageDown: () => onFocusRow(Math.min(rows.count - 1, current + page)),
      Home: () => onFocusRow(0),
      End: () => onFocusRow(rows.count - 1),
      Enter: () => focused >= 0 && onSelectRow(focused),
      ' ': () => focused >= 0 && onSelectRow(focused),
    };
    const action = Object.hasOwn(keys, event.key) ? keys[event.key] : undefined;
    if (!action) return;
    event.preventDefault();
    action();
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'touch') {
      touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (touches.current.size > 1) {
        drag.current = undefined;
        return;
      }
    }
    drag.current = {
      x: event.clientX,
      y: event.clientY,
      moved: false,
      view: view.current,
      scrollTop: scrollRef.current?.scrollTop ?? 0,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
  };

  const onPinchMove = (event: PointerEvent<HTMLCanvasElement>): boolean => {
    const points = touches.current;
    const before = points.get(event.pointerId);
    if (!before || points.size !== 2) return false;
    const other = [...points].find(([id]) => id !== event.pointerId)?.[1];
    if (!other) return false;
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.hypot(a.x - b.x, a.y - b.y);
    const now = { x: event.clientX, y: event.clientY };
    zoomAt(pinchFactor(distance(before, other), distance(now, other)), (now.x + other.x) / 2);
    points.set(event.pointerId, now);
    return true;
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'touch' && onPinchMove(event)) return;
    const d = drag.current;
    if (!d) {
      const row = rowAt(event.clientY);
      const rect = event.currentTarget.getBoundingClientRect();
      setHover(row < 0 ? undefined : { row, x: event.clientX - rect.left, y: event.clientY - rect.top });
      return;
    }
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    setHover(undefined);
    view.current = panBy({ ...d.view, top: view.current.top }, -dx / plotWidth());
    if (scrollRef.current) scrollRef.current.scrollTop = d.scrollTop - dy;
    schedule();
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    touches.current.delete(event.pointerId);
    const d = drag.current;
    drag.current = undefined;
    if (d && !d.moved) {
      const row = rowAt(event.clientY);
      if (row >= 0) onSelectRow(row);
    }
  };

  const hoverLeft = hover
    ? Math.min(hover.x + 12, Math.max(0, (axis?.left ?? 0) + (axis?.plot ?? 0) - 320))
    : 0;
  return (
    <div className="timeline-frame">
      <div
        ref={scrollRef}
        className="timeline-scroll"
        // The box's inside is as tall as the canvas (plus its 1 px borders), so its last scroll position shows
        // the last row at the bottom.
        style={{ height: HEIGHT + 2 }}
        onScroll={onScroll}
        data-testid="combined-timeline-scroll"
      >
        <div
          className="timeline-spacer"
          style={{ height: HEIGHT + Math.max(0, rows.count - visibleRowCount(HEIGHT)) * ROW_HEIGHT }}
        >
          <canvas
            ref={canvasRef}
            className="timeline-canvas"
            data-testid="combined-timeline-canvas"
            data-rows={rows.count}
            data-selected-row={selected}
            style={{ height: HEIGHT }}
            tabIndex={0}
            role="img"
            aria-label={label}
            aria-describedby={describedBy}
            onKeyDown={onKeyDown}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerLeave={() => setHover(undefined)}
            onPointerCancel={(event) => {
              touches.current.delete(event.pointerId);
              drag.current = undefined;
            }}
          />
        </div>
      </div>
      {axis && <TimelineAxisLabels {...axis} />}
      {hover && (
        <div
          className="timeline-hover"
          data-testid="combined-timeline-hover"
          data-row={hover.row}
          style={{ left: hoverLeft, top: hover.y + 16 }}
        >
          {describeRow(hover.row)}
        </div>
      )}
    </div>
  );
}
