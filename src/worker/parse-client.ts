import { createParseWorker } from '@parse-worker-factory';
import type { ParseResult } from '../domain/model';
import type { CallbackDocument } from '../domain/model';
import { orderBatches, type OrderedBatch } from './batch-order';
import type {
  IndexedResponse,
  ParseRequest,
  StreamBlobRequest,
  WireDocument,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import type { ShareDecodeResult } from '../domain/share/share-link';
import type { IndexRecord } from './stored-index';
import { nextTask } from './next-task';
import { fromWire, type ModelReader } from './wire';

interface Pending {
  readonly onResponse: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
}

/** Workers started so far: the first parses everything small; a large text is shared among `poolSize()`. */
const workers: (Worker | undefined)[] = [];
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(slot = 0): Worker {
  const existing = workers[slot];
  if (existing) return existing;
  const w = createParseWorker();
  w.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const response = event.data;
    if (response.kind === 'indexed') indexListener(response);
    else pending.get(response.id)?.onResponse(response);
  };
  // A worker that dies (out of memory, a failed chunk load) fails what was being parsed; the next call starts a new one.
  w.onerror = (event) => {
    event.preventDefault();
    const error = new Error(event.message || 'The parse worker stopped');
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    w.terminate();
    if (workers[slot] === w) workers[slot] = undefined;
  };
  workers[slot] = w;
  return w;
}

let indexListener: (response: IndexedResponse) => void = () => undefined;

/**
 * Told when a source's stored index is complete (or was found whole on a reload), with the bytes it takes, or could
 * not be stored (`StreamBlobRequest.index`).
 */
export function onIndexStored(listener: (response: IndexedResponse) => void): void {
  indexListener = listener;
}

function send(request: WorkerRequest, slot = 0): void {
  getWorker(slot).postMessage(request);
}

/**
 * How many workers share a large text: one a core but one, which is left to the page (at least one worker, at
 * most 4; one where the browser does not say). Measured on 2 cores with the 10,000-callback file
 * (`npm run bench:browser`, 11 runs with two workers, 7 with one): two loaded it in a median 3.15 s against 3.5 s, but
 * the page's longest task grew from a median 102 ms to 138 ms, with more tasks over 50 ms, and the first rows came
 * later. Staying responsive comes first.
 */
export function poolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * Sends the request made with its id, and settles with what `take` makes of the worker's one answer of `kind`.
 * Rejects only when the worker itself fails (or `take` does).
 */
function ask<K extends WorkerResponse['kind'], T>(
  request: (id: number) => WorkerRequest,
  kind: K,
  take: (response: Extract<WorkerResponse, { kind: K }>) => T | Promise<T>,
): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, {
      onResponse: (response) => {
        if (response.kind !== kind) return;
        pending.delete(id);
        Promise.resolve(take(response as Extract<WorkerResponse, { kind: K }>)).then(resolve, reject);
      },
      reject,
    });
    send(request(id));
  });
}

/** Parses text in the worker. Rejects only when the worker itself fails; a bad payload is a result, not an error. */
export function parseInWorker(
  text: string,
  options: Omit<ParseRequest, 'id' | 'text' | 'kind'> = {},
): Promise<ParseResult> {
  return ask(
    (id) => ({ kind: 'parse', id, text, ...options }),
    'result',
    ({ result: { documents, diagnostics } }) => ({
      documents: documents.map((d) => fromWire(d, text)),
      diagnostics,
    }),
  );
}

/**
 * Parses many small texts in one message (models on demand, as in a stream): one result per text, in order.
 * Rejects only when the worker itself fails.
 */
export function parseManyInWorker(
  texts: readonly string[],
  options: { readonly maxInputLength?: number | undefined } = {},
): Promise<ParseResult[]> {
  const reader = loadModelReader();
  return ask(
    (id) => ({
      kind: 'parseMany',
      id,
      texts,
      ...(options.maxInputLength ? { maxInputLength: options.maxInputLength } : {}),
    }),
    'results',
    async ({ results }) => {
      const read = await reader;
      return results.map(({ documents, diagnostics }, i) => ({
        documents: documents.map((d) => fromWire(d, texts[i] ?? '', read)),
        diagnostics,
      }));
    },
  );
}

/** Decodes a share link's fragment in the worker (never rejects for a bad link: that is a result). */
export function decodeShareInWorker(fragment: string, maxBytes: number): Promise<ShareDecodeResult> {
  return ask(
    (id) => ({ kind: 'decodeShare', id, fragment, maxBytes }),
    'decodedShare',
    (r) => r.result,
  );
}

/**
 * The text a log's JSON records carry (`unwrapLogRecords`), made in the worker from a text or a file's Blob;
 * undefined when no record held a callback or the file could not be read.
 */
export function unwrapInWorker(source: string | Blob): Promise<string | undefined> {
  return ask(
    (id) => ({ kind: 'unwrap', id, source }),
    'unwrapped',
    (r) => r.text,
  );
}

let modelReader: ModelReader | undefined;

/** Loads the page's model reader (the parser and normaliser, kept out of the initial bundle) once. */
function loadModelReader(): Promise<ModelReader> {
  return modelReader
    ? Promise.resolve(modelReader)
    : import('../domain/read-model').then(({ readModel }) => (modelReader = readModel));
}

type RecordDecoder = (record: IndexRecord) => Promise<WireDocument[] | undefined>;
let recordDecoder: Promise<RecordDecoder> | undefined;

/**
 * Documents of a stored record decoded in one task: a record of 1,000 decoded whole was one main-thread task of
 * 100-200 ms (CPU profile of the 100,000-callback load, at load 6-8).
 */
const DECODE_SLICE = 250;

/** Loads the decoder of stored records (`BatchResponse.packed`), kept out of the initial bundle, once. */
function loadRecordDecoder(): Promise<RecordDecoder> {
  recordDecoder ??= import('./stored-index').then(({ openIndexRecord }) => async (packed: IndexRecord) => {
    // Whole or nothing, as one decode: the documents go on only once every stretch has decoded.
    const record = openIndexRecord(packed);
    if (!record) return undefined;
    const documents: WireDocument[] = [];
    for (let from = 0; from < record.n; from += DECODE_SLICE) {
      if (from > 0) await nextTask();
      const stretch = record.decode(from, Math.min(record.n, from + DECODE_SLICE));
      if (!stretch) return undefined;
      for (const d of stretch) documents.push(d);
    }
    return documents;
  });
  // A failed load (a chunk that could not be fetched) is tried again by the next batch.
  recordDecoder.catch(() => (recordDecoder = undefined));
  return recordDecoder;
}

function preloadRecordDecoder(): void {
  void loadRecordDecoder().catch(() => undefined);
}

/**
 * Loads the model reader ahead of a large file (the page calls it when idle): loaded when the file is, its
 * fetch and compile fell in the load's first tasks, and the first rows waited for it.
 */
export function preloadModelReader(): void {
  void loadModelReader().catch(() => undefined);
}

/** A batch of documents as the page gets it: in the text's order, with their source texts. */
export type Batch = OrderedBatch<CallbackDocument>;

export interface StreamedParse {
  /** Settles after the last batch (or the one that confirms a cancel); rejects only when a worker fails. */
  readonly finished: Promise<void>;
  /** Asks the workers to stop after the batch each is on; documents already sent stay sent. */
  cancel(): void;
}

/**
 * Parses a large text in batches, shared among `poolSize()` workers: `onBatch` gets each batch in the text's order
 * as it is ready (with progress), so the page shows the first rows at once and stays responsive while the rest are
 * parsed. A Blob (a file) is read by the worker in chunks, never as one string on the page: its documents' sources
 * stay in it until read (`source-text.ts`).
 */
export function streamParseInWorker(
  text: string | Blob,
  options: {
    readonly maxInputLength?: number | undefined;
    readonly batchSize?: number;
    readonly parts?: number;
    /** Of a Blob: where its documents are stored, or read back from (`StreamBlobRequest.index`). */
    readonly index?: StreamBlobRequest['index'];
  },
  onBatch: (batch: Batch) => void,
): StreamedParse {
  const id = nextId++;
  // A Blob is read in chunks by one worker (a chunk's last line goes with the next); a text is shared among several.
  const parts = typeof text === 'string' ? (options.parts ?? poolSize()) : 1;
  let isDone = false;
  let isCancelled = false;
  // Models of small payloads come on demand (`WireDocument`): the page's reader loads while the workers parse, and
  // batches wait for it (in order), so every document delivered can read its model.
  let delivered: Promise<unknown> = loadModelReader();
  if (options.index) preloadRecordDecoder();
  const finished = new Promise<void>((resolve, reject) => {
    const inOrder = orderBatches<WireDocument>(parts, (batch) => {
      delivered = delivered.then(() => {
        try {
          onBatch({ ...batch, documents: batch.documents.map((d) => fromWire(d, text, modelReader)) });
        } finally {
          if (batch.done) resolve();
        }
      });
      delivered.catch(reject);
    });
    let doneParts = 0;
    // Batches go on in the order they came; one of a stored record waits for its decoder (loaded once).
    let arriving: Promise<void> = Promise.resolve();
    const take = (response: WorkerResponse): void => {
      if (response.kind !== 'batch' || isDone) return;
      arriving = arriving.then(async () => {
        // A record of the index the worker stores (a first load): what it encoded decodes whole.
        const { packed } = response;
        inOrder(
          packed ? { ...response, documents: (await (await loadRecordDecoder())(packed)) ?? [] } : response,
        );
      });
      arriving.catch(reject);
      if (response.done && ++doneParts === parts) {
        isDone = true;
        pending.delete(id);
      }
    };
    pending.set(id, {
      onResponse: take,
      reject: (error) => {
        isDone = true;
        reject(error);
      },
    });
    // Each worker gets the text in a task of its own, the first too: copying tens of MB into a message takes tens
    // of ms, and the task that read the file has already decoded it (15-20 ms) and rendered the new source.
    const sendPart = (part: number): void => {
      if (isDone) return;
      // Stopped before this worker got its share: it is done, having parsed nothing.
      if (isCancelled) {
        take({
          kind: 'batch',
          id,
          sequence: part,
          documents: [],
          total: 0,
          diagnostics: [],
          done: true,
          cancelled: true,
        });
      } else {
        const batchSize = options.batchSize ?? STREAM_BATCH_SIZE;
        send(
          typeof text === 'string'
            ? {
                kind: 'stream',
                id,
                text,
                batchSize,
                part,
                parts,
                ...(options.maxInputLength ? { maxInputLength: options.maxInputLength } : {}),
              }
            : {
                kind: 'streamBlob',
                id,
                blob: text,
                batchSize,
                ...(options.index ? { index: options.index } : {}),
              },
          part,
        );
      }
      if (part + 1 < parts) setTimeout(() => sendPart(part + 1), 0);
    };
    setTimeout(() => sendPart(0), 0);
  });
  return {
    finished,
    cancel: () => {
      if (isDone) return;
      isCancelled = true;
      for (let part = 0; part < parts; part++)
        workers[part]?.postMessage({ kind: 'cancel', id } satisfies WorkerRequest);
    },
  };
}

/**
 * Documents per message: receiving one (its structured-clone copy) is one main-thread task, and the store commits
 * batches in tasks of their own (`load-texts.ts`), so smaller messages make shorter tasks: 100 documents take
 * about 10–25 ms to receive here, under load.
 */
export const STREAM_BATCH_SIZE = 100;

/**
 * Starts the worker and has it load the parser before the first real payload arrives, so the first paste is as
 * fast as the next ones.
 */
export function warmUpParser(): void {
  void parseInWorker('<Response/>').catch(() => undefined);
}
