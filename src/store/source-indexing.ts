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

/**
 * Whether the tab's storage is still starting (its code loading, its database opening): until it knows whether
 * sources are indexed, a file or large paste waits for it (`whenIndexingKnown`) rather than start unindexed (a
 * paste in the first moments of a busy page was kept without its list, and a reload parsed it again).
 */
let starting = false;
let known: Promise<void> = Promise.resolve();
let settle: () => void = () => undefined;

/** The tab's storage is starting: sources to be indexed wait until `indexingKnown`. */
export function indexingStarting(): void {
  if (starting) return;
  starting = true;
  known = new Promise((resolve) => (settle = resolve));
}

/** The tab's storage knows (indexing set, or nothing kept, or it failed to start): waiting sources go on. */
export function indexingKnown(): void {
  starting = false;
  settle();
}

/** Settles once `indexingKnown`, or at once when the storage is not starting (`undefined` then). */
export function whenIndexingKnown(): Promise<void> | undefined {
  return starting ? known : undefined;
}
