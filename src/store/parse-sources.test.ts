import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';

// The worker's client, replaced: which path each text takes is what is tested here.
const calls = vi.hoisted(() => ({ one: 0, many: [] as number[], stream: [] as unknown[] }));
vi.mock('../worker/parse-client', () => ({
  parseInWorker: async (text: string) => {
    calls.one++;
    return parsePayload(text);
  },
  parseManyInWorker: async (texts: readonly string[]) => {
    calls.many.push(texts.length);
    return texts.map((text) => parsePayload(text));
  },
  streamParseInWorker: (input: unknown, _options: unknown, onBatch: (batch: unknown) => void) => {
    calls.stream.push(input);
    const batch = { documents: [], parsed: 0, total: 0, diagnostics: [], done: true, cancelled: false };
    return { finished: Promise.resolve().then(() => onBatch(batch)), cancel: () => undefined };
  },
}));

const { parseSources } = await import('./load-texts');
const { indexingKnown, indexingStarting, setSourceIndexing, whenIndexingKnown } =
  await import('./source-indexing');

const callback = (id: string) => `<Response><JobsDetail><JobId>${id}</JobId></JobsDetail></Response>`;

beforeEach(() => {
  useAppStore.setState(initialState);
  calls.one = 0;
  calls.many = [];
  calls.stream = [];
});

describe('parseSources: the path each text takes', () => {
  it('many small texts restored with their Blobs (a reload of a share link) go through the batched path', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => callback(`j${i}`));
    const ids = useAppStore
      .getState()
      .addSources(texts.map((text, i) => ({ origin: { kind: 'shared', name: `n${i}` }, text })));
    await parseSources(
      ids.map((id, i) => ({ id, text: texts[i] ?? '', blob: new Blob([texts[i] ?? '']) })),
      false,
    );
    expect(calls.one).toBe(0);
    expect(calls.stream).toEqual([]);
    expect(calls.many.reduce((a, b) => a + b, 0)).toBe(40);
    expect(useAppStore.getState().sources.every((s) => s.documents.length === 1)).toBe(true);
  });

  it('a share link of 2,500 texts: at most 250 texts a worker message, committed in groups, in order, first selected', async () => {
    const texts = Array.from({ length: 2500 }, (_, i) => callback(`j${i}`));
    const ids = useAppStore
      .getState()
      .addSources(texts.map((text, i) => ({ origin: { kind: 'shared', name: `n${i}` }, text })));
    let commits = 0;
    let previous = useAppStore.getState().sources;
    const stop = useAppStore.subscribe((s) => {
      if (s.sources !== previous) commits += 1;
      previous = s.sources;
    });
    await parseSources(
      ids.map((id, i) => ({ id, text: texts[i] ?? '' })),
      true,
    );
    stop();
    // 64 first (the first rows), then groups of 1,000 each sent as 4 messages of 250.
    expect(calls.many).toEqual([64, 250, 250, 250, 250, 250, 250, 250, 250, 250, 186]);
    expect(commits).toBe(4);
    const { sources, selectedKey } = useAppStore.getState();
    expect(sources.map((s) => s.id)).toEqual(ids);
    expect(sources.every((s) => s.status === 'ready' && s.documents.length === 1)).toBe(true);
    expect(sources.map((s) => s.documents[0]?.source.text)).toEqual(texts);
    expect(selectedKey).toBe(`${ids[0]}:0`);
  });

  it('a file kept in its Blob is read from the Blob by the worker, not from a text', async () => {
    const file = new Blob([callback('big')]);
    const [id] = useAppStore
      .getState()
      .addSources([{ origin: { kind: 'file', fileName: 'big.log' }, text: '', blob: file, inBlob: true }]);
    await parseSources([{ id: id ?? '', text: '', blob: file, inBlob: true }], false);
    expect(calls.stream).toEqual([file]);
    expect(calls.one).toBe(0);
  });

  it('a file loaded while the tab storage is starting waits for it, then is parsed with its index target', async () => {
    const file = new Blob([callback('early')]);
    const [id] = useAppStore
      .getState()
      .addSources([{ origin: { kind: 'file', fileName: 'early.log' }, text: '', blob: file, inBlob: true }]);
    const targets: string[] = [];
    indexingStarting();
    const parsed = parseSources([{ id: id ?? '', text: '', blob: file, inBlob: true }], false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.stream).toEqual([]);
    setSourceIndexing({
      target: (source) => {
        targets.push(source);
        return { db: 'tab', key: source };
      },
      restored: () => undefined,
    });
    indexingKnown();
    await parsed;
    setSourceIndexing(undefined);
    expect(calls.stream).toEqual([file]);
    expect(targets).toEqual([id]);
    // Not starting: no wait.
    expect(whenIndexingKnown()).toBeUndefined();
  });
});
