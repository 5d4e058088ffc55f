// @vitest-environment node
/**
 * The number paths made faster for large payloads (issue 18, `npm run fuzz`): each held to the plain rule it
 * replaces, `String(Number(token)) === token`, and to the grammar of a JSON number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSuiteFiles } from '../test-support/suites';
import { fuzzInputs } from '../test-support/fuzz-inputs';
import { parseJson, parseNative, parseTolerant } from './parse-json';
import { RawNumber } from './raw-number';
import { isExactNumber } from './scan';

const nowhere = (offset: number) => ({ line: 1, column: offset + 1, offset });

/** JSON number tokens: integers short and long, `-0`, fractions with and without trailing zeros, exponents. */
const numberToken = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,24}$/)),
    fc.option(fc.stringMatching(/^[0-9]{1,20}$/)),
    fc.option(
      fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.stringMatching(/^[0-9]{1,3}$/)),
    ),
  )
  .map(
    ([minus, int, frac, exp]) =>
      `${minus ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`,
  );

const EDGES = [
  '0',
  '-0',
  '5',
  '-5',
  '10',
  '1.5',
  '1.50',
  '0.0',
  '-0.0',
  '1e5',
  '1E+5',
  '1e-7',
  '1.0e5',
  '123456789012345',
  '-123456789012345',
  '1234567890123456',
  '9007199254740993',
  '12345678901234567890',
  '1.5e300',
  '1e400',
  '0.1',
  '0.30000000000000004',
  '100',
  '1.25',
  '-1.250',
  '0.000001',
  '-0.000001',
  '0.0000001',
  '0.0000012',
  '0.000005',
  '0.123456789012345',
  '0.1234567890123456',
  '12345678901234.5',
  '123456789012345.5',
  '1.7976931348623157',
  '9.5',
  '-9.25',
  '0.07',
  '4.35',
  '1.005',
];

/** Fractions without exponent, short and small ones most (the tolerant parser reads up to 15 digits without a string). */
const fractionToken = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,13}$/)),
    fc.stringMatching(/^0{0,8}[0-9]{1,8}$/),
  )
  .map(([minus, int, frac]) => `${minus ? '-' : ''}${int}.${frac}`);

/** What the tolerant parser gave before its number path was hand-written: the regex token, then the rule. */
function reference(token: string): number | RawNumber {
  const num = Number(token);
  return String(num) === token ? num : new RawNumber(token);
}

describe('RawNumber', () => {
  it('reads its digits from the text it was parsed in, and is equal to another only with the same digits', () => {
    const text = '{"a":12345678901234567890,"b":1.50}';
    const read = parseTolerant(text);
    const value = (read as { value: { a: unknown; b: unknown } }).value;
    expect(value.a).toBeInstanceOf(RawNumber);
    expect((value.a as RawNumber).text).toBe('12345678901234567890');
    expect((value.b as RawNumber).text).toBe('1.50');
    // `toEqual` sees no fields of a RawNumber: the tester of test-support/equality.ts compares their texts.
    expect(value.b).toEqual(new RawNumber('1.50'));
    expect(value.b).not.toEqual(new RawNumber('1.5'));
    expect(value.b).not.toEqual(new RawNumber('12345678901234567890', 0, 4));
    expect(new RawNumber('x1.50y', 1, 5)).toEqual(new RawNumber('1.50'));
    expect(value).not.toEqual({ a: new RawNumber('12345678901234567890'), b: '1.50' });
  });
});

describe('isExactNumber', () => {
  it.each(EDGES)('%s: as String(Number(token)) says', (token) => {
    expect(isExactNumber(`[${token}]`, 1, 1 + token.length)).toBe(String(Number(token)) === token);
  });

  it('agrees with String(Number(token)) on generated tokens', () => {
    fc.assert(
      fc.property(numberToken, (token) => {
        expect(isExactNumber(token, 0, token.length)).toBe(String(Number(token)) === token);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the tolerant parser reads numbers as before', () => {
  it.each(EDGES)('%s', (token) => {
    const read = parseTolerant(`[${token},{"a":${token}}]`);
    expect(read.ok).toBe(true);
    const value = (read as { value: [unknown, { a: unknown }] }).value;
    expect(value[0]).toEqual(reference(token));
    expect(value[1].a).toEqual(reference(token));
    if (typeof value[0] === 'number') expect(Object.is(value[0], Number(token))).toBe(true);
  });

  it('on generated tokens: the same value or the same RawNumber text', () => {
    fc.assert(
      fc.property(numberToken, (token) => {
        const read = parseTolerant(`[${token}]`);
        expect(read.ok).toBe(true);
        expect((read as { value: unknown[] }).value[0]).toEqual(reference(token));
      }),
      { numRuns: 3000 },
    );
  });

  it('on generated fractions: the same value, bit for bit, or the same RawNumber text', () => {
    fc.assert(
      fc.property(fractionToken, (token) => {
        const read = parseTolerant(`[${token}]`);
        const value = (read as { value: unknown[] }).value[0];
        expect(value).toEqual(reference(token));
        if (typeof value === 'number') expect(Object.is(value, Number(token))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['[-]', 'json-bad-number', 1],
    ['[-a]', 'json-bad-number', 1],
    ['[1.]', 'json-unexpected-char', 2],
    ['[1.e5]', 'json-unexpected-char', 2],
    ['[1e]', 'json-unexpected-char', 2],
    ['[1e+]', 'json-unexpected-char', 2],
    ['[01]', 'json-unexpected-char', 2],
    ['[1.5e+]', 'json-unexpected-char', 4],
    ['[1', 'json-truncated', 2],
  ])('%s is refused as before (%s at %i)', (text, code, offset) => {
    const read = parseTolerant(text);
    expect(read).toMatchObject({ ok: false, code, offset });
  });
});

describe('the native path checks every number of a text where a key repeats', () => {
  it('a repeated numeric key does not hide a lossy number under another key', () => {
    const text = '{"a":1,"a":2,"a":3,"b":12345678901234567890}';
    expect(parseNative(text)).toBeUndefined();
    const read = parseJson(text, nowhere);
    expect(read.ok && (read.root as { b: unknown }).b).toEqual(new RawNumber('12345678901234567890'));
  });

  /**
   * 1,900 numeric members `k0`… in objects of 100 (within the width) under `g0`…: more keys than are searched one by
   * one, within the names limit.
   */
  const grouped = (members: string[]) =>
    `{${Array.from({ length: members.length / 100 }, (_, g) => `"g${g}":{${members.slice(g * 100, g * 100 + 100).join(',')}}`).join(',')}}`;

  it('1,900 numeric members, all exact, are read natively', () => {
    const members = Array.from({ length: 1900 }, (_, k) => `"k${k}":${k}`);
    const native = parseNative(grouped(members));
    expect(native).toBeDefined();
    expect((native?.root as Record<string, Record<string, number>>).g18?.k1899).toBe(1899);
  });

  it('1,900 numeric members with one lossy number are left to the tolerant parser', () => {
    const members = Array.from({ length: 1900 }, (_, k) => `"k${k}":${k}`);
    members[1500] = '"k1500":1.50';
    const text = grouped(members);
    expect(parseNative(text)).toBeUndefined();
    const read = parseJson(text, nowhere);
    const root = read.ok ? (read.root as Record<string, Record<string, unknown>>) : {};
    expect(root.g15?.k1500).toEqual(new RawNumber('1.50'));
  });
});

// A text `JSON.parse` threw on is first only checked by the tolerant parser (`build: false`), then read if the check
// passes: the check must say what reading says, the same error at the same offset, on every input.
describe('the tolerant parser checking without building', () => {
  const same = (text: string) => {
    const built = parseTolerant(text);
    const checked = parseTolerant(text, { build: false });
    if (built.ok) expect(checked).toEqual({ ...built, value: undefined });
    else expect(checked).toEqual(built);
  };

  it.each(jsonSuiteFiles().map((f) => [f.name, f.text] as const))('JSONTestSuite %s', (_, text) =>
    same(text),
  );

  it('on generated and mutated inputs', () => {
    fc.assert(fc.property(fuzzInputs(), same), { numRuns: 3000, seed: 20261130 });
  });

  it.each([
    '{"a":"x\u0001"}',
    '{"a":"\\q"}',
    '{"__proto__":1}',
    '{"a\\u0022":1,}',
    `${'['.repeat(300)}${']'.repeat(300)}`,
    '{"a":[1,2,],"b":{"c":-0,}}',
    '{"a":1} x',
  ])('%s', (text) => same(text));
});
