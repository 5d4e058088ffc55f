import {
  digestOf,
  documentSortKeys,
  type DocumentDigest,
  type DocumentSortKeys,
  type DocumentTitle,
} from '../domain/derive/digest';
import { outputsInclude } from '../domain/derive/output-names';
import type { CallbackDocument } from '../domain/model';
import { DRAFT_SOURCE_ID, entryKey, type SourceOrigin } from './documents-slice';
import type { ListSort } from './view-slice';

/** What names an entry in the list: the draft, a paste, a file or a sample. */
export type EntryName = { readonly kind: 'draft' } | SourceOrigin;

/** How many documents a source holds (`ListEntry.size`). */
export interface SourceSize {
  readonly count: number;
}

/** One row of the document list: a document and what the list shows and sorts by. */
export interface ListEntry {
  readonly key: string;
  readonly sourceId: string;
  readonly name: EntryName;
  /** 1-based position of the document in its source. */
  readonly position: number;
  /**
   * How many documents its source holds: one object shared by the source's entries, so while a file read in
   * chunks grows (how many it holds is known at its end) the entries already built stay as they are.
   */
  readonly size: SourceSize;
  readonly doc: CallbackDocument;
  /** The model's kind (absent when unreadable), so the list need not read the model. */
  readonly kind: DocumentDigest['kind'];
  readonly title: DocumentTitle;
  readonly sortKeys: DocumentSortKeys;
  /** Position in the list in load order. */
  readonly loadOrder: number;
  /** Every Tag of the document's jobs. */
  readonly tags: readonly string[];
  /** Lower-case text the filter matches: JobIds, object keys, RunIds, Code, Message, … (the digest's). */
  readonly searchText: string;
  /** Output files of many names, matched apart from the search text (`outputsInclude`). */
  readonly outputs: DocumentDigest['outputs'];
  /** The entry's file name in lower case, which the filter matches too (`''` for a paste or a sample). */
  readonly nameText: string;
  /** The JobIds of its jobs (for duplicates). */
  readonly jobIds: readonly string[];
  /** One of its JobIds is in another document too: the callback was delivered more than once. */
  readonly isDuplicate: boolean;
  /** The digest's problem, verdict and test-request mark (`data-problem`, `data-verdict`, `test-request`). */
  readonly problem: DocumentDigest['problem'];
  readonly verdict: DocumentDigest['verdict'];
  readonly testRequest: DocumentDigest['testRequest'];
}

interface DocumentKeys {
  readonly sortKeys: DocumentSortKeys;
  readonly jobIds: readonly string[];
}

/**
 * What the list sorts and filters by, computed once per document from its digest (never its model, which the page
 * reads only for the document shown): batches of a large file extend the entries many times while it loads, and
 * filtering 10,000 documents must not re-derive them. Kept on the document (a property of its own, not
 * enumerable), not in a WeakMap: a page holds one per callback of a large file, and a WeakMap's entries are garbage
 * collection's work for as long as they live.
 */
const KEYS = Symbol('list keys');

function keysOf(doc: CallbackDocument): DocumentKeys {
  const kept = (doc as { readonly [KEYS]?: DocumentKeys })[KEYS];
  if (kept !== undefined) return kept;
  const jobIds: string[] = [];
  for (const job of digestOf(doc).jobs) if (job.jobId) jobIds.push(job.jobId);
  const keys: DocumentKeys = { sortKeys: documentSortKeys(doc), jobIds };
  Object.defineProperty(doc, KEYS, { value: keys });
  return keys;
}

/**
 * A source's file name in lower case, one string for all its entries. The filter matches it apart from the
 * digest's search text: joining the two made a string per document that the first search had to flatten (at
 * 100,000 documents, ~100 MB copied and seconds of garbage collection).
 */
const nameTexts = new WeakMap<EntryName, string>();

function nameTextOf(name: EntryName): string {
  if (name.kind !== 'file') return '';
  let text = nameTexts.get(name);
  if (text === undefined) nameTexts.set(name, (text = name.fileName.toLowerCase()));
  return text;
}

/**
 * Computes the list keys of documents ahead of their commit: a large load calls it as each batch arrives, a
 * task of a hundred documents, so the commit that adds thousands of them to the list does not.
 */
export function prepareListKeys(documents: readonly CallbackDocument[], name: EntryName): void {
  nameTextOf(name);
  for (const doc of documents) keysOf(doc);
}

export function toListEntry(
  sourceId: string,
  name: EntryName,
  doc: CallbackDocument,
  position: number,
  size: SourceSize,
  loadOrder: number,
  isDuplicate = false,
): ListEntry {
  const keys = keysOf(doc);
  const digest = digestOf(doc);
  // Named, not spread: this runs for every document on every commit of a large load.
  return {
    key: entryKey(sourceId, doc.index),
    sourceId,
    name,
    position,
    size,
    doc,
    loadOrder,
    kind: digest.kind,
    title: digest.title,
    sortKeys: keys.sortKeys,
    tags: digest.tags,
    searchText: digest.searchText,
    outputs: digest.outputs,
    nameText: nameTextOf(name),
    jobIds: keys.jobIds,
    isDuplicate,
    problem: digest.problem,
    verdict: digest.verdict,
    testRequest: digest.testRequest,
  };
}

export function isDraftEntry(entry: ListEntry): boolean {
  return entry.sourceId === DRAFT_SOURCE_ID;
}

/** Order of States when sorting by State: what needs attention first. */
const STATE_RANK: Readonly<Record<string, number>> = {
  Invalid: 0,
  Failed: 1,
  Cancel: 2,
  Pause: 3,
  Running: 4,
  Submitted: 5,
  Success: 7,
  Unknown: 8,
};

export function stateRank(state: string): number {
  return Object.hasOwn(STATE_RANK, state) ? (STATE_RANK[state] ?? 6) : 6;
}

export interface EntryFilter {
  readonly text: string;
  readonly state: string;
  readonly tag: string;
  /** Time window on the end time (epoch ms, inclusive); a document without an end time is outside any window. */
  readonly fromMs?: number | undefined;
  readonly toMs?: number | undefined;
  /** An overview figure's callbacks (`selectors.ts` builds it). */
  readonly predicate?: ((entry: ListEntry) => boolean) | undefined;
}

export function filterEntries(entries: readonly ListEntry[], filter: EntryFilter): readonly ListEntry[] {
  const needle = filter.text.trim().toLowerCase();
  const { fromMs, toMs } = filter;
  const hasWindow = fromMs !== undefined || toMs !== undefined;
  const { predicate } = filter;
  if (!needle && !filter.state && !filter.tag && !hasWindow && !predicate) return entries;
  return entries.filter((e) => {
    if (predicate && !predicate(e)) return false;
    if (
      needle &&
      !e.searchText.includes(needle) &&
      !e.nameText.includes(needle) &&
      !(e.outputs && outputsInclude(e.outputs, needle))
    )
      return false;
    if (filter.state && e.doc.state !== filter.state) return false;
    if (filter.tag && !e.tags.includes(filter.tag)) return false;
    if (hasWindow) {
      const end = e.sortKeys.endEpochMs;
      if (end === undefined) return false;
      if (fromMs !== undefined && end < fromMs) return false;
      if (toMs !== undefined && end > toMs) return false;
    }
    return true;
  });
}

/** An entry's key for a sort (`undefined`: it has none, and goes last). */
export function sortKeyOf(e: ListEntry, field: Exclude<ListSort['field'], 'load'>): number | undefined {
  switch (field) {
    case 'endTime':
      return e.sortKeys.endEpochMs;
    case 'runTime':
      return e.sortKeys.runTimeMs;
    case 'state':
      return stateRank(e.doc.state);
  }
}

/** Sorts a copy; entries without the sort key (no end time, …) go last in either direction; ties keep load order. */
export function sortEntries(entries: readonly ListEntry[], sort: ListSort): readonly ListEntry[] {
  if (sort.field === 'load') return sort.direction === 'asc' ? entries : [...entries].reverse();
  const field = sort.field;
  const keyOf = (e: ListEntry): number | undefined => sortKeyOf(e, field);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return entries
    .map((e) => ({ e, k: keyOf(e) }))
    .sort((a, b) => {
      if (a.k === undefined || b.k === undefined) {
        if (a.k === b.k) return a.e.loadOrder - b.e.loadOrder;
        return a.k === undefined ? 1 : -1;
      }
      return a.k === b.k ? a.e.loadOrder - b.e.loadOrder : (a.k - b.k) * sign;
    })
    .map((x) => x.e);
}
