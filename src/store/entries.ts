/**
 * The list's entries, one per loaded document in load order, built as batches arrive, and the counts of each
 * JobId's deliveries kept as they are built (`selectors.ts` re-exports these).
 */
import { digestOf } from '../domain/derive/digest';
import type { CallbackDocument } from '../domain/model';
import type { AppData } from './app-store';
import { DRAFT_SOURCE_ID, type LoadedSource } from './documents-slice';
import { SortColumns, attachSortColumns } from './entry-order';
import { toListEntry, type EntryName, type ListEntry } from './list-entry';
import { memoizeLast } from './memoize';

/** The entries last built, with what they were built from and the JobId counts, so a batch can extend them. */
interface BuiltEntries {
  /** Which build this is: entries extended by a batch keep it (their first documents are the same, in place). */
  readonly generation: number;
  readonly draftDocuments: readonly CallbackDocument[];
  readonly sources: readonly LoadedSource[];
  readonly entries: readonly ListEntry[];
  /** The entries' sort keys, by position (shared by the builds a batch extends, like the counts below). */
  readonly columns: SortColumns;
  /** Each source's size, shared by its entries; the last source's grows in place while its file is read. */
  readonly sizes: Map<string, { count: number }>;
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
let generations = 0;
const generationOf = new WeakMap<readonly ListEntry[], number>();

/**
 * The build `entries` come from: two lists of one build hold the same documents at the positions both have (a
 * batch only appends), so what was derived from the shorter one can be extended. Undefined for other lists.
 */
export function entriesGeneration(entries: readonly ListEntry[]): number | undefined {
  return generationOf.get(entries);
}

/**
 * How many documents a source holds, for "· 2/3" in the list: while a large text loads, the number the parse will
 * give in all less those the person removed, so the entries already built stay valid as batches arrive.
 */
function sourceCount(source: LoadedSource): number {
  const { progress, documents, removed } = source;
  if (!progress) return documents.length;
  return Math.max(documents.length, progress.total - (removed?.length ?? 0));
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
  generationOf.set(built.entries, built.generation);
  attachSortColumns(built.entries, built.columns);
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
    generation: ++generations,
    columns: new SortColumns(),
    draftDocuments,
    sources,
    entries: [],
    sizes: new Map(),
    seen: new Map(),
    firstHolder: new Map(),
    seenContent: new Map(),
  };
  const entries: ListEntry[] = [];
  addEntries(
    start,
    entries,
    DRAFT_SOURCE_ID,
    { kind: 'draft' },
    draftDocuments,
    0,
    draftDocuments.length,
    true,
  );
  for (const source of sources)
    addEntries(
      start,
      entries,
      source.id,
      source.origin,
      source.documents,
      0,
      sourceCount(source),
      !source.progress,
    );
  return { ...start, entries };
}

/**
 * The entries extended, when the sources only grew at their end: the first source that changed gained documents
 * after those it had (with the same count, or any count when it had none or is a file read in chunks), and every
 * source after it had none before (a share link's many texts are committed group by group, in order). Then the
 * entries already built stay in place and only the new documents get theirs.
 */
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
  let changed = 0;
  for (; changed < sources.length - 1; changed++) {
    const [before, now] = [last.sources[changed], sources[changed]];
    if (!before || !now || before.documents !== now.documents || sourceCount(before) !== sourceCount(now))
      break;
  }
  for (let i = changed; i < sources.length; i++) {
    const before = last.sources[i] as LoadedSource;
    const now = sources[i] as LoadedSource;
    const had = before.documents.length;
    if (before.id !== now.id || now.documents.length < had) return undefined;
    if (had === 0) continue;
    // A file read in chunks says how many documents it holds only at its end: its count grows with each batch,
    // and its entries share one size object, which grows with it (not rebuilt: that cost what is loaded per commit).
    const counted =
      sourceCount(before) === sourceCount(now) || (before.inBlob === true && now.inBlob === true);
    if (i > changed || !counted || now.documents[had - 1] !== before.documents[had - 1]) return undefined;
  }
  const entries = [...last.entries];
  for (let i = changed; i < sources.length; i++) {
    const now = sources[i] as LoadedSource;
    const had = (last.sources[i] as LoadedSource).documents.length;
    addEntries(last, entries, now.id, now.origin, now.documents, had, sourceCount(now), !now.progress);
  }
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
  complete: boolean,
): void {
  const { seen, firstHolder, seenContent, sizes } = state;
  let size = sizes.get(sourceId);
  if (!size) {
    size = { count: 0 };
    sizes.set(sourceId, size);
  }
  // Entries built before share it: it only grows while the source loads, unless none were (a source given its first
  // documents); once loaded, it is what the source holds (a total counted before removals were applied was more).
  size.count = complete ? documents.length : Math.max(from === 0 ? 0 : size.count, count, documents.length);
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
    const entry = toListEntry(sourceId, name, doc, i + 1, size, at, isDuplicate);
    entries.push(entry);
    state.columns.push(entry);
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

const NO_DELIVERIES: Deliveries = { byJobId: new Map(), byContent: new Map() };
const deliveriesOf = memoizeLast(
  (byJobId: Map<string, number>, byContent: Map<string, number>): Deliveries => ({ byJobId, byContent }),
);

/** The counts of the entries last built (one object while they are the same maps). */
export function selectDeliveriesOf(): Deliveries {
  return built ? deliveriesOf(built.seen, built.seenContent) : NO_DELIVERIES;
}

/** The delivery counts of `entries` when they are the entries last built (else unknown). */
export function deliveriesOfEntries(entries: readonly ListEntry[]): Deliveries | undefined {
  return built?.entries === entries ? selectDeliveriesOf() : undefined;
}
