/**
 * The tab's own IndexedDB database (DESIGN.md "Storage: the file is the store"): the loaded texts as Blobs and the
 * session's state, under an id kept in sessionStorage, so a reload finds them and closing the tab forgets them.
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

export interface StoredText {
  readonly id: string;
  readonly blob: Blob;
}

export interface TabDatabase {
  readonly id: string;
  /** Stores texts in one transaction (thousands of a share link's texts in one go, not one by one). */
  putTexts(texts: readonly StoredText[]): Promise<void>;
  getTexts(ids: readonly string[]): Promise<Map<string, Blob>>;
  deleteTexts(ids: readonly string[]): Promise<void>;
  textIds(): Promise<string[]>;
  putState(state: unknown): Promise<void>;
  getState(): Promise<unknown>;
  /** Deletes everything kept (the database stays open). */
  clear(): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
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
  const req = indexedDB.open(DB_PREFIX + id, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(TEXTS);
    req.result.createObjectStore(STATE);
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

function tabDatabase(id: string, db: IDBDatabase): TabDatabase {
  const write = async (store: string, run: (s: IDBObjectStore) => void): Promise<void> => {
    const tx = db.transaction(store, 'readwrite');
    run(tx.objectStore(store));
    await done(tx);
  };
  const read = <T>(store: string, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    request(run(db.transaction(store, 'readonly').objectStore(store)));
  return {
    id,
    putTexts: (texts) => write(TEXTS, (s) => texts.forEach((t) => s.put(t.blob, t.id))),
    getTexts: async (keys) => {
      const store = db.transaction(TEXTS, 'readonly').objectStore(TEXTS);
      const values = await Promise.all(keys.map((k) => request<unknown>(store.get(k))));
      const found = new Map<string, Blob>();
      values.forEach((v, i) => {
        const key = keys[i];
        if (v instanceof Blob && key !== undefined) found.set(key, v);
      });
      return found;
    },
    deleteTexts: (keys) => write(TEXTS, (s) => keys.forEach((k) => s.delete(k))),
    textIds: async () => (await read(TEXTS, (s) => s.getAllKeys())).map(String),
    putState: (state) => write(STATE, (s) => s.put(state, 'session')),
    getState: () => read(STATE, (s) => s.get('session')),
    clear: async () => {
      const tx = db.transaction([TEXTS, STATE], 'readwrite');
      tx.objectStore(TEXTS).clear();
      tx.objectStore(STATE).clear();
      await done(tx);
    },
  };
}

/** Whether an error is the browser saying the storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}
