import { LIMITS } from '../domain/limits';
import { readSavedSet, type SavedSetReading } from '../domain/share/saved-set';
import type { MessageKey } from '../i18n/messages-en';
import type { CallbackDocument, ParseResult } from '../domain/model';
import { parseInWorker, parseManyInWorker } from '../worker/parse-client';
import { nextTask } from '../worker/next-task';
import { useAppStore } from './app-store';
import { entryKey, type NewSource } from './documents-slice';
import { noticeSkippedLines } from './input-notices';
import { prepareListKeys } from './list-entry';
import { STREAM_THRESHOLD, streamSource } from './stream-source';

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
export async function loadTexts(loaded: readonly TextToLoad[]): Promise<void> {
  const items = loaded.flatMap((item) => (mayBeSavedSet(item) ? expandSavedSet(item) : [item])).map(inBlob);
  if (items.length === 0) return;
  const ids = store().addSources(
    items.map(({ origin, text, blob, inBlob }) =>
      blob ? { origin, text, blob, ...(inBlob ? { inBlob } : {}) } : { origin, text },
    ),
  );
  await parseSources(
    ids.map((id, i) => {
      const item = items[i];
      return {
        id,
        text: item?.text ?? '',
        maxInputLength: item?.maxInputLength,
        ...(item?.inBlob && item.blob ? { blob: item.blob, inBlob: true as const } : {}),
      };
    }),
    true,
  );
}

/**
 * A saved set ("save the loaded set") loads back as its texts, each its own source with its saved name. A file that
 * presents itself as a set but cannot be loaded as one (empty, another version, another tool's) is not loaded, and
 * the person is told why; entries without a text are left out, and counted.
 */
function expandSavedSet(item: TextToLoad): readonly TextToLoad[] {
  const reading = readSavedSet(item.text);
  if (reading.kind === 'none') return [item];
  const name = originName(item.origin);
  if (reading.kind === 'refused') {
    const key = SET_REFUSED[reading.reason];
    store().addNotice({ tone: 'error', key, params: { name, detail: reading.detail ?? '' } });
    return [];
  }
  if (reading.unreadable > 0) {
    store().addNotice({
      tone: 'info',
      key: 'load.savedSet.unreadable',
      params: { name, count: reading.unreadable },
    });
  }
  return reading.texts.map(({ name: savedName, text }) => ({
    origin: { kind: 'shared' as const, name: savedName },
    text,
    maxInputLength: item.maxInputLength,
  }));
}

/**
 * A large text (a paste, one text of a share link) becomes a Blob the way a file is one (issue 16, "the file is
 * the store"): the worker reads it in chunks and stores its index, the page keeps no string of it and reads a
 * callback's bytes when it is shown, and a reload lists it from its index. Under its cap only: a text over it goes
 * to the parser, which refuses it with its message. Small texts stay strings (a share link's 10,000 as 10,000 Blobs
 * would be 10,000 files in the tab's database, read back one by one).
 */
function inBlob(item: TextToLoad): TextToLoad {
  const { text, blob, maxInputLength } = item;
  if (blob || text.length < STREAM_THRESHOLD || text.length > (maxInputLength ?? LIMITS.pastedText))
    return item;
  return { origin: item.origin, text: '', blob: new Blob([text], { type: 'text/plain' }), inBlob: true };
}

/** What `readSavedSet` looks at first: a set is a JSON object with a `format` member. */
function mayBeSavedSet(item: TextToLoad): boolean {
  return !item.inBlob && item.text.includes('"format"') && item.text.trimStart().startsWith('{');
}

const SET_REFUSED = {
  empty: 'load.savedSet.empty',
  version: 'load.savedSet.version',
  'no-documents': 'load.savedSet.noDocuments',
  foreign: 'load.savedSet.foreign',
} as const satisfies Record<Extract<SavedSetReading, { kind: 'refused' }>['reason'], MessageKey>;

/** How a notice names where a text came from. */
function originName(origin: TextToLoad['origin']): string {
  switch (origin.kind) {
    case 'file':
      return origin.fileName;
    case 'shared':
      return origin.name;
    case 'paste':
      return `#${origin.n}`;
    case 'sample':
      return origin.sampleId;
  }
}

/**
 * The largest text accepted from where a text came from: what it was loaded with, so a reload reads it again under
 * the same cap (a file is allowed more than a paste; a saved set's texts came from a file).
 */
export function inputCapOf(origin: TextToLoad['origin']): number | undefined {
  switch (origin.kind) {
    case 'file':
    case 'shared':
      return LIMITS.file;
    case 'paste':
      return LIMITS.pastedText;
    case 'sample':
      return undefined;
  }
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
    readonly blob?: Blob;
    /** The text is in `blob` (a large file), read by the worker in chunks; `text` is empty. */
    readonly inBlob?: true;
    /** A reload: a file's documents are read from its stored index if it has one (`source-indexing.ts`). */
    readonly restore?: true;
  }[],
  select: boolean,
  /** A reload: what the texts held is not announced again (no notice of skipped lines). */
  quiet = false,
): Promise<void> {
  // A restored text has its Blob too: only one kept in its file (`inBlob`) is read from it.
  const isLarge = (x: (typeof sources)[number]): boolean =>
    (x.inBlob === true && x.blob !== undefined) || x.text.length >= STREAM_THRESHOLD;
  const small = sources.filter((x) => !isLarge(x));
  if (small.length >= MANY_TEXTS) {
    const large = sources.filter(isLarge);
    const first = sources[0];
    await Promise.all([
      parseMany(small, select && first !== undefined && !isLarge(first)),
      large.length > 0 ? parseSources(large, select && small.length === 0, quiet) : undefined,
    ]);
    return;
  }
  // The first source selects its first document as it commits (one render); if it has none, the next that has one.
  const results = sources.map(({ id, text, blob, inBlob, maxInputLength, restore }, i) =>
    ((inBlob && blob) || text.length >= STREAM_THRESHOLD
      ? streamSource(
          id,
          inBlob && blob ? blob : text,
          maxInputLength,
          select && i === 0,
          restore === true,
          quiet,
        )
      : parseInWorker(text, maxInputLength ? { maxInputLength } : {}).then((result) =>
          commit(id, result, select && i === 0, quiet),
        )
    ).then(
      (first) => first,
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

/** From this many small texts on (a share link, a saved set), they are parsed and committed in groups. */
const MANY_TEXTS = 16;
/** Texts per group: the first small, so the first rows show at once; then larger, so commits are few. */
const FIRST_GROUP = 64;
const GROUP = 1000;
/**
 * Texts per worker message: receiving a message (its structured-clone copy) and making its documents is one
 * main-thread task, so a group's results come in several. In one message, a group of 1,000 results took
 * 60-130 ms to receive.
 */
const MESSAGE_TEXTS = 250;

/**
 * Many small texts: parsed in groups of texts, each group committed to the store in one update, so the work grows
 * with the texts, not with their square (one message, one commit and one rebuild of the list per text did: 3,000
 * texts took 11 s, 20,000 about 4 minutes). A group's results come in several messages, each received and
 * prepared (documents, list keys) in a task of its own, and the group is committed in a task of its own too.
 */
async function parseMany(
  sources: readonly {
    readonly id: string;
    readonly text: string;
    readonly maxInputLength?: number | undefined;
  }[],
  select: boolean,
): Promise<void> {
  const groups: (typeof sources)[] = [];
  for (let at = 0; at < sources.length;) {
    const size = at === 0 ? FIRST_GROUP : GROUP;
    groups.push(sources.slice(at, at + size));
    at += size;
  }
  let selected = !select;
  let empty = 0;
  const origins = new Map(store().sources.map((s) => [s.id, s.origin]));
  // One message's texts, their documents' list keys computed as they arrive (in the task that received them).
  const sendPart = (part: typeof sources) =>
    parseManyInWorker(
      part.map((x) => x.text),
      { maxInputLength: part[0]?.maxInputLength },
    ).then((results) => {
      part.forEach((x, i) =>
        prepareListKeys(results[i]?.documents ?? [], origins.get(x.id) ?? { kind: 'draft' }),
      );
      return results;
    });
  const send = (group: typeof sources): Promise<ParseResult[]> => {
    const parts: Promise<ParseResult[]>[] = [];
    for (let at = 0; at < group.length; at += MESSAGE_TEXTS)
      parts.push(sendPart(group.slice(at, at + MESSAGE_TEXTS)));
    return Promise.all(parts).then((results) => results.flat());
  };
  // Each committed as it comes back, in order. A group is sent when the one before it is committed, so the
  // worker always has the next one while the page commits, and no task copies more than a message's texts to
  // it (all of a 10,000-callback link sent at once were one task of 160 ms).
  const sent = groups.slice(0, 1).map(send);
  for (const [g, group] of groups.entries()) {
    const next = groups[g + 1];
    if (next) sent.push(send(next));
    let results;
    try {
      results = await (sent[g] as ReturnType<typeof send>);
    } catch {
      for (const x of group) store().removeSource(x.id);
      store().addNotice({ tone: 'error', key: 'load.parserFailed' });
      continue;
    }
    // Not in the task that received the group's last message.
    await nextTask();
    const committed = group.map((x, i) => ({
      id: x.id,
      documents: results[i]?.documents ?? [],
      inputDiagnostics: results[i]?.diagnostics ?? [],
    }));
    let selectKey: string | undefined;
    if (!selected) {
      const first = committed.find((c) => c.documents.length > 0);
      const doc = first?.documents[0];
      if (first && doc) {
        selectKey = entryKey(first.id, doc.index);
        selected = true;
      }
    }
    empty += store().setManySourceDocuments(committed, selectKey);
  }
  if (empty > 0) store().addNotice({ tone: 'info', key: 'load.nothingFound' });
}

function commit(
  id: string,
  result: ParseResult,
  selectFirst: boolean,
  quiet: boolean,
): CallbackDocument | undefined {
  // Cleared while the worker was busy.
  const source = store().sources.find((s) => s.id === id);
  if (!source) return undefined;
  if (result.documents.length === 0) {
    store().removeSource(id);
    store().addNotice({ tone: 'info', key: 'load.nothingFound' });
    return undefined;
  }
  store().setSourceDocuments(id, result.documents, selectFirst, result.diagnostics);
  if (!quiet) noticeSkippedLines(source.origin, result.diagnostics, result.documents);
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
  let inputDiagnostics: ParseResult['diagnostics'] = [];
  if (text.trim() !== '') {
    try {
      const result = await parseInWorker(text, { maxInputLength: LIMITS.pastedText });
      documents = result.documents;
      inputDiagnostics = result.diagnostics;
    } catch {
      store().addNotice({ tone: 'error', key: 'load.parserFailed' });
      return;
    }
  }
  store().setDraftDocuments(text, documents, select, inputDiagnostics);
}

/** Stops a pending draft parse (clear all). */
export function cancelDraftParse(): void {
  if (draftTimer !== undefined) clearTimeout(draftTimer);
  draftTimer = undefined;
}
