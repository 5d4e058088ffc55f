import { useAppStore, type AppState } from './app-store';
import { parseDraft, parseSources } from './load-texts';
import { decodeSession, encodeSession, type SessionSnapshot } from './session-codec';

/** The tab's loaded texts (DESIGN.md "Security": kept in session storage by default, compressed). */
export const SESSION_STORAGE_KEY = 'ci-viewer.session';
/** The selection, kept apart: moving through the list must not re-compress every text. */
export const SESSION_SELECTION_KEY = 'ci-viewer.session.selected';
const SAVE_DELAY_MS = 300;
/** Texts longer than this in all (characters) are not kept for a reload. */
export const SESSION_MAX_TEXT = 8 * 1024 * 1024;

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function snapshotOf(s: AppState): SessionSnapshot {
  return {
    v: 1,
    sources: s.sources.map(({ id, origin, text }) => ({ id, origin, text })),
    draft: s.draft.text,
    pasteCount: s.pasteCount,
  };
}

/**
 * Puts back what the tab held before a reload (re-parsing the texts), then keeps session storage in step with
 * the store. When the texts do not fit, `storageStatus` says so and the page shows it.
 */
export async function startSessionPersistence(): Promise<() => void> {
  const storage = sessionStore();
  if (!storage) {
    useAppStore.getState().setStorageStatus('unavailable');
    return () => undefined;
  }
  const restored = await restore(storage);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving = false;
  let again = false;
  const save = async () => {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    try {
      await write(storage, useAppStore.getState());
    } finally {
      saving = false;
      if (again) {
        again = false;
        void save();
      }
    }
  };
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.selectedKey !== prev.selectedKey) writeSelection(storage, s.selectedKey);
    if (sameTexts(s.sources, prev.sources) && s.draft.text === prev.draft.text) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  });
  // Something loaded while the saved texts were being restored (a paste, a share link) is saved now.
  const now = useAppStore.getState();
  if (now.sources.length !== restored.sources || now.draft.text !== restored.draft) void save();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Puts the saved texts back; says how many sources and which draft it restored. */
async function restore(storage: Storage): Promise<{ readonly sources: number; readonly draft: string }> {
  const nothing = { sources: 0, draft: '' };
  const encoded = storage.getItem(SESSION_STORAGE_KEY);
  if (!encoded) return nothing;
  const snapshot = await decodeSession(encoded);
  if (!snapshot) {
    storage.removeItem(SESSION_STORAGE_KEY);
    return nothing;
  }
  const store = useAppStore.getState();
  store.restoreSources(snapshot.sources, snapshot.pasteCount);
  const pending: Promise<void>[] = [parseSources(snapshot.sources, false)];
  if (snapshot.draft) {
    store.setDraftText(snapshot.draft);
    pending.push(parseDraft(snapshot.draft, { select: false }));
  }
  await Promise.all(pending);
  // The selection of before the reload, unless something was selected meanwhile (a share link, a paste).
  const selectedKey = storage.getItem(SESSION_SELECTION_KEY);
  if (selectedKey && useAppStore.getState().selectedKey === undefined) store.selectDocument(selectedKey);
  return { sources: snapshot.sources.length, draft: snapshot.draft };
}

/** Parsing a text changes its source, not its text: nothing new to save. */
function sameTexts(a: AppState['sources'], b: AppState['sources']): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x.id === b[i]?.id && x.text === b[i]?.text));
}

function writeSelection(storage: Storage, key: string | undefined): void {
  try {
    if (key === undefined) storage.removeItem(SESSION_SELECTION_KEY);
    else storage.setItem(SESSION_SELECTION_KEY, key);
  } catch {
    // A few bytes that do not fit: the texts' own save reports the quota.
  }
}

async function write(storage: Storage, s: AppState): Promise<void> {
  const set = s.setStorageStatus;
  if (s.sources.length === 0 && s.draft.text === '') {
    storage.removeItem(SESSION_STORAGE_KEY);
    set('ok');
    return;
  }
  // Serialising and compressing tens of megabytes would hold the page for a long while, and session storage
  // holds a few megabytes at most: a set this large is not kept, and the page says so.
  const size = s.sources.reduce((n, x) => n + x.text.length, s.draft.text.length);
  if (size > SESSION_MAX_TEXT) {
    storage.removeItem(SESSION_STORAGE_KEY);
    set('too-large');
    return;
  }
  let encoded: string;
  try {
    encoded = await encodeSession(snapshotOf(s));
  } catch {
    set('unavailable');
    return;
  }
  // Changed (cleared, say) while compressing: this snapshot is stale and the next save is already scheduled.
  const current = useAppStore.getState();
  if (!sameTexts(current.sources, s.sources) || current.draft.text !== s.draft.text) return;
  try {
    // The old value goes first, so the new one may use its room.
    storage.removeItem(SESSION_STORAGE_KEY);
    storage.setItem(SESSION_STORAGE_KEY, encoded);
    set('ok');
  } catch {
    set('quota-exceeded');
  }
}

/** Clear all: storage is emptied at once, not after the save delay. */
export function clearSessionStorage(): void {
  sessionStore()?.removeItem(SESSION_STORAGE_KEY);
  sessionStore()?.removeItem(SESSION_SELECTION_KEY);
  useAppStore.getState().setStorageStatus('ok');
}
