import { beforeEach, describe, expect, it, vi } from 'vitest';
import { skippedLineCount } from '../domain/diagnostics';
import { parsePayload } from '../domain/parse-payload';
import { initialState, useAppStore } from './app-store';
import { selectInputDiagnostics } from './selectors';

// The worker's client, replaced by the parser itself; a stream (of a text, or of a file kept in its Blob) gives its
// input's diagnostics with its first batch, as the worker does for a text.
vi.mock('../worker/parse-client', () => ({
  parseInWorker: async (text: string) => parsePayload(text),
  parseManyInWorker: async (texts: readonly string[]) => texts.map((text) => parsePayload(text)),
  streamParseInWorker: (input: string | Blob, _options: unknown, onBatch: (batch: unknown) => void) => {
    const finished = (typeof input === 'string' ? Promise.resolve(input) : input.text()).then((text) => {
      const { documents, diagnostics } = parsePayload(text);
      const half = Math.ceil(documents.length / 2);
      const total = documents.length;
      onBatch({
        documents: documents.slice(0, half),
        parsed: half,
        total,
        diagnostics,
        done: false,
        cancelled: false,
      });
      onBatch({
        documents: documents.slice(half),
        parsed: total,
        total,
        diagnostics: [],
        done: true,
        cancelled: false,
      });
    });
    return { finished, cancel: () => undefined };
  },
}));

const { loadTexts, parseDraft, parseSources } = await import('./load-texts');
const { STREAM_THRESHOLD } = await import('./stream-source');

const callback = (id: string) =>
  `{"EventName":"TaskFinish","JobsDetail":[{"Code":"Success","JobId":"${id}"}]}`;
/** A server log: a starting line, a callback, two lines of noise, a callback, a last line. */
const log = (pad = '') =>
  [
    '2026-12-02 10:00:00 INFO server started',
    `2026-12-02 10:00:01 INFO callback: ${callback('j1')}`,
    `2026-12-02 10:00:01 DEBUG took 12ms${pad}`,
    '2026-12-02 10:00:02 WARN retrying',
    `2026-12-02 10:00:03 INFO callback: ${callback('j2')}`,
    '2026-12-02 10:00:04 INFO shutting down',
  ].join('\n');

const state = () => useAppStore.getState();
const noticeOf = () => state().notices.map((n) => ({ key: n.key, params: n.params }));

beforeEach(() => useAppStore.setState(initialState));

describe('what parsing said of a whole text: kept with its source, and said once in a notice', () => {
  it('the count of a skipped-lines diagnostic, and none of another', () => {
    const result = parsePayload(log());
    const skipped = result.diagnostics.find((d) => d.code === 'skipped-lines');
    expect(skipped && skippedLineCount(skipped)).toBe(4);
    expect(skipped?.position?.line).toBe(1);
    expect(result.documents).toHaveLength(2);
    const other = parsePayload('\ufeff' + callback('x')).diagnostics;
    expect(other.map((d) => d.code)).toEqual(['byte-order-mark']);
    expect(other.map(skippedLineCount)).toEqual([undefined]);
  });

  it('a pasted log: its source keeps the skipped lines, each of its documents finds them, a notice names the paste', async () => {
    await loadTexts([{ origin: { kind: 'paste', n: 3 }, text: log() }]);
    const [source] = state().sources;
    expect(source?.documents).toHaveLength(2);
    expect(source?.inputDiagnostics?.map((d) => d.code)).toEqual(['skipped-lines']);
    expect(selectInputDiagnostics(state(), source?.id)).toBe(source?.inputDiagnostics);
    expect(noticeOf()).toEqual([{ key: 'load.skippedLines.pasted', params: { n: 3, count: 4, line: 1 } }]);
  });

  it('a file names itself; a text with every line a callback has no notice and no input diagnostics', async () => {
    await loadTexts([
      { origin: { kind: 'file', fileName: 'app.log' }, text: log() },
      { origin: { kind: 'file', fileName: 'clean.jsonl' }, text: `${callback('a')}\n${callback('b')}` },
    ]);
    expect(noticeOf()).toEqual([
      { key: 'load.skippedLines.named', params: { name: 'app.log', count: 4, line: 1 } },
    ]);
    const clean = state().sources[1];
    expect(clean?.documents).toHaveLength(2);
    expect(clean?.inputDiagnostics).toBeUndefined();
    expect(selectInputDiagnostics(state(), clean?.id)).toEqual([]);
  });

  it('a large text read in batches keeps what came with its first batch, and says it when done', async () => {
    const text = log(' '.repeat(STREAM_THRESHOLD));
    await loadTexts([{ origin: { kind: 'file', fileName: 'big.log' }, text, maxInputLength: text.length }]);
    const [source] = state().sources;
    expect(source?.status).toBe('ready');
    expect(source?.documents).toHaveLength(2);
    expect(source?.inputDiagnostics?.map((d) => d.code)).toEqual(['skipped-lines']);
    expect(noticeOf()).toEqual([
      { key: 'load.skippedLines.named', params: { name: 'big.log', count: 4, line: 1 } },
    ]);
  });

  it('a text without any payload is one document saying so, and no notice says it again', async () => {
    await loadTexts([{ origin: { kind: 'paste', n: 1 }, text: 'words\nmore words' }]);
    expect(state().sources[0]?.documents.map((d) => d.state)).toEqual(['Invalid']);
    expect(state().sources[0]?.inputDiagnostics?.map((d) => d.code)).toEqual(['skipped-lines']);
    expect(state().notices).toEqual([]);
  });

  it('a reload parses again quietly: the source keeps them, no notice', async () => {
    const ids = state().addSources([{ origin: { kind: 'file', fileName: 'app.log' }, text: log() }]);
    await parseSources([{ id: ids[0] ?? '', text: log() }], false, true);
    expect(state().sources[0]?.inputDiagnostics?.map((d) => d.code)).toEqual(['skipped-lines']);
    expect(state().notices).toEqual([]);
  });

  it('many small texts (a share link) keep theirs, text by text', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => (i === 7 ? log() : callback(`j${i}`)));
    await loadTexts(texts.map((text, i) => ({ origin: { kind: 'shared', name: `n${i}` }, text })));
    const withSome = state().sources.filter((s) => s.inputDiagnostics !== undefined);
    expect(withSome.map((s) => s.origin)).toEqual([{ kind: 'shared', name: 'n7' }]);
  });

  it('the draft keeps those of its last parse, and loses them when its text has none', async () => {
    state().setDraftText(log());
    await parseDraft(log());
    expect(selectInputDiagnostics(state(), 'draft').map((d) => d.code)).toEqual(['skipped-lines']);
    state().setDraftText(callback('x'));
    await parseDraft(callback('x'));
    expect(selectInputDiagnostics(state(), 'draft')).toEqual([]);
    expect(state().notices).toEqual([]);
  });
});
