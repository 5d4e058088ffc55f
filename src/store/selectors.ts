import { digestOf, withIndex } from '../domain/derive/digest';
import { failureKey } from '../domain/derive/failures';
import type { TimeZoneMode } from '../domain/derive/format-time';
import { buildOverview, type Overview } from '../domain/derive/overview';
import { parseTypedTime } from '../domain/derive/typed-time';
import type { CallbackDocument } from '../domain/model';
import type { AppData } from './app-store';
import { DRAFT_SOURCE_ID, type Draft, type LoadedSource } from './documents-slice';
import {
  filterEntries,
  sortEntries,
  stateRank,
  toListEntry,
  type EntryName,
  type ListEntry,
} from './list-entry';
import { memoizeLast } from './memoize';
import type { ListFacet, ListSort } from './view-slice';

/** The entries last built, with what they were built from and the JobId counts, so a batch can extend them. */
interface BuiltEntries {
  readonly draftDocuments: readonly CallbackDocument[];
  readonly sources: readonly LoadedSource[];
  readonly entries: readonly ListEntry[];
  /** How often each JobId occurs, and the first entry that holds it. */
  readonly seen: Map<string, number>;
  readonly firstHolder: Map<string, number>;
  /** How often each JobId occurs with the same content (`deliveryKey`). */
  readonly seenContent: Map<string, number>;
}

/** How many callbacks carry a JobId, and how many of them are the same callback (same content). */
export interface Deliveries {
  readonly byJobId: ReadonlyMap<string, number>;
  readonly byContent: ReadonlyMap<string, number>;
}

/** The key of a JobId's deliveries with one content. */
export function deliveryKey(jobId: string, contentHash: string | undefined): string {
  return `${jobId}\u0000${contentHash ?? ''}`;
}

let built: BuiltEntries | undefined;

/**
 * How many documents a source holds, for "· 2/3" in the list: while a large text loads, the number the parse will
 * give in all, so the entries already built stay valid as batches arrive.
 */
function sourceCount(source: LoadedSource): number {
  return source.progress?.total ?? source.documents.length;
}

/**
 * The list's entries. A batch of a large file only appends to the last source: then the entries already built
 * are kept and only the new documents get theirs (and an earlier entry whose JobId they repeat is marked), so a
 * commit costs what it adds, not what is loaded. Anything else rebuilds them all.
 */
function buildEntries(
  draftDocuments: readonly CallbackDocument[],
  sources: readonly LoadedSource[],
): readonly ListEntry[] {
  const last = built;
  if (last && last.draftDocuments === draftDocuments && last.sources === sources) return last.entries;
  built = (last && extendEntries(last, draftDocuments, sources)) ?? rebuildEntries(draftDocuments, sources);
  return built.entries;
}

/** The entries built from nothing (what `selectEntries` must equal however it got there; tests compare). */
export function entriesFromScratch(
  draftDocuments: readonly CallbackDocument[],
  sources: readonly LoadedSource[],
): readonly ListEntry[] {
  return rebuildEntries(draftDocuments, sources).entries;
}

function rebuildEntries(
  draftDocuments: readonly CallbackDocument[],
  sources: readonly LoadedSource[],
): BuiltEntries {
  const start: BuiltEntries = {
    draftDocuments,
    sources,
    entries: [],
    seen: new Map(),
    firstHolder: new Map(),
    seenContent: new Map(),
  };
  const entries: ListEntry[] = [];
  addEntries(start, entries, DRAFT_SOURCE_ID, { kind: 'draft' }, draftDocuments, 0, draftDocuments.length);
  for (const source of sources)
    addEntries(start, entries, source.id, source.origin, source.documents, 0, sourceCount(source));
  return { ...start, entries };
}

function extendEntries(
  last: BuiltEntries,
  draftDocuments: readonly CallbackDocument[],
  sources: readonly LoadedSource[],
): BuiltEntries | undefined {
  if (
    last.draftDocuments !== draftDocuments ||
    last.sources.length !== sources.length ||
    sources.length === 0
  )
    return undefined;
  for (let i = 0; i < sources.length - 1; i++) {
    const [before, now] = [last.sources[i], sources[i]];
    if (!before || !now || before.documents !== now.documents || sourceCount(before) !== sourceCount(now))
      return undefined;
  }
  const before = last.sources[sources.length - 1] as LoadedSource;
  const now = sources[sources.length - 1] as LoadedSource;
  const had = before.documents.length;
  const grew =
    before.id === now.id &&
    sourceCount(before) === sourceCount(now) &&
    now.documents.length >= had &&
    (had === 0 || now.documents[had - 1] === before.documents[had - 1]);
  if (!grew) return undefined;
  const entries = [...last.entries];
  addEntries(last, entries, now.id, now.origin, now.documents, had, sourceCount(now));
  return { ...last, draftDocuments, sources, entries };
}

/** Appends the entries of `documents` from `from` on, counting their JobIds and marking repeated deliveries. */
function addEntries(
  state: BuiltEntries,
  entries: ListEntry[],
  sourceId: string,
  name: EntryName,
  documents: readonly CallbackDocument[],
  from: number,
  count: number,
): void {
  const { seen, firstHolder, seenContent } = state;
  for (let i = from; i < documents.length; i++) {
    const doc = documents[i] as CallbackDocument;
    const at = entries.length;
    let isDuplicate = false;
    const digest = digestOf(doc);
    const firstId = digest.jobs[0]?.jobId;
    if (firstId) {
      const key = deliveryKey(firstId, digest.contentHash);
      seenContent.set(key, (seenContent.get(key) ?? 0) + 1);
    }
    for (const { jobId: id } of digest.jobs) {
      if (!id) continue;
      const times = (seen.get(id) ?? 0) + 1;
      seen.set(id, times);
      if (times === 1) firstHolder.set(id, at);
      else {
        isDuplicate = true;
        // The first holder was not a duplicate until now (unless it is this document, marked below).
        const first = firstHolder.get(id);
        const holder = first === undefined ? undefined : entries[first];
        if (holder && first !== at && !holder.isDuplicate)
          entries[first as number] = { ...holder, isDuplicate: true };
      }
    }
    entries.push(toListEntry(sourceId, name, doc, i + 1, Math.max(count, documents.length), at, isDuplicate));
  }
}

/** Every loaded document as a list entry, the draft's first, then in load order. */
export function selectEntries(state: Pick<AppData, 'draft' | 'sources'>): readonly ListEntry[] {
  return buildEntries(state.draft.documents, state.sources);
}

/**
 * How many callbacks carry each JobId, in all and with the same content: a row reads ×5 for five deliveries of one
 * callback, and says so apart when callbacks share its JobId but differ. Counted as entries are built.
 */
export function selectDeliveries(state: Pick<AppData, 'draft' | 'sources'>): Deliveries {
  selectEntries(state);
  return selectDeliveriesOf();
}

/** The deliveries of an entry's (first) JobId: in all, and of its own content. */
export function entryDeliveries(
  entry: ListEntry,
  deliveries: Deliveries,
): { readonly total: number; readonly same: number } {
  const jobId = entry.jobIds[0];
  if (jobId === undefined) return { total: 1, same: 1 };
  return {
    total: deliveries.byJobId.get(jobId) ?? 1,
    same: deliveries.byContent.get(deliveryKey(jobId, digestOf(entry.doc).contentHash)) ?? 1,
  };
}

export function selectDocumentCount(state: Pick<AppData, 'draft' | 'sources'>): number {
  return selectEntries(state).length;
}

const buildVisible = memoizeLast(
  (
    entries: readonly ListEntry[],
    text: string,
    stateFilter: string,
    tag: string,
    sort: ListSort,
    timeFrom: string,
    timeTo: string,
    facet: ListFacet | undefined,
    mode: TimeZoneMode,
  ): readonly ListEntry[] => {
    const offset = setOffsetMinutes(entries);
    return sortEntries(
      filterEntries(entries, {
        text,
        state: stateFilter,
        tag,
        fromMs: parseTypedTime(timeFrom, mode, offset) ?? undefined,
        toMs: parseTypedTime(timeTo, mode, offset, true) ?? undefined,
        predicate: facet === undefined ? undefined : facetPredicate(facet, entries),
      }),
      sort,
    );
  },
);

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
      const deliveries = built?.entries === entries ? selectDeliveriesOf() : undefined;
      return (e) => {
        if (!deliveries) return e.isDuplicate;
        const { total, same } = entryDeliveries(e, deliveries);
        return facet.kind === 'duplicates' ? total > 1 : total > same;
      };
    }
    case 'docKind':
      return (e) => (e.kind ?? 'invalid') === facet.value;
    case 'runs': {
      const runs = runSets(overviewOfEntries(entries));
      const set =
        facet.value === 'noFinish'
          ? runs.noFinish
          : facet.value === 'missingTasks'
            ? runs.missingTasks
            : facet.value === 'failedTask'
              ? runs.failedTask
              : runs.all;
      return (e) => {
        const digest = digestOf(e.doc);
        const runId = digest.execution?.runId;
        if (runId !== undefined) return set.has(runId);
        return digest.jobs.some((j) => j.runId !== undefined && set.has(j.runId));
      };
    }
    case 'verdict':
    case 'testRequest':
      return (e) => {
        const digest = digestOf(e.doc) as { readonly verdict?: string; readonly testRequest?: boolean };
        return facet.kind === 'verdict' ? digest.verdict === facet.value : digest.testRequest === true;
      };
  }
}

const NO_DELIVERIES: Deliveries = { byJobId: new Map(), byContent: new Map() };
const deliveriesOf = memoizeLast(
  (byJobId: Map<string, number>, byContent: Map<string, number>): Deliveries => ({ byJobId, byContent }),
);

/** The counts of the entries last built (one object while they are the same maps). */
function selectDeliveriesOf(): Deliveries {
  return built ? deliveriesOf(built.seen, built.seenContent) : NO_DELIVERIES;
}

const runSets = memoizeLast((overview: Overview) => {
  const all = new Set<string>();
  const noFinish = new Set<string>();
  const missingTasks = new Set<string>();
  const failedTask = new Set<string>();
  for (const run of overview.workflowRuns) {
    all.add(run.runId);
    if (run.executionDocuments.length === 0) noFinish.add(run.runId);
    if (run.missingTaskJobIds.length > 0) missingTasks.add(run.runId);
    if (run.hasFailedTask) failedTask.add(run.runId);
  }
  return { all, noFinish, missingTasks, failedTask };
});

const overviewOfDocuments = memoizeLast((documents: readonly CallbackDocument[]) => buildOverview(documents));

function overviewOfEntries(entries: readonly ListEntry[]): Overview {
  return overviewOfDocuments(buildDocuments(entries));
}

/** The overview of everything loaded (rebuilt only when the documents change). */
export function selectOverview(state: Pick<AppData, 'draft' | 'sources'>): Overview {
  return overviewOfEntries(selectEntries(state));
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
  return buildVisible(
    selectEntries(state),
    state.filterText,
    state.stateFilter,
    state.tagFilter,
    state.sort,
    state.timeFrom,
    state.timeTo,
    state.facet,
    state.timeZone,
  );
}

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

export function selectEntryByKey(
  state: Pick<AppData, 'draft' | 'sources'>,
  key: string | undefined,
): ListEntry | undefined {
  return key === undefined ? undefined : selectEntries(state).find((e) => e.key === key);
}

export function selectSelectedEntry(
  state: Pick<AppData, 'draft' | 'sources' | 'selectedKey'>,
): ListEntry | undefined {
  const key = state.selectedKey;
  return key === undefined ? undefined : selectEntries(state).find((e) => e.key === key);
}

/**
 * States and Tags are API words (`Success`, `PicProcess`): ordered by code unit, not `localeCompare`, whose first
 * call builds a collator (tens of ms, in the commit that shows a large load's first rows).
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const buildStateOptions = memoizeLast((entries: readonly ListEntry[]): readonly string[] =>
  [...new Set(entries.map((e) => e.doc.state))].sort(
    (a, b) => stateRank(a) - stateRank(b) || byCodeUnits(a, b),
  ),
);

/** The States present in what is loaded, for the State filter. */
export function selectStateOptions(state: Pick<AppData, 'draft' | 'sources'>): readonly string[] {
  return buildStateOptions(selectEntries(state));
}

const buildTagOptions = memoizeLast((entries: readonly ListEntry[]): readonly string[] =>
  [...new Set(entries.flatMap((e) => e.tags))].sort(byCodeUnits),
);

/** The Tags present in what is loaded, for the Tag filter. */
export function selectTagOptions(state: Pick<AppData, 'draft' | 'sources'>): readonly string[] {
  return buildTagOptions(selectEntries(state));
}

/** Whether some loaded text is still with the parser. */
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
