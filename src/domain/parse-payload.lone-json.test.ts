/**
 * The lone-JSON shortcut (one `{…}` document, or one `[…]` whose first element is not an object, read by
 * `JSON.parse` without the splitter's pass) gives the same
 * documents as the general path, on every fixture, every hostile and malformed input, mutations of the JSON
 * fixtures, and the inputs where the shortcut must step aside (lossy numbers, unsafe names, deep nesting, commas
 * inside strings). Whether the shortcut was taken is checked too, so a shortcut that never fires cannot pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { lonePayload } from './lone-payload';
import { parsePayload, type ParseOptions } from './parse-payload';
import { parseNative, readLoneJson } from './parse/parse-json';
import { RawNumber } from './parse/raw-number';
import { fixtureNames, readFixture } from './test-support/fixtures';
import { HOSTILE_INPUTS } from './test-support/hostile-inputs';

function expectSamePaths(text: string, options: ParseOptions = {}): void {
  expect(parsePayload(text, options)).toEqual(parsePayload(text, { ...options, splitAlways: true }));
}

/** A text of `texts` with up to 3 characters somewhere replaced by one of `mutations`. */
function mutated(texts: fc.Arbitrary<string>, mutations: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(texts, fc.nat(), fc.nat({ max: 3 }), mutations).map(([text, i, cut, m]) => {
    const at = i % (text.length + 1);
    return text.slice(0, at) + m + text.slice(at + cut);
  });
}

/** Inputs the shortcut must hand to the tolerant parser, and what the general path makes of each. */
const STEP_ASIDE: readonly (readonly [name: string, text: string])[] = [
  ['a fraction with a trailing zero', '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Size":1.50}]}'],
  ['an integer written as a fraction', '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Size":10.0}]}'],
  ['an exponent', '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Size":1e3}]}'],
  ['negative zero', '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Size":-0}]}'],
  ['beyond 2^53', '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Size":9007199254740993}]}'],
  ['a lossy number in an array', '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Sizes":[1, 2.50]}]}'],
  [
    'a lossy number under an escaped key',
    '{"EventName":"TaskFinish","JobsDetail":[{"JobId":"j","Si\\u007ae":1.0}]}',
  ],
  ['a lossy number under a repeated key', '{"A":{"Size":1},"B":{"Size":1.0}}'],
  ['an unsafe key', '{"EventName":"TaskFinish","__proto__":{"x":1}}'],
  ['nesting past the limit', `{"a":${'['.repeat(300)}${']'.repeat(300)}}`],
];

/** Inputs the shortcut takes, with the trailing commas it must report (offsets), no more and no fewer. */
const TAKEN: readonly (readonly [name: string, text: string, commas: readonly number[]])[] = [
  ['plain', '{"a": 1, "b": "x"}', []],
  ['a trailing comma before a closer on the next line', '{"a": 1,\n}', [7]],
  ['a trailing comma on the same line', '{"a": [1, 2,], "b": 3,}', [11, 21]],
  ['",}" inside a string', '{"a": "x,}", "b": ",]",}', [22]],
  ['an escaped quote before a comma', '{"a": "\\",}", "b": 1,}', [20]],
  ['escaped backslashes before a quote', '{"a": "\\\\", "b": 1,}', [18]],
  ['a safe number whose key also names strings', '{"Size": "12", "x": {"Size": 12}}', []],
];

describe('the lone-JSON shortcut', () => {
  it.each(fixtureNames())('gives the general path’s documents for %s', (name) => {
    expectSamePaths(readFixture(name));
  });

  it('is taken by the JSON seed case, and finds its published trailing comma', () => {
    const text = readFixture('seed/case3-workflow-trailing-comma.json');
    const native = parseNative(text);
    expect(native?.trailingCommas).toEqual([text.indexOf(',\n        },')]);
  });

  it.each(HOSTILE_INPUTS.map((h) => [h.name, h] as const))(
    'gives the general path’s documents for hostile input: %s',
    (_, h) => {
      expectSamePaths(h.make(), h.isFile ? { maxInputLength: LIMITS.file } : {});
    },
  );

  it.each(STEP_ASIDE)('steps aside for %s, and both paths agree', (_, text) => {
    expect(parseNative(text)).toBeUndefined();
    expectSamePaths(text);
  });

  it.each(TAKEN)('is taken for %s, with exactly its trailing commas', (_, text, commas) => {
    expect(parseNative(text)?.trailingCommas).toEqual(commas);
    expectSamePaths(text);
  });

  it('gives the general path’s documents on mutated JSON fixtures (2,000 inputs)', () => {
    const json = fixtureNames()
      .filter((n) => n.endsWith('.json'))
      .map(readFixture);
    const mutation = fc.oneof(
      fc.constantFrom(',', '}', ']', '"', '\\', ' ', '\n', '1.0', '-0', '1e5', '"__proto__"', '{', '[', ':'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(mutated(fc.constantFrom(...json), mutation), (text) => expectSamePaths(text)),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it.each(STEP_ASIDE.slice(0, 8))(
    'reads %s with the tolerant parser at once, without the splitter',
    (_, text) => {
      const read = readLoneJson(text);
      expect('root' in read).toBe(true);
      expect(
        JSON.stringify(read, (_k, v: unknown) => (v instanceof RawNumber ? `raw:${v.text}` : v)),
      ).toMatch(/raw:/);
    },
  );
});

// Above 64 KiB the native path checks every number token before `JSON.parse` (`readNative`), and a text
// `JSON.parse` threw on is not given to it again by the general path: both paths must still agree.
describe('the lone-JSON shortcut on large texts', () => {
  const members = (n: number) => Array.from({ length: n }, (_, k) => `"k${k}":${k}`);
  /**
   * 1,500 distinct keys in objects of 100 (under `g0`…) and an array of 2,500 small objects with the same two: over
   * 64 KiB, within the structure limits (2,000 distinct names, 2,600 shapes, 127 keys in one object).
   */
  const wide = (edit: (m: string[]) => void = () => {}) => {
    const m = members(1500);
    edit(m);
    const groups = Array.from(
      { length: 15 },
      (_, g) => `"g${g}":{${m.slice(g * 100, g * 100 + 100).join(',')}}`,
    );
    return `{${groups.join(',')},"r":[${'{"a":1,"b":[true,null,"s"]},'.repeat(2500)}0]}`;
  };
  const LARGE: readonly (readonly [name: string, text: string, why: string | undefined])[] = [
    ['exact numbers', wide(), undefined],
    ['one lossy number at the end', wide((m) => (m[1499] = '"k1499":1.50')), 'lossy'],
    ['one lossy number in an array', wide((m) => (m[10] = '"k10":[1,2,3.0]')), 'lossy'],
    ['a number beyond 2^53', wide((m) => (m[700] = '"k700":12345678901234567890')), 'lossy'],
    ['trailing commas', wide((m) => (m[5] = '"k5":{"a":1,}')).replace(/}$/, ',}'), undefined],
    ['a syntax error at the end', `${wide().slice(0, -1)},}}`, 'refused'],
    ['a syntax error and a lossy number', `${wide((m) => (m[3] = '"k3":1.0')).slice(0, -1)}]`, 'lossy'],
    ['a lossy number and a trailing comma', wide((m) => (m[3] = '"k3":[1.0,]')), 'lossy'],
    ['two documents', `${wide()}\n${wide()}`, 'refused'],
    ['a lossy number inside a string only', wide((m) => (m[9] = '"k9":"a,1.50]"')), 'lossy'],
  ];

  it.each(LARGE)('%s: both paths give the same documents', (_, text, why) => {
    expect(text.length).toBeGreaterThan(64 * 1024);
    const native = readLoneJson(text);
    if (why === undefined) expect('root' in native).toBe(true);
    expectSamePaths(text);
  });

  it('a large lossy text is read whole by the tolerant parser, its digits kept', () => {
    const text = LARGE[1]![1];
    const read = readLoneJson(text);
    const root = 'root' in read ? (read.root as Record<string, Record<string, unknown>>) : {};
    expect(root.g14?.k1499).toEqual(new RawNumber('1.50'));
    const doc = parsePayload(text).documents[0];
    expect(doc?.state).toBe('Unknown');
    expect(doc?.diagnostics).toEqual([]);
  });

  it('a large text JSON.parse refuses keeps its error and position', () => {
    const text = LARGE[5]![1];
    expect(readLoneJson(text)).toMatchObject({ why: 'refused' });
    const doc = parsePayload(text).documents[0];
    expect(doc?.state).toBe('Invalid');
    expect(doc?.diagnostics[0]).toMatchObject({
      code: 'json-unexpected-char',
      position: { offset: text.length - 1 },
    });
  });

  it('gives the general path’s documents on mutated large texts (200 inputs)', () => {
    const base = wide((m) => (m[100] = '"k100":{"a":[1,"x",true,null],"b":1.5}'));
    const mutation = fc.constantFrom(
      ',',
      '}',
      ']',
      '"',
      '\\',
      ' ',
      '\n',
      '1.0',
      '-0',
      '1e5',
      '{',
      '[',
      ':',
      '{}{}',
    );
    fc.assert(
      fc.property(mutated(fc.constant(base), mutation), (text) => expectSamePaths(text)),
      { numRuns: 200, seed: 20261130 },
    );
  });
});

// A top-level array is one payload when its first element is not an object (the splitter makes a document of each
// element only when all are objects): such an array takes the shortcut too, an array of callbacks does not.
describe('the lone-JSON shortcut on arrays', () => {
  const numbers = (n: number, item = (k: number) => String(k)) =>
    `[${Array.from({ length: n }, (_, k) => item(k)).join(',')}]`;
  const ARRAYS: readonly (readonly [name: string, text: string, taken: boolean])[] = [
    ['numbers', numbers(100), true],
    ['lossy numbers', numbers(100, (k) => `${k}.10`), true],
    ['numbers, then an object', `${numbers(3).slice(0, -1)},{"a":1}]`, true],
    ['an empty array', ' [ ] ', true],
    ['nested arrays', '[[1,2],[3,{"a":4}]]', true],
    ['a trailing comma', '[1,2,]', true],
    ['callbacks (an object first)', '[{"a":1},{"b":2}]', false],
    ['an object first, then numbers', ' [ {"a":1}, 2 ]', false],
    ['two arrays', '[1][2]', false],
    ['a syntax error', '[1,,2]', false],
  ];

  it.each(ARRAYS)('%s: the same documents as the general path', (_, text, taken) => {
    expectSamePaths(text);
    const lone = lonePayload(text);
    expect(lone !== undefined && 'parsed' in lone).toBe(taken);
  });

  it('a large array of lossy numbers is one document, its digits kept, read without the splitter', () => {
    const text = numbers(200_000, (k) => `${k}.10`);
    const lone = lonePayload(text);
    expect(lone && 'parsed' in lone && (lone.parsed.root as unknown[])[199_999]).toEqual(
      new RawNumber('199999.10'),
    );
    const [doc, ...others] = parsePayload(text).documents;
    expect(others).toEqual([]);
    expect(doc?.source.text).toBe(text);
    expectSamePaths(text);
  });

  it('gives the general path’s documents on mutated arrays (300 inputs)', () => {
    const base = `[1, 2.50, "x", [3, {"a": [true, null]}], 12345678901234567890, {"b": -0}]`;
    const mutation = fc.constantFrom(',', '}', ']', '[', '{', '"', ' ', '1.0', '{}', '[]', ':');
    fc.assert(
      fc.property(mutated(fc.constant(base), mutation), (text) => expectSamePaths(text)),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
