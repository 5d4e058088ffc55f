import { withIndex } from '../domain/derive/digest';
import type { Diagnostic } from '../domain/diagnostics';
import type { CallbackDocument } from '../domain/model';
import type { AppData } from './app-store';
import { DRAFT_SOURCE_ID, type Draft, type LoadedSource } from './documents-slice';
import { entriesGeneration, selectEntries } from './entries';
import { stateRank, type ListEntry } from './list-entry';
import { memoizeLast } from './memoize';

export {
  deliveryKey,
  entriesFromScratch,
  entryDeliveries,
  selectDeliveries,
  selectDocumentCount,
  selectEntries,
  type Deliveries,
} from './entries';
export { selectVisibleEntries, setOffsetMinutes } from './visible-entries';

/**
 * Every loaded document in load order, each with `index` set to its position here: documents of different
 * sources share indexes, and the overview and the combined timeline name documents by index.
 * `entries[i]` (`selectEntries`) is the entry of document `i`.
 */
const buildDocuments = memoizeLast((entries: readonly ListEntry[]): readonly CallbackDocument[] =>
  entries.map((e, i) => (e.doc.index === i ? e.doc : withIndex(e.doc, i))),
);

export function selectAllDocuments(state: Pick<AppData, 'draft' | 'sources'>): readonly CallbackDocument[] {
  return buildDocuments(selectEntries(state));
}

/** The position of the entry with `key` in `entries` (-1: none), remembered per list and key. */
function keyFinder(): (entries: readonly ListEntry[], key: string | undefined) => number {
  return memoizeLast((entries: readonly ListEntry[], key: string | undefined) =>
    key === undefined ? -1 : entries.findIndex((e) => e.key === key),
  );
}

const compareIndex = keyFinder();

export function selectEntryByKey(
  state: Pick<AppData, 'draft' | 'sources'>,
  key: string | undefined,
): ListEntry | undefined {
  const entries = selectEntries(state);
  return entries[compareIndex(entries, key)];
}

const selectedIndex = keyFinder();

/** The selected entry: found once per set of entries and selection, not on every update of the store. */
export function selectSelectedEntry(
  state: Pick<AppData, 'draft' | 'sources' | 'selectedKey'>,
): ListEntry | undefined {
  const entries = selectEntries(state);
  return entries[selectedIndex(entries, state.selectedKey)];
}

/**
 * States and Tags are API words (`Success`, `PicProcess`): ordered by code unit, not `localeCompare`, whose first
 * call builds a collator (tens of ms, in the commit that shows a large load's first rows).
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The distinct values `valuesOf` gives over the entries, sorted. Entries a batch extended (same build: only new ones
 * at the end) add only their own: this runs on every commit of a large load, and a pass over 100,000 entries per
 * commit was a third of it.
 */
function distinctValues(
  valuesOf: (entry: ListEntry, add: (value: string) => void) => void,
  compare: (a: string, b: string) => number,
): (entries: readonly ListEntry[]) => readonly string[] {
  let generation: number | undefined;
  let counted = 0;
  let seen = new Set<string>();
  let sorted: readonly string[] = [];
  const add = (value: string) => seen.add(value);
  return (entries) => {
    const build = entriesGeneration(entries);
    if (build === undefined || build !== generation || entries.length < counted) {
      generation = build;
      counted = 0;
      seen = new Set();
      sorted = [];
    }
    const before = seen.size;
    for (let i = counted; i < entries.length; i++) valuesOf(entries[i] as ListEntry, add);
    counted = entries.length;
    if (seen.size !== before) sorted = [...seen].sort(compare);
    return sorted;
  };
}

const buildStateOptions = distinctValues(
  (e, add) => add(e.doc.state),
  (a, b) => stateRank(a) - stateRank(b) || byCodeUnits(a, b),
);

/** The States present in what is loaded, for the State filter. */
export function selectStateOptions(state: Pick<AppData, 'draft' | 'sources'>): readonly string[] {
  return buildStateOptions(selectEntries(state));
}

const buildTagOptions = distinctValues((e, add) => {
  for (const tag of e.tags) add(tag);
}, byCodeUnits);

/** The Tags present in what is loaded, for the Tag filter. */
export function selectTagOptions(state: Pick<AppData, 'draft' | 'sources'>): readonly string[] {
  return buildTagOptions(selectEntries(state));
}

/**
 * Whether some loaded text is being parsed, not listed again from a stored index (a reload: the progress says so,
 * and "Parsing…" beside it would contradict it).
 */
export function selectIsParsingText(state: Pick<AppData, 'sources'>): boolean {
  return state.sources.some((s) => s.status === 'parsing' && s.progress?.restored !== true);
}

/** Whether some loaded text is still with the parser (or still being listed again from its index). */
export function selectIsParsing(state: Pick<AppData, 'sources'>): boolean {
  return state.sources.some((s) => s.status === 'parsing');
}

export function selectHasContent(state: Pick<AppData, 'draft' | 'sources'>): boolean {
  return state.sources.length > 0 || state.draft.text !== '';
}

/** The raw text a list entry's document was found in (source positions of its diagnostics refer to it). */
export function selectSourceText(
  state: Pick<AppData, 'draft' | 'sources'>,
  sourceId: string,
): string | undefined {
  if (sourceId === DRAFT_SOURCE_ID) return state.draft.parsedText;
  return state.sources.find((s) => s.id === sourceId)?.text;
}

export function selectDraft(state: Pick<AppData, 'draft'>): Draft {
  return state.draft;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/** What parsing said of the whole text the source `sourceId` (or the draft) was read from (skipped lines…). */
export function selectInputDiagnostics(state: AppData, sourceId: string | undefined): readonly Diagnostic[] {
  if (sourceId === undefined) return NO_DIAGNOSTICS;
  return selectSourceOf(state, sourceId)?.inputDiagnostics ?? NO_DIAGNOSTICS;
}

/** The text of the source `sourceId` (or the draft: the same object each time, as a store selector must give). */
export function selectSourceOf(
  state: Pick<AppData, 'draft' | 'sources'>,
  sourceId: string,
): Pick<LoadedSource, 'text' | 'blob' | 'inputDiagnostics'> | undefined {
  if (sourceId === DRAFT_SOURCE_ID) return state.draft;
  return state.sources.find((s) => s.id === sourceId);
}
