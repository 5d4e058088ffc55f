import { unwrapLogRecords, UNWRAP_MAX_LENGTH } from '../domain/parse/wrapped-callback';
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
  const text = source.text !== '' ? source.text : ((await source.blob?.text()) ?? '');
  const unwrapped = unwrapLogRecords(text);
  if (unwrapped !== undefined) await loadTexts([{ origin: { kind: 'shared', name }, text: unwrapped.text }]);
}
