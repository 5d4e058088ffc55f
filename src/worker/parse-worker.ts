/// <reference lib="webworker" />
import { parsePayload, startParse } from '../domain/parse-payload';
import { parseBlob } from '../domain/parse-blob';
import type {
  BatchResponse,
  ManyResponse,
  ParseResponse,
  StreamBlobRequest,
  StreamRequest,
  WorkerRequest,
} from './protocol';
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
    const documents = stop ? [] : parse.next(batchSize);
    const done = stop || documents.length === 0 || (sequence + parts) * batchSize >= parse.total;
    const response: BatchResponse = {
      kind: 'batch',
      id,
      sequence,
      documents: documents.map((d) => toWire(d, { modelsOnDemand: true })),
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
 */
async function streamBlob({ id, blob, batchSize }: StreamBlobRequest): Promise<void> {
  let sequence = 0;
  let given = 0;
  const total = { read: 0, total: blob.size };
  const post = (
    documents: BatchResponse['documents'],
    done: boolean,
    stop: boolean,
    diagnostics: BatchResponse['diagnostics'] = [],
  ): void => {
    given += documents.length;
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
    };
    self.postMessage(response);
  };
  const run = parseBlob(blob, { batchSize, isCancelled: () => cancelled.has(id) });
  try {
    for (;;) {
      const step = await run.next();
      if (step.done) {
        post([], true, cancelled.delete(id), step.value);
        return;
      }
      total.read = step.value.bytesRead;
      post(
        step.value.documents.map(({ doc, bytes }) =>
          toWire(doc, { modelsOnDemand: true, bytes: bytes ?? 'inline' }),
        ),
        false,
        false,
      );
      await yieldToMessages();
      if (cancelled.delete(id)) {
        await run.return([]);
        post([], true, true);
        return;
      }
    }
  } catch {
    // Reading the file failed (it changed or went away): what was given stays; the load ends here.
    post([], true, true);
  }
}
