import { formatBytes } from '../domain/derive/format-time';
import type { CallbackDocument } from '../domain/model';
import { streamParseInWorker, type Batch, type StreamedParse } from '../worker/parse-client';
import { useAppStore } from './app-store';
import type { LoadedSource } from './documents-slice';
import { noticeSkippedLines } from './input-notices';
import { prepareListKeys } from './list-entry';
import { sourceIndexing, whenIndexingKnown } from './source-indexing';

const store = () => useAppStore.getState();

/** Texts this long (a log file) are parsed in batches, with progress and a way to stop. */
export const STREAM_THRESHOLD = 512 * 1024;

/** A source parsed in batches (a large text, or a file read in chunks) that is still loading. */
export function isStreamingSource(source: LoadedSource): boolean {
  return source.status === 'parsing' && (source.inBlob === true || source.text.length >= STREAM_THRESHOLD);
}

const streams = new Map<string, StreamedParse>();

/**
 * How long batches wait to be committed together (the first comes at once). A commit costs the page a main-thread
 * task that grows with what is loaded (the list's entries extended, the selectors over all of them, a render), and
 * it takes CPU from the worker on a machine of two cores: the wait grows with the documents loaded, 400 ms up to
 * 4,000, then a second at 10,000 and beyond, so the progress shown moves at least every second. Measured on the
 * 10,000-callback file (`npm run bench:browser`'s load, 5 alternating runs): against 200 ms growing to 500 ms, the
 * load ended in a median 1.47 s against 1.61 s, and the longest task was a median 64 ms against 73 ms.
 */
/**
 * Documents committed in one task at most: a commit's task grows with what it adds (list entries, overview, a
 * render), and a worker that parses faster than the interval above filled commits of thousands (the longest task of
 * a 30,000-callback load went from 130-270 ms to 250-940 ms). More waiting are committed in the tasks after.
 */
const MAX_COMMIT = 1500;

function commitInterval(documents: number): number {
  return Math.min(1000, Math.max(400, documents / 10));
}

/**
 * Stops every batched parse after the batch the worker is on. The documents already received stay loaded; the
 * notice says how many of how many.
 */
export function cancelLoading(): void {
  for (const stream of streams.values()) stream.cancel();
}

/** Parses a large text or a file in batches into the source `id`, committing them as they come; its first document. */
export function streamSource(
  id: string,
  text: string | Blob,
  maxInputLength: number | undefined,
  selectFirst: boolean,
  restore = false,
  /** A reload: the text's skipped lines are not announced again. */
  quiet = false,
): Promise<CallbackDocument | undefined> {
  let first: CallbackDocument | undefined;
  /** What the worker said of the text as a whole (it comes with one batch, the first or the last). */
  let inputDiagnostics: Batch['diagnostics'] = [];
  // Batches are committed to the store at most every `commitInterval` (the first at once), each commit in a task
  // of its own, after the message that brought the batch: receiving a message (its structured-clone copy) and
  // committing (the list's entries rebuilt, a render) would otherwise add up to one long task.
  let waiting: CallbackDocument[] = [];
  let latest: Batch | undefined;
  let lastCommit = 0;
  let scheduled = false;
  let settle: () => void = () => undefined;
  const committed = new Promise<void>((resolve) => (settle = resolve));

  const flush = (): void => {
    scheduled = false;
    const batch = latest;
    const source = store().sources.find((s) => s.id === id);
    if (!batch || !source) {
      settle();
      return;
    }
    lastCommit = performance.now();
    // At most MAX_COMMIT documents a task; the rest in the next (a faster worker filled commits of 5,000).
    const documents = waiting.length > MAX_COMMIT ? waiting.slice(0, MAX_COMMIT) : waiting;
    waiting = waiting.length > MAX_COMMIT ? waiting.slice(MAX_COMMIT) : [];
    const progress = {
      parsed: batch.parsed,
      total: batch.total,
      ...(batch.bytes ? { bytes: batch.bytes } : {}),
      ...(batch.restored ? { restored: true as const } : {}),
    };
    const done = batch.done && waiting.length === 0;
    store().appendSourceDocuments(id, documents, progress, done, selectFirst, done ? inputDiagnostics : []);
    if (waiting.length > 0) {
      scheduled = true;
      setTimeout(flush, 0);
      return;
    }
    if (!batch.done) return;
    settle();
    if (batch.restored && !batch.cancelled) sourceIndexing()?.restored(id);
    const kept = source.documents.length + documents.length;
    if (kept === 0) {
      store().removeSource(id);
      store().addNotice({ tone: 'info', key: batch.cancelled ? 'load.cancelled.none' : 'load.nothingFound' });
    } else if (batch.cancelled && batch.bytes) {
      // A file read in chunks: how many callbacks it holds in all is not known, how much of it was read is.
      const read = formatBytes(batch.bytes.read) ?? String(batch.bytes.read);
      const size = formatBytes(batch.bytes.total) ?? String(batch.bytes.total);
      store().addNotice({ tone: 'info', key: 'load.cancelled.bytes', params: { count: kept, read, size } });
    } else if (batch.cancelled) {
      store().addNotice({ tone: 'info', key: 'load.cancelled', params: { kept, count: batch.total } });
    } else if (!quiet) {
      noticeSkippedLines(
        source.origin,
        inputDiagnostics,
        store().sources.find((s) => s.id === id)?.documents ?? [],
      );
    }
  };

  // A file's documents are stored as it is parsed (or, on a reload, read back from there): while the tab's storage
  // is starting, a file waits to know where.
  const waitFor = typeof text === 'string' ? undefined : whenIndexingKnown();
  return waitFor ? waitFor.then(parse) : parse();

  function parse(): Promise<CallbackDocument | undefined> {
    const index = typeof text === 'string' ? undefined : sourceIndexing()?.target(id, restore);
    const stream = streamParseInWorker(text, { maxInputLength, ...(index ? { index } : {}) }, (batch) => {
      const source = store().sources.find((s) => s.id === id);
      // Cleared while the worker was busy: stop it.
      if (!source) {
        streams.get(id)?.cancel();
        settle();
        return;
      }
      first ??= batch.documents[0];
      if (batch.diagnostics.length > 0) inputDiagnostics = batch.diagnostics;
      prepareListKeys(batch.documents, source.origin);
      waiting = waiting.length === 0 ? [...batch.documents] : waiting.concat(batch.documents);
      latest = batch;
      const isFirst = source.documents.length === 0 && waiting.length > 0;
      if (!batch.done && !isFirst && performance.now() - lastCommit < commitInterval(source.documents.length))
        return;
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
    streams.set(id, stream);
    return stream.finished.then(
      async () => {
        await committed;
        streams.delete(id);
        return first;
      },
      (error: unknown) => {
        streams.delete(id);
        throw error;
      },
    );
  }
}
