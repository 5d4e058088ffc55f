import {
  documentSortKeys,
  documentTitle,
  type DocumentSortKeys,
  type DocumentTitle,
} from '../domain/derive/summary';
import type { CallbackDocument } from '../domain/model';
import { DRAFT_SOURCE_ID, entryKey, type SourceOrigin } from './documents-slice';
import type { ListSort } from './view-slice';

/** What names an entry in the list: the draft, a paste, a file or a sample. */
export type EntryName = { readonly kind: 'draft' } | SourceOrigin;

/** One row of the document list: a document and what the list shows and sorts by. */
export interface ListEntry {
  readonly key: string;
  readonly sourceId: string;
  readonly name: EntryName;
  /** 1-based position of the document in its source, and how many documents the source holds. */
  readonly position: number;
  readonly count: number;
  readonly doc: CallbackDocument;
  readonly title: DocumentTitle;
  readonly sortKeys: DocumentSortKeys;
  /** Position in the list in load order. */
  readonly loadOrder: number;
  /** Every Tag of the document's jobs. */
  readonly tags: readonly string[];
  /** Lower-case text the filter matches: JobIds, object keys, RunIds, the entry's name. */
  readonly searchText: string;
}

export function toListEntry(
  sourceId: string,
  name: EntryName,
  doc: CallbackDocument,
  position: number,
  count: number,
  loadOrder: number,
): ListEntry {
  return {
    key: entryKey(sourceId, doc.index),
    sourceId,
    name,
    position,
    count,
    doc,
    title: documentTitle(doc),
    sortKeys: documentSortKeys(doc),
    loadOrder,
    tags: documentTags(doc),
    searchText: searchTextOf(doc, name),
  };
}

export function isDraftEntry(entry: ListEntry): boolean {
  return entry.sourceId === DRAFT_SOURCE_ID;
}

function documentTags(doc: CallbackDocument): readonly string[] {
  if (doc.model?.kind !== 'jobs') return [];
  const tags = new Set<string>();
  for (const job of doc.model.jobs) if (job.tag) tags.add(job.tag);
  return [...tags];
}

function searchTextOf(doc: CallbackDocument, name: EntryName): string {
  const parts: (string | undefined)[] = [];
  if (name.kind === 'file') parts.push(name.fileName);
  const model = doc.model;
  if (model?.kind === 'jobs') {
    for (const job of model.jobs) {
      parts.push(job.jobId, job.input?.object, job.operation?.output?.object, job.workflow?.runId);
      const outputFile = job.operation?.mediaResult?.outputFile;
      if (outputFile)
        parts.push(...outputFile.objectNames.map((n) => `${outputFile.objectPrefix ?? ''}${n}`));
      const pic = job.operation?.picProcessResult;
      if (pic?.objectName) parts.push(pic.objectName);
    }
  } else if (model?.kind === 'workflow') {
    const e = model.execution;
    parts.push(e?.runId, e?.object, e?.workflowId);
    for (const task of e?.tasks ?? []) parts.push(task.jobId);
  }
  return parts
    .filter((p): p is string => !!p)
    .join('\n')
    .toLowerCase();
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
}

export function filterEntries(entries: readonly ListEntry[], filter: EntryFilter): readonly ListEntry[] {
  const needle = filter.text.trim().toLowerCase();
  if (!needle && !filter.state && !filter.tag) return entries;
  return entries.filter(
    (e) =>
      (!needle || e.searchText.includes(needle)) &&
      (!filter.state || e.doc.state === filter.state) &&
      (!filter.tag || e.tags.includes(filter.tag)),
  );
}

/** Sorts a copy; entries without the sort key (no end time, …) go last in either direction; ties keep load order. */
export function sortEntries(entries: readonly ListEntry[], sort: ListSort): readonly ListEntry[] {
  if (sort.field === 'load') return sort.direction === 'asc' ? entries : [...entries].reverse();
  const keyOf = (e: ListEntry): number | undefined => {
    switch (sort.field) {
      case 'endTime':
        return e.sortKeys.endEpochMs;
      case 'runTime':
        return e.sortKeys.runTimeMs;
      case 'state':
        return stateRank(e.doc.state);
    }
  };
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
