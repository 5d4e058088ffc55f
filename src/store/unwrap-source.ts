import { UNWRAP_MAX_LENGTH } from '../domain/parse/wrapped-callback';
import { unwrapInWorker } from '../worker/parse-client';
import type { LoadedSource } from './documents-slice';
import { loadTexts } from './load-texts';

type Unwrappable = Pick<LoadedSource, 'text' | 'blob'>;

/** Whether the page may read `source` whole to unwrap its records (`unwrapLogRecords`). */
export function canUnwrap(source: Unwrappable): boolean {
  const size = source.text !== '' ? source.text.length : (source.blob?.size ?? 0);
  return size > 0 && size <= UNWRAP_MAX_LENGTH;
}

/** Loads what the JSON records of `source` carry, as a new source named `name` (nothing when none holds a callback). */
export async function loadUnwrapped(source: Unwrappable, name: string): Promise<void> {
  // In the worker, which reads a file's text itself: on the page, a 16 MiB log was a task of 0.2-0.6 s.
  const unwrapped = await unwrapInWorker(source.text !== '' ? source.text : (source.blob ?? ''));
  if (unwrapped !== undefined) await loadTexts([{ origin: { kind: 'shared', name }, text: unwrapped }]);
}
