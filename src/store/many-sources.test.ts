import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';
import { entriesFromScratch, selectEntries } from './selectors';

const FIXTURES = join(import.meta.dirname, '..', 'domain', '__fixtures__');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

beforeEach(() => useAppStore.setState(initialState));

describe('setManySourceDocuments', () => {
  it('commits many sources in one update, drops those with no document, leaves out removed ones', () => {
    const texts = [read('seed/case1-job-api.xml'), '   ', read('derived/callbacks.jsonl')];
    const store = useAppStore.getState();
    const ids = store.addSources(
      texts.map((text, i) => ({ origin: { kind: 'shared', name: `n${i}` }, text })),
    );
    useAppStore.setState((s) => ({
      sources: s.sources.map((x) => (x.id === ids[2] ? { ...x, removed: [1] } : x)),
    }));
    let updates = 0;
    const stop = useAppStore.subscribe(() => (updates += 1));
    const empty = store.setManySourceDocuments(
      ids.map((id, i) => ({ id, documents: parsePayload(texts[i] ?? '').documents })),
      `${ids[2]}:2`,
    );
    stop();
    expect(updates).toBe(1);
    expect(empty).toBe(1);
    expect(selectEntries(useAppStore.getState()).map((e) => e.key)).toEqual([
      `${ids[0]}:0`,
      `${ids[2]}:0`,
      `${ids[2]}:2`,
    ]);
    expect(useAppStore.getState().selectedKey).toBe(`${ids[2]}:2`);
    expect(useAppStore.getState().sources.every((s) => s.status === 'ready')).toBe(true);
  });

  it('extends the list group by group (a share link of many texts), keeping the entries already built', () => {
    // Every JobId twice, in different groups: an earlier entry becomes a repeated delivery when its twin comes.
    const texts = [
      read('seed/case1-job-api.xml'),
      read('docs/workflowfinish_callback.xml'),
      read('derived/callbacks.jsonl'),
      read('seed/case1-job-api.xml'),
      read('derived/callbacks.jsonl'),
      read('docs/workflowfinish_callback.xml'),
    ];
    const store = useAppStore.getState();
    const ids = store.addSources(
      texts.map((text, i) => ({ origin: { kind: 'shared', name: `n${i}` }, text })),
    );
    let previous = selectEntries(useAppStore.getState());
    for (let at = 0; at < ids.length; at += 2) {
      store.setManySourceDocuments(
        ids
          .slice(at, at + 2)
          .map((id, i) => ({ id, documents: parsePayload(texts[at + i] ?? '').documents })),
      );
      const state = useAppStore.getState();
      const entries = selectEntries(state);
      expect(entries).toEqual(entriesFromScratch(state.draft.documents, state.sources));
      previous.forEach((before, i) => {
        if (before.isDuplicate === entries[i]?.isDuplicate) expect(entries[i]).toBe(before);
      });
      previous = entries;
    }
    expect(previous.length).toBe(1 + 1 + 3 + 1 + 3 + 1);
    expect(previous.filter((e) => e.isDuplicate).length).toBeGreaterThan(0);
  });
});
