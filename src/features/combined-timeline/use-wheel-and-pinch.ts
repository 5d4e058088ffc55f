import { useEffect, type RefObject } from 'react';
import { wheelAction, wheelPixels } from '../../domain/derive/timeline-layout';
import { ROW_HEIGHT } from './draw-timeline';

export interface WheelHandlers {
  /** Zooms by `factor` (< 1 in) around the instant at `clientX`. */
  readonly zoomAt: (factor: number, clientX: number) => void;
  /** Pans by this many CSS pixels of the plot (positive: later). */
  readonly panPixels: (pixels: number) => void;
}

/**
 * Ctrl/⌘ + wheel (and a trackpad pinch, which arrives as Ctrl + wheel) zooms the timeline, not the page; Shift +
 * wheel or a sideways swipe pans; a plain wheel is left alone, so it scrolls the rows' box (and the page at its
 * ends). React's wheel listener is passive, so this one is added by hand. Safari's trackpad pinch arrives as
 * gesture events.
 */
export function useWheelAndPinch(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  { zoomAt, panPixels }: WheelHandlers,
): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      const pixels = (d: number) => wheelPixels(d, event.deltaMode, ROW_HEIGHT, canvas.clientHeight);
      const action = wheelAction({
        deltaX: pixels(event.deltaX),
        deltaY: pixels(event.deltaY),
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
      });
      if (action.kind === 'scroll') return;
      event.preventDefault();
      if (action.kind === 'zoom') zoomAt(action.factor, event.clientX);
      else panPixels(action.pixels);
    };
    let gestureScale = 1;
    const onGestureStart = (event: Event) => {
      event.preventDefault();
      gestureScale = 1;
    };
    const onGestureChange = (event: Event) => {
      event.preventDefault();
      const e = event as Event & { scale?: number; clientX?: number };
      const scale = e.scale ?? 1;
      const rect = canvas.getBoundingClientRect();
      zoomAt(gestureScale / scale, e.clientX ?? rect.left + rect.width / 2);
      gestureScale = scale;
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    canvas.addEventListener('gesturestart', onGestureStart);
    canvas.addEventListener('gesturechange', onGestureChange);
    return () => {
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('gesturestart', onGestureStart);
      canvas.removeEventListener('gesturechange', onGestureChange);
    };
  }, [canvasRef, zoomAt, panPixels]);
}
