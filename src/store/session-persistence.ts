import { create } from 'zustand';
import { useAppStore, type AppState } from './app-store';
import { inputCapOf, parseDraft, parseSources } from './load-texts';
import { STREAM_THRESHOLD } from './stream-source';
import { onRemovalFinal, sourcesPendingRemoval } from './removal';
import { readSavedState, type SavedState } from './saved-state';
import { selectEntries } from './selectors';
import { isQuotaError, openTabDatabase, type TabDatabase } from './tab-storage';

/**
 * Keeps the tab's set for a reload (DESIGN.md "Storage"): each loaded text as a Blob in the tab's IndexedDB
 * database (`tab-storage.ts`), with the session's state (names, removed documents, draft, selection). At any size
 * the quota allows; when a text does not fit, nothing kept is dropped: the page says so and the person chooses.
 */
export interface KeptStorage {
  /** `off`: the person chose not to keep this tab's set; `unavailable`: the browser does not let the page. */
  readonly status: 'starting' | 'ok' | 'off' | 'unavailable' | 'failed';
  /** Bytes of the texts kept for this tab. */
  readonly usedBytes: number;
  /** Texts loaded but not kept, because the room left was short: the person chooses what to do with them. */
  readonly unkept:
    { readonly ids: readonly string[]; readonly bytes: number; readonly freeBytes: number } | undefined;
}

export const useKeptStorage = create<KeptStorage>(() => ({
  status: 'starting',
  usedBytes: 0,
  unkept: undefined,
}));

/** sessionStorage: "off" when the person chose not to keep this tab's set. */
const KEEP_KEY = 'ci-viewer.keep';
/** The gzip session of earlier versions, deleted at start-up. */
const OLD_SESSION_KEYS = ['ci-viewer.session', 'ci-viewer.session.selected'];
const SAVE_DELAY_MS = 300;
/** Room left aside when judging whether a text fits (the state record, the database's own overhead). */
const QUOTA_MARGIN = 4 * 1024 * 1024;

let db: TabDatabase | undefined;
/** Texts kept, by source id, with their sizes. */
const kept = new Map<string, number>();
/** Sources the person chose to keep for this page only (the room was short). */
const declined = new Set<string>();
let schedule: () => void = () => undefined;

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Puts back what the tab held before a reload (re-parsing the texts, in their order, with the documents the
 * person removed left out, and the selection), then keeps the tab's database in step with the store.
 */
export async function startSessionPersistence(): Promise<() => void> {
  for (const key of OLD_SESSION_KEYS) session()?.removeItem(key);
  db = await openTabDatabase();
  if (!db) {
    useKeptStorage.setState({ status: 'unavailable' });
    return () => undefined;
  }
  const off = session()?.getItem(KEEP_KEY) === 'off';
  useKeptStorage.setState({ status: off ? 'off' : 'ok' });
  if (!off) await restore(db).catch(() => undefined);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | undefined;
  let again = false;
  const save = (): void => {
    if (saving) {
      again = true;
      return;
    }
    saving = sync().finally(() => {
      saving = undefined;
      if (again) {
        again = false;
        save();
      }
    });
  };
  schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    // What the person took away is saved at once, not after the delay: a reload right after "Clear all" or a
    // removal must not bring it back (its text stays stored until the removal is final, for the Undo).
    if (tookAway(s, prev)) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      save();
    } else if (
      s.sources !== prev.sources ||
      s.draft.text !== prev.draft.text ||
      s.selectedKey !== prev.selectedKey ||
      s.pasteCount !== prev.pasteCount
    )
      schedule();
  });
  const stopFinal = onRemovalFinal(schedule);
  save();
  return () => {
    unsubscribe();
    stopFinal();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Whether a store change took something away: a source, a callback of one, or the draft's text. */
function tookAway(s: AppState, prev: AppState): boolean {
  if (s.draft.text === '' && prev.draft.text !== '') return true;
  if (s.sources === prev.sources) return false;
  if (s.sources.length < prev.sources.length) return true;
  const removed = (state: AppState) => state.sources.reduce((n, x) => n + (x.removed?.length ?? 0), 0);
  return removed(s) > removed(prev);
}

async function restore(tab: TabDatabase): Promise<void> {
  const saved = readSavedState(await tab.getState());
  for (const id of await tab.textIds()) kept.set(id, 0);
  if (!saved) return;
  const blobs = await tab.getTexts(saved.sources.map((s) => s.id));
  const texts = await Promise.all(
    saved.sources.map(async (s) => {
      const blob = blobs.get(s.id);
      if (!blob) return undefined;
      kept.set(s.id, blob.size);
      // A large file stays in its Blob, read in chunks by the worker, as when it was first loaded.
      if (s.origin.kind === 'file' && blob.size >= STREAM_THRESHOLD)
        return { ...s, blob, text: '', inBlob: true as const };
      return { ...s, blob, text: await blob.text(), maxInputLength: inputCapOf(s.origin) };
    }),
  );
  const sources = texts.filter((t) => t !== undefined);
  useKeptStorage.setState({ usedBytes: usedBytes() });
  const store = useAppStore.getState();
  store.restoreSources(sources, saved.pasteCount);
  const pending: Promise<void>[] = [parseSources(sources, false)];
  if (saved.draft) {
    store.setDraftText(saved.draft);
    pending.push(parseDraft(saved.draft, { select: false }));
  }
  await Promise.all(pending);
  // The selection of before the reload, unless something was selected meanwhile (a share link, a paste); the
  // first document if that one was not kept.
  const now = useAppStore.getState();
  if (now.selectedKey !== undefined) return;
  const entries = selectEntries(now);
  const again = entries.find((e) => e.key === saved.selectedKey) ?? entries[0];
  if (again) store.selectDocument(again.key);
}

function usedBytes(): number {
  let n = 0;
  for (const size of kept.values()) n += size;
  return n;
}

async function freeBytes(): Promise<number> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    if (quota === undefined || usage === undefined) return Infinity;
    return Math.max(0, quota - usage - QUOTA_MARGIN);
  } catch {
    return Infinity;
  }
}

/** Brings the database in step with the store: new texts stored (if they fit), gone ones deleted, the state. */
async function sync(): Promise<void> {
  const tab = db;
  if (!tab || useKeptStorage.getState().status === 'off') return;
  const s = useAppStore.getState();
  try {
    const fresh = s.sources.filter((x) => !kept.has(x.id) && !declined.has(x.id));
    if (fresh.length > 0) await keep(tab, fresh);
    // What a removal took is deleted once it is final (until then the Undo may put it back).
    const wanted = new Set(useAppStore.getState().sources.map((x) => x.id));
    for (const x of sourcesPendingRemoval()) wanted.add(x.id);
    const gone = [...kept.keys()].filter((id) => !wanted.has(id));
    if (gone.length > 0) {
      await tab.deleteTexts(gone);
      for (const id of gone) kept.delete(id);
    }
    await tab.putState(stateOf(useAppStore.getState()));
    useKeptStorage.setState({ status: 'ok', usedBytes: usedBytes() });
  } catch (error) {
    if (isQuotaError(error)) useKeptStorage.setState({ status: 'ok' });
    else useKeptStorage.setState({ status: 'failed' });
  }
}

/** Stores new texts when they fit; when the room is short, stores none of them and asks the person. */
async function keep(tab: TabDatabase, fresh: AppState['sources']): Promise<void> {
  const blobs = fresh.map((x) => ({ id: x.id, blob: x.blob ?? new Blob([x.text], { type: 'text/plain' }) }));
  const bytes = blobs.reduce((n, b) => n + b.blob.size, 0);
  const free = await freeBytes();
  const short = (): void => {
    const unkept = useKeptStorage.getState().unkept;
    const ids = [...(unkept?.ids ?? []), ...fresh.map((x) => x.id)];
    for (const x of fresh) declined.add(x.id);
    useKeptStorage.setState({ unkept: { ids, bytes: (unkept?.bytes ?? 0) + bytes, freeBytes: free } });
  };
  if (bytes > free) {
    short();
    return;
  }
  try {
    await tab.putTexts(blobs);
    for (const { id, blob } of blobs) kept.set(id, blob.size);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    short();
  }
}

function stateOf(s: AppState): SavedState {
  return {
    v: 2,
    sources: s.sources
      .filter((x) => kept.has(x.id))
      .map(({ id, origin, removed }) => (removed?.length ? { id, origin, removed } : { id, origin })),
    draft: s.draft.text,
    pasteCount: s.pasteCount,
    ...(s.selectedKey === undefined ? {} : { selectedKey: s.selectedKey }),
  };
}

/** The person's answer when texts did not fit: keep them for this page only (a reload would lose them). */
export function keepUnkeptForThisPage(): void {
  useKeptStorage.setState({ unkept: undefined });
}

/** Forget: deletes what the tab kept; the loaded callbacks stay, but a reload would lose them. */
export async function stopKeeping(): Promise<void> {
  session()?.setItem(KEEP_KEY, 'off');
  useKeptStorage.setState({ status: 'off', unkept: undefined });
  kept.clear();
  declined.clear();
  await db?.clear().catch(() => undefined);
  useKeptStorage.setState({ usedBytes: 0 });
}

/** Keep again: stores the loaded set (if it fits) and what is loaded from now on. */
export function startKeeping(): void {
  session()?.removeItem(KEEP_KEY);
  declined.clear();
  useKeptStorage.setState({ status: db ? 'ok' : 'unavailable', unkept: undefined });
  schedule();
}

/** Tries again to keep texts that did not fit (after room was freed). */
export function retryUnkept(): void {
  declined.clear();
  useKeptStorage.setState({ unkept: undefined });
  schedule();
}
