import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderBatches, type OrderedBatch } from './batch-order';

/** The batches `parts` workers send for `total` payloads (`parse-worker.ts`), each worker's in its own order. */
function workerBatches(total: number, size: number, parts: number, stopAfter: readonly number[] = []) {
  return Array.from({ length: parts }, (_, part) => {
    const out = [];
    let given = 0;
    for (let sequence = part; ; sequence += parts) {
      const stop = stopAfter[part] !== undefined && given >= (stopAfter[part] as number);
      const from = sequence * size;
      const documents = stop
        ? []
        : Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
      given += documents.length;
      const done = stop || documents.length === 0 || (sequence + parts) * size >= total;
      out.push({ sequence, documents, total, diagnostics: [], done, cancelled: stop });
      if (done) break;
    }
    return out;
  });
}

/** Interleaves the workers' batches as `picks` says (each pick takes the next batch of worker `pick % parts`). */
function arrive(perWorker: ReturnType<typeof workerBatches>, picks: readonly number[]) {
  const queues = perWorker.map((q) => [...q]);
  const out = [];
  let p = 0;
  while (queues.some((q) => q.length > 0)) {
    const nonEmpty = queues.filter((q) => q.length > 0);
    out.push(
      (
        nonEmpty[(picks[p++ % Math.max(1, picks.length)] ?? 0) % nonEmpty.length] as (typeof queues)[number]
      ).shift()!,
    );
  }
  return out;
}

describe('batches of several workers put back in order', () => {
  it('deliver every document once, in the text order, however the batches interleave', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (total, size, parts, picks) => {
          const got: OrderedBatch<number>[] = [];
          const take = orderBatches<number>(parts, (b) => got.push(b));
          for (const batch of arrive(workerBatches(total, size, parts), picks)) take(batch);
          expect(got.flatMap((b) => b.documents)).toEqual(Array.from({ length: total }, (_, i) => i));
          expect(got.filter((b) => b.done)).toHaveLength(1);
          expect(got.at(-1)?.done).toBe(true);
          expect(got.at(-1)?.parsed).toBe(total);
          expect(got.map((b) => b.parsed)).toEqual([...got.map((b) => b.parsed)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('after a cancel, keep what was parsed, in order, and say it was cancelled', () => {
    const got: OrderedBatch<number>[] = [];
    const take = orderBatches<number>(2, (b) => got.push(b));
    // Worker 0 stops after 2 batches (0, 2), worker 1 after 3 (1, 3, 5): batch 4 is missing.
    for (const batch of arrive(workerBatches(1000, 10, 2, [20, 30]), [0, 1])) take(batch);
    expect(got.flatMap((b) => b.documents)).toEqual([
      ...Array.from({ length: 40 }, (_, i) => i),
      ...Array.from({ length: 10 }, (_, i) => 50 + i),
    ]);
    expect(got.at(-1)).toMatchObject({ done: true, cancelled: true, parsed: 50, total: 1000 });
  });

  it('pass on the diagnostics about the whole input with the first batch', () => {
    const got: OrderedBatch<number>[] = [];
    const take = orderBatches<number>(2, (b) => got.push(b));
    const diagnostics = [
      { code: 'byte-order-mark', severity: 'info' },
    ] as unknown as OrderedBatch<number>['diagnostics'];
    take({ sequence: 1, documents: [1], total: 2, diagnostics: [], done: true, cancelled: false });
    expect(got).toHaveLength(0);
    take({ sequence: 0, documents: [0], total: 2, diagnostics, done: true, cancelled: false });
    expect(got).toEqual([
      { documents: [0, 1], parsed: 2, total: 2, diagnostics, done: true, cancelled: false },
    ]);
  });
});
