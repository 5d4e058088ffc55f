import ParseWorker from './parse-worker.ts?worker&inline';

/** The parse worker inlined and started from a `blob:` URL, for the single-file build opened from disk. */
export function createParseWorker(): Worker {
  return new ParseWorker();
}
