import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePayload } from './parse-payload';
import { readModel } from './read-model';
import { fuzzInputs } from './test-support/fuzz-inputs';

/**
 * Mutations and truncations of the fixtures never throw and never hang. The guard is generous (10 s per input):
 * it catches a hang, not slowness, which `npm run bench` and `npm run fuzz` measure.
 */
const GUARD_MS = 10_000;
/** Issue: at least 5,000 generated inputs per run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);

function check(text: string): void {
  const started = performance.now();
  const result = parsePayload(text);
  const elapsed = performance.now() - started;
  expect(elapsed, `took ${elapsed} ms`).toBeLessThan(GUARD_MS);
  // Every document is complete: a state, a source that is the input's text where it starts, an error when it is
  // Invalid, else a model that its source alone gives again.
  for (const doc of result.documents) {
    expect(typeof doc.state).toBe('string');
    // The source is the stretch of the input at its start offset (the worker sends only where it is).
    const from = doc.source.start.offset;
    expect(text.slice(from, from + doc.source.text.length)).toBe(doc.source.text);
    if (doc.state === 'Invalid') expect(doc.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    else expect(doc.model).toBeDefined();
    // The page reads a model again from the source alone (large loads send models on demand): the same model.
    if (doc.model !== undefined) expect(readModel(doc.source.text, doc.format)).toEqual(doc.model);
  }
}

describe('parsePayload on mutated and random input', () => {
  it(`never throws, never hangs, always returns complete documents (${RUNS} inputs)`, () => {
    fc.assert(fc.property(fuzzInputs(), check), {
      numRuns: RUNS,
      seed: Number(process.env.FUZZ_SEED ?? 20261127),
    });
  });
});
