import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePayload } from './parse-payload';
import { fixtureNames, readFixture } from './test-support/fixtures';

/**
 * Mutations and truncations of the fixtures never throw and never hang. The guard is generous (10 s per input):
 * it catches a hang, not slowness, which `npm run bench` and `npm run fuzz` measure.
 */
const GUARD_MS = 10_000;
const texts = fixtureNames().map(readFixture);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

function check(text: string): void {
  const started = performance.now();
  const result = parsePayload(text);
  const elapsed = performance.now() - started;
  expect(elapsed, `took ${elapsed} ms`).toBeLessThan(GUARD_MS);
  // Every document is complete: a state, a source inside the input, and an error when it is Invalid.
  for (const doc of result.documents) {
    expect(typeof doc.state).toBe('string');
    expect(text.includes(doc.source.text) || doc.format === 'text').toBe(true);
    if (doc.state === 'Invalid') expect(doc.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    else expect(doc.model).toBeDefined();
  }
}

const fixture = fc.constantFrom(...texts);
const mutation = fc.oneof(
  // truncate anywhere
  fc.tuple(fixture, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, f]) => t.slice(0, Math.floor(t.length * f))),
  // delete a span
  fc.tuple(fixture, fc.nat(), fc.nat({ max: 40 })).map(([t, at, n]) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  // insert structural characters
  fc
    .tuple(fixture, fc.nat(), fc.constantFrom('<', '>', '/', '&', '"', '{', '}', '[', ']', ',', ':', '\\', '\n', '<!DOCTYPE x>', '<a>', '</a>', '\u0000', '\ud800'))
    .map(([t, at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
  // duplicate a chunk (repeated roots, repeated keys)
  fc.tuple(fixture, fc.nat(), fc.nat({ max: 400 })).map(([t, at, n]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
  }),
  // concatenations of fixtures, on one line or several
  fc.array(fixture, { minLength: 2, maxLength: 4 }).map((list) => list.join('\n')),
  // random text, and random text around a fixture
  fc.string({ maxLength: 300 }),
  fc.tuple(fc.string({ maxLength: 50 }), fixture, fc.string({ maxLength: 50 })).map(([a, t, b]) => a + t + b),
);

describe('parsePayload on mutated and random input', () => {
  it(`never throws, never hangs, always returns complete documents (${RUNS} inputs)`, () => {
    fc.assert(fc.property(mutation, check), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261127) });
  });
});
