/** The object store of files' indexes in the tab's database (`tab-storage.ts` creates it, `index-store.ts` fills it). */
export const INDEX_STORE = 'index';

/** Keys of a source's index: its records `[key, n]` and its header `[key, 'h']`. */
export function indexKeyRange(key: string): IDBKeyRange {
  return IDBKeyRange.bound([key], [key, []]);
}
