// @vitest-environment node
/**
 * The XML fast path held to fast-xml-parser's own spec corpus (its `spec/` inputs, committed as data) and to the
 * *installed* library, so that an upgrade that changes the library's behaviour fails here rather than drifting:
 * whatever the fast path reads, the library reads to the same tree, key order included; and through `parseXml`
 * (validator, splitter's roots, diagnostics) the outcome is the same with and without the fast path.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlSuiteInputs } from '../test-support/suites';
import { isRepeatingIn, parseXml, readXml } from './parse-xml';
import { splitPayloads } from './split';
import { FastRefusal, readPlainXml } from './xml-fast-path';

const nowhere = () => ({ line: 1, column: 1, offset: 0 });
const GUARD_MS = 20_000;
const inputs = xmlSuiteInputs();

/** JSON.stringify keeps key order: equal strings mean equal trees with their keys in the same order. */
function ordered(tree: unknown): string {
  return JSON.stringify(tree);
}

/** The library's reading: the tree, or the error it threw. */
function library(text: string): { tree: unknown } | { error: string } {
  try {
    return { tree: readXml(text, { fastPath: false }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe(`fast-xml-parser's spec corpus (${inputs.length} inputs)`, () => {
  it('is all there', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(300);
    expect(new Set(inputs.map((i) => i.text)).size).toBe(inputs.length);
  });

  it(
    'whatever the fast path reads, the installed library reads to the same tree, key order included',
    () => {
      let read = 0;
      for (const input of inputs) {
        const fast = readPlainXml(input.text, isRepeatingIn, 'any');
        if (fast === undefined || fast instanceof FastRefusal) continue;
        read++;
        const lib = library(input.text);
        expect(lib, `${input.source}:${input.line}`).toHaveProperty('tree');
        if ('tree' in lib) {
          expect(fast, `${input.source}:${input.line}`).toStrictEqual(lib.tree);
          expect(ordered(fast)).toBe(ordered(lib.tree));
        }
      }
      // Not vacuous: a share of the corpus is plain XML the fast path reads itself.
      expect(read).toBeGreaterThanOrEqual(30);
    },
    GUARD_MS,
  );

  it(
    'through parseXml, on the splitter’s payloads and on the whole text: the same outcome with and without the fast path',
    () => {
      let payloads = 0;
      for (const input of inputs) {
        const whole = parseXml(input.text, [], nowhere);
        expect(whole, `${input.source}:${input.line}`).toStrictEqual(
          parseXml(input.text, [], nowhere, { fastPath: false }),
        );
        for (const piece of splitPayloads(input.text).pieces) {
          if (piece.format !== 'xml') continue;
          const text = input.text.slice(piece.start, piece.end);
          payloads++;
          expect(parseXml(text, piece.roots, nowhere), `${input.source}:${input.line}`).toStrictEqual(
            parseXml(text, piece.roots, nowhere, { fastPath: false }),
          );
        }
      }
      expect(payloads).toBeGreaterThanOrEqual(inputs.length / 2);
    },
    GUARD_MS,
  );

  it(
    'every input the fast path refuses itself (a closing tag of another name), the installed library refuses too, with the same message',
    () => {
      /** The corpus inputs, and each the fast path reads with its last closing tag renamed. */
      const texts: string[] = [];
      for (const input of inputs) {
        texts.push(input.text);
        const tree = readPlainXml(input.text, isRepeatingIn);
        const last = input.text.lastIndexOf('</');
        if (tree && !(tree instanceof FastRefusal) && last !== -1)
          texts.push(`${input.text.slice(0, last + 2)}Z${input.text.slice(last + 2)}`);
      }
      let refused = 0;
      for (const text of texts) {
        if (!(readPlainXml(text, isRepeatingIn) instanceof FastRefusal)) continue;
        refused++;
        const at = (offset: number) => ({ line: 1, column: 1, offset });
        const fast = parseXml(text, [], at);
        const lib = parseXml(text, [], at, { fastPath: false });
        expect(lib.ok, text).toBe(false);
        expect(fast, text).toStrictEqual(lib);
      }
      // Not vacuous: the corpus holds such inputs, and every input the fast path reads gives one renamed.
      expect(refused).toBeGreaterThanOrEqual(30);
    },
    GUARD_MS,
  );

  it('the app’s library configuration and a bare default parser agree on which names they refuse', () => {
    // The refusal is the library's, not an option of ours: a default parser refuses the same corpus inputs.
    const bare = new XMLParser();
    for (const input of inputs) {
      let bareRefusal: string | undefined;
      try {
        bare.parse(input.text);
      } catch (e) {
        bareRefusal = e instanceof Error ? e.message : String(e);
      }
      const lib = library(input.text);
      if (bareRefusal?.includes('[SECURITY]')) expect(lib).toHaveProperty('error');
    }
  });
});
