/**
 * The native path for JSON: `JSON.parse`, with what it cannot tell (trailing commas, numbers a float would change,
 * unsafe names, nesting deeper than the splitter accepts) checked around it, so the tolerant parser in
 * `parse-json.ts` only reads what needs it.
 */
import { KEYS_UNDER_LIMITS, STRUCTURE_LIMITS } from '../limits';
import { MAX_DEPTH, isExactNumber, isNumberChar } from './scan';
import type { JsonFindings } from './split';
import { NameCounter, jsonOverLimit, keyOverLimit, type OverLimit } from './structure-limits';
import { ShapeStack } from './object-shapes';
import { REFUSED_ALTERNATIVES } from './unsafe-names';

/** A JSON text read by `JSON.parse`, with the offsets of the trailing commas removed before it. */
export interface NativeJson {
  readonly root: unknown;
  readonly trailingCommas: readonly number[];
}

export function parseWithFindings(text: string, findings: JsonFindings): NativeJson | undefined {
  const read = readWithFindings(text, findings);
  return 'why' in read ? undefined : read;
}

/** `parseWithFindings`, saying why when it cannot read the text. */
export function readWithFindings(text: string, findings: JsonFindings): NativeJson | NativeMiss {
  // The scan counted containers and keys: only a piece with more of them than the limits allow can be over one,
  // and only then is the text read again to tell (keys counted are not distinct names) and where.
  if (
    findings.containers > STRUCTURE_LIMITS.containers ||
    findings.keys > KEYS_UNDER_LIMITS ||
    findings.widest > STRUCTURE_LIMITS.width
  ) {
    const over = jsonOverLimit(text);
    if (over) return { why: 'limit', over };
  }
  if (findings.hasLossyNumber) return LOSSY;
  if (findings.hasUnsafeName) return OTHER;
  const commas = findings.trailingCommas;
  try {
    return {
      root: JSON.parse(commas.length === 0 ? text : withoutCommas(text, commas)),
      trailingCommas: commas,
    };
  } catch {
    return { why: 'refused', commas }; // the tolerant parser says where and why
  }
}

/** A refused name (`unsafe-names.ts`) as a string, key or value (the tolerant parser tells them apart). */
const UNSAFE_NAME = new RegExp(`"(?:${REFUSED_ALTERNATIVES})"`);
/**
 * Every number token of a JSON text follows `:`, `,` or `[` and precedes `,`, `}` or `]` (white space aside), so
 * this finds them all; the odd match inside a string (`"a,5]"`) is harmless: it can only send the text to the
 * tolerant parser, never let a lossy number through.
 */
const NUMBER_TOKEN = /[:,[][ \t\r\n]*(-?\d[\d.eE+-]*)(?=[ \t\r\n]*[,}\]])/g;

/**
 * Why `readNative` could not read a text: a number a float would change (`lossy`: the text may be valid JSON, for
 * the tolerant parser to read), `JSON.parse` threw on it with these trailing commas removed (`refused`: the same
 * text with the same commas is refused again, so a caller may go straight to the tolerant parser), or anything else
 * (an unsafe name, nesting deeper than the splitter accepts), or the text is over a structure limit (`limit`: it is
 * refused, and nothing reads it).
 */
export type NativeMiss =
  | { readonly why: 'lossy' }
  | { readonly why: 'limit'; readonly over: OverLimit }
  | { readonly why: 'refused'; readonly commas: readonly number[] }
  | { readonly why: 'other' };
const LOSSY: NativeMiss = { why: 'lossy' };
const OTHER: NativeMiss = { why: 'other' };

/**
 * Above this length, every number token is checked before `JSON.parse` rather than after it: a large text with one
 * lossy number (16 MiB of members) then costs one search, not a parse that is thrown away; below it, the search by
 * key after the parse is cheaper (a callback has a few numeric keys).
 */
const NUMBERS_FIRST_LENGTH = 64 * 1024;

/**
 * The native path without the splitter's scan (a lone document, conversions, tests): `JSON.parse`, with the
 * checks the scan would make done by native searches rather than a pass over every character. Returns
 * `undefined` when the text needs the tolerant parser: a syntax error, an unsafe name, a number a float would
 * change (beyond 2^53, `1.50`, an exponent), or nesting deeper than the splitter accepts.
 */
export function parseNative(text: string): NativeJson | undefined {
  const read = readNative(text);
  return 'why' in read ? undefined : read;
}

/** `parseNative`, saying why when it cannot read the text. */
export function readNative(text: string): NativeJson | NativeMiss {
  if (UNSAFE_NAME.test(text)) return OTHER;
  // A large text: its numbers, trailing commas and depth in one pass over the characters, before `JSON.parse`,
  // rather than a search of every number token, searches for closers, a sort, and a walk of the parsed tree (whose
  // keys V8 lists and sorts to be walked: 1.2 million of them for a wide object of 16 MiB).
  const large = text.length > NUMBERS_FIRST_LENGTH ? structureOf(text, MAX_DEPTH) : undefined;
  if (large?.over) return { why: 'limit', over: large.over };
  if (large?.lossy) return LOSSY;
  const commas = large ? large.trailingCommas : trailingCommasOf(text);
  if (large?.tooDeep) return OTHER;
  // Brackets that do not pair up: `JSON.parse` would refuse the text, after reading all of it when the fault is at
  // the end (16 MiB of members and one `}` too many).
  if (large && !large.balanced) return { why: 'refused', commas };
  let root: unknown;
  try {
    root = JSON.parse(commas.length === 0 ? text : withoutCommas(text, commas));
  } catch {
    return { why: 'refused', commas };
  }
  if (large) return { root, trailingCommas: commas };
  const shape = shapeOf(root, MAX_DEPTH);
  if (shape === undefined) return OTHER;
  // A small text (`JSON.parse` builds it in a few milliseconds): its tree's counts tell whether it may be over a
  // structure limit, as the scan's do for a large one.
  if (
    shape.containers > STRUCTURE_LIMITS.containers ||
    shape.keys > KEYS_UNDER_LIMITS ||
    shape.widest > STRUCTURE_LIMITS.width
  ) {
    const over = jsonOverLimit(text);
    if (over) return { why: 'limit', over };
  }
  if (shape.numbers > 0 && !numbersAreExact(text, shape)) return LOSSY;
  return { root, trailingCommas: commas };
}

/**
 * The trailing commas of a text (as `trailingCommasOf` finds them), whether its containers nest deeper than `max`
 * (as `shapeOf` tells from its tree), whether its brackets pair up (`balanced`: each closer closes the last bracket
 * open, of its kind, no string is left open, and nothing but white space follows the closed root), and whether a
 * number token would not read back from a float (`lossy`: the pass stops there, the text being the tolerant
 * parser's to read, and the rest tells of the text before it), in one pass: strings are skipped by searching for their closing quote, a digit or `-` starts a
 * number token, every other character is structure, white space or part of a literal. Exact for any text
 * `JSON.parse` accepts, so a text that is not `balanced` is one it refuses (the kinds are compared to depth `max`:
 * deeper, the text is too deep anyway).
 */
export function structureOf(
  text: string,
  max: number,
): {
  trailingCommas: number[];
  tooDeep: boolean;
  balanced: boolean;
  lossy: boolean;
  over?: OverLimit;
} {
  const trailingCommas: number[] = [];
  const names = new NameCounter();
  const shapes = new ShapeStack();
  let containers = 0;
  /** Where the last string opened (a key when a `:` follows it). */
  let stringFrom = -1;
  let stringTo = -1;
  const open = new Uint8Array(max);
  let depth = 0;
  let tooDeep = false;
  let balanced = true;
  let closedRoot = false;
  /** The last character that is not white space (a string counts as its closing quote), and the last comma. */
  let previous = 0;
  let comma = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (closedRoot) balanced = false;
    if (c === 34 /* " */) {
      stringFrom = i;
      do i = text.indexOf('"', i + 1);
      while (i !== -1 && isEscaped(text, i));
      if (i === -1) {
        balanced = false;
        break;
      }
      stringTo = i;
    } else if (c === 58 /* : */) {
      if (previous === 34) {
        const name = text.slice(stringFrom + 1, stringTo);
        const over = keyOverLimit(names, shapes, name, stringFrom);
        if (over) return { trailingCommas, tooDeep, balanced, lossy: false, over };
      }
    } else if (c === 123 || c === 91) {
      if (++containers > STRUCTURE_LIMITS.containers)
        return { trailingCommas, tooDeep, balanced, lossy: false, over: { limit: 'containers', offset: i } };
      if (depth < max) open[depth] = c;
      shapes.open(c === 123);
      if (++depth > max) tooDeep = true;
    } else if (c === 125 || c === 93) {
      shapes.close();
      depth--;
      // `{` is `}` less 2, `[` is `]` less 2.
      if (depth < 0 || (depth < max && open[depth] !== c - 2)) balanced = false;
      else if (depth === 0) closedRoot = true;
      if (previous === 44 && followsValue(text, comma)) trailingCommas.push(comma);
    } else if (c === 44) comma = i;
    else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n && isNumberChar(text.charCodeAt(j))) j++;
      if (!isExactNumber(text, i, j)) return { trailingCommas, tooDeep, balanced, lossy: true };
      i = j - 1;
    }
    previous = c;
  }
  return { trailingCommas, tooDeep, balanced: balanced && depth === 0, lossy: false };
}

/**
 * Offsets of the trailing commas outside strings, found from the closers (fewer than commas). A comma whose closer
 * is on a later line is outside a string (a JSON string holds no raw line break); on the same line, the parity of
 * the unescaped quotes before it tells, counted once from the start for all such commas. Exact for any text
 * `JSON.parse` then accepts (removing a comma moves no string boundary); any other text goes to the tolerant
 * parser anyway.
 */
export function trailingCommasOf(text: string): number[] {
  const commas: number[] = [];
  const sameLine: number[] = [];
  for (const closer of ['}', ']']) {
    for (let at = text.indexOf(closer); at !== -1; at = text.indexOf(closer, at + 1)) {
      let j = at - 1;
      let c = text.charCodeAt(j);
      let crossesLine = false;
      while (c === 32 || c === 10 || c === 13 || c === 9) {
        if (c === 10) crossesLine = true;
        c = text.charCodeAt(--j);
      }
      if (c === 44 /* , */ && followsValue(text, j)) (crossesLine ? commas : sameLine).push(j);
    }
  }
  if (sameLine.length > 0) {
    sameLine.sort((x, y) => x - y);
    let inside = false;
    let quote = text.indexOf('"');
    for (const comma of sameLine) {
      while (quote !== -1 && quote < comma) {
        if (!isEscaped(text, quote)) inside = !inside;
        quote = text.indexOf('"', quote + 1);
      }
      if (!inside) commas.push(comma);
    }
  }
  return commas.length > 1 ? commas.sort((x, y) => x - y) : commas;
}

/**
 * Whether the comma at `comma` follows a value: only such a comma is a trailing one (`[1,]`); after `[`, `{` or
 * another comma (`[,]`, `{,}`, `[1,,]`) it is left in place for `JSON.parse` to refuse.
 */
function followsValue(text: string, comma: number): boolean {
  let j = comma - 1;
  let c = text.charCodeAt(j);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(--j);
  return j >= 0 && c !== 91 && c !== 123 && c !== 44 && c !== 58;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** What the native path needs to know of a parsed tree. */
interface Shape {
  /** Number values in all. */
  numbers: number;
  /** Objects and arrays, and object members, in all. */
  containers: number;
  keys: number;
  /** The most keys in one object. */
  widest: number;
  /**
   * The distinct keys of the object members whose value is a number, while there are at most `MAX_KEY_SEARCHES`
   * of them; undefined once there are more, or once a number sits in an array (then every token is searched).
   */
  numberKeys: Set<string> | undefined;
}

/**
 * Walks a parsed tree: `undefined` when containers nest deeper than `max` (`JSON.parse` itself takes any depth),
 * else where its numbers are. Stops at the first level too deep.
 */
function shapeOf(root: unknown, max: number): Shape | undefined {
  if (typeof root !== 'object' || root === null)
    return {
      numbers: typeof root === 'number' ? 1 : 0,
      numberKeys: undefined,
      containers: 0,
      keys: 0,
      widest: 0,
    };
  const shape: Shape = { numbers: 0, numberKeys: new Set(), containers: 0, keys: 0, widest: 0 };
  const nodes: object[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const depth = depths.pop() as number;
    if (depth > max) return undefined;
    shape.containers++;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (typeof value === 'object' && value !== null) {
          nodes.push(value);
          depths.push(depth + 1);
        } else if (typeof value === 'number') {
          shape.numbers++;
          shape.numberKeys = undefined;
        }
      }
      continue;
    }
    // for…in: JSON.parse gives plain objects, whose own enumerable keys are all that for…in sees.
    let width = 0;
    for (const key in node) {
      width++;
      shape.keys++;
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'object' && value !== null) {
        nodes.push(value);
        depths.push(depth + 1);
      } else if (typeof value === 'number') {
        shape.numbers++;
        const keys = shape.numberKeys;
        if (keys !== undefined && !keys.has(key))
          shape.numberKeys = keys.size < MAX_KEY_SEARCHES ? keys.add(key) : undefined;
      }
    }
    if (width > shape.widest) shape.widest = width;
  }
  return shape;
}

/**
 * Searches of the whole text by key, at most: each costs a pass over the text, so a wide object of numbers (50,000
 * numeric keys) would make the check quadratic; beyond this, one pass of `NUMBER_TOKEN` does it.
 */
const MAX_KEY_SEARCHES = 8;

/**
 * Whether every number of the text keeps its exact digits as a float. Each member `"key": number` is found by
 * its key: an unescaped quote, the key, a quote, then `:` can only open a real member (the text parsed), so when
 * as many numeric members are found as the tree holds, each token has been seen. Numbers in arrays, keys with
 * escapes, more distinct keys than `MAX_KEY_SEARCHES`, or a count that differs: every number token is found by
 * one search of the whole text instead. Linear in the text either way.
 */
function numbersAreExact(text: string, shape: Shape): boolean {
  const distinct = shape.numberKeys;
  if (distinct !== undefined) {
    let found = 0;
    let byKeys = true;
    for (const key of distinct) {
      if (key.includes('\\') || key.includes('"')) {
        byKeys = false;
        break;
      }
      const quoted = `"${key}"`;
      for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + 1)) {
        if (isEscaped(text, at)) continue;
        let i = skipJsonSpace(text, at + quoted.length);
        if (text.charCodeAt(i) !== 58 /* : */) continue;
        i = skipJsonSpace(text, i + 1);
        const c = text.charCodeAt(i);
        if (c !== 45 && (c < 48 || c > 57)) continue;
        let j = i + 1;
        while (j < text.length && isNumberChar(text.charCodeAt(j))) j++;
        if (!isExactNumber(text, i, j)) return false;
        // More members found than the tree holds numbers: a key repeats, and a repeat `JSON.parse` dropped may have
        // hidden another key's number; only the search of every token can tell.
        if (++found > shape.numbers) return allTokensExact(text);
      }
    }
    if (byKeys && found === shape.numbers) return true;
  }
  return allTokensExact(text);
}

/** Every number token of the text (`NUMBER_TOKEN`) reads back as itself from a float. */
function allTokensExact(text: string): boolean {
  NUMBER_TOKEN.lastIndex = 0;
  for (let m = NUMBER_TOKEN.exec(text); m !== null; m = NUMBER_TOKEN.exec(text)) {
    const to = NUMBER_TOKEN.lastIndex;
    if (!isExactNumber(text, to - (m[1] as string).length, to)) return false;
  }
  return true;
}

function skipJsonSpace(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}

function withoutCommas(text: string, offsets: readonly number[]): string {
  let out = '';
  let from = 0;
  for (const at of offsets) {
    out += text.slice(from, at);
    from = at + 1;
  }
  return out + text.slice(from);
}
