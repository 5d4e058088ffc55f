import { INDEX_STORE, indexKeyRange } from '../worker/index-keys';
import { done, request } from '../worker/idb';

/**
 * The tab's own IndexedDB database (DESIGN.md "Storage: the file is the store"): the loaded texts as Blobs and the
 * session's state, the files' indexes (their documents, so a reload need not parse them again), under an id kept in sessionStorage, so a reload finds them and closing the tab forgets them.
 * A Web Lock held for the page's life marks the tab alive: at start-up, the databases of tabs that hold no lock
 * (closed) are deleted, and a tab whose id is already held (a duplicated tab copies sessionStorage) takes a new
 * one, so two tabs never mix their sets.
 */

const DB_PREFIX = 'ci-viewer.tab.';
const TAB_ID_KEY = 'ci-viewer.tab';
/** A tab that left this recently may be reloading: its database is not deleted yet (localStorage, id and time). */
const LEFT_PREFIX = 'ci-viewer.left.';
const RELOAD_GRACE_MS = 30_000;
const TEXTS = 'texts';
const STATE = 'state';
/** Version 2 added the files' stored indexes (`worker/index-store.ts`). */
const DB_VERSION = 2;

/**
 * A kept text: a file, or a large pasted or shared text, as its Blob (never encoded again); a smaller pasted or
 * shared text as the string itself, so the thousands of a share link come back in one read (`getAll`), not a Blob
 * read each.
 */
export interface StoredText {
  readonly id: string;
  readonly value: Blob | string;
}

export interface TabDatabase {
  readonly id: string;
  /** The database's name (the worker stores files' indexes in it). */
  readonly name: string;
  /**
   * Stores texts and the state that lists them in one transaction: both or neither (a group of `textGroups`; a
   * reload finds every text its state lists).
   */
  putTextsAndState(texts: readonly StoredText[], state: unknown): Promise<void>;
  /** The kept texts of these ids, read in one go. */
  getTexts(ids: readonly string[]): Promise<Map<string, Blob | string>>;
  /** Deletes texts and their indexes. */
  deleteTexts(ids: readonly string[]): Promise<void>;
  textIds(): Promise<string[]>;
  /** Ids of sources with something in the index store (whole or not). */
  indexIds(): Promise<string[]>;
  /** Deletes the indexes of these sources (their texts stay). */
  deleteIndexes(ids: readonly string[]): Promise<void>;
  putState(state: unknown): Promise<void>;
  getState(): Promise<unknown>;
  /** Deletes everything kept (the database stays open). */
  clear(): Promise<void>;
}

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(16)).join('');
}

/**
 * Takes the tab's lock for the page's life; false when another page keeps holding it (a duplicated tab) past
 * `LOCK_WAIT_MS` (a reload's previous page lets it go as it unloads), true where the browser has no Web Locks
 * (then nothing is deleted as gone, and a duplicate cannot be told).
 */
function holdLock(name: string, wait: boolean): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    const options: LockOptions = wait ? { signal: AbortSignal.timeout(LOCK_WAIT_MS) } : { ifAvailable: true };
    locks
      .request(name, options, (lock) => {
        resolve(lock !== null);
        // Held until the page goes.
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => resolve(false));
  });
}

const LOCK_WAIT_MS = 1500;

/** The tab's id: the one kept for it, unless another page holds it; then a new one. */
async function claimTabId(): Promise<string> {
  const session = sessionStore();
  const kept = session?.getItem(TAB_ID_KEY);
  if (kept && /^[\w-]{8,64}$/.test(kept) && (await holdLock(DB_PREFIX + kept, true))) return kept;
  const id = newId();
  session?.setItem(TAB_ID_KEY, id);
  await holdLock(DB_PREFIX + id, false);
  return id;
}

/** Deletes the databases of tabs that are gone: no lock held, and not left within the reload grace. */
async function deleteGoneTabs(ownId: string): Promise<void> {
  if (typeof indexedDB.databases !== 'function' || !navigator.locks) return;
  const [databases, locks] = await Promise.all([indexedDB.databases(), navigator.locks.query()]);
  const held = new Set([...(locks.held ?? []), ...(locks.pending ?? [])].map((l) => l.name));
  const local = localStore();
  const now = Date.now();
  for (const { name } of databases) {
    if (!name?.startsWith(DB_PREFIX) || name === DB_PREFIX + ownId || held.has(name)) continue;
    const tab = name.slice(DB_PREFIX.length);
    const left = Number(local?.getItem(LEFT_PREFIX + tab) ?? 0);
    if (now - left < RELOAD_GRACE_MS) continue;
    local?.removeItem(LEFT_PREFIX + tab);
    indexedDB.deleteDatabase(name);
  }
}

function open(id: string): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_PREFIX + id, DB_VERSION);
  req.onupgradeneeded = () => {
    const names = req.result.objectStoreNames;
    for (const store of [TEXTS, STATE, INDEX_STORE])
      if (!names.contains(store)) req.result.createObjectStore(store);
  };
  return request(req);
}

/** Opens the tab's database (deleting those of gone tabs first); undefined where IndexedDB is not available. */
export async function openTabDatabase(): Promise<TabDatabase | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    const id = await claimTabId();
    await deleteGoneTabs(id).catch(() => undefined);
    const db = await open(id);
    // Leaving (a reload, or closing): other tabs wait a while before they take this database for gone.
    addEventListener('pagehide', () => localStore()?.setItem(LEFT_PREFIX + id, String(Date.now())));
    localStore()?.removeItem(LEFT_PREFIX + id);
    return tabDatabase(id, db);
  } catch {
    return undefined;
  }
}

/**
 * Texts put in one transaction at most: a task of a few tens of milliseconds (a put copies its text on the page's
 * thread, and 10,000 texts of a share link put at once were a task of 0.7-1 s).
 */
const GROUP_TEXTS = 500;
const GROUP_CHARACTERS = 2 * 1024 * 1024;

/** The texts in groups of at most `GROUP_TEXTS` texts or about `GROUP_CHARACTERS` characters (Blobs count as none). */
export function textGroups(texts: readonly StoredText[]): StoredText[][] {
  const groups: StoredText[][] = [];
  let group: StoredText[] = [];
  let characters = 0;
  for (const t of texts) {
    const size = typeof t.value === 'string' ? t.value.length : 0;
    if (group.length > 0 && (group.length >= GROUP_TEXTS || characters + size > GROUP_CHARACTERS)) {
      groups.push(group);
      group = [];
      characters = 0;
    }
    group.push(t);
    characters += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function tabDatabase(id: string, db: IDBDatabase): TabDatabase {
  const write = async (store: string, run: (s: IDBObjectStore) => void): Promise<void> => {
    const tx = db.transaction(store, 'readwrite');
    run(tx.objectStore(store));
    await done(tx);
  };
  const read = <T>(store: string, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    request(run(db.transaction(store, 'readonly').objectStore(store)));
  const deleteIndexes = async (keys: readonly string[]): Promise<void> => {
    const tx = db.transaction(INDEX_STORE, 'readwrite');
    const store = tx.objectStore(INDEX_STORE);
    for (const k of keys) store.delete(indexKeyRange(k));
    await done(tx);
  };
  return {
    id,
    name: DB_PREFIX + id,
    putTextsAndState: async (texts, state) => {
      const tx = db.transaction([TEXTS, STATE], 'readwrite');
      const store = tx.objectStore(TEXTS);
      for (const t of texts) store.put(t.value, t.id);
      tx.objectStore(STATE).put(state, 'session');
      await done(tx);
    },
    getTexts: async (keys) => {
      // All at once (two requests), not a request per text: 10,000 texts of a share link came back in 11 s.
      const store = db.transaction(TEXTS, 'readonly').objectStore(TEXTS);
      const [ids, values] = await Promise.all([
        request(store.getAllKeys()),
        request<unknown[]>(store.getAll()),
      ]);
      const wanted = new Set(keys);
      const found = new Map<string, Blob | string>();
      values.forEach((v, i) => {
        const key = String(ids[i]);
        if (wanted.has(key) && (v instanceof Blob || typeof v === 'string')) found.set(key, v);
      });
      return found;
    },
    deleteTexts: async (keys) => {
      const tx = db.transaction([TEXTS, INDEX_STORE], 'readwrite');
      const texts = tx.objectStore(TEXTS);
      const indexes = tx.objectStore(INDEX_STORE);
      for (const k of keys) {
        texts.delete(k);
        indexes.delete(indexKeyRange(k));
      }
      await done(tx);
    },
    textIds: async () => (await read(TEXTS, (s) => s.getAllKeys())).map(String),
    indexIds: async () => {
      const keys = await read(INDEX_STORE, (s) => s.getAllKeys());
      return [...new Set(keys.map((k) => (Array.isArray(k) ? String(k[0]) : String(k))))];
    },
    deleteIndexes,
    putState: (state) => write(STATE, (s) => s.put(state, 'session')),
    getState: () => read(STATE, (s) => s.get('session')),
    clear: async () => {
      const tx = db.transaction([TEXTS, STATE, INDEX_STORE], 'readwrite');
      tx.objectStore(TEXTS).clear();
      tx.objectStore(STATE).clear();
      tx.objectStore(INDEX_STORE).clear();
      await done(tx);
    },
  };
}

/** Room left aside when judging whether a text fits (the state record, the database's own overhead). */
const QUOTA_MARGIN = 4 * 1024 * 1024;

/** The room left in the origin's storage, less a margin; Infinity where the browser does not say. */
export async function freeBytes(): Promise<number> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    if (quota === undefined || usage === undefined) return Infinity;
    return Math.max(0, quota - usage - QUOTA_MARGIN);
  } catch {
    return Infinity;
  }
}

export { isQuotaError } from '../worker/idb';
