import { useAppStore } from './app-store';
import {
  DRAFT_SOURCE_ID,
  documentsInitialState,
  entryKey,
  type Draft,
  type LoadedSource,
} from './documents-slice';
import { cancelDraftParse } from './load-texts';
import { selectDocumentCount } from './selectors';

/**
 * Nothing is lost by a click (DESIGN.md "Storage"): removing callbacks (one, the filtered set, or all of them) can
 * be undone from the notice it shows for `UNDO_MS`; then it is final, and what was kept for a reload follows.
 */
export const UNDO_MS = 15_000;

/** What the documents looked like before a removal: the undo puts it back. */
interface RemovalSnapshot {
  readonly sources: readonly LoadedSource[];
  readonly draft: Draft;
  readonly selectedKey: string | undefined;
  readonly pasteCount: number;
}

interface PendingRemoval {
  readonly snapshot: RemovalSnapshot;
  readonly noticeId: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

const pending = new Map<number, PendingRemoval>();
let nextUndoId = 1;
const finalListeners = new Set<() => void>();

const store = () => useAppStore.getState();

/** Called each time a removal becomes final (storage frees what no longer belongs to the set). */
export function onRemovalFinal(listener: () => void): () => void {
  finalListeners.add(listener);
  return () => void finalListeners.delete(listener);
}

/** Whether a removal can still be undone: what it removed must stay in storage meanwhile. */
export function hasPendingRemoval(): boolean {
  return pending.size > 0;
}

/** The sources a pending removal may put back (storage keeps their texts until the removal is final). */
export function sourcesPendingRemoval(): readonly LoadedSource[] {
  return [...pending.values()].flatMap((p) => p.snapshot.sources);
}

function snapshotOf(): RemovalSnapshot {
  const { sources, draft, selectedKey, pasteCount } = store();
  return { sources, draft, selectedKey, pasteCount };
}

function offerUndo(snapshot: RemovalSnapshot, key: 'undo.removed' | 'undo.cleared', count: number): void {
  const undoId = nextUndoId++;
  store().addNotice({ tone: 'info', key, params: { count }, undoId });
  const notice = store().notices.find((n) => n.undoId === undoId);
  const timer = setTimeout(() => finalise(undoId), UNDO_MS);
  pending.set(undoId, { snapshot, noticeId: notice?.id ?? -1, timer });
}

function finalise(undoId: number): void {
  const removal = pending.get(undoId);
  if (!removal) return;
  pending.delete(undoId);
  store().dismissNotice(removal.noticeId);
  for (const listener of finalListeners) listener();
}

/**
 * Removes the list entries with these keys (`entryKey`); `nextKey` is selected when the selected one goes. A
 * source whose documents are all removed goes with them; a removed draft document empties the draft.
 */
export function removeEntries(keys: readonly string[], nextKey?: string): void {
  if (keys.length === 0) return;
  const removing = new Set(keys);
  const snapshot = snapshotOf();
  let removed = 0;
  const sources: LoadedSource[] = [];
  for (const source of snapshot.sources) {
    const kept = source.documents.filter((d) => !removing.has(entryKey(source.id, d.index)));
    const gone = source.documents.length - kept.length;
    if (gone === 0) {
      sources.push(source);
      continue;
    }
    removed += gone;
    if (kept.length === 0 && source.status === 'ready') continue;
    const indexes = source.documents.filter((d) => !kept.includes(d)).map((d) => d.index);
    sources.push({ ...source, documents: kept, removed: [...(source.removed ?? []), ...indexes] });
  }
  let draft = snapshot.draft;
  const draftGone = draft.documents.filter((d) => removing.has(entryKey(DRAFT_SOURCE_ID, d.index))).length;
  if (draftGone > 0) {
    removed += draftGone;
    cancelDraftParse();
    draft = documentsInitialState.draft;
  }
  if (removed === 0) return;
  const selectedKey =
    snapshot.selectedKey !== undefined && removing.has(snapshot.selectedKey) ? nextKey : snapshot.selectedKey;
  useAppStore.setState({ sources, draft, selectedKey });
  offerUndo(snapshot, 'undo.removed', removed);
}

/** Clear all: every document and the draft go, undoably (the notice's Undo puts them back). */
export function clearAll(): void {
  const snapshot = snapshotOf();
  const count = selectDocumentCount(store());
  cancelDraftParse();
  store().clearAll();
  if (count === 0 && snapshot.draft.text === '') return;
  offerUndo(snapshot, 'undo.cleared', count);
}

/**
 * Puts back what a removal took, keeping what was loaded since: a source that is still there gets its documents
 * back (in their order), one that went comes back in its place, the draft returns if it is still empty.
 */
export function undoRemoval(undoId: number): void {
  const removal = pending.get(undoId);
  if (!removal) return;
  clearTimeout(removal.timer);
  pending.delete(undoId);
  store().dismissNotice(removal.noticeId);
  const { snapshot } = removal;
  useAppStore.setState((s) => {
    const current = new Map(s.sources.map((x) => [x.id, x]));
    const before = new Set(snapshot.sources.map((x) => x.id));
    const sources = snapshot.sources.map((old): LoadedSource => {
      const now = current.get(old.id);
      if (!now) {
        // A source removed while it loaded stopped loading then: it comes back with what it had.
        if (old.status === 'ready') return old;
        const { progress: _progress, ...rest } = old;
        void _progress;
        return { ...rest, status: 'ready', documents: old.documents };
      }
      const known = new Set(now.documents.map((d) => d.index));
      const documents = [...now.documents, ...old.documents.filter((d) => !known.has(d.index))].sort(
        (a, b) => a.index - b.index,
      );
      const restored: LoadedSource = { ...now, documents, removed: old.removed ?? [] };
      return restored;
    });
    for (const source of s.sources) if (!before.has(source.id)) sources.push(source);
    const draft = s.draft.text === '' ? snapshot.draft : s.draft;
    return {
      sources,
      draft,
      selectedKey: snapshot.selectedKey ?? s.selectedKey,
      pasteCount: Math.max(s.pasteCount, snapshot.pasteCount),
    };
  });
}

/** Ends every pending removal now (tests; a page that is closing keeps nothing to undo). */
export function finaliseAllRemovals(): void {
  for (const undoId of [...pending.keys()]) {
    clearTimeout(pending.get(undoId)?.timer);
    finalise(undoId);
  }
}
