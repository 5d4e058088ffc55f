import type { CallbackDocument } from '../domain/model';
import type { AppData } from './app-store';
import { DRAFT_SOURCE_ID, type Draft, type LoadedSource } from './documents-slice';
import {
  filterEntries,
  localInputToEpochMs,
  sortEntries,
  stateRank,
  toListEntry,
  type ListEntry,
} from './list-entry';
import { memoizeLast } from './memoize';
import type { ListSort } from './view-slice';

const buildEntries = memoizeLast(
  (draftDocuments: readonly CallbackDocument[], sources: readonly LoadedSource[]): readonly ListEntry[] => {
    // JobIds seen more than once: a callback delivered again (a retry) is flagged in its row.
    const seen = new Map<string, number>();
    const countIds = (doc: CallbackDocument) => {
      if (doc.model?.kind !== 'jobs') return;
      for (const job of doc.model.jobs) if (job.jobId) seen.set(job.jobId, (seen.get(job.jobId) ?? 0) + 1);
    };
    draftDocuments.forEach(countIds);
    for (const source of sources) source.documents.forEach(countIds);
    const isDuplicate = (doc: CallbackDocument) =>
      doc.model?.kind === 'jobs' && doc.model.jobs.some((j) => !!j.jobId && (seen.get(j.jobId) ?? 0) > 1);
    const entries: ListEntry[] = [];
    draftDocuments.forEach((doc, i) =>
      entries.push(
        toListEntry(
          DRAFT_SOURCE_ID,
          { kind: 'draft' },
          doc,
          i + 1,
          draftDocuments.length,
          entries.length,
          isDuplicate(doc),
        ),
      ),
    );
    for (const source of sources) {
      source.documents.forEach((doc, i) =>
        entries.push(
          toListEntry(
            source.id,
            source.origin,
            doc,
            i + 1,
            source.documents.length,
            entries.length,
            isDuplicate(doc),
          ),
        ),
      );
    }
    return entries;
  },
);

/** Every loaded document as a list entry, the draft's first, then in load order. */
export function selectEntries(state: Pick<AppData, 'draft' | 'sources'>): readonly ListEntry[] {
  return buildEntries(state.draft.documents, state.sources);
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
  ): readonly ListEntry[] =>
    sortEntries(
      filterEntries(entries, {
        text,
        state: stateFilter,
        tag,
        fromMs: localInputToEpochMs(timeFrom),
        toMs: localInputToEpochMs(timeTo, true),
      }),
      sort,
    ),
);

/** The entries the list shows: filtered by text, State, Tag and end-time window, then sorted. */
export function selectVisibleEntries(
  state: Pick<
    AppData,
    'draft' | 'sources' | 'filterText' | 'stateFilter' | 'tagFilter' | 'sort' | 'timeFrom' | 'timeTo'
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
  );
}

/**
 * Every loaded document in load order, each with `index` set to its position here: documents of different
 * sources share indexes, and the overview and the combined timeline name documents by index.
 * `entries[i]` (`selectEntries`) is the entry of document `i`.
 */
const buildDocuments = memoizeLast((entries: readonly ListEntry[]): readonly CallbackDocument[] =>
  entries.map((e, i) => (e.doc.index === i ? e.doc : { ...e.doc, index: i })),
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

const buildStateOptions = memoizeLast((entries: readonly ListEntry[]): readonly string[] =>
  [...new Set(entries.map((e) => e.doc.state))].sort(
    (a, b) => stateRank(a) - stateRank(b) || a.localeCompare(b),
  ),
);

/** The States present in what is loaded, for the State filter. */
export function selectStateOptions(state: Pick<AppData, 'draft' | 'sources'>): readonly string[] {
  return buildStateOptions(selectEntries(state));
}

const buildTagOptions = memoizeLast((entries: readonly ListEntry[]): readonly string[] =>
  [...new Set(entries.flatMap((e) => e.tags))].sort((a, b) => a.localeCompare(b)),
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
