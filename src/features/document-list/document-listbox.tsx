import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { ListEntry } from '../../store/list-entry';
import { useFixedRows } from './use-fixed-rows';
import { DocumentRow } from './document-row';
import './document-list.css';

/** Every row has this height (three lines), so the list knows its length and which rows are in view without measuring. */
export const ROW_HEIGHT = 76;
const OVERSCAN = 6;

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
  const list = useFixedRows(scrollRef, entries.length, ROW_HEIGHT, OVERSCAN, tabStop);

  const revealIndex = list.reveal;
  // A selection made elsewhere (a paste, a sample) scrolls into view.
  useEffect(() => {
    if (selectedIndex >= 0) revealIndex(selectedIndex);
  }, [selectedIndex, revealIndex]);

  // Keyboard moves focus to a row that may not be rendered yet: focus it once the list has drawn it.
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    // Read on the key, not on each render (a render reading the list's height forced a layout).
    const pageSize = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1,
    );
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

  return (
    <div
      ref={scrollRef}
      className="document-listbox"
      role="listbox"
      aria-label={label}
      style={{ '--row-count': entries.length } as CSSProperties}
    >
      <div role="presentation" className="document-listbox-spacer" style={{ height: list.totalSize }}>
        {list.rows.map((item) => {
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
