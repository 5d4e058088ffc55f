import type { StateCreator } from 'zustand';
import type { Diagnostic } from '../domain/diagnostics';
import type { CallbackDocument } from '../domain/model';
import type { MessageKey } from '../i18n/messages-en';
import type { AppState } from './app-store';

/** Where a loaded text came from: it names the text's documents in the list. */
export type SourceOrigin =
  | { readonly kind: 'paste'; readonly n: number }
  | { readonly kind: 'file'; readonly fileName: string }
  | { readonly kind: 'sample'; readonly sampleId: string }
  /** Opened from a share link (or a saved set): named as it was in the list it came from. */
  | { readonly kind: 'shared'; readonly name: string };

/** One loaded text (a paste, a file, a sample) and the documents found in it. */
export interface LoadedSource {
  readonly id: string;
  readonly origin: SourceOrigin;
  /** The raw text, kept to show where a syntax error is and to be saved for a reload. */
  readonly text: string;
  /** The file (or Blob) the text was read from: kept for a reload as it is, not encoded again. */
  readonly blob?: Blob;
  /**
   * The text stays in `blob` (a large file): `text` is empty, the worker reads the file in chunks and each
   * document's source is read from it when shown (`worker/source-text.ts`).
   */
  readonly inBlob?: true;
  /** `parsing` until the worker answers; its place in the list is kept meanwhile. */
  readonly status: 'parsing' | 'ready';
  readonly documents: readonly CallbackDocument[];
  /** While a large text is parsed in batches: documents given so far and in all (of a Blob: so far), bytes read. */
  readonly progress?: {
    readonly parsed: number;
    readonly total: number;
    readonly bytes?: { readonly read: number; readonly total: number };
    /** The documents come from the file's stored index (a reload), not from parsing it again. */
    readonly restored?: true;
  };
  /** Indexes of documents the person removed (`removal.ts`): parsing the text again leaves them out. */
  readonly removed?: readonly number[];
  /**
   * What parsing said of the text as a whole, not of one document: lines that held no payload and were skipped,
   * a byte order mark, a stray character between payloads. Positions are in the whole text.
   */
  readonly inputDiagnostics?: readonly Diagnostic[];
}

/** The payload input: one text, re-parsed as a whole; its documents replace the previous ones. */
export interface Draft {
  readonly text: string;
  /** The documents of `parsedText`, which lags `text` while the person types. */
  readonly documents: readonly CallbackDocument[];
  readonly parsedText: string;
  /** What parsing said of `parsedText` as a whole (`LoadedSource.inputDiagnostics`). */
  readonly inputDiagnostics?: readonly Diagnostic[];
}

export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The notice of a removal offers its Undo while this is pending (`removal.ts`). */
  readonly undoId?: number;
}

export const DRAFT_SOURCE_ID = 'draft';

export interface DocumentsSliceState {
  readonly sources: readonly LoadedSource[];
  readonly draft: Draft;
  /** Key of the selected list entry (`entryKey`), if any. */
  readonly selectedKey: string | undefined;
  /** How many pastes have been loaded: names them "Pasted #n". */
  readonly pasteCount: number;
  readonly nextSourceId: number;
  readonly notices: readonly Notice[];
}

export interface NewSource {
  readonly origin: SourceOrigin;
  readonly text: string;
  readonly blob?: Blob;
  readonly inBlob?: true;
}

export interface DocumentsSliceActions {
  /** Adds texts in the order given, still to be parsed; returns their ids. */
  addSources(sources: readonly NewSource[]): readonly string[];
  /** Puts back texts saved before a reload, with their ids. */
  restoreSources(
    sources: readonly (NewSource & { readonly id: string; readonly removed?: readonly number[] })[],
    pasteCount: number,
  ): void;
  removeSource(id: string): void;
  /**
   * Stores a source's parsed documents (ignored if the source was removed meanwhile); with `selectFirst`, selects
   * its first document in the same update, so the list and the panels render once.
   */
  setSourceDocuments(
    id: string,
    documents: readonly CallbackDocument[],
    selectFirst?: boolean,
    inputDiagnostics?: readonly Diagnostic[],
  ): void;
  /**
   * Stores the parsed documents of many sources in one update (a share link of thousands of callbacks): one
   * render, and the list's entries built once, not once per source. Sources with none are removed; with
   * `selectKey`, that entry is selected. Says how many sources had none.
   */
  setManySourceDocuments(
    results: readonly {
      readonly id: string;
      readonly documents: readonly CallbackDocument[];
      readonly inputDiagnostics?: readonly Diagnostic[];
    }[],
    selectKey?: string,
  ): number;
  /**
   * Adds a batch of a source's documents as the worker sends them (ignored if the source was removed). The list
   * grows in place of being rebuilt; `done` marks the source ready.
   */
  appendSourceDocuments(
    id: string,
    documents: readonly CallbackDocument[],
    progress: NonNullable<LoadedSource['progress']>,
    done: boolean,
    selectFirst?: boolean,
    inputDiagnostics?: readonly Diagnostic[],
  ): void;
  setDraftText(text: string): void;
  /**
   * Stores the draft's documents, unless the draft has changed since `text` was sent to the parser. With
   * `selectFirst`, its first document is selected (the person is working on it); a selected draft document that
   * is gone is unselected.
   */
  setDraftDocuments(
    text: string,
    documents: readonly CallbackDocument[],
    selectFirst?: boolean,
    inputDiagnostics?: readonly Diagnostic[],
  ): boolean;
  selectDocument(key: string | undefined): void;
  /** Empties everything: documents, draft, selection, notices. */
  clearAll(): void;
  addNotice(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

export type DocumentsSlice = DocumentsSliceState & DocumentsSliceActions;

export const documentsInitialState: DocumentsSliceState = {
  sources: [],
  draft: { text: '', documents: [], parsedText: '' },
  selectedKey: undefined,
  pasteCount: 0,
  nextSourceId: 1,
  notices: [],
};

/** The key of a document in the list: its source and its position in that source. */
export function entryKey(sourceId: string, documentIndex: number): string {
  return `${sourceId}:${documentIndex}`;
}

/** The documents whose index is not in `removed`. */
function withoutRemoved(
  documents: readonly CallbackDocument[],
  removed: readonly number[] | undefined,
): readonly CallbackDocument[] {
  if (!removed || removed.length === 0) return documents;
  const gone = new Set(removed);
  return documents.filter((d) => !gone.has(d.index));
}

/** `inputDiagnostics` when there are any (a source without them has none of the key). */
function withInputDiagnostics(inputDiagnostics: readonly Diagnostic[]): {
  inputDiagnostics?: readonly Diagnostic[];
} {
  return inputDiagnostics.length > 0 ? { inputDiagnostics } : {};
}

/** Notices beyond this many are dropped, oldest first. */
const MAX_NOTICES = 4;
let nextNoticeId = 1;

export const createDocumentsSlice: StateCreator<AppState, [], [], DocumentsSlice> = (set, get) => ({
  ...documentsInitialState,
  addSources: (added) => {
    const first = get().nextSourceId;
    const ids = added.map((_, i) => `s${first + i}`);
    set((s) => ({
      sources: [
        ...s.sources,
        ...added.map((a, i) => ({
          id: ids[i] ?? '',
          origin: a.origin,
          text: a.text,
          ...(a.blob ? { blob: a.blob } : {}),
          ...(a.inBlob ? { inBlob: true as const } : {}),
          status: 'parsing' as const,
          documents: [],
        })),
      ],
      nextSourceId: first + added.length,
      pasteCount: Math.max(s.pasteCount, ...added.map((a) => (a.origin.kind === 'paste' ? a.origin.n : 0))),
    }));
    return ids;
  },
  restoreSources: (restored, pasteCount) =>
    set((s) => {
      const known = new Set(s.sources.map((x) => x.id));
      const fresh = restored.filter((r) => !known.has(r.id));
      const highest = Math.max(0, ...fresh.map((r) => Number(r.id.slice(1)) || 0));
      return {
        sources: [
          ...fresh.map((r) => ({
            id: r.id,
            origin: r.origin,
            text: r.text,
            ...(r.blob ? { blob: r.blob } : {}),
            ...(r.inBlob ? { inBlob: true as const } : {}),
            ...(r.removed ? { removed: r.removed } : {}),
            status: 'parsing' as const,
            documents: [],
          })),
          ...s.sources,
        ],
        nextSourceId: Math.max(s.nextSourceId, highest + 1),
        pasteCount: Math.max(s.pasteCount, pasteCount),
      };
    }),
  removeSource: (id) =>
    set((s) => ({
      sources: s.sources.filter((x) => x.id !== id),
      selectedKey: s.selectedKey?.startsWith(`${id}:`) ? undefined : s.selectedKey,
    })),
  setSourceDocuments: (id, documents, selectFirst = false, inputDiagnostics = []) =>
    set((s) => {
      const source = s.sources.find((x) => x.id === id);
      if (!source) return {};
      const kept = withoutRemoved(documents, source.removed);
      const first = kept[0];
      return {
        sources: s.sources.map((x) =>
          x.id === id
            ? { ...x, status: 'ready' as const, documents: kept, ...withInputDiagnostics(inputDiagnostics) }
            : x,
        ),
        ...(selectFirst && first ? { selectedKey: entryKey(id, first.index) } : {}),
      };
    }),
  setManySourceDocuments: (results, selectKey) => {
    const byId = new Map(results.map((r) => [r.id, r]));
    let empty = 0;
    set((s) => {
      const sources: LoadedSource[] = [];
      for (const x of s.sources) {
        const result = byId.get(x.id);
        if (!result) {
          sources.push(x);
          continue;
        }
        const kept = withoutRemoved(result.documents, x.removed);
        if (kept.length === 0) empty += 1;
        else
          sources.push({
            ...x,
            status: 'ready',
            documents: kept,
            ...withInputDiagnostics(result.inputDiagnostics ?? []),
          });
      }
      return selectKey ? { sources, selectedKey: selectKey } : { sources };
    });
    return empty;
  },
  appendSourceDocuments: (id, batch, progress, done, selectFirst = false, inputDiagnostics = []) =>
    set((s) => {
      const source = s.sources.find((x) => x.id === id);
      if (!source) return {};
      const kept = withoutRemoved(batch, source.removed);
      const first = source.documents.length === 0 ? kept[0] : undefined;
      // One copy per batch (40 for 10,000 documents): measured at well under a millisecond each.
      const documents = kept.length === 0 ? source.documents : source.documents.concat(kept);
      const updated: LoadedSource = done
        ? {
            id,
            origin: source.origin,
            text: source.text,
            ...(source.blob ? { blob: source.blob } : {}),
            ...(source.inBlob ? { inBlob: true as const } : {}),
            status: 'ready',
            documents,
            ...(source.removed ? { removed: source.removed } : {}),
            ...withInputDiagnostics(inputDiagnostics),
          }
        : { ...source, documents, progress };
      return {
        sources: s.sources.map((x) => (x.id === id ? updated : x)),
        ...(selectFirst && first ? { selectedKey: entryKey(id, first.index) } : {}),
      };
    }),
  setDraftText: (text) => set((s) => ({ draft: { ...s.draft, text } })),
  setDraftDocuments: (text, documents, selectFirst = false, inputDiagnostics = []) => {
    if (get().draft.text !== text) return false;
    set((s) => {
      const first = documents[0];
      const wasDraftSelected = s.selectedKey?.startsWith(`${DRAFT_SOURCE_ID}:`) ?? false;
      const selectedKey =
        first && selectFirst
          ? entryKey(DRAFT_SOURCE_ID, first.index)
          : wasDraftSelected && !documents.some((d) => entryKey(DRAFT_SOURCE_ID, d.index) === s.selectedKey)
            ? undefined
            : s.selectedKey;
      const draft: Draft = {
        text: s.draft.text,
        documents,
        parsedText: text,
        ...withInputDiagnostics(inputDiagnostics),
      };
      return { draft, selectedKey };
    });
    return true;
  },
  selectDocument: (key) => set({ selectedKey: key }),
  clearAll: () =>
    set({
      sources: [],
      draft: documentsInitialState.draft,
      selectedKey: undefined,
      pasteCount: 0,
      notices: [],
    }),
  addNotice: (notice) =>
    set((s) => {
      const notices = [...s.notices, { ...notice, id: nextNoticeId++ }];
      // The oldest go first, but a notice that still offers an Undo stays while there is another to drop.
      while (notices.length > MAX_NOTICES) {
        const at = notices.findIndex((n) => n.undoId === undefined);
        notices.splice(at < 0 ? 0 : at, 1);
      }
      return { notices };
    }),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
