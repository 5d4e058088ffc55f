// @vitest-environment node
/**
 * The JSON readers held to JSONTestSuite (nst/JSONTestSuite, `test_parsing/`, committed as data): every `y_` file
 * accepted with the value `JSON.parse` gives, every `n_` file refused but for the documented tolerance (a trailing
 * comma after a value, as Tencent's docs publish), every `i_` file decided without an exception. Each of the three
 * readers is held to it: the native path alone (`parseNative`), the native path after the splitter's scan
 * (`parseJson` with the scan's findings) and the tolerant parser; and the whole pipeline (`parsePayload`) never
 * accepts an `n_` file without a word.
 */
import { describe, expect, it } from 'vitest';
import { hasError, type Diagnostic } from '../diagnostics';
import { parsePayload } from '../parse-payload';
import { jsonSuiteFiles, type JsonSuiteFile } from '../test-support/suites';
import { parseJson, parseTolerant } from './parse-json';
import { RawNumber } from './raw-number';
import { scanJsonValue } from './scan';

const nowhere = (offset: number) => ({ line: 1, column: offset + 1, offset });
/** A guard against hangs only, far above any input's time; speed is the benchmarks' business. */
const GUARD_MS = 20_000;

/**
 * The documented tolerance: a trailing comma after a value (`[1,]`, `{"id":0,}`), reported as info. The last file
 * holds a byte that is not UTF-8 as well, which the app reads as U+FFFD (as a browser reads a file), leaving
 * only the trailing comma to tolerate.
 */
const TOLERATED = new Set([
  'n_array_extra_comma.json',
  'n_array_number_and_comma.json',
  'n_object_trailing_comma.json',
  'n_object_lone_continuation_byte_in_key_and_trailing_comma.json',
]);

const files = jsonSuiteFiles();

/** A parsed value with every exact-digits number as the float `JSON.parse` makes of it. */
function asFloats(value: unknown): unknown {
  if (value instanceof RawNumber) return Number(value.text);
  if (Array.isArray(value)) return value.map(asFloats);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = asFloats(v);
    return out;
  }
  return value;
}

type Reading =
  { ok: true; value: unknown; diagnostics: readonly Diagnostic[] } | { ok: false; error: Diagnostic };

/** The three readers on one text; `scanned` is undefined when the text does not start with `{` or `[`. */
function readAllWays(text: string): { native: Reading; scanned?: Reading; tolerant: Reading } {
  const asReading = (outcome: ReturnType<typeof parseJson>): Reading =>
    outcome.ok
      ? { ok: true, value: outcome.root, diagnostics: outcome.diagnostics }
      : { ok: false, error: outcome.error };
  const native = asReading(parseJson(text, nowhere));
  const tolerant = parseTolerant(text);
  const tolerantReading: Reading = tolerant.ok
    ? { ok: true, value: tolerant.value, diagnostics: [] }
    : { ok: false, error: { code: tolerant.code } as Diagnostic };
  const start = text.search(/[^ \t\r\n]/);
  const c = text[start];
  if (c !== '{' && c !== '[') return { native, tolerant: tolerantReading };
  const scan = scanJsonValue(text, start, text.length);
  // The splitter refuses a value nested too deep before any parser sees it (`parsePayload`).
  if (scan.tooDeepAt !== undefined)
    return {
      native,
      scanned: { ok: false, error: { code: 'nesting-too-deep' } as Diagnostic },
      tolerant: tolerantReading,
    };
  const findings = {
    trailingCommas: (scan.trailingCommas ?? []).map((at) => at - start),
    hasLossyNumber: scan.hasLossyNumber === true,
    hasUnsafeName: scan.hasUnsafeName === true,
    containers: scan.containers ?? 0,
    keys: scan.keys ?? 0,
    widest: scan.widest ?? 0,
  };
  const scanned = asReading(parseJson(text.slice(start), (o) => nowhere(o + start), findings));
  return { native, scanned, tolerant: tolerantReading };
}

function timed<T>(run: () => T): T {
  const began = performance.now();
  const result = run();
  expect(performance.now() - began).toBeLessThan(GUARD_MS);
  return result;
}

describe(`JSONTestSuite test_parsing (${files.length} files)`, () => {
  it('is all there: 95 y, 188 n and 35 i files', () => {
    const count = (e: string) => files.filter((f) => f.expectation === e).length;
    expect([count('y'), count('n'), count('i')]).toEqual([95, 188, 35]);
  });

  describe('y_ files: accepted, with the value JSON.parse gives', () => {
    it.each(files.filter((f) => f.expectation === 'y').map((f) => [f.name, f] as const))(
      '%s',
      (_, file: JsonSuiteFile) => {
        const expected = JSON.parse(file.text) as unknown;
        const readings = timed(() => readAllWays(file.text));
        for (const reading of [readings.native, readings.scanned, readings.tolerant]) {
          if (reading === undefined) continue;
          expect(reading.ok, file.name).toBe(true);
          if (!reading.ok) continue;
          expect(asFloats(reading.value)).toStrictEqual(expected);
          expect(reading.diagnostics).toEqual([]);
        }
      },
      GUARD_MS,
    );
  });

  describe('n_ files: refused, but for a trailing comma after a value', () => {
    it.each(files.filter((f) => f.expectation === 'n').map((f) => [f.name, f] as const))(
      '%s',
      (_, file: JsonSuiteFile) => {
        const readings = timed(() => readAllWays(file.text));
        const all = [readings.native, readings.scanned, readings.tolerant].filter(
          (r): r is Reading => r !== undefined,
        );
        if (!TOLERATED.has(file.name)) {
          for (const reading of all) expect(reading.ok, file.name).toBe(false);
          const { native } = readings;
          if (!native.ok) {
            // Where it went wrong, inside the text; no raw control character or half surrogate quoted.
            const offset = native.error.position?.offset ?? -1;
            expect(offset).toBeGreaterThanOrEqual(0);
            expect(offset).toBeLessThanOrEqual(file.text.length);
            expect(native.error.message.en).not.toMatch(
              // eslint-disable-next-line no-control-regex
              /[\u0000-\u001f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
            );
          }
          return;
        }
        // Tolerated: every reader takes it, each trailing comma reported where it is, after a value.
        for (const reading of all) expect(reading.ok, file.name).toBe(true);
        const { native } = readings;
        if (!native.ok) return;
        const commas = native.diagnostics.map((d) => {
          expect(d.code).toBe('trailing-comma');
          return d.position?.offset as number;
        });
        expect(commas.length).toBeGreaterThan(0);
        for (const at of commas) {
          expect(file.text[at]).toBe(',');
          expect(file.text.slice(0, at).trimEnd()).toMatch(/["\]}\deln]$/);
        }
        const withoutCommas = [...file.text].filter((_, k) => !commas.includes(k)).join('');
        expect(asFloats(native.value)).toStrictEqual(JSON.parse(withoutCommas));
      },
      GUARD_MS,
    );
  });

  describe('i_ files: decided, without an exception', () => {
    it.each(files.filter((f) => f.expectation === 'i').map((f) => [f.name, f] as const))(
      '%s',
      (_, file: JsonSuiteFile) => {
        const readings = timed(() => readAllWays(file.text));
        // The readers agree, and an accepted value is what JSON.parse makes of the text, with exact digits kept.
        const outcomes = [readings.native, readings.scanned, readings.tolerant].filter(
          (r): r is Reading => r !== undefined,
        );
        expect(new Set(outcomes.map((r) => r.ok)).size).toBe(1);
        const first = outcomes[0] as Reading;
        if (first.ok) expect(asFloats(first.value)).toStrictEqual(JSON.parse(file.text));
      },
      GUARD_MS,
    );
  });

  it('through the whole pipeline: no exception, and no n_ file accepted without a word', () => {
    const silent: string[] = [];
    for (const file of files) {
      for (const splitAlways of [false, true]) {
        const result = timed(() => parsePayload(file.text, { splitAlways }));
        const words = [...result.diagnostics, ...result.documents.flatMap((d) => d.diagnostics)];
        const accepted = result.documents.length > 0 && result.documents.every((d) => d.state !== 'Invalid');
        const warned = words.some((d) => d.severity !== 'info');
        if (file.expectation === 'n' && accepted && !warned) {
          if (TOLERATED.has(file.name)) expect(words.map((d) => d.code)).toContain('trailing-comma');
          else silent.push(file.name);
        }
        if (file.expectation === 'y' && /^\s*\{/.test(file.text)) {
          expect(result.documents).toHaveLength(1);
          expect(hasError(result.documents[0]?.diagnostics ?? [])).toBe(false);
        }
      }
    }
    expect(silent).toEqual([]);
  });

  it('a short payload with one bad byte gets the JSON error where the byte is, not "binary"', () => {
    const short = files.filter((f) => f.expectation === 'n' && f.bytes.length <= 64);
    let withControl = 0;
    for (const file of short) {
      // eslint-disable-next-line no-control-regex
      if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(file.text)) continue;
      withControl++;
      const codes = parsePayload(file.text).documents.flatMap((d) => d.diagnostics.map((x) => x.code));
      expect(codes, file.name).not.toContain('binary-input');
    }
    expect(withControl).toBeGreaterThanOrEqual(3);
  });
});
