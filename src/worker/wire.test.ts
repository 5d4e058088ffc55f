import { afterEach, describe, expect, it, vi } from 'vitest';
import { digestOf, digestOfDocument, digestOfModel } from '../domain/derive/digest';
import { buildOverview } from '../domain/derive/overview';
import { LIMITS } from '../domain/limits';
import type { CallbackDocument } from '../domain/model';
import { parsePayload } from '../domain/parse-payload';
import { readModel } from '../domain/read-model';
import { fixtureNames, readFixture } from '../domain/test-support/fixtures';
import { HOSTILE_INPUTS } from '../domain/test-support/hostile-inputs';
import { toListEntry } from '../store/list-entry';
import { READ_ON_DEMAND_MAX, fromWire, toWire } from './wire';

/** Each document as the page gets it: through the structured clone a message makes. */
function expectRoundTrip(text: string, maxInputLength?: number): void {
  const { documents } = parsePayload(text, maxInputLength ? { maxInputLength } : {});
  expect(documents.length).toBeGreaterThan(0);
  for (const doc of documents) {
    for (const modelsOnDemand of [false, true]) {
      const wire = toWire(doc, { modelsOnDemand });
      expect(wire.source).toEqual({ start: doc.source.start, length: doc.source.text.length });
      // What crosses to the page carries no copy of the payload's text.
      expect(JSON.stringify(wire.source)).not.toContain('"text"');
      const onDemand =
        modelsOnDemand && doc.model !== undefined && doc.source.text.length <= READ_ON_DEMAND_MAX;
      expect('model' in wire).toBe(doc.model !== undefined && !onDemand);
      const back = fromWire(structuredClone(wire), text, readModel);
      // A model read on demand is a getter of the document's class: compared as what a reader of it sees.
      expect(asRead(back)).toEqual(doc);
      expect(digestOf(back)).toEqual(digestOfDocument(doc));
    }
  }
}

afterEach(() => vi.restoreAllMocks());

/** The document's own fields and its model, as code that reads it sees them. */
function asRead(doc: CallbackDocument): CallbackDocument {
  return doc.model === undefined ? { ...doc } : { ...doc, model: doc.model };
}

describe('documents sent without their source text, small ones without their models', () => {
  it.each(fixtureNames())('come back whole from the text the page holds: %s', (name) => {
    expectRoundTrip(readFixture(name));
  });

  it.each(HOSTILE_INPUTS.filter((h) => h.name !== 'empty file').map((h) => [h.name, h] as const))(
    'come back whole for hostile input: %s',
    (_, h) => {
      expectRoundTrip(h.make(), h.isFile ? LIMITS.file : undefined);
    },
  );

  it('are listed and counted from their digests; a model on demand is read once, when first asked for', () => {
    const text = readFixture('seed/case1-job-api.xml');
    const sent = parsePayload(text).documents[0] as CallbackDocument;
    const reader = vi.fn(readModel);
    const doc = fromWire(structuredClone(toWire(sent, { modelsOnDemand: true })), text, reader);
    const entry = toListEntry('s1', { kind: 'paste', n: 1 }, doc, 1, { count: 1 }, 0);
    expect(entry.title.id).toBeTruthy();
    expect(entry.title).toEqual(digestOfModel(sent.model).title);
    expect(buildOverview([doc]).jobCount).toBe(1);
    expect(reader).not.toHaveBeenCalled();
    const model = doc.model;
    expect(model).toEqual(sent.model);
    expect(doc.model).toBe(model);
    expect(reader).toHaveBeenCalledTimes(1);
  });

  it('send the model of a payload too large to read on the main thread', () => {
    const filler = 'x'.repeat(READ_ON_DEMAND_MAX);
    const text = `<Response><EventName>TaskFinish</EventName><JobsDetail><JobId>j1</JobId><Tag>${filler}</Tag></JobsDetail></Response>`;
    const sent = parsePayload(text).documents[0] as CallbackDocument;
    const wire = toWire(sent, { modelsOnDemand: true });
    expect(wire.modelOnDemand).toBeUndefined();
    expect(fromWire(structuredClone(wire), text).model).toEqual(sent.model);
  });

  it('need a reader for a model sent on demand', () => {
    const text = readFixture('seed/case1-job-api.xml');
    const wire = toWire(parsePayload(text).documents[0] as CallbackDocument, { modelsOnDemand: true });
    expect(() => fromWire(wire, text)).toThrow(/reader/);
  });
});
