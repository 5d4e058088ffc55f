// @vitest-environment node
/**
 * Large JSON payloads (issue 18, `npm run fuzz` at the payload cap): the one-pass structure check of large texts
 * is held to the checks it replaces there, and trailing commas beyond the first hundred are counted, not listed.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parsePayload } from '../parse-payload';
import { fuzzInputs } from '../test-support/fuzz-inputs';
import { jsonSuiteFiles } from '../test-support/suites';
import { readNative, structureOf, trailingCommasOf } from './json-native';
import { LISTED_TRAILING_COMMAS } from './parse-json';
import { MAX_DEPTH } from './scan';

/** Depth of a parsed value's containers, the root container being 1. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const v of Object.values(value)) deepest = Math.max(deepest, depthOf(v));
  return deepest + 1;
}

/** `text` with a comma put before every closer that follows a value, where `pick(k)` says so for the k-th closer. */
function withTrailingCommas(text: string, pick: (k: number) => boolean): string {
  let out = '';
  let k = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') {
        out += c + (text[++i] as string);
        continue;
      }
      if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ((c === '}' || c === ']') && !'{['.includes(text[i - 1] as string) && pick(k++)) out += ',';
    out += c;
  }
  return out;
}

describe('structureOf, the one pass of large texts', () => {
  it('finds the trailing commas trailingCommasOf finds, and the depth of the parsed tree (generated JSON)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 8 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('', ' ', '\n', ' \n\t'),
        (value, picks, max, space) => {
          const plain = JSON.stringify(value, null, space.length > 0 ? space : undefined);
          const text = withTrailingCommas(plain, (k) => picks[k % picks.length] as boolean);
          const found = structureOf(text, max);
          expect(found.trailingCommas).toEqual(trailingCommasOf(text));
          expect(found.tooDeep).toBe(depthOf(value) > max);
          expect(found.balanced).toBe(true);
          let stripped = '';
          let from = 0;
          for (const at of found.trailingCommas) {
            stripped += text.slice(from, at);
            from = at + 1;
          }
          expect(JSON.parse(stripped + text.slice(from))).toEqual(JSON.parse(plain));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with trailingCommasOf on every JSONTestSuite file JSON.parse accepts once its commas are removed', () => {
    let compared = 0;
    for (const file of jsonSuiteFiles()) {
      const commas = trailingCommasOf(file.text);
      const stripped = commas.reduceRight((s, at) => s.slice(0, at) + s.slice(at + 1), file.text);
      try {
        JSON.parse(stripped);
      } catch {
        continue;
      }
      compared++;
      expect(structureOf(file.text, MAX_DEPTH).trailingCommas, file.name).toEqual(commas);
    }
    expect(compared).toBeGreaterThan(90);
  });

  it('a text it finds unbalanced is one JSON.parse refuses (generated JSON with a character dropped, added or swapped; mutated fixtures and random text)', () => {
    const refuses = (text: string) => {
      const { trailingCommas, balanced, lossy } = structureOf(text, MAX_DEPTH);
      // A lossy number ends the pass (the text is the tolerant parser's): `balanced` then tells of the text before.
      if (balanced || lossy) return;
      const stripped = trailingCommas.reduceRight((t, at) => t.slice(0, at) + t.slice(at + 1), text);
      expect(() => JSON.parse(stripped), text).toThrow();
    };
    let unbalanced = 0;
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.nat(),
        fc.constantFrom('', '{', '}', '[', ']', '"', '\\', ',', 'x'),
        fc.constantFrom('drop', 'add', 'swap'),
        (value, where, char, how) => {
          const plain = JSON.stringify(value);
          const at = where % (plain.length + 1);
          const text =
            how === 'drop'
              ? plain.slice(0, at) + plain.slice(at + 1)
              : plain.slice(0, at) + char + plain.slice(how === 'add' ? at : at + 1);
          if (!structureOf(text, MAX_DEPTH).balanced) unbalanced++;
          refuses(text);
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fuzzInputs(), refuses), { numRuns: 2000 });
    for (const file of jsonSuiteFiles()) refuses(file.text);
    expect(unbalanced).toBeGreaterThan(300);
  });

  it('a large text whose brackets do not pair up is refused without JSON.parse, with the error the splitter path gives', () => {
    const members = Array.from({ length: 8000 }, (_, k) => `"k${k % 100}":${k}`).join(',');
    for (const text of [
      `{${members},}}`,
      `{${members}]`,
      `{${members}`,
      `{${members}} {`,
      `{"a":[${members}}}`,
    ]) {
      const parse = vi.spyOn(JSON, 'parse');
      const read = readNative(text);
      const calls = parse.mock.calls.length;
      parse.mockRestore();
      expect(read).toMatchObject({ why: 'refused' });
      expect(calls).toBe(0);
      const lone = parsePayload(text).documents;
      expect(lone).toStrictEqual(parsePayload(text, { splitAlways: true }).documents);
      expect(lone.some((d) => d.state === 'Invalid')).toBe(true);
    }
  });

  it('leaves commas, brackets and escaped quotes inside strings alone', () => {
    const text = '{"a,}":"x\\",]","b":[1,{"c":"]\\\\"},],}';
    expect(structureOf(text, MAX_DEPTH)).toEqual({
      trailingCommas: [33, 35],
      tooDeep: false,
      balanced: true,
      lossy: false,
    });
    expect(structureOf(text, 2).tooDeep).toBe(true);
  });

  it('finds a number a float would change exactly when there is one outside strings (generated JSON)', () => {
    const lossyTokens = ['1.50', '12345678901234567890', '1e5', '-0', '0.10', '1E+2', '9007199254740993'];
    let lossy = 0;
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.constantFrom(...lossyTokens),
        fc.constantFrom('value', 'string', 'none'),
        fc.constantFrom('array', 'object', 'nested'),
        (value, token, how, wrapper) => {
          // The token after the generated value (whose strings the pass must skip), as a value, inside a string, or
          // not at all.
          const plain = JSON.stringify(value);
          const item = how === 'string' ? `"x,${token}]"` : how === 'value' ? token : 'null';
          const text =
            wrapper === 'array'
              ? `[${plain},${item}]`
              : wrapper === 'object'
                ? `{"v":${plain},"lossy":${item}}`
                : `{"a":[{"v":${plain}},[${item}]]}`;
          const found = structureOf(text, MAX_DEPTH);
          if (how === 'value') lossy++;
          expect(found.lossy, text).toBe(how === 'value');
          if (how !== 'value') expect(found.balanced).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(lossy).toBeGreaterThan(400);
  });

  it('a large text with a lossy number goes to the tolerant parser; one only inside a string is read natively', () => {
    const members = Array.from({ length: 8000 }, (_, k) => `"k${k % 100}":${k}`).join(',');
    expect(readNative(`{${members},"z":[1,2,1.50]}`)).toEqual({ why: 'lossy' });
    expect(readNative(`{"z":12345678901234567890,${members}}`)).toEqual({ why: 'lossy' });
    const inString = readNative(`{${members},"z":"a,1.50]"}`);
    expect('root' in inString && (inString.root as Record<string, unknown>).z).toBe('a,1.50]');
  });

  it('a large text (read with the numbers first) nested past the limit is left to the splitter; at the limit it is read', () => {
    const pad = `"pad":"${'x'.repeat(70_000)}"`;
    const nested = (depth: number) => `{${pad},"d":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`;
    const atLimit = readNative(nested(MAX_DEPTH));
    expect('why' in atLimit).toBe(false);
    expect(readNative(nested(MAX_DEPTH + 1))).toEqual({ why: 'other' });
    const commas = readNative(`{${pad},"d":[1,{"e":2,},],}`);
    expect('why' in commas ? commas : commas.trailingCommas.length).toBe(3);
  });
});

describe('trailing commas beyond the first hundred', () => {
  /** A lone object whose every member is an object with a trailing comma (keys repeat after 100: the width limit). */
  const wide = (members: number) =>
    `{${Array.from({ length: members }, (_, k) => `"k${k % 100}":{"a":${k},}`).join(',')}}`;

  it('lists the first hundred at their positions and counts the rest in one diagnostic at the first not listed', () => {
    const text = wide(250);
    const commas = [...text.matchAll(/,\}/g)].map((m) => m.index);
    for (const splitAlways of [false, true]) {
      const [doc, ...others] = parsePayload(text, { splitAlways }).documents;
      expect(others).toEqual([]);
      expect(doc?.state).toBe('Unknown');
      const diagnostics = doc?.diagnostics ?? [];
      expect(diagnostics.map((d) => d.code)).toEqual([
        ...Array<string>(LISTED_TRAILING_COMMAS).fill('trailing-comma'),
        'more-trailing-commas',
      ]);
      expect(diagnostics.map((d) => d.position?.offset)).toEqual(commas.slice(0, LISTED_TRAILING_COMMAS + 1));
      expect(diagnostics[LISTED_TRAILING_COMMAS]?.severity).toBe('info');
      expect(diagnostics[LISTED_TRAILING_COMMAS]?.message.en).toMatch(/: 150 more$/);
      expect(diagnostics[LISTED_TRAILING_COMMAS]?.message.zh).toMatch(/另有 150 处$/);
    }
  });

  it('exactly a hundred: all listed, no count', () => {
    const codes = parsePayload(wide(LISTED_TRAILING_COMMAS)).documents[0]?.diagnostics.map((d) => d.code);
    expect(codes).toEqual(Array<string>(LISTED_TRAILING_COMMAS).fill('trailing-comma'));
  });

  it('the tolerant parser counts them the same way (a lossy number sends the text to it)', () => {
    const text = `{"big":12345678901234567890,${wide(150).slice(1)}`;
    const diagnostics = parsePayload(text).documents[0]?.diagnostics ?? [];
    expect(diagnostics.filter((d) => d.code === 'trailing-comma')).toHaveLength(LISTED_TRAILING_COMMAS);
    expect(diagnostics.filter((d) => d.code === 'more-trailing-commas').map((d) => d.message.en)).toEqual([
      expect.stringMatching(/: 50 more$/),
    ]);
  });

  it('200,000 trailing commas: read, not a crash (their diagnostics once overflowed the stack when added)', () => {
    const [doc] = parsePayload(wide(200_000)).documents;
    expect(doc?.format).toBe('json');
    expect(doc?.state).toBe('Unknown');
    expect(doc?.diagnostics).toHaveLength(LISTED_TRAILING_COMMAS + 1);
    expect(doc?.diagnostics.at(-1)?.message.en).toMatch(/: 199900 more$/);
  }, 30_000);
});
