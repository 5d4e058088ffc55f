import type { Diagnostic } from '../domain/diagnostics';
import { done, isQuotaError, request } from './idb';
import { INDEX_STORE, indexKeyRange } from './index-keys';
import type { WireDocument } from './protocol';
import {
  encodeIndexRecord,
  indexHeader,
  INDEX_RECORD_SIZE,
  isIndexRecord,
  readIndexHeader,
  storedBytesOf,
  type IndexHeader,
  type IndexRecord,
} from './stored-index';

/**
 * The worker's side of a file's stored index (`stored-index.ts`): written in the tab's database as the file is
 * parsed, off the page's thread (a record per `INDEX_RECORD_SIZE` documents, the header last, once all are
 * stored), and read back on a reload in place of parsing. The index is optional: any failure (quota, a database
 * gone) leaves no header, and the file is parsed as before.
 */

/** Where a source's index goes: the tab's database (`tab-storage.ts`) and the source's id. */
export interface IndexTarget {
  readonly db: string;
  readonly key: string;
}

/** Opens the tab's database as the page made it; never creates one (the page may have deleted it). */
function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(undefined);
      return;
    }
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const db = req.result;
      if (db.objectStoreNames.contains(INDEX_STORE)) resolve(db);
      else {
        db.close();
        resolve(undefined);
      }
    };
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
  });
}

export interface IndexWriter {
  /**
   * Documents as they were parsed, in order, and the bytes of the file read so far; with `last`, what is left makes
   * a record too. Gives the records made (each `INDEX_RECORD_SIZE` documents), in order, even when they could not
   * be stored: the worker sends them to the page.
   */
  add(docs: readonly WireDocument[], read: number, last?: boolean): IndexRecord[];
  /**
   * Stores what is left and the header (the index is complete): the bytes it takes, or why it is not stored
   * (`quota`: the storage was full; what was written is deleted).
   */
  finish(diagnostics: readonly Diagnostic[]): Promise<number | 'quota' | 'failed'>;
  /** Deletes what was stored (a load stopped or failed: an index must hold the whole file). */
  abort(): Promise<void>;
}

/** Starts a source's index (deleting one it had: of another version, or cut short). */
export function startIndexWriter(target: IndexTarget, size: number): IndexWriter {
  const opened = openExisting(target.db);
  let failed = false;
  let quota = false;
  const fail = (error: unknown): void => {
    failed = true;
    if (isQuotaError(error)) quota = true;
  };
  let records = 0;
  let count = 0;
  let bytes = 0;
  let buffer: WireDocument[] = [];
  // Writes in order, one at a time: the page's own writes (the file's Blob) go on meanwhile. Relaxed durability (no
  // flush to disk per write): with the default, the writes during a load made it 2.3x slower (30,000 callbacks,
  // `npm run bench:storage`: 28.4 s against 12.4 s without an index; relaxed: 10.0 s). An index lost to a crash is
  // cut short, so not read: the file is parsed as before.
  let chain: Promise<void> = opened.then(async (db) => {
    if (!db) throw new Error('no database');
    const tx = db.transaction(INDEX_STORE, 'readwrite', { durability: 'relaxed' });
    tx.objectStore(INDEX_STORE).delete(indexKeyRange(target.key));
    await done(tx);
  });
  chain.catch(fail);
  const write = (run: (store: IDBObjectStore) => void): void => {
    if (failed) return;
    chain = chain.then(async () => {
      const db = await opened;
      if (!db || failed) throw new Error('no database');
      const tx = db.transaction(INDEX_STORE, 'readwrite', { durability: 'relaxed' });
      run(tx.objectStore(INDEX_STORE));
      await done(tx);
    });
    chain.catch(fail);
  };
  const put = (record: IndexRecord, n: number): void => write((store) => store.put(record, [target.key, n]));
  const flush = (read: number, made: IndexRecord[]): void => {
    if (buffer.length === 0) return;
    const record = encodeIndexRecord(buffer, read);
    const n = records++;
    count += buffer.length;
    bytes += storedBytesOf(record);
    buffer = [];
    put(record, n);
    made.push(record);
  };
  let lastRead = 0;
  const remove = async (): Promise<void> => {
    failed = true;
    buffer = [];
    const db = await opened;
    if (!db) return;
    await chain.catch(() => undefined);
    try {
      const tx = db.transaction(INDEX_STORE, 'readwrite', { durability: 'relaxed' });
      tx.objectStore(INDEX_STORE).delete(indexKeyRange(target.key));
      await done(tx);
    } catch {
      // The page deletes what is left when the source goes.
    } finally {
      db.close();
    }
  };
  return {
    add: (docs, read, last = false) => {
      // Made even when the index failed (nothing is written then: `write`): the page is sent them.
      const made: IndexRecord[] = [];
      lastRead = read;
      for (const doc of docs) {
        buffer.push(doc);
        if (buffer.length === INDEX_RECORD_SIZE) flush(read, made);
      }
      if (last) flush(read, made);
      return made;
    },
    finish: async (diagnostics) => {
      flush(lastRead, []);
      const header = indexHeader(size, count, records, bytes, diagnostics);
      write((store) => store.put(header, [target.key, 'h']));
      try {
        await chain;
      } catch {
        // Failed (quota, a database gone): below.
      }
      if (failed) {
        await remove();
        return quota ? 'quota' : 'failed';
      }
      (await opened)?.close();
      return bytes;
    },
    abort: remove,
  };
}

/** A source's stored index, read record by record (`undefined` when there is none of this version for `size`). */
export interface StoredIndex {
  readonly header: IndexHeader;
  /** Record `n` as stored (`undefined` if it is missing or not a whole record): the page decodes it. */
  record(n: number): Promise<IndexRecord | undefined>;
  close(): void;
}

export async function openStoredIndex(target: IndexTarget, size: number): Promise<StoredIndex | undefined> {
  const db = await openExisting(target.db);
  if (!db) return undefined;
  const get = (key: IDBValidKey): Promise<unknown> =>
    request(db.transaction(INDEX_STORE, 'readonly').objectStore(INDEX_STORE).get(key));
  try {
    const header = readIndexHeader(await get([target.key, 'h']), size);
    if (!header) {
      db.close();
      return undefined;
    }
    return {
      header,
      record: async (n) => {
        const value = await get([target.key, n]);
        return isIndexRecord(value) ? value : undefined;
      },
      close: () => db.close(),
    };
  } catch {
    db.close();
    return undefined;
  }
}
