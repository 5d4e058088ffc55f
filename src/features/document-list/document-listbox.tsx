import {
  defaultRangeExtractor,
  elementScroll,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { ListEntry } from '../../store/list-entry';
import { DocumentRow } from './document-row';
import './document-list.css';

/** Every row has this height (three lines), so the virtualiser knows the list's length without measuring. */
export const ROW_HEIGHT = 76;
const OVERSCAN = 6;

/**
 * The list's size as the virtualiser sees it, from the browser's resize observations only. The library's own
 * reads the element's size as soon as the list mounts, in React's commit: that forced the whole new page's first
 * layout inside the commit's task (100-145 ms when a share link's first callbacks arrived). The observation comes
 * after the browser's own layout, in the frame; until then the list has the library's first rows (its overscan).
 */
function observeRectAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  onRect: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const View = instance.targetWindow?.ResizeObserver;
  if (!element || !View) return undefined;
  // Read in the observer's callback, the layout is already done: nothing is forced.
  const observer = new View(() => onRect({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

const scrolled = new WeakSet<Element>();

/**
 * Scrolls the list as the library does, but for its first write to a new list, to the top where a new element
 * already is: `scrollTo` forces the layout, the very one `observeRectAfterLayout` leaves to the browser's frame.
 */
const scrollAfterFirst: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  const element = instance.scrollElement;
  if (element && !scrolled.has(element)) {
    scrolled.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
};

export interface DocumentListboxProps {
  readonly entries: readonly ListEntry[];
  readonly selectedKey: string | undefined;
  /** Where the selected entry is in `entries` (-1: not shown), found once per list by the caller. */
  readonly selectedIndex: number;
  readonly label: string;
  readonly nameOf: (entry: ListEntry) => string;
  readonly onSelect: (key: string) => void;
  /** Delete on a row removes it (undoably); focus moves to the row that takes its place. */
  readonly onRemove?: (index: number) => void;
}

/**
 * The list as a listbox: only the rows on screen are in the DOM (10,000 documents stay fast), arrow keys, Home,
 * End, Page Up/Down move the selection, Enter or Space select, and one row at a time is reachable with Tab.
 */
export function DocumentListbox({
  entries,
  selectedKey,
  selectedIndex,
  label,
  nameOf,
  onSelect,
  onRemove,
}: DocumentListboxProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | undefined>(undefined);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;
  // The row reachable with Tab stays rendered even when scrolled away, so Tab always lands in the list.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (tabStop < range.count && !indexes.includes(tabStop)) indexes.push(tabStop);
      return indexes.sort((a, b) => a - b);
    },
    [tabStop],
  );
  // The virtualiser re-renders this component itself on scroll; no React Compiler memoisation is relied on.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    rangeExtractor,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterFirst,
    // No getItemKey: rows are never measured (one fixed height), so the virtualiser's own keys (indexes) do; a
    // function made on each render made it lay out every row again on every render (100,000 at each scroll step).
  });

  /**
   * Scrolls a row into view only when it is out of view, judged from the virtualiser's cached scroll state:
   * `scrollToIndex` reads the layout, which right after the panels render costs tens of milliseconds.
   */
  const revealIndex = useCallback(
    (index: number) => {
      const top = index * ROW_HEIGHT;
      const offset = virtualizer.scrollOffset ?? 0;
      // Before the list's size is first observed (`observeRectAfterLayout`), it shows at least one row: its first
      // row needs no scroll (which would force the layout the observation waits for).
      const height = Math.max(virtualizer.scrollRect?.height ?? 0, ROW_HEIGHT);
      if (top < offset || top + ROW_HEIGHT > offset + height)
        virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [virtualizer],
  );

  // A selection made elsewhere (a paste, a sample) scrolls into view.
  useEffect(() => {
    if (selectedIndex >= 0) revealIndex(selectedIndex);
  }, [selectedIndex, revealIndex]);

  // Keyboard moves focus to a row that may not be rendered yet: focus it once the virtualiser has drawn it.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = undefined;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(entries.length - 1, index));
      const entry = entries[target];
      if (!entry) return;
      pendingFocus.current = target;
      onSelect(entry.key);
      revealIndex(target);
    },
    [entries, onSelect, revealIndex],
  );

  const pageSize = Math.max(
    1,
    Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1,
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const moves: Readonly<Record<string, number>> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: entries.length - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
    };
    if (Object.hasOwn(moves, event.key)) {
      event.preventDefault();
      moveTo(moves[event.key] ?? index);
    } else if (event.key === 'Delete' && onRemove) {
      event.preventDefault();
      pendingFocus.current = Math.max(0, Math.min(index, entries.length - 2));
      onRemove(index);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const entry = entries[index];
      if (entry) onSelect(entry.key);
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="document-listbox"
      role="listbox"
      aria-label={label}
      style={{ '--row-count': entries.length } as CSSProperties}
    >
      <div
        role="presentation"
        className="document-listbox-spacer"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <DocumentRow
              key={entry.key}
              entry={entry}
              name={nameOf(entry)}
              index={item.index}
              setSize={entries.length}
              isSelected={entry.key === selectedKey}
              isTabStop={item.index === tabStop}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onSelect={(e) => onSelect(e.key)}
              onKeyDown={onKeyDown}
            />
          );
        })}
      </div>
    </div>
  );
}
