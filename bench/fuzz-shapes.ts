/**
 * Inputs of a given shape and size for `npm run fuzz`: the shapes that make a parser's time grow faster than its
 * input when something in it is quadratic (wide objects, long arrays, deep nesting, long strings, many payloads on
 * one line), in JSON and XML, on the native, tolerant, fast and library paths, at sizes up to the payload cap.
 */
import { LIMITS, STRUCTURE_LIMITS } from '../src/domain/limits';

export interface Shape {
  readonly name: string;
  /** Text of about `size` characters (never over the payload cap). */
  readonly make: (size: number) => string;
  /**
   * Many payloads, one document each (`{}{}{}…`, JSON Lines, a log): its time is the documents' time, so it is
   * judged per document (linear growth) rather than by the one-second goal for one payload.
   */
  readonly documents?: true;
  /**
   * The text the reference (`JSON.parse`) reads instead, holding the same value without what only we accept (the
   * trailing commas `JSON.parse` refuses at the first): absent, it reads the shape's text.
   */
  readonly reference?: (text: string) => string;
  /**
   * The text `JSON.parse` reads for the platform floor (`npm run fuzz`), holding the value we build: the numbers
   * whose digits we keep, as strings (our `RawNumber` reads them from the text when asked, so it builds less than
   * this floor). Absent: the reference's text.
   */
  readonly floorText?: (text: string) => string;
}

/** The shapes' trailing commas are all `,}` (no string holds one). */
const withoutTrailingCommas = (text: string) => text.replace(/,\}/g, '}');

/**
 * Joins items made by `item(0)`, `item(1)`, … with `sep` between `open` and `close`, as many as fit in `size`
 * (items grow with `k`: counting from one item's length would overshoot the payload cap at the largest size).
 */
function fill(size: number, open: string, close: string, sep: string, item: (k: number) => string): string {
  const room = size - open.length - close.length;
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; ; k++) {
    const next = item(k);
    const added = next.length + (k === 0 ? 0 : sep.length);
    if (k > 0 && length + added > room) break;
    parts.push(next);
    length += added;
  }
  return open + parts.join(sep) + close;
}

/**
 * Objects of `per` keys drawn from `STRUCTURE_LIMITS.names - 1` names (a seeded LCG), in `{"r":[…]}`: distinct key
 * orders within the names limit, each a new hidden class for V8 (`JSON.parse` alone ~1 s at 16 MiB for objects of
 * two keys): past the shapes limit (`STRUCTURE_LIMITS.shapes`) once large enough.
 */
function randomKeys(size: number, per: number): string {
  const pool = STRUCTURE_LIMITS.names - 1;
  let state = 1;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) % pool;
  return fill(size, '{"r":[', ']}', ',', (k) => {
    const keys = new Set<number>();
    while (keys.size < per) keys.add(next());
    return `{${[...keys].map((key) => `"k${key}":${k}`).join(',')}}`;
  });
}

/**
 * Pairs `a<i>`, `b` for i below `pairs`, cycling: with the object (or element) that holds them, `2 × pairs + 2`
 * shapes, at the shapes limit for `pairs` = 1,299. `item(a, k)` writes the `k`th.
 */
const SHAPE_PAIRS = (STRUCTURE_LIMITS.shapes - 2) / 2;
function pairs(
  size: number,
  open: string,
  close: string,
  sep: string,
  item: (a: string, k: number) => string,
) {
  return fill(size, open, close, sep, (k) => item(`a${k % SHAPE_PAIRS}`, k));
}

/** `n` keys `k0`…, starting at `from` and wrapping: an order of the same keys for each `from`. */
const rotated = (n: number, from: number) => Array.from({ length: n }, (_, j) => `k${(from + j) % n}`);

/** Objects of as many keys as the width limit allows, in `orders` orders taken in turn, in `{"r":[…]}`. */
function widest(size: number, orders: number): string {
  return fill(size, '{"r":[', ']}', ',', (k) => {
    const keys = rotated(STRUCTURE_LIMITS.width, k % orders);
    return `{${keys.map((key) => `"${key}":${k}`).join(',')}}`;
  });
}

/** `head`, then a string filling the rest of `size`: a structure at a limit, in a payload at the cap. */
function thenString(size: number, head: string): string {
  return `{"a":${head},"s":"${'x'.repeat(Math.max(0, size - head.length - 14))}"}`;
}

/** Nested `depth` deep: `open` repeated, a leaf, `close` repeated. */
function nest(depth: number, open: string, leaf: string, close: string): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

/**
 * As many copies of `one` (which makes `containers` objects and arrays, after `before` made outside) as the
 * containers limit allows and fit in `size` with room to spare.
 */
function nestsWithin(size: number, one: string, containers: number, before: number) {
  const count = Math.min(
    Math.floor((STRUCTURE_LIMITS.containers - before) / containers),
    Math.floor(size / one.length) - 1,
  );
  return { one, count };
}

export const SHAPES: readonly Shape[] = [
  // JSON, wide objects: past the width limit (`STRUCTURE_LIMITS.width`) at any size but the smallest
  {
    name: 'json: wide object, numeric members (refused: past the limit of keys in one object)',
    make: (n) => fill(n, '{', '}', ',', (k) => `"k${k}":${k}`),
  },
  {
    name: 'json: wide object, numeric members and one lossy number (refused: past the limit of keys in one object)',
    make: (n) => fill(n, '{"big":12345678901234567890,', '}', ',', (k) => `"k${k}":${k}.5`),
    floorText: (text) => text.replace('12345678901234567890', '"12345678901234567890"'),
  },
  {
    name: 'json: wide object, a trailing comma in each member object (refused: past the limit of keys in one object)',
    make: (n) => fill(n, '{', '}', ',', (k) => `"k${k}":{"a":${k},}`),
    reference: withoutTrailingCommas,
  },
  {
    name: 'json: wide object, string members (refused: past the limit of keys in one object)',
    make: (n) => fill(n, '{', '}', ',', (k) => `"k${k}":"v${k}"`),
  },
  {
    name: 'json: wide object, the same key repeated',
    make: (n) => fill(n, '{', '}', ',', (k) => `"JobLevel":${k}`),
  },
  // JSON, at the width and shapes limits: the widest objects V8 keeps out of dictionary mode, the most shapes
  { name: 'json: objects of 127 numeric members, repeated', make: (n) => widest(n, 1) },
  { name: 'json: objects of 127 members in 20 orders, repeated', make: (n) => widest(n, 20) },
  {
    name: 'json: objects of two keys at the shapes limit, repeated',
    make: (n) => pairs(n, '{"r":[', ']}', ',', (a, k) => `{"${a}":${k},"b":${k}}`),
  },
  // JSON, long arrays
  { name: 'json: long array of numbers', make: (n) => fill(n, '[', ']', ',', (k) => String(k)) },
  {
    name: 'json: long array of lossy numbers',
    make: (n) => fill(n, '[', ']', ',', (k) => `${k}.10`),
    floorText: (text) => text.replace(/[\d.]+/g, '"$&"'),
  },
  {
    name: 'json: long array of objects, a trailing comma each (split into documents)',
    documents: true,
    make: (n) => fill(n, '[', ']', ',', (k) => `{"a":${k},}`),
    reference: withoutTrailingCommas,
  },
  { name: 'json: long array of empty arrays', make: (n) => fill(n, '[', ']', ',', () => '[]') },
  // JSON, at the structure limits (`STRUCTURE_LIMITS`)
  {
    name: 'json: empty arrays up to the container limit, then a long string',
    make: (n) => thenString(n, `[${'[],'.repeat(Math.min(STRUCTURE_LIMITS.containers - 3, n / 3 - 10))}[]]`),
  },
  {
    name: 'json: nesting at the depth limit up to the container limit, then a long string',
    make: (n) => {
      // Inside `{"a":[…]}`: 254 more levels make the depth limit, 256.
      const { one, count } = nestsWithin(n, nest(254, '[', '1', ']'), 254, 2);
      return thenString(n, `[${Array<string>(count).fill(one).join(',')}]`);
    },
  },
  { name: 'json: objects of two keys drawn from the names limit', make: (n) => randomKeys(n, 2) },
  { name: 'json: objects of 100 keys drawn from the names limit', make: (n) => randomKeys(n, 100) },
  // JSON, deep nesting
  {
    name: 'json: nesting at the depth limit, repeated',
    make: (n) => fill(n, '[', ']', ',', () => nest(255, '[', '1', ']')),
  },
  { name: 'json: unclosed nesting, as deep as the size', make: (n) => '['.repeat(n) },
  { name: 'json: nesting past the limit, closed', make: (n) => nest(Math.floor(n / 2), '[', '', ']') },
  {
    name: 'json: objects nested at the limit, repeated',
    make: (n) => fill(n, '{"r":[', ']}', ',', () => nest(250, '{"a":', '1', '}')),
  },
  // JSON, strings and errors
  { name: 'json: one long string', make: (n) => `{"a":"${'x'.repeat(n - 8)}"}` },
  // Lines that start as a log line does (`scan.ts` looks at each for a callback after it): short, with a payload's
  // opening that is none.
  {
    name: 'json: a long string of short lines, each a word and a brace (invalid: line feeds in a string)',
    make: (n) => `{"a":"${'w {\n'.repeat(Math.floor((n - 8) / 4))}"}`,
  },
  {
    name: 'json: one long string of escapes',
    make: (n) => `{"a":"${'\\u0041\\n'.repeat(Math.floor((n - 8) / 8))}"}`,
  },
  {
    name: 'json: one long string of backslashes and quotes',
    make: (n) => `{"a":"${'\\\\\\"'.repeat(Math.floor((n - 8) / 4))}"}`,
  },
  {
    name: 'json: an invalid escape at the end of a long string',
    make: (n) => `{"a":"${'\\n'.repeat(Math.floor((n - 12) / 2))}\\q"}`,
  },
  {
    name: 'json: a syntax error at the very end',
    make: (n) => fill(n - 2, '{', ',}}', ',', (k) => `"k${k}":${k}`),
  },
  // Several payloads
  {
    name: 'json: empty objects run together on one line',
    documents: true,
    make: (n) => '{}'.repeat(Math.floor(n / 2)),
  },
  {
    name: 'json: empty arrays run together on one line',
    documents: true,
    make: (n) => '[]'.repeat(Math.floor(n / 2)),
  },
  {
    name: 'json: objects with stray text between, one line',
    documents: true,
    make: (n) => fill(n, '', '', ' #', (k) => `{"a":${k}}`),
  },
  {
    name: 'json: JSON Lines',
    documents: true,
    make: (n) => fill(n, '', '\n', '\n', (k) => `{"a":${k},"b":"x"}`),
  },
  {
    name: 'log: a prefix on each line',
    documents: true,
    make: (n) => fill(n, '', '\n', '\n', (k) => `2026-11-30 12:00:${k % 60} INFO cb {"a":${k}}`),
  },
  // XML
  {
    name: 'xml: wide element (refused: past the limit of keys in one object)',
    make: (n) => fill(n, '<R>', '</R>', '', (k) => `<a${k}>${k}</a${k}>`),
  },
  {
    name: 'xml: one name repeated (fast path)',
    make: (n) => fill(n, '<R>', '</R>', '', (k) => `<a>${k}</a>`),
  },
  {
    name: 'xml: wide element with attributes (refused: past the limit of keys in one object)',
    make: (n) => fill(n, '<R>', '</R>', '', (k) => `<a${k} x="1">${k}</a${k}>`),
  },
  {
    name: 'xml: one name repeated, with an entity (refused: over the library expansion limit)',
    make: (n) => fill(n, '<R>', '</R>', '', (k) => `<a>${k}&amp;</a>`),
  },
  {
    // R, o, then a0…a1997 in 20 elements of 100 (the last of 98), cycling: 2,000 names, 2,000 shapes.
    name: 'xml: names at the limit in elements of 100 children, repeated (fast path)',
    make: (n) => {
      const names = STRUCTURE_LIMITS.names - 2;
      const groups = Array.from({ length: Math.ceil(names / 100) }, (_, g) =>
        Array.from({ length: Math.min(100, names - g * 100) }, (_, j) => `a${g * 100 + j}`),
      );
      return fill(
        n,
        '<R>',
        '</R>',
        '',
        (k) => `<o>${(groups[k % groups.length] as string[]).map((a) => `<${a}>${k}</${a}>`).join('')}</o>`,
      );
    },
  },
  {
    name: 'xml: elements of two children drawn from the names limit',
    make: (n) => {
      let state = 1;
      const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) % (STRUCTURE_LIMITS.names - 2);
      return fill(n, '<R>', '</R>', '', (k) => {
        const a = next();
        const b = (a + 1 + (next() % 100)) % (STRUCTURE_LIMITS.names - 2);
        return `<o><k${a}>${k}</k${a}><k${b}>${k}</k${b}></o>`;
      });
    },
  },
  {
    name: 'xml: elements of two children at the shapes limit, repeated (fast path)',
    make: (n) => pairs(n, '<R>', '</R>', '', (a, k) => `<o><${a}>${k}</${a}><b>${k}</b></o>`),
  },
  {
    name: 'xml: elements of two attributes at the shapes limit, repeated (fast path)',
    make: (n) => pairs(n, '<R>', '</R>', '', (a, k) => `<o ${a}="${k}" b="1"/>`),
  },
  {
    name: 'xml: elements of two empty children at the shapes limit, repeated (fast path)',
    make: (n) => pairs(n, '<R>', '</R>', '', (a) => `<o><${a}/><b/></o>`),
  },
  {
    name: 'xml: one name repeated, an entity in every twelfth (fast path)',
    make: (n) => fill(n, '<R>', '</R>', '', (k) => (k % 12 === 0 ? `<a>${k}&amp;</a>` : `<a>${k}</a>`)),
  },
  {
    name: 'xml: nesting 63 deep, repeated (refused: past the limit of objects)',
    make: (n) => fill(n, '<R>', '</R>', '', () => nest(63, '<a>', '1', '</a>')),
  },
  {
    name: 'xml: nesting at the depth limit, repeated (refused: past the limit of objects)',
    make: (n) => fill(n, '<R>', '</R>', '', () => nest(250, '<a>', '1', '</a>')),
  },
  {
    name: 'xml: nesting at the depth limit up to the limit of objects, then a long text',
    make: (n) => {
      // Each nest makes 249 objects (the innermost `a` holds text), `R` one more.
      const { one, count } = nestsWithin(n, nest(250, '<a>', '1', '</a>'), 249, 1);
      const head = `<R>${one.repeat(count)}<s>`;
      return `${head}${'x'.repeat(Math.max(0, n - head.length - 8))}</s></R>`;
    },
  },
  { name: 'xml: unclosed nesting, as deep as the size', make: (n) => '<a>'.repeat(Math.floor(n / 3)) },
  { name: 'xml: one long text', make: (n) => `<R><a>${'x'.repeat(n - 20)}</a></R>` },
  {
    name: 'xml: a long text of short lines, each a word and a brace',
    make: (n) => `<R><a>${'w {\n'.repeat(Math.floor((n - 20) / 4))}</a></R>`,
  },
  {
    name: 'xml: documents run together on one line',
    documents: true,
    make: (n) => fill(n, '', '', '', (k) => `<R><a>${k}</a></R>`),
  },
  {
    name: 'xml: roots without a wrapper',
    documents: true,
    make: (n) => fill(n, '', '', '\n', (k) => `<JobsDetail><Code>${k}</Code></JobsDetail>`),
  },
  {
    name: 'xml: a mismatched tag at the very end',
    make: (n) => fill(n - 8, '<R>', '</S>', '', (k) => `<a>${k}</a>`),
  },
];

/** Sizes from small to the payload cap (just under it, so the cap's refusal is not what is timed). */
export const SHAPE_SIZES: readonly number[] = [
  64 * 1024,
  256 * 1024,
  1024 * 1024,
  4 * 1024 * 1024,
  LIMITS.payload - 1024,
];

/**
 * Largest size for a shape of many documents: 1 MiB of `{}` is half a million documents already (the benchmark's
 * log of 10,000 callbacks is 28 MB), and their models, not the parser, would fill the memory beyond it.
 */
export const DOCUMENTS_MAX_SIZE = 1024 * 1024;
