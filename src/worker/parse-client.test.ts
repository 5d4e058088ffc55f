import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchResponse, WorkerRequest, WorkerResponse } from './protocol';

/** Stand-ins for the parse workers: they record what the page sends and answer when told. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly received: WorkerRequest[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: WorkerRequest): void {
    this.received.push(request);
  }
  terminate(): void {}
  reply(response: BatchResponse | WorkerResponse): void {
    this.onmessage?.({ data: response } as MessageEvent);
  }
}

vi.mock('@parse-worker-factory', () => ({ createParseWorker: () => new FakeWorker() }));

const { poolSize, streamParseInWorker, unwrapInWorker } = await import('./parse-client');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the pool', () => {
  it.each([
    [undefined, 1],
    [1, 1],
    [2, 1],
    [4, 3],
    [16, 4],
  ])('with %s cores has %i workers (one core is left to the page)', (cores, workers) => {
    vi.stubGlobal('navigator', { hardwareConcurrency: cores });
    expect(poolSize()).toBe(workers);
  });
});

/** What worker `slot` has received since `from` (the client keeps its workers from one parse to the next). */
const since = (slot: number, from: number): WorkerRequest[] =>
  FakeWorker.made[slot]?.received.slice(from) ?? [];

const lastBatch = (id: number, sequence: number): BatchResponse => ({
  kind: 'batch',
  id,
  sequence,
  documents: [],
  total: 500,
  diagnostics: [],
  done: true,
  cancelled: true,
});

describe('a large text parsed by two workers', () => {
  it('gives each worker its share in a task of its own, the first too', async () => {
    vi.useFakeTimers();
    const stream = streamParseInWorker('x'.repeat(10), { parts: 2, batchSize: 100 }, () => undefined);
    expect(FakeWorker.made).toHaveLength(0);
    await vi.advanceTimersToNextTimerAsync();
    const [first] = FakeWorker.made;
    expect(first?.received).toMatchObject([{ kind: 'stream', part: 0, parts: 2 }]);
    expect(FakeWorker.made).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect(FakeWorker.made[1]?.received).toMatchObject([{ kind: 'stream', part: 1, parts: 2 }]);
    stream.cancel();
    const id = (first?.received[0] as { id: number }).id;
    for (const [part, worker] of FakeWorker.made.entries()) {
      expect(worker.received.at(-1)).toEqual({ kind: 'cancel', id });
      worker.reply(lastBatch(id, part));
    }
    await expect(stream.finished).resolves.toBeUndefined();
  });

  it('stopped before the second worker got its share: that share counts as stopped, and the parse ends', async () => {
    vi.useFakeTimers();
    const batches: { done: boolean; cancelled: boolean }[] = [];
    const had = FakeWorker.made.map((w) => w.received.length);
    const stream = streamParseInWorker('x'.repeat(10), { parts: 2, batchSize: 100 }, (b) => batches.push(b));
    await vi.advanceTimersToNextTimerAsync();
    stream.cancel();
    await vi.runAllTimersAsync();
    const [request, cancel] = since(0, had[0] ?? 0);
    expect(request).toMatchObject({ kind: 'stream', part: 0 });
    const id = (request as { id: number }).id;
    expect(cancel).toEqual({ kind: 'cancel', id });
    // The second worker never got the text.
    expect(since(1, had[1] ?? 0).filter((r) => r.kind === 'stream')).toEqual([]);
    (FakeWorker.made[0] as FakeWorker).reply(lastBatch(id, 0));
    await expect(stream.finished).resolves.toBeUndefined();
    expect(batches.at(-1)).toMatchObject({ done: true, cancelled: true });
  });

  it('stopped before any worker got the text: the parse ends at once, having parsed nothing', async () => {
    vi.useFakeTimers();
    const batches: { done: boolean; cancelled: boolean; parsed: number }[] = [];
    const had = FakeWorker.made.map((w) => w.received.length);
    const stream = streamParseInWorker('x'.repeat(10), { parts: 2, batchSize: 100 }, (b) => batches.push(b));
    stream.cancel();
    await vi.runAllTimersAsync();
    for (const slot of [0, 1])
      expect(since(slot, had[slot] ?? 0).filter((r) => r.kind === 'stream')).toEqual([]);
    await expect(stream.finished).resolves.toBeUndefined();
    expect(batches).toEqual([expect.objectContaining({ done: true, cancelled: true, parsed: 0 })]);
  });
});

describe('unwrapping a log of JSON records', () => {
  it('asks the first worker with the text or the file, and gives what it made, or nothing', async () => {
    const file = new Blob(['{"log":"x"}']);
    const made = unwrapInWorker('{"log":"a"}');
    const none = unwrapInWorker(file);
    const worker = FakeWorker.made[0] as FakeWorker;
    const asked = worker.received.filter((r) => r.kind === 'unwrap');
    expect(asked.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'unwrap', source: '{"log":"a"}' }),
      expect.objectContaining({ kind: 'unwrap', source: file }),
    ]);
    const [first, second] = asked.slice(-2) as { id: number }[];
    worker.reply({ kind: 'unwrapped', id: second?.id ?? 0 });
    worker.reply({ kind: 'unwrapped', id: first?.id ?? 0, text: 'a' });
    await expect(made).resolves.toBe('a');
    await expect(none).resolves.toBeUndefined();
  });
});
