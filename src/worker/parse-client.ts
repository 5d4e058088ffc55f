import { createParseWorker } from '@parse-worker-factory';
import type { ParseResult } from '../domain/model';
import type { ParseRequest, ParseResponse } from './protocol';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (result: ParseResult) => void; reject: (error: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    const w = createParseWorker();
    w.onmessage = (event: MessageEvent<ParseResponse>) => {
      const request = pending.get(event.data.id);
      pending.delete(event.data.id);
      request?.resolve(event.data.result);
    };
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

/** Parses text in the worker. Rejects only when the worker itself fails; a bad payload is a result, not an error. */
export function parseInWorker(
  text: string,
  options: Omit<ParseRequest, 'id' | 'text'> = {},
): Promise<ParseResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, text, ...options } satisfies ParseRequest);
  });
}

/**
 * Starts the worker and has it load the parser before the first real payload arrives, so the first paste is as
 * fast as the next ones.
 */
export function warmUpParser(): void {
  void parseInWorker('<Response/>').catch(() => undefined);
}
