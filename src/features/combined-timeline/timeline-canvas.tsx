import {
  useCallback,
  useEffect,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type WheelEvent,
} from 'react';
import {
  AXIS_HEIGHT,
  drawTimeline,
  labelWidth,
  ROW_HEIGHT,
  visibleRowCount,
  type TimelineColors,
  type TimelineViewport,
} from './draw-timeline';
import type { TimelineRows } from './timeline-rows';
import './combined-timeline.css';

export interface TimelineCanvasProps {
  readonly rows: TimelineRows;
  readonly label: string;
  readonly describedBy: string;
  readonly focused: number;
  readonly selected: number;
  readonly resetToken: number;
  readonly onFocusRow: (row: number) => void;
  readonly onSelectRow: (row: number) => void;
}

const HEIGHT = 380;

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

/**
 * The combined timeline on a canvas: only the rows in view are drawn, once per animation frame at most. Pans
 * (drag, ←/→), zooms (wheel, +/−) and scrolls rows (drag, ↑/↓ moves the focused job); Enter or a click selects.
 */
export function TimelineCanvas({
  rows,
  label,
  describedBy,
  focused,
  selected,
  resetToken,
  onFocusRow,
  onSelectRow,
}: TimelineCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<TimelineViewport>({ startMs: rows.minMs, endMs: rows.maxMs, top: 0 });
  const marks = useRef({ focused, selected });
  const frame = useRef<number | undefined>(undefined);
  const drag = useRef<{ x: number; y: number; moved: boolean; view: TimelineViewport } | undefined>(
    undefined,
  );

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
    drawTimeline(ctx, rows, view.current, { width, height, dpr }, readColors(canvas), marks.current);
  }, [rows]);

  const schedule = useCallback(() => {
    frame.current ??= requestAnimationFrame(draw);
  }, [draw]);

  useEffect(() => {
    view.current = { startMs: rows.minMs, endMs: rows.maxMs, top: 0 };
    schedule();
  }, [rows, resetToken, schedule]);

  useEffect(() => {
    marks.current = { focused, selected };
    // Keep the focused job in view.
    const count = visibleRowCount(canvasRef.current?.clientHeight ?? HEIGHT);
    const v = view.current;
    if (focused >= 0 && (focused < v.top || focused >= v.top + count)) {
      view.current = {
        ...v,
        top: Math.max(0, Math.min(focused - Math.floor(count / 2), rows.count - count)),
      };
    }
    schedule();
  }, [focused, selected, rows.count, schedule]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(schedule);
    // The wheel zooms the timeline, not the page (React's wheel listener is passive).
    const stopScroll = (event: globalThis.WheelEvent) => event.preventDefault();
    canvas.addEventListener('wheel', stopScroll, { passive: false });
    observer.observe(canvas);
    // The theme changes the colours.
    const themeObserver = new MutationObserver(schedule);
    themeObserver.observe(document.documentElement, { attributes: true });
    return () => {
      observer.disconnect();
      canvas.removeEventListener('wheel', stopScroll);
      themeObserver.disconnect();
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    };
  }, [schedule]);

  const plotWidth = () => {
    const width = canvasRef.current?.clientWidth ?? 1;
    return Math.max(1, width - labelWidth(width));
  };

  const pan = (fraction: number) => {
    const v = view.current;
    const shift = (v.endMs - v.startMs) * fraction;
    view.current = { ...v, startMs: v.startMs + shift, endMs: v.endMs + shift };
    schedule();
  };

  const zoom = (factor: number, anchor = 0.5) => {
    const v = view.current;
    const span = v.endMs - v.startMs;
    const next = Math.min(Math.max(span * factor, 10), (rows.maxMs - rows.minMs) * 20 + 1000);
    const at = v.startMs + span * anchor;
    view.current = { ...v, startMs: at - next * anchor, endMs: at + next * (1 - anchor) };
    schedule();
  };

  const rowAt = (clientY: number): number => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect) return -1;
    const y = clientY - rect.top - AXIS_HEIGHT;
    if (y < 0) return -1;
    const row = view.current.top + Math.floor(y / ROW_HEIGHT);
    return row < rows.count ? row : -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const page = visibleRowCount(canvasRef.current?.clientHeight ?? HEIGHT);
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

  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect) return;
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      pan((event.shiftKey ? event.deltaY : event.deltaX) / plotWidth());
      return;
    }
    const left = labelWidth(rect.width);
    const anchor = Math.min(1, Math.max(0, (event.clientX - rect.left - left) / plotWidth()));
    zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, anchor);
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, moved: false, view: view.current };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    const span = d.view.endMs - d.view.startMs;
    const shift = (-dx / plotWidth()) * span;
    const count = visibleRowCount(canvasRef.current?.clientHeight ?? HEIGHT);
    const top = Math.max(
      0,
      Math.min(d.view.top - Math.round(dy / ROW_HEIGHT), Math.max(0, rows.count - count)),
    );
    view.current = { startMs: d.view.startMs + shift, endMs: d.view.endMs + shift, top };
    schedule();
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = undefined;
    if (d && !d.moved) {
      const row = rowAt(event.clientY);
      if (row >= 0) onSelectRow(row);
    }
  };

  return (
    <canvas
      ref={canvasRef}
      className="timeline-canvas"
      data-testid="combined-timeline-canvas"
      style={{ height: HEIGHT }}
      tabIndex={0}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onWheel={onWheel}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = undefined)}
    />
  );
}
