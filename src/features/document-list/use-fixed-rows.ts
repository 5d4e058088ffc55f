import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** A row the list draws: its index in the entries and where it starts (px from the list's top). */
export interface FixedRow {
  readonly index: number;
  readonly start: number;
}

export interface FixedRows {
  /** The rows to draw: those in view, `overscan` more each side, and `keep` (the row reachable with Tab). */
  readonly rows: readonly FixedRow[];
  /** The height of all rows. */
  readonly totalSize: number;
  /**
   * Scrolls just enough to show the row, when it is out of view judged from the list's last observed offset and
   * height (a scroll reads the layout: right after the panels render, tens of milliseconds). Before the list's
   * size is first observed it shows at least one row: its first row needs no scroll. Stable across renders.
   */
  readonly reveal: (index: number) => void;
}

/** Which rows a list of `count` rows of `rowHeight` shows, scrolled by `offset` in a box of `height` (pure). */
export function rowsInView(
  count: number,
  rowHeight: number,
  offset: number,
  height: number,
  overscan: number,
  keep?: number,
): FixedRow[] {
  if (count === 0) return [];
  const first = Math.min(count - 1, Math.max(0, Math.floor(offset / rowHeight)));
  const last = Math.min(count - 1, Math.max(first, Math.ceil((offset + height) / rowHeight) - 1));
  const from = Math.max(0, first - overscan);
  const to = Math.min(count - 1, last + overscan);
  const rows: FixedRow[] = [];
  if (keep !== undefined && keep >= 0 && keep < from) rows.push({ index: keep, start: keep * rowHeight });
  for (let i = from; i <= to; i++) rows.push({ index: i, start: i * rowHeight });
  if (keep !== undefined && keep > to && keep < count) rows.push({ index: keep, start: keep * rowHeight });
  return rows;
}

/**
 * The scroll offset that shows row `index` (`undefined` when it is in view already): the least scroll, as
 * `scrollIntoView({ block: 'nearest' })` would.
 */
export function offsetToShow(
  index: number,
  rowHeight: number,
  offset: number,
  height: number,
): number | undefined {
  const top = index * rowHeight;
  if (top < offset) return top;
  if (top + rowHeight > offset + height) return Math.max(0, top + rowHeight - height);
  return undefined;
}

/**
 * A list of rows of one fixed height, drawn only where in view (10,000 or 100,000 entries stay fast). The box's
 * size comes from a ResizeObserver and its offset from scroll events, both read after the browser's own layout:
 * mounting the list or adding rows never forces a layout, and what a render costs does not grow with the count
 * (a general virtualiser measured every row again at each change of the count: tens of milliseconds for each
 * commit of a 100,000-callback load).
 */
export function useFixedRows(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  keep?: number,
): FixedRows {
  const [view, setView] = useState({ offset: 0, height: 0 });
  const last = useRef(view);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const update = (sync: boolean) => {
      const next = { offset: element.scrollTop, height: element.clientHeight };
      last.current = next;
      const set = () => setView((v) => (v.offset === next.offset && v.height === next.height ? v : next));
      // While scrolling, the rows follow in the same frame (no blank rows at the edge).
      if (sync) flushSync(set);
      else set();
    };
    const onScroll = () => update(true);
    element.addEventListener('scroll', onScroll, { passive: true });
    const Observer = element.ownerDocument.defaultView?.ResizeObserver;
    const observer = Observer ? new Observer(() => update(false)) : undefined;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef]);
  const { offset, height } = view;
  const rows = useMemo(
    () => rowsInView(count, rowHeight, offset, height, overscan, keep),
    [count, rowHeight, offset, height, overscan, keep],
  );
  const reveal = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      const seen = last.current;
      if (
        !element ||
        offsetToShow(index, rowHeight, seen.offset, Math.max(seen.height, rowHeight)) === undefined
      )
        return;
      // Where to, from the layout as it is now (the scroll reads it anyway).
      const to = offsetToShow(index, rowHeight, element.scrollTop, element.clientHeight);
      if (to !== undefined) element.scrollTo({ top: to });
    },
    [scrollRef, rowHeight],
  );
  return { rows, totalSize: count * rowHeight, reveal };
}
