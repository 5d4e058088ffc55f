/// <reference lib="webworker" />
import type { Diagnostic } from '../domain/diagnostics';
import { parsePayload, startParse } from '../domain/parse-payload';
import { parseBlob } from '../domain/parse-blob';
import { unwrapLogRecords } from '../domain/parse/wrapped-callback';
import { decodeShareFragment, type ShareDecodeResult } from '../domain/share/share-link';
import type {
  BatchResponse,
  DecodedShareResponse,
  IndexedResponse,
  ManyResponse,
  ParseResponse,
  StreamBlobRequest,
  StreamRequest,
  UnwrappedResponse,
  WorkerRequest,
} from './protocol';
import { openStoredIndex, startIndexWriter, type IndexWriter } from './index-store';
import { decodeIndexRecord, INDEX_RECORD_SIZE, type IndexRecord } from './stored-index';
import { toWire } from './wire';

// Parsing runs here, off the main thread, so a large input never freezes the page; fast-xml-parser stays out of
// the initial bundle.
const cancelled = new Set<number>();
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Lets queued messages (a cancel) in between batches; a MessageChannel is not clamped like `setTimeout(0)`. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  if (request.kind === 'stream') {
    void stream(request);
    return;
  }
  if (request.kind === 'streamBlob') {
    void streamBlob(request);
    return;
  }
  if (request.kind === 'decodeShare') {
    const { id, fragment, maxBytes } = request;
    // It never throws; were it to, the page would wait for an answer forever: a damaged link is said so.
    void decodeShareFragment(fragment, maxBytes)
      .catch((): ShareDecodeResult => ({ ok: false, error: 'share-corrupt', detail: 'cannot decode' }))
      .then((result) =>
        self.postMessage({ kind: 'decodedShare', id, result } satisfies DecodedShareResponse),
      );
    return;
  }
  if (request.kind === 'unwrap') {
    const { id, source } = request;
    void (typeof source === 'string' ? Promise.resolve(source) : source.text())
      .then((text) => unwrapLogRecords(text)?.text)
      // A file changed or gone since it was chosen: nothing to load, as when no record held a callback.
      .catch(() => undefined)
      .then((text) =>
        self.postMessage({
          kind: 'unwrapped',
          id,
          ...(text !== undefined ? { text } : {}),
        } satisfies UnwrappedResponse),
      );
    return;
  }
  if (request.kind === 'parseMany') {
    const options = request.maxInputLength ? { maxInputLength: request.maxInputLength } : {};
    const response: ManyResponse = {
      kind: 'results',
      id: request.id,
      results: request.texts.map((text) => {
        const result = parsePayload(text, options);
        return {
          documents: result.documents.map((d) => toWire(d, { modelsOnDemand: true })),
          diagnostics: result.diagnostics,
        };
      }),
    };
    self.postMessage(response);
    return;
  }
  const { id, text, maxInputLength, firstIndex } = request;
  const options = { ...(maxInputLength ? { maxInputLength } : {}), ...(firstIndex ? { firstIndex } : {}) };
  const result = parsePayload(text, options);
  const response: ParseResponse = {
    kind: 'result',
    id,
    result: { documents: result.documents.map((d) => toWire(d)), diagnostics: result.diagnostics },
  };
  self.postMessage(response);
};

/**
 * Parses a large text in batches of `batchSize` payloads. With several workers (`parts`), this one parses every
 * `parts`-th batch from batch `part` on and skips the others, so the workers share the text's payloads batch by
 * batch and the page can put their batches back in order as they arrive. Models of small payloads are sent on
 * demand only (`WireDocument`).
 */
async function stream({
  id,
  text,
  batchSize,
  maxInputLength,
  part = 0,
  parts = 1,
}: StreamRequest): Promise<void> {
  const parse = startParse(text, maxInputLength ? { maxInputLength } : {});
  let sequence = part;
  parse.skip(part * batchSize);
  for (;;) {
    const stop = cancelled.delete(id);
    // Each made into its wire form as soon as it is parsed: its model is garbage at once, while young.
    const documents = stop ? [] : parse.nextEach(batchSize, (d) => toWire(d, { modelsOnDemand: true }));
    const done = stop || documents.length === 0 || (sequence + parts) * batchSize >= parse.total;
    const response: BatchResponse = {
      kind: 'batch',
      id,
      sequence,
      documents,
      total: parse.total,
      diagnostics: sequence === 0 ? parse.diagnostics : [],
      done,
      cancelled: stop,
    };
    self.postMessage(response);
    if (done) return;
    parse.skip((parts - 1) * batchSize);
    sequence += parts;
    await yieldToMessages();
  }
}

/**
 * Parses a Blob read in chunks (`parseBlob`): batches of `batchSize` documents, each with where its bytes are in
 * the Blob, with progress in bytes. The input's own diagnostics come with the last batch (they are known at the end).
 * With `index`, the documents are also stored as they go (`index-store.ts`), and with `index.restore` they are
 * first looked for there: a complete index of this version gives them without parsing (`restored` batches).
 */
async function streamBlob({ id, blob, batchSize, index }: StreamBlobRequest): Promise<void> {
  let sequence = 0;
  let given = 0;
  const total = { read: 0, total: blob.size };
  const post = (
    documents: BatchResponse['documents'],
    done: boolean,
    stop: boolean,
    diagnostics: BatchResponse['diagnostics'] = [],
    packed?: IndexRecord,
  ): void => {
    given += packed ? packed.n : documents.length;
    const response: BatchResponse = {
      kind: 'batch',
      id,
      sequence: sequence++,
      documents,
      total: given,
      diagnostics,
      bytes: { ...total },
      done,
      cancelled: stop,
      ...(restoring ? { restored: true } : {}),
      ...(packed ? { packed } : {}),
    };
    self.postMessage(response);
  };
  let restoring = index?.restore === true;
  if (restoring && index) {
    const outcome = await restoreFromIndex(id, blob, index, post, total).catch(() => 'parse' as const);
    if (outcome === 'done') return;
    restoring = false;
  }
  // A restore cut short gave the first documents already: the parse gives the rest (in the same order).
  let skip = given;
  const writer: IndexWriter | undefined = index ? startIndexWriter(index, blob.size) : undefined;
  // With an index, the documents after its first record go to the page as the records it stores (`packed`): a
  // record costs a fraction of its documents to send (sending them was ~15 % of the worker's time), and the page,
  // the idler side of a first load, decodes it. The first record's documents go as they are parsed: the first rows
  // come at once. (Not after a restore cut short: the documents given are skipped one by one.)
  const packing = writer !== undefined && skip === 0;
  let sentOne = 0;
  let records = 0;
  const postRecords = (made: readonly IndexRecord[]): void => {
    for (const record of made) if (records++ > 0) post([], false, false, [], record);
  };
  // Each document is made into its wire form as soon as it is parsed: its model is garbage at once, while young.
  const run = parseBlob(blob, {
    batchSize,
    isCancelled: () => cancelled.has(id),
    convert: ({ doc, bytes }) => toWire(doc, { modelsOnDemand: true, bytes: bytes ?? 'inline' }),
  });
  try {
    for (;;) {
      const step = await run.next();
      if (step.done) {
        const stop = cancelled.delete(id);
        if (packing) postRecords(writer.add([], total.read, true));
        post([], true, stop, step.value);
        if (stop) void writer?.abort();
        else if (writer) void writer.finish(step.value).then((outcome) => indexed(index?.key, outcome));
        return;
      }
      total.read = step.value.bytesRead;
      let documents = step.value.documents;
      const made = writer?.add(documents, total.read) ?? [];
      if (packing) {
        const first = documents.slice(0, Math.max(0, INDEX_RECORD_SIZE - sentOne));
        sentOne += first.length;
        if (first.length > 0) post(first, false, false);
        postRecords(made);
      } else {
        if (skip > 0) {
          const dropped = Math.min(skip, documents.length);
          documents = documents.slice(dropped);
          skip -= dropped;
        }
        post(documents, false, false);
      }
      await yieldToMessages();
      if (cancelled.delete(id)) {
        await run.return([]);
        // What was parsed is given, as when each batch was sent at once.
        if (packing) postRecords(writer.add([], total.read, true));
        void writer?.abort();
        post([], true, true);
        return;
      }
    }
  } catch {
    // Reading the file failed (it changed or went away): what was given stays; the load ends here.
    if (packing) postRecords(writer.add([], total.read, true));
    void writer?.abort();
    post([], true, true);
  }
}

/**
 * Tells the page a source's index is complete, or was found whole on a reload (the bytes it takes), or could not be
 * stored (`quota`: the storage was full): the page says what is kept.
 */
function indexed(key: string | undefined, outcome: number | 'quota' | 'failed'): void {
  if (key === undefined) return;
  const response: IndexedResponse =
    typeof outcome === 'number'
      ? { kind: 'indexed', key, ok: true, bytes: outcome }
      : {
          kind: 'indexed',
          key,
          ok: false,
          bytes: 0,
          ...(outcome === 'quota' ? { quota: true as const } : {}),
        };
  self.postMessage(response);
}

/**
 * Documents per batch of a restore: each batch is one page task (receiving it), so not a whole record. (A reload's
 * page is the busier side: sending the records for the page to decode, as a first load does, measured slower.)
 */
const RESTORE_BATCH = 250;

/**
 * Gives a Blob's documents from its stored index (decoded here, off the page's thread), in batches: `done` when
 * all were given (or a cancel stopped it), `parse` when there is no usable index or it stopped reading part-way
 * (the documents given stay; the parse gives the rest).
 */
async function restoreFromIndex(
  id: number,
  blob: Blob,
  target: NonNullable<StreamBlobRequest['index']>,
  post: (
    documents: BatchResponse['documents'],
    done: boolean,
    stop: boolean,
    diagnostics?: Diagnostic[],
  ) => void,
  total: { read: number },
): Promise<'done' | 'parse'> {
  const stored = await openStoredIndex(target, blob.size);
  if (!stored) return 'parse';
  try {
    let next = stored.record(0);
    for (let n = 0; n < stored.header.records; n++) {
      const record = await next;
      const docs = decodeIndexRecord(record);
      if (!record || !docs) return 'parse';
      if (n + 1 < stored.header.records) next = stored.record(n + 1);
      for (let at = 0; at < docs.length; at += RESTORE_BATCH) {
        if (at + RESTORE_BATCH >= docs.length) total.read = record.read;
        post(docs.slice(at, at + RESTORE_BATCH), false, false);
        await yieldToMessages();
        if (cancelled.delete(id)) {
          post([], true, true);
          return 'done';
        }
      }
    }
    total.read = blob.size;
    post([], true, false, [...stored.header.diagnostics]);
    indexed(target.key, stored.header.bytes);
    return 'done';
  } finally {
    stored.close();
  }
}
