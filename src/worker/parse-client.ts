import { createParseWorker } from '@parse-worker-factory';
import type { ParseResult } from '../domain/model';
import type { CallbackDocument } from '../domain/model';
import type { BatchResponse, ParseRequest, WorkerRequest, WorkerResponse } from './protocol';
import { fromWire } from './wire';

interface Pending {
  readonly onResponse: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (!worker) {
    const w = createParseWorker();
    w.onmessage = (event: MessageEvent<WorkerResponse>) => pending.get(event.data.id)?.onResponse(event.data);
    // A worker that dies (out of memory, a failed chunk load) fails what it was doing; the next call starts a new one.
    w.onerror = (event) => {
      event.preventDefault();
      const error = new Error(event.message || 'The parse worker stopped');
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      w.terminate();
      if (worker === w) worker = undefined;
    };
    worker = w;
  }
  return worker;
}

function send(request: WorkerRequest): void {
  getWorker().postMessage(request);
}

/** Parses text in the worker. Rejects only when the worker itself fails; a bad payload is a result, not an error. */
export function parseInWorker(
  text: string,
  options: Omit<ParseRequest, 'id' | 'text' | 'kind'> = {},
): Promise<ParseResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, {
      onResponse: (response) => {
        if (response.kind !== 'result') return;
        pending.delete(id);
        const { documents, diagnostics } = response.result;
        resolve({ documents: documents.map((d) => fromWire(d, text)), diagnostics });
      },
      reject,
    });
    send({ kind: 'parse', id, text, ...options });
  });
}

/** A batch of documents as the page gets it: with their source texts. */
export type Batch = Omit<BatchResponse, 'documents'> & { readonly documents: readonly CallbackDocument[] };

export interface StreamedParse {
  /** Settles after the last batch (or the one that confirms a cancel); rejects only when the worker fails. */
  readonly finished: Promise<void>;
  /** Asks the worker to stop after the batch it is on; documents already sent stay sent. */
  cancel(): void;
}

/**
 * Parses a large text in the worker in batches: `onBatch` gets each batch as it is ready (with progress), so the
 * page shows the first rows at once and stays responsive while the rest are parsed.
 */
export function streamParseInWorker(
  text: string,
  options: { readonly maxInputLength?: number | undefined; readonly batchSize?: number },
  onBatch: (batch: Batch) => void,
): StreamedParse {
  const id = nextId++;
  let isDone = false;
  const finished = new Promise<void>((resolve, reject) => {
    pending.set(id, {
      onResponse: (response) => {
        if (response.kind !== 'batch') return;
        if (response.done) {
          isDone = true;
          pending.delete(id);
        }
        try {
          onBatch({ ...response, documents: response.documents.map((d) => fromWire(d, text)) });
        } finally {
          if (response.done) resolve();
        }
      },
      reject: (error) => {
        isDone = true;
        reject(error);
      },
    });
    send({
      kind: 'stream',
      id,
      text,
      batchSize: options.batchSize ?? STREAM_BATCH_SIZE,
      ...(options.maxInputLength ? { maxInputLength: options.maxInputLength } : {}),
    });
  });
  return {
    finished,
    cancel: () => {
      if (!isDone && worker) worker.postMessage({ kind: 'cancel', id } satisfies WorkerRequest);
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
