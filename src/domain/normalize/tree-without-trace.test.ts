import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../../bench/fuzz-shapes';
import { parseRawTree } from '../parse/raw-tree';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { generatedPairs } from '../test-support/sdk-generated';
import { toTree, type ReadContext } from './read-schema';

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
