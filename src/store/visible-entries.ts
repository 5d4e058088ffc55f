/**
 * What the list shows (`selectors.ts` re-exports these): the entries filtered by text, State, Tag, end-time window
 * and overview figure, then sorted, in two stages remembered apart, so a new sort does not filter again and a new
 * filter does not sort again (`entry-order.ts` keeps each sort's order of the whole set). The overview's figures
 * are filters too (`overview-select.ts` provides the test of its run figures).
 */
import { digestOf } from '../domain/derive/digest';
import { failureKey } from '../domain/derive/failures';
import type { TimeZoneMode } from '../domain/derive/format-time';
import { parseTypedTime } from '../domain/derive/typed-time';
import type { AppData } from './app-store';
import { deliveriesOfEntries, entryDeliveries, selectEntries } from './entries';
import { sortFiltered } from './entry-order';
import { filterEntries, type EntryFilter, type ListEntry } from './list-entry';
import { memoizeLast } from './memoize';
import type { ListFacet } from './view-slice';

/** The last filter applied, so typing on (a needle that holds the last one) searches only what it kept. */
interface LastFilter {
  readonly entries: readonly ListEntry[];
  readonly rest: readonly unknown[];
  readonly needle: string;
  readonly result: readonly ListEntry[];
}

let lastFilter: LastFilter | undefined;

const filterStage = memoizeLast(
  (
    entries: readonly ListEntry[],
    text: string,
    stateFilter: string,
    tag: string,
    timeFrom: string,
    timeTo: string,
    facet: ListFacet | undefined,
    mode: TimeZoneMode,
  ): readonly ListEntry[] => {
    const offset = setOffsetMinutes(entries);
    const filter: EntryFilter = {
      text,
      state: stateFilter,
      tag,
      fromMs: parseTypedTime(timeFrom, mode, offset) ?? undefined,
      toMs: parseTypedTime(timeTo, mode, offset, true) ?? undefined,
      predicate: facet === undefined ? undefined : facetPredicate(facet, entries),
    };
    const needle = text.trim().toLowerCase();
    const rest = [stateFilter, tag, timeFrom, timeTo, facet, mode];
    const last = lastFilter;
    // The entries a longer needle can match are among those the shorter one kept (same other filters).
    const narrows =
      last !== undefined &&
      last.entries === entries &&
      last.needle !== '' &&
      needle.includes(last.needle) &&
      last.rest.every((v, i) => v === rest[i]);
    const result = filterEntries(narrows ? last.result : entries, filter);
    lastFilter = { entries, rest, needle, result };
    return result;
  },
);

const sortStage = memoizeLast(sortFiltered);

/** The offset the loaded callbacks write their times in (the first end time's), for typed times. */
export function setOffsetMinutes(entries: readonly ListEntry[]): number | undefined {
  for (const e of entries) {
    const offset = e.title.endTime?.offsetMinutes;
    if (offset !== undefined) return offset;
    if (e.title.endTime !== undefined) return undefined;
  }
  return undefined;
}

/** The callbacks behind an overview figure. */
function facetPredicate(facet: ListFacet, entries: readonly ListEntry[]): (e: ListEntry) => boolean {
  switch (facet.kind) {
    case 'code':
      return (e) => digestOf(e.doc).jobs.some((j) => failureKey(j) === facet.value);
    case 'failed':
      return (e) => digestOf(e.doc).jobs.some((j) => failureKey(j) !== undefined);
    case 'duplicates':
    case 'variants': {
      const deliveries = deliveriesOfEntries(entries);
      return (e) => {
        if (!deliveries) return e.isDuplicate;
        const { total, same } = entryDeliveries(e, deliveries);
        return facet.kind === 'duplicates' ? total > 1 : total > same;
      };
    }
    case 'docKind':
      return (e) => (e.kind ?? 'invalid') === facet.value;
    case 'runs':
      // Only the overview sets this facet, and its module provides the test (`overview-select.ts`).
      return runsFacet?.(facet.value, entries) ?? (() => true);
    case 'verdict':
    case 'testRequest':
      return (e) => {
        const digest = digestOf(e.doc) as { readonly verdict?: string; readonly testRequest?: boolean };
        return facet.kind === 'verdict' ? digest.verdict === facet.value : digest.testRequest === true;
      };
  }
}

type RunFacet = Extract<ListFacet, { kind: 'runs' }>['value'];
type RunsFacet = (value: RunFacet, entries: readonly ListEntry[]) => (e: ListEntry) => boolean;
let runsFacet: RunsFacet | undefined;

/**
 * Gives the test of the overview's run figures: the overview and its builder are a chunk of their own, loaded with
 * the overview (the page's first load stays under its size budget), and the figures filter only from there.
 */
export function provideRunsFacet(test: RunsFacet): void {
  runsFacet = test;
}

/** The entries the list shows: filtered by text, State, Tag, end-time window and overview figure, then sorted. */
export function selectVisibleEntries(
  state: Pick<
    AppData,
    | 'draft'
    | 'sources'
    | 'filterText'
    | 'stateFilter'
    | 'tagFilter'
    | 'sort'
    | 'timeFrom'
    | 'timeTo'
    | 'facet'
    | 'timeZone'
  >,
): readonly ListEntry[] {
  const entries = selectEntries(state);
  const filtered = filterStage(
    entries,
    state.filterText,
    state.stateFilter,
    state.tagFilter,
    state.timeFrom,
    state.timeTo,
    state.facet,
    state.timeZone,
  );
  return sortStage(entries, filtered, state.sort);
}
