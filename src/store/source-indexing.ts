import type { StreamBlobRequest } from '../worker/protocol';

/**
 * Where a file's documents are stored as it is parsed, so a reload lists it again without parsing
 * (`worker/index-store.ts`): set by `session-persistence.ts` while the tab keeps its set, read by
 * `stream-source.ts` (which `session-persistence.ts` reaches through `load-texts.ts`: hence this module between).
 */
export interface SourceIndexing {
  /** The index of source `id` (`restore`: read it back first, on a reload); undefined when nothing is kept. */
  target(id: string, restore: boolean): StreamBlobRequest['index'] | undefined;
  /** Source `id` was listed from its stored index. */
  restored(id: string): void;
}

let current: SourceIndexing | undefined;

export function setSourceIndexing(indexing: SourceIndexing | undefined): void {
  current = indexing;
}

export function sourceIndexing(): SourceIndexing | undefined {
  return current;
}
