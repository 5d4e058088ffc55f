import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../../bench/fuzz-shapes';
import { parseRawTree } from '../parse/raw-tree';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { generatedPairs } from '../test-support/sdk-generated';
import { toTree, type ReadContext } from './read-schema';
import { toCallbackModel } from './to-callback-model';

// `toTree` has two paths: with a trace (the tests that account for every leaf) it decides from the raw value
// whether a child holds no value before reading it; without one (the app) it reads the child and looks at the tree
// it made. Both must give the same tree, on every shape a payload can have.
const bothWays = (raw: unknown) => {
  const traced: ReadContext = { diagnostics: [], trace: () => {} };
  const plain: ReadContext = { diagnostics: [] };
  return [toTree(raw, undefined, undefined, traced), toTree(raw, undefined, undefined, plain)];
};

const inputs: [string, string][] = [
  ...fixtureNames()
    .filter((n) => /\.(xml|json)$/.test(n))
    .map((n): [string, string] => [n, readFixture(n)]),
  ...generatedPairs().flatMap((p): [string, string][] => [
    [`${p.name}.xml`, p.xml],
    [`${p.name}.json`, p.json],
  ]),
  ...SHAPES.filter((s) => !s.documents).map((s): [string, string] => [s.name, s.make(4096)]),
  [
    'empties',
    '{"a":{},"b":[],"c":[{},[]],"d":{"e":""},"f":"-","g":[" "],"h":[1],"i":[[2]],"j":[{"k":""},3,4]}',
  ],
  ['xml empties', '<R><a/><b></b><c><d> </d></c><e>-</e><f>1</f><f/><g><h/><h>2</h></g></R>'],
];

describe('toTree reads the same tree with and without a trace', () => {
  it.each(inputs)('%s', (name, text) => {
    const raw = parseRawTree(text, /^\s*</.test(text) ? 'xml' : 'json');
    if (raw === undefined)
      return expect(name).toMatch(/error|invalid|mismatch|unclosed|past the limit|stray/);
    const [traced, plain] = bothWays(raw);
    expect(plain).toEqual(traced);
  });

  it('leaves out what holds no value and keeps `-`', () => {
    const [, plain] = bothWays(parseRawTree(inputs.at(-2)![1], 'json'));
    expect(plain).toEqual({
      entries: [
        { name: 'f', value: '-' },
        { name: 'h', value: '1' },
        { name: 'i', value: '2' },
        { name: 'j', value: ['3', '4'] },
      ],
    });
  });
});

// An unrecognised document read without a trace (the app) gets its tree when first asked for (`unrecognisedModel`):
// the same tree the traced read makes, made once, and carried by every copy of the model.
describe('the tree of an unrecognised document, made when first read', () => {
  const text = '{"a":{"b":[1,2,{"c":"x"}],"d":""},"e":[{}],"f":12345678901234567890,"g":[[3]]}';
  const raw = () => parseRawTree(text, 'json');

  it('is the tree the traced read makes', () => {
    const traced = toCallbackModel(raw(), 'json', { trace: () => {} }).model;
    const lazy = toCallbackModel(raw(), 'json').model;
    expect(lazy.kind).toBe('unrecognised');
    expect(lazy).toEqual(traced);
  });

  it('is made once and kept', () => {
    const model = toCallbackModel(raw(), 'json').model;
    if (model.kind !== 'unrecognised') throw new Error(model.kind);
    expect(model.tree).toBe(model.tree);
  });

  it('is carried by structuredClone (postMessage), JSON and a spread', () => {
    const model = toCallbackModel(raw(), 'json').model;
    const traced = toCallbackModel(raw(), 'json', { trace: () => {} }).model;
    expect(structuredClone(model)).toEqual(traced);
    expect(JSON.parse(JSON.stringify(model))).toEqual(traced);
    expect({ ...model }).toEqual(traced);
  });

  it.each(['"x"', '7', 'null', '[]', '[1]'])('a root that is not a record: %s', (leaf) => {
    const value: unknown = JSON.parse(leaf);
    const traced = toCallbackModel(value, 'json', { trace: () => {} }).model;
    expect(toCallbackModel(value, 'json').model).toEqual(traced);
  });
});
