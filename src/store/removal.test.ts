import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';
import {
  clearAll,
  finaliseAllRemovals,
  onRemovalFinal,
  removeEntries,
  undoRemoval,
  UNDO_MS,
} from './removal';
import { selectEntries } from './selectors';

const FIXTURES = join(import.meta.dirname, '..', 'domain', '__fixtures__');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function load(fileName: string): string {
  const store = useAppStore.getState();
  const text = read(fileName);
  const [id = ''] = store.addSources([{ origin: { kind: 'file', fileName }, text }]);
  store.setSourceDocuments(id, parsePayload(text).documents);
  return id;
}

const keys = () => selectEntries(useAppStore.getState()).map((e) => e.key);
const undoId = () => useAppStore.getState().notices.find((n) => n.undoId !== undefined)?.undoId ?? -1;

beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState(initialState);
});
afterEach(() => {
  finaliseAllRemovals();
  vi.useRealTimers();
});

describe('removal', () => {
  it('removes one document, selects the next, and the Undo puts it back in its place', () => {
    const id = load('derived/callbacks.jsonl');
    useAppStore.getState().selectDocument(`${id}:1`);
    removeEntries([`${id}:1`], `${id}:2`);
    expect(keys()).toEqual([`${id}:0`, `${id}:2`]);
    expect(useAppStore.getState().selectedKey).toBe(`${id}:2`);
    const notice = useAppStore.getState().notices.find((n) => n.undoId !== undefined);
    expect(notice).toMatchObject({ key: 'undo.removed', params: { count: 1 } });
    expect(useAppStore.getState().sources[0]?.removed).toEqual([1]);

    undoRemoval(undoId());
    expect(keys()).toEqual([`${id}:0`, `${id}:1`, `${id}:2`]);
    expect(useAppStore.getState().selectedKey).toBe(`${id}:1`);
    expect(useAppStore.getState().sources[0]?.removed).toEqual([]);
    expect(useAppStore.getState().notices.some((n) => n.undoId !== undefined)).toBe(false);
  });

  it('a source whose every document is removed goes, and comes back with the Undo', () => {
    const a = load('seed/case1-job-api.xml');
    const b = load('seed/case2-workflow.xml');
    removeEntries([`${a}:0`]);
    expect(useAppStore.getState().sources.map((s) => s.id)).toEqual([b]);
    undoRemoval(undoId());
    expect(useAppStore.getState().sources.map((s) => s.id)).toEqual([a, b]);
  });

  it('clear all is undoable until it is final, and keeps what was loaded since', () => {
    const a = load('derived/callbacks.jsonl');
    const store = useAppStore.getState();
    store.setDraftText('x');
    store.setDraftDocuments('x', parsePayload(read('seed/case1-job-api.xml')).documents);
    clearAll();
    expect(keys()).toEqual([]);
    expect(useAppStore.getState().draft.text).toBe('');
    expect(useAppStore.getState().notices.find((n) => n.undoId)).toMatchObject({
      key: 'undo.cleared',
      params: { count: 4 },
    });
    const b = load('seed/case2-workflow.xml');
    undoRemoval(undoId());
    expect(keys()).toEqual(['draft:0', `${a}:0`, `${a}:1`, `${a}:2`, `${b}:0`]);
    expect(useAppStore.getState().draft.text).toBe('x');
  });

  it('becomes final after UNDO_MS: the notice goes, the Undo does nothing, listeners hear it', () => {
    const id = load('derived/callbacks.jsonl');
    const final = vi.fn();
    const stop = onRemovalFinal(final);
    removeEntries([`${id}:0`, `${id}:2`]);
    const pendingId = undoId();
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(final).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(final).toHaveBeenCalledOnce();
    expect(useAppStore.getState().notices).toEqual([]);
    undoRemoval(pendingId);
    expect(keys()).toEqual([`${id}:1`]);
    stop();
  });

  it('documents removed stay out when their text is parsed again (a reload)', () => {
    const id = load('derived/callbacks.jsonl');
    removeEntries([`${id}:1`]);
    finaliseAllRemovals();
    useAppStore.getState().setSourceDocuments(id, parsePayload(read('derived/callbacks.jsonl')).documents);
    expect(keys()).toEqual([`${id}:0`, `${id}:2`]);
  });
});
