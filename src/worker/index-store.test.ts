import { describe, expect, it } from 'vitest';
import { generateCallbackLog } from '../../bench/generate-log';
import { parseBlob } from '../domain/parse-blob';
import { startIndexWriter } from './index-store';
import type { WireDocument } from './protocol';
import { decodeIndexRecord, INDEX_RECORD_SIZE } from './stored-index';
import { toWire } from './wire';

/** A Blob's documents as the worker makes them (`streamBlob`), in the steps it takes them. */
async function wireSteps(blob: Blob): Promise<WireDocument[][]> {
  const steps: WireDocument[][] = [];
  const run = parseBlob(blob, {
    blockSize: 8192,
    firstBlock: 1024,
    batchSize: 137,
    convert: ({ doc, bytes }) => toWire(doc, { modelsOnDemand: true, bytes: bytes ?? 'inline' }),
  });
  for (let step = await run.next(); !step.done; step = await run.next())
    steps.push([...step.value.documents]);
  return steps;
}

describe('the index writer gives the records it makes (a first load sends them to the page)', () => {
  it('records of INDEX_RECORD_SIZE in order, the rest at the end, giving back every document; also when nothing can be stored', async () => {
    // No IndexedDB here: the index fails, as when storage is full, and the records are made all the same.
    expect(typeof indexedDB).toBe('undefined');
    const steps = await wireSteps(new Blob([generateCallbackLog({ count: 2300, seed: 4 })]));
    const wire = steps.flat();
    expect(wire).toHaveLength(2300);
    const writer = startIndexWriter({ db: 'none', key: 'k' }, 1);
    const sizes: number[] = [];
    const back: WireDocument[] = [];
    let read = 0;
    for (const step of [...steps, []]) {
      const last = step.length === 0;
      const made = writer.add(step, ++read, last);
      for (const record of made) {
        sizes.push(record.n);
        expect(record.read).toBe(read);
        back.push(...(decodeIndexRecord(structuredClone(record)) ?? []));
      }
    }
    expect(sizes).toEqual([INDEX_RECORD_SIZE, INDEX_RECORD_SIZE, 300]);
    expect(back).toEqual(wire);
    expect(await writer.finish([])).toBe('failed');
  });
});
