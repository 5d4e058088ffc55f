/**
 * What this tab keeps for a reload, in bytes (the storage line, "Kept for a reload of this tab"): each text (a
 * file's Blob, a pasted or shared text), each file's stored index (its documents, `worker/index-store.ts`: half to
 * nine tenths of the file's size before it was compressed) and the session's state. The line showed the texts only.
 */
export interface KeptBytes {
  /** A text is kept (`bytes`: the Blob's size, or the string's length). */
  setText(id: string, bytes: number): void;
  /** A file's index is complete and stored (`bytes` as the worker counted them). */
  setIndex(id: string, bytes: number): void;
  hasText(id: string): boolean;
  hasIndex(id: string): boolean;
  /** Ids with a text or an index kept. */
  ids(): string[];
  /** The source's text and index are gone. */
  delete(id: string): void;
  /** The index alone is gone (its text stays, or was never kept). */
  deleteIndex(id: string): void;
  /** The session's state as last stored. */
  setState(bytes: number): void;
  /** Files with an index kept. */
  readonly indexCount: number;
  total(): number;
  clear(): void;
}

export function keptBytes(): KeptBytes {
  const texts = new Map<string, number>();
  const indexes = new Map<string, number>();
  let state = 0;
  const sum = (m: Map<string, number>): number => {
    let n = 0;
    for (const v of m.values()) n += v;
    return n;
  };
  return {
    setText: (id, bytes) => void texts.set(id, bytes),
    setIndex: (id, bytes) => void indexes.set(id, bytes),
    hasText: (id) => texts.has(id),
    hasIndex: (id) => indexes.has(id),
    ids: () => [...new Set([...texts.keys(), ...indexes.keys()])],
    delete: (id) => {
      texts.delete(id);
      indexes.delete(id);
    },
    deleteIndex: (id) => void indexes.delete(id),
    setState: (bytes) => (state = bytes),
    get indexCount() {
      return indexes.size;
    },
    total: () => sum(texts) + sum(indexes) + state,
    clear: () => {
      texts.clear();
      indexes.clear();
      state = 0;
    },
  };
}

/** Bytes of a state as stored (its JSON text: the structured clone IndexedDB keeps is of about that size). */
export function stateBytes(state: unknown): number {
  try {
    return JSON.stringify(state)?.length ?? 0;
  } catch {
    return 0;
  }
}
