import { describe, expect, it } from 'vitest';
import { LIMITS } from '../domain/limits';
import { parsePayload } from '../domain/parse-payload';
import { fixtureNames, readFixture } from '../domain/test-support/fixtures';
import { HOSTILE_INPUTS } from '../domain/test-support/hostile-inputs';
import { fromWire, toWire } from './wire';

function expectRoundTrip(text: string, maxInputLength?: number): void {
  const { documents } = parsePayload(text, maxInputLength ? { maxInputLength } : {});
  expect(documents.length).toBeGreaterThan(0);
  for (const doc of documents) {
    const wire = toWire(doc);
    expect(wire.source).toEqual({ start: doc.source.start, length: doc.source.text.length });
    // What crosses to the page carries no copy of the payload's text.
    expect(JSON.stringify(wire.source)).not.toContain('"text"');
    expect(fromWire(structuredClone(wire), text)).toEqual(doc);
  }
}

describe('documents sent without their source text', () => {
  it.each(fixtureNames())('come back whole from the text the page holds: %s', (name) => {
    expectRoundTrip(readFixture(name));
  });

  it.each(HOSTILE_INPUTS.filter((h) => h.name !== 'empty file').map((h) => [h.name, h] as const))(
    'come back whole for hostile input: %s',
    (_, h) => {
      expectRoundTrip(h.make(), h.isFile ? LIMITS.file : undefined);
    },
  );
});
