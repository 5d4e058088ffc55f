/** The parse worker as its own file, for the hosted build (`npm run build`). */
export function createParseWorker(): Worker {
  return new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
}
