import type { ParseResult } from '../domain/model';
import type { ParseRequest, ParseResponse } from './protocol';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (result: ParseResult) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseResponse>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.result);
    };
  }
  return worker;
}

/** Parses text in the worker. */
export function parseInWorker(text: string, options: Omit<ParseRequest, 'id' | 'text'> = {}): Promise<ParseResult> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    getWorker().postMessage({ id, text, ...options } satisfies ParseRequest);
  });
}
