import { create } from 'zustand';
import { useAppStore, type AppState } from './app-store';
import { inputCapOf, parseDraft, parseSources } from './load-texts';
import { STREAM_THRESHOLD } from './stream-source';
import { onRemovalFinal, sourcesPendingRemoval } from './removal';
import { readSavedState, type SavedState } from './saved-state';
import { selectEntries } from './selectors';
import { onIndexStored } from '../worker/parse-client';
import { indexingKnown, setSourceIndexing } from './source-indexing';
import { keptBytes, stateBytes } from './kept-bytes';
import { freeBytes, isQuotaError, openTabDatabase, textGroups, type TabDatabase } from './tab-storage';

/**
 * Keeps the tab's set for a reload (DESIGN.md "Storage"): each loaded text as a Blob in the tab's IndexedDB
 * database (`tab-storage.ts`), with the session's state (names, removed documents, draft, selection). At any size
 * the quota allows; when a text does not fit, nothing kept is dropped: the page says so and the person chooses.
 */
export interface KeptStorage {
  /** `off`: the person chose not to keep this tab's set; `unavailable`: the browser does not let the page. */
  readonly status: 'starting' | 'ok' | 'off' | 'unavailable' | 'failed';
  /** Bytes this tab keeps: its texts, its files' stored indexes and its state (`kept-bytes.ts`). */
  readonly usedBytes: number;
  /** Texts loaded but not kept, because the room left was short: the person chooses what to do with them. */
  readonly unkept:
    { readonly ids: readonly string[]; readonly bytes: number; readonly freeBytes: number } | undefined;
  /** Files whose documents are kept too (their stored index): a reload lists them without parsing. */
  readonly indexed: number;
  /** Files listed from their stored index at this start (not parsed again). */
  readonly restored: number;
  /** Files kept whose list did not fit in the storage left (the file is kept: a reload parses it again). */
  readonly unindexed: number;
  /**
   * Loaded sources a reload would not bring back yet: their text, or the state that lists them, is still being
   * written (a large file takes a while). The line says "Keeping…" until it is 0, never "Kept" before.
   */
  readonly pending: number;
}

export const useKeptStorage = create<KeptStorage>(() => ({
  status: 'starting',
  usedBytes: 0,
  unkept: undefined,
  indexed: 0,
  restored: 0,
  unindexed: 0,
  pending: 0,
}));

/** sessionStorage: "off" when the person chose not to keep this tab's set. */
const KEEP_KEY = 'ci-viewer.keep';
/** The gzip session of earlier versions, deleted at start-up. */
const OLD_SESSION_KEYS = ['ci-viewer.session', 'ci-viewer.session.selected'];
const SAVE_DELAY_MS = 300;

let db: TabDatabase | undefined;
/** Texts kept, and files' complete stored indexes (`worker/index-store.ts`), by source id, with their sizes. */
const kept = keptBytes();
/** Sources the person chose to keep for this page only (the room was short). */
const declined = new Set<string>();
/** Kept files whose index did not fit (quota): the person is told a reload parses them again. */
const unindexed = new Set<string>();
let schedule: () => void = () => undefined;
/** The sources the last state written lists: a reload brings back these (and only these). */
let savedIds: ReadonlySet<string> = new Set();

/** Counts the loaded sources a reload would not bring back yet (`KeptStorage.pending`). */
function updatePending(): void {
  const { sources } = useAppStore.getState();
  let pending = 0;
  for (const x of sources) if (!savedIds.has(x.id) && !declined.has(x.id)) pending++;
  if (useKeptStorage.getState().pending !== pending) useKeptStorage.setState({ pending });
}

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
    indexingKnown();
    return () => undefined;
  }
  const off = session()?.getItem(KEEP_KEY) === 'off';
  useKeptStorage.setState({ status: off ? 'off' : 'ok' });
  watchIndexes(db);
  // Sources loaded meanwhile (a paste in the first moments) start now, indexed.
  indexingKnown();
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
    if (s.sources !== prev.sources) updatePending();
    // What the person took away is saved at once, not after the delay: a reload right after "Clear all" or a
    // removal must not bring it back (its text stays stored until the removal is final, for the Undo).
    if (tookAway(s, prev)) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // Once the removal has registered its Undo (it does right after this change): what it may put back stays
      // stored (saving in this very call deleted a cleared file's text and index, and the Undo lost its index).
      queueMicrotask(save);
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

/**
 * Files' indexes follow their texts: one the worker completes for a source no longer kept (removed, declined,
 * keeping turned off meanwhile) is deleted; the others are counted.
 */
function watchIndexes(tab: TabDatabase): void {
  onIndexStored(({ key, ok, bytes, quota }) => {
    const wanted =
      useKeptStorage.getState().status === 'ok' &&
      !declined.has(key) &&
      (useAppStore.getState().sources.some((x) => x.id === key) ||
        sourcesPendingRemoval().some((x) => x.id === key));
    if (ok && wanted) kept.setIndex(key, bytes);
    else {
      kept.deleteIndex(key);
      if (ok) void tab.deleteIndexes([key]).catch(() => undefined);
    }
    if (!ok && quota && wanted) unindexed.add(key);
    else unindexed.delete(key);
    useKeptStorage.setState({
      indexed: kept.indexCount,
      usedBytes: kept.total(),
      unindexed: unindexed.size,
    });
  });
  setSourceIndexing({
    target: (id, restoring) =>
      useKeptStorage.getState().status === 'ok' && !declined.has(id)
        ? { db: tab.name, key: id, ...(restoring ? { restore: true } : {}) }
        : undefined,
    // Its size comes with the worker's word that it is kept (`onIndexStored`), before or after this.
    restored: (id) => {
      if (!kept.hasIndex(id)) kept.setIndex(id, 0);
      useKeptStorage.setState((s) => ({ restored: s.restored + 1, indexed: kept.indexCount }));
    },
  });
}

async function restore(tab: TabDatabase): Promise<void> {
  const state = await tab.getState();
  const saved = readSavedState(state);
  kept.setState(stateBytes(state));
  for (const id of await tab.textIds()) kept.setText(id, 0);
  // Indexes of texts not kept (a write cut short by the reload, a text declined) go.
  const orphans = (await tab.indexIds().catch(() => [])).filter(
    (id) => !kept.hasText(id) || !saved?.sources.some((s) => s.id === id),
  );
  if (orphans.length > 0) await tab.deleteIndexes(orphans).catch(() => undefined);
  if (!saved) return;
  savedIds = new Set(saved.sources.map((x) => x.id));
  const values = await tab.getTexts(saved.sources.map((s) => s.id));
  const texts = await Promise.all(
    saved.sources.map(async (s) => {
      const value = values.get(s.id);
      if (value === undefined) return undefined;
      // A small pasted or shared text is kept as the string itself (`tab-storage.ts`).
      if (typeof value === 'string') {
        kept.setText(s.id, value.length);
        return { ...s, text: value, maxInputLength: inputCapOf(s.origin) };
      }
      kept.setText(s.id, value.size);
      // A large file or text stays in its Blob, read in chunks by the worker (or listed from its stored index).
      if (value.size >= STREAM_THRESHOLD)
        return { ...s, blob: value, text: '', inBlob: true as const, restore: true as const };
      return { ...s, blob: value, text: await value.text(), maxInputLength: inputCapOf(s.origin) };
    }),
  );
  const sources = texts.filter((t) => t !== undefined);
  useKeptStorage.setState({ usedBytes: kept.total() });
  const store = useAppStore.getState();
  store.restoreSources(sources, saved.pasteCount);
  const pending: Promise<void>[] = [parseSources(sources, false, true)];
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

/** The save under way, if any: Forget waits for it, so nothing it writes lands after the database is cleared. */
let syncing: Promise<void> | undefined;

/** Brings the database in step with the store: new texts stored (if they fit), gone ones deleted, the state. */
function sync(): Promise<void> {
  const run = syncOnce();
  syncing = run;
  return run.finally(() => {
    if (syncing === run) syncing = undefined;
  });
}

/** Keeping was turned off (Forget) while a save was under way: it stops at its next step. */
function isOff(): boolean {
  return useKeptStorage.getState().status === 'off';
}

async function syncOnce(): Promise<void> {
  const tab = db;
  if (!tab || isOff()) return;
  const s = useAppStore.getState();
  try {
    const fresh = s.sources.filter((x) => !kept.hasText(x.id) && !declined.has(x.id));
    if (fresh.length > 0) await keep(tab, fresh);
    if (isOff()) return;
    // What a removal took is deleted once it is final (until then the Undo may put it back).
    const wanted = new Set(useAppStore.getState().sources.map((x) => x.id));
    for (const x of sourcesPendingRemoval()) wanted.add(x.id);
    const gone = kept.ids().filter((id) => !wanted.has(id));
    if (gone.length > 0) {
      await tab.deleteTexts(gone);
      for (const id of gone) {
        kept.delete(id);
        unindexed.delete(id);
      }
      useKeptStorage.setState({
        indexed: kept.indexCount,
        usedBytes: kept.total(),
        unindexed: unindexed.size,
      });
    }
    if (isOff()) return;
    const state = stateOf(useAppStore.getState());
    await tab.putState(state);
    savedAs(state);
    if (isOff()) return;
    useKeptStorage.setState({ status: 'ok', usedBytes: kept.total() });
  } catch (error) {
    if (isOff()) return;
    if (isQuotaError(error)) useKeptStorage.setState({ status: 'ok' });
    else useKeptStorage.setState({ status: 'failed' });
  }
}

/** The state just written: what it takes, and the sources a reload now brings back. */
function savedAs(state: SavedState): void {
  kept.setState(stateBytes(state));
  savedIds = new Set(state.sources.map((x) => x.id));
  updatePending();
}

/**
 * Stores new texts when they fit; when the room is short, stores none of them and asks the person. They go in
 * groups (`textGroups`), each with a state that lists it, in one transaction: a reload while a share link's 10,000
 * texts are being kept brings back every group written so far, not none. A group that meets the quota stops
 * there: the groups written stay kept, and the person is asked about the rest.
 */
async function keep(tab: TabDatabase, fresh: AppState['sources']): Promise<void> {
  // A file as its Blob; a text as the string (many small texts then come back in one read).
  const texts = fresh.map((x) => ({ id: x.id, value: x.blob ?? x.text }));
  const sizeOf = (value: Blob | string): number => (typeof value === 'string' ? value.length : value.size);
  const free = await freeBytes();
  const short = (left: AppState['sources']): void => {
    const unkept = useKeptStorage.getState().unkept;
    const ids = [...(unkept?.ids ?? []), ...left.map((x) => x.id)];
    const bytes = left.reduce((n, x) => n + sizeOf(x.blob ?? x.text), 0);
    for (const x of left) {
      declined.add(x.id);
      kept.deleteIndex(x.id);
    }
    // A file's index is of no use without its text.
    void tab.deleteIndexes(left.map((x) => x.id)).catch(() => undefined);
    useKeptStorage.setState({
      unkept: { ids, bytes: (unkept?.bytes ?? 0) + bytes, freeBytes: free },
      indexed: kept.indexCount,
      usedBytes: kept.total(),
    });
    updatePending();
  };
  if (texts.reduce((n, b) => n + sizeOf(b.value), 0) > free) {
    short(fresh);
    return;
  }
  for (const group of textGroups(texts)) {
    if (isOff()) return;
    const state = stateOf(useAppStore.getState(), new Set(group.map((t) => t.id)));
    try {
      await tab.putTextsAndState(group, state);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      short(fresh.filter((x) => !kept.hasText(x.id)));
      return;
    }
    for (const { id, value } of group) kept.setText(id, sizeOf(value));
    savedAs(state);
    useKeptStorage.setState({ usedBytes: kept.total() });
  }
}

/** The state to write: the sources whose text is kept (or written with it: `writing`), the draft, the selection. */
function stateOf(s: AppState, writing?: ReadonlySet<string>): SavedState {
  return {
    v: 2,
    sources: s.sources
      .filter((x) => kept.hasText(x.id) || writing?.has(x.id) === true)
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
  useKeptStorage.setState({ status: 'off', unkept: undefined, indexed: 0, unindexed: 0 });
  // A save under way stops at its next step; what it already wrote goes with the clear below, not after it.
  await syncing?.catch(() => undefined);
  kept.clear();
  declined.clear();
  unindexed.clear();
  savedIds = new Set();
  await db?.clear().catch(() => undefined);
  useKeptStorage.setState({ usedBytes: 0 });
}

/** Keep again: stores the loaded set (if it fits) and what is loaded from now on. */
export function startKeeping(): void {
  session()?.removeItem(KEEP_KEY);
  declined.clear();
  useKeptStorage.setState({ status: db ? 'ok' : 'unavailable', unkept: undefined });
  updatePending();
  schedule();
}

/** Tries again to keep texts that did not fit (after room was freed). */
export function retryUnkept(): void {
  declined.clear();
  useKeptStorage.setState({ unkept: undefined });
  updatePending();
  schedule();
}
