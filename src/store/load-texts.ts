import { LIMITS } from '../domain/limits';
import type { CallbackDocument, ParseResult } from '../domain/model';
import { parseInWorker } from '../worker/parse-client';
import { useAppStore } from './app-store';
import { entryKey, type NewSource } from './documents-slice';

export interface TextToLoad extends NewSource {
  /** Largest text accepted; pasted text by default (`LIMITS`). */
  readonly maxInputLength?: number;
}

/** The draft is re-parsed this long after the last keystroke, not once per keystroke. */
export const DRAFT_DEBOUNCE_MS = 150;

const store = () => useAppStore.getState();

/**
 * Loads texts as new sources (a paste, files, samples): each keeps its place in the list while the worker parses
 * it, and the first document found is selected so its panels show at once.
 */
export async function loadTexts(items: readonly TextToLoad[]): Promise<void> {
  if (items.length === 0) return;
  const ids = store().addSources(items.map(({ origin, text }) => ({ origin, text })));
  await parseSources(
    ids.map((id, i) => ({ id, text: items[i]?.text ?? '', maxInputLength: items[i]?.maxInputLength })),
    true,
  );
}

/**
 * Parses sources already in the store (added or restored after a reload). Selects the first document of the
 * first source that has one when `select` is set.
 */
export async function parseSources(
  sources: readonly {
    readonly id: string;
    readonly text: string;
    readonly maxInputLength?: number | undefined;
  }[],
  select: boolean,
): Promise<void> {
  // The first source selects its first document as it commits (one render); if it has none, the next that has one.
  const results = sources.map(({ id, text, maxInputLength }, i) =>
    parseInWorker(text, maxInputLength ? { maxInputLength } : {}).then(
      (result) => commit(id, result, select && i === 0),
      () => {
        store().removeSource(id);
        store().addNotice({ tone: 'error', key: 'load.parserFailed' });
        return undefined;
      },
    ),
  );
  let selected = !select;
  for (const [i, pending] of results.entries()) {
    const first = await pending;
    const id = sources[i]?.id;
    if (!selected && first && id) {
      if (i > 0) store().selectDocument(entryKey(id, first.index));
      selected = true;
    }
  }
}

function commit(id: string, result: ParseResult, selectFirst: boolean): CallbackDocument | undefined {
  // Cleared while the worker was busy.
  if (!store().sources.some((s) => s.id === id)) return undefined;
  if (result.documents.length === 0) {
    store().removeSource(id);
    store().addNotice({ tone: 'info', key: 'load.nothingFound' });
    return undefined;
  }
  store().setSourceDocuments(id, result.documents, selectFirst);
  return result.documents[0];
}

let draftTimer: ReturnType<typeof setTimeout> | undefined;

/** Sets the draft's text and re-parses it once typing pauses; its documents replace the previous draft's. */
export function updateDraft(text: string): void {
  store().setDraftText(text);
  if (draftTimer !== undefined) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    draftTimer = undefined;
    void parseDraft(text);
  }, DRAFT_DEBOUNCE_MS);
}

/**
 * Parses the draft now (after a reload, or when the debounce is not wanted). Its first document is selected
 * (the person is working on it) unless `select` is false.
 */
export async function parseDraft(text: string, { select = true } = {}): Promise<void> {
  let documents: readonly CallbackDocument[] = [];
  if (text.trim() !== '') {
    try {
      documents = (await parseInWorker(text, { maxInputLength: LIMITS.pastedText })).documents;
    } catch {
      store().addNotice({ tone: 'error', key: 'load.parserFailed' });
      return;
    }
  }
  store().setDraftDocuments(text, documents, select);
}

/** Stops a pending draft parse (clear all). */
export function cancelDraftParse(): void {
  if (draftTimer !== undefined) clearTimeout(draftTimer);
  draftTimer = undefined;
}
