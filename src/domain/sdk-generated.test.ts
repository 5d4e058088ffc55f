import { describe, expect, it } from 'vitest';
import { parsePayload } from './parse-payload';
import { countPlaces, extrasIn, generatedPairs, traceDocument } from './test-support/sdk-generated';

/**
 * Every job kind the Go SDK defines (45 Tags, two batch kinds, WorkflowFinish), generated from its structs with
 * every field filled and lists holding one element and two (bench/sdk-callbacks/, output committed in
 * __fixtures__/sdk-generated/).
 */
const pairs = generatedPairs();

describe('callbacks generated from the Go SDK structs', () => {
  it('cover every kind in both list lengths', () => {
    expect(new Set(pairs.map((p) => p.kind)).size).toBe(48);
    expect(pairs).toHaveLength(96);
  });

  for (const pair of pairs) {
    describe(pair.name, () => {
      const xml = parsePayload(pair.xml).documents;
      const json = parsePayload(pair.json).documents;

      it('XML and JSON give one document each, read without any diagnostic', () => {
        expect(xml).toHaveLength(1);
        expect(json).toHaveLength(1);
        expect(xml[0]?.format).toBe('xml');
        expect(json[0]?.format).toBe('json');
        expect(xml[0]?.diagnostics).toEqual([]);
        expect(json[0]?.diagnostics).toEqual([]);
        expect(xml[0]?.model?.kind).not.toBe('unrecognised');
      });

      it('XML ≡ JSON: equal models', () => {
        expect(json[0]?.model).toEqual(xml[0]?.model);
        expect(json[0]?.state).toBe(xml[0]?.state);
      });

      it('no node the SDK defines lands in extras', () => {
        expect(extrasIn(xml[0]?.model)).toEqual([]);
        expect(extrasIn(json[0]?.model)).toEqual([]);
      });

      it('nothing lost: every leaf lands in a typed field or a kept tree', () => {
        for (const doc of [xml[0], json[0]]) {
          if (!doc) throw new Error('no document');
          const places = countPlaces(traceDocument(doc));
          expect(places.extras).toBe(0);
          // Every generated leaf has a value, so none may be dropped as "no value".
          expect(places['no value']).toBe(0);
          expect(places.typed + places.tree).toBeGreaterThan(10);
        }
      });
    });
  }
});
