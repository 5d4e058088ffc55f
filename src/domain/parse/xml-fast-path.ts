/**
 * A fast path for the plain XML that CI callbacks are: elements (with plain attributes or none), and text without
 * entities, comments, CDATA or declarations. On such text it builds the very tree fast-xml-parser builds with the options of
 * `parse-xml.ts` (values as trimmed strings, whitespace between elements dropped, repeated names and `isRepeating`
 * names as arrays), about six times faster than the library's validator and parser together (on the benchmark's
 * log). On anything else (an `&`, `<!`, `<?`, attribute, carriage return, control character, mixed content, odd
 * name, unbalanced tag, or roots other than the splitter's) it gives up and returns `undefined`, and the payload goes
 * through the library as before: the fast path never judges a payload, so every diagnostic still comes from the
 * library. `xml-fast-path.test.ts` checks that parsing with and without it gives the same outcome on every fixture,
 * on the generator's callbacks, on hostile, mutated and random inputs and on generated element trees.
 */

import { STRUCTURE_LIMITS } from '../limits';
import { MAX_DEPTH } from './scan';
import { NameCounter, xmlOverLimit } from './structure-limits';
import { KeyBounds, type ShapeStack } from './object-shapes';
import { MAX_ENTITY_EXPANSIONS, XmlEntities, expansionsMessage } from './xml-entities';
import { FastRefusal, countExactly, mismatched, refusal } from './xml-fast-refusals';
import { isLeftToLibrary } from './unsafe-names';
import { Templates, add, addChild, type WideChildren } from './xml-wide-children';
import {
  attributeAt,
  attributesOver,
  isSpace,
  nameEndAt,
  readAttributes,
  withAttributes,
} from './xml-fast-tags';

export { FastRefusal };

/**
 * As deep as the splitter lets a payload through (`MAX_DEPTH`, the library's `maxNestedTags` too): the reader keeps
 * its open elements in a list, not on the call stack, so depth costs it nothing (at 64 a payload nested 250 deep
 * went through the validator and the library, several times slower: `npm run fuzz`).
 */
const FAST_MAX_DEPTH = MAX_DEPTH;
const MAX_ATTRIBUTES = STRUCTURE_LIMITS.attributes;
const MAX_CONTAINERS = STRUCTURE_LIMITS.containers;

type Tree = Record<string, unknown>;

/**
 * What the fast path leaves to the library wherever it is: `&` (entities), a carriage return (the library turns
 * line ends into `\n`), control characters other than tab and line feed, surrogates and non-characters.
 */
// eslint-disable-next-line no-control-regex
const REFUSED = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * The tree of `text`, or `undefined` when the text is outside the plain subset. `isRepeating(name, path)` tells
 * which names are always arrays; `path` lists the open elements' names, outermost first, ending with `name`.
 * `roots` allows several top-level elements (a payload without its `Response` wrapper): exactly at the given
 * spans (the splitter's, which `parse-xml.ts` validates one by one), or `'any'`; they go into one tree, as
 * fast-xml-parser puts them. Without it, the text must hold one root.
 */
export function readPlainXml(
  text: string,
  isRepeating: (name: string, path: readonly string[]) => boolean,
  roots?: readonly (readonly [number, number])[] | 'any',
): Tree | FastRefusal | undefined {
  if (REFUSED.test(text)) return undefined;
  // `roots` is absent, a list or 'any' by turns: read in the loop, it deoptimised the loop's compiled code again
  // and again in a large load (each time a TurboFan recompile of 50-190 ms on the browser's background threads).
  // The loop gets plain values, and the spans are compared after it.
  const spans = Array.isArray(roots) && roots.length > 1 ? roots : undefined;
  return readTree(text, isRepeating, roots === 'any' || spans !== undefined, spans);
}

/**
 * The fast path's loop: `allowsMany` lets the text hold several roots, which must be `spans` if given. The open
 * elements are kept in parallel lists (`path` holds their names), not as an object each: a payload of 16 MiB holds
 * millions of elements, and an object per element was a third of the collector's work.
 */
function readTree(
  text: string,
  isRepeating: (name: string, path: readonly string[]) => boolean,
  allowsMany: boolean,
  spans: readonly (readonly [number, number])[] | undefined,
): Tree | FastRefusal | undefined {
  let names = new NameCounter();
  /**
   * Object shapes, counted exactly (`ShapeStack`) once the text could be over the shapes or width limit: until then
   * (most payloads, to the end), only the keys added to objects (`keys`, which bounds the shapes) and each open
   * element's keys (`widths`) are, and the first to go over its limit has the text before it counted (`countXml`)
   * and the count go on from there, so a refusal is where `xmlOverLimit` would find it.
   */
  let shapes: ShapeStack | undefined;
  /** Attributes read (`STRUCTURE_LIMITS.attributes`). */
  let attributeCount = 0;
  /** Elements made objects (`STRUCTURE_LIMITS.containers`, counted as `countXml` counts them). */
  let containers = 0;
  const bounds = new KeyBounds();
  let lastName = '';
  let lastId = -1;
  /** The open elements' names, outermost first (the path `isRepeating` is given). */
  const path: string[] = [];
  /** Per open element: where its text starts, its children once one opens, its attributes (name, value, …). */
  const textStarts: number[] = [];
  const childrenOf: (Tree | undefined)[] = [];
  /** Per open element: its children's names so far, and their lists once past `WIDE_AT` (`WideChildren`). */
  const widths: number[] = [];
  const wideOf: (WideChildren | undefined)[] = [];
  const templates = new Templates();
  const attributesOf: (string[] | undefined)[] = [];
  let depth = 0;
  const root: Tree = {};
  /** The five predefined entities, decoded when the text holds an `&` at all (`xml-entities.ts`). */
  const entities = text.includes('&') ? new XmlEntities() : undefined;
  const found: number[] = [];
  let rootCount = 0;
  let rootStart = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    if (text.charCodeAt(i) !== 60 /* < */) {
      // Text: a leaf's value (checked for a child when one opens), or whitespace between elements.
      let lt = text.indexOf('<', i);
      if (lt === -1) lt = length;
      const gt = text.indexOf('>', i);
      if (gt !== -1 && gt < lt) return undefined;
      if ((depth === 0 || childrenOf[depth - 1]) && !isBlank(text, i, lt)) return undefined;
      i = lt;
      continue;
    }
    if (text.charCodeAt(i + 1) === 47 /* / */) {
      if (depth === 0) return undefined;
      const top = depth - 1;
      const name = path[top] as string;
      const nameEnd = i + 2 + name.length;
      if (!text.startsWith(name, i + 2) || text.charCodeAt(nameEnd) !== 62 /* > */) {
        if (spans !== undefined && !withinSpans(spans, found, rootStart, i)) return undefined;
        // The library's path counts the names and shapes of the whole text before its validator finds this tag.
        const over = xmlOverLimit(text);
        if (over) return refusal(over);
        return mismatched(
          text,
          i,
          nameEndAt(text, i + 2),
          path,
          textStarts,
          spans === undefined ? 0 : rootStart,
        );
      }
      let value: Tree | string | undefined = childrenOf[top];
      const wide = wideOf[top];
      if (wide !== undefined) {
        value = wide.build(templates);
        wideOf[top] = undefined;
      }
      if (value === undefined) {
        value = text.slice(textStarts[top] as number, i).trim();
        if (entities) {
          value = entities.decode(value);
          if (value === undefined) return undefined;
        }
      }
      const attributes = attributesOf[top];
      const hasText = attributes !== undefined && typeof value === 'string' && value !== '';
      if (shapes) {
        const children = shapes.close();
        if (attributes) {
          const over = attributesOver(names, shapes, children, shapes.closedWidth, hasText, attributes, i);
          if (over) return refusal(over);
        }
      }
      const own = attributes ? withAttributes(value, attributes) : value;
      const isNew =
        top === 0
          ? add(root, name, own, path, isRepeating)
          : addChild(childrenOf, widths, wideOf, top - 1, name, own, path, isRepeating, templates);
      depth = top;
      path.pop();
      i = nameEnd + 1;
      if (!shapes && bounds.closed(top, true, attributes ? attributes.length / 2 : 0, hasText, isNew)) {
        const counted = countExactly(text, i);
        if (counted instanceof FastRefusal) return counted;
        ({ names, shapes, attributes: attributeCount, containers } = counted);
        lastName = '';
      }
      if (depth === 0) {
        found.push(rootStart, i);
        rootCount++;
      }
      continue;
    }
    const nameEnd = nameEndAt(text, i + 1);
    if (nameEnd === i + 1) return undefined;
    // In an element of many children, the name its object's guess expects next (`WideChildren`), when it is this
    // one: the key itself, which the name lookup finds at once, rather than a new string of it.
    const expected = depth > 0 ? wideOf[depth - 1]?.expected() : undefined;
    const name =
      expected !== undefined && expected.length === nameEnd - i - 1 && text.startsWith(expected, i + 1)
        ? expected
        : text.slice(i + 1, nameEnd);
    // The name of the element before is often this one (a list, a nesting): no lookup then.
    if (name !== lastName) {
      lastId = names.id(name);
      if (lastId === -1) return refusal({ limit: 'names', offset: i + 1, name });
      lastName = name;
    }
    // `__proto__`, `prototype`, `toString`…: the library refuses or renames them (`unsafe-names.ts`). All begin
    // with a lower-case letter or `_`, unlike Tencent's names, so most names skip the lookup.
    const first = text.charCodeAt(i + 1);
    if ((first >= 97 || first === 95) && isLeftToLibrary(name)) return undefined;
    let parent: Tree | undefined;
    if (depth > 0) {
      parent = childrenOf[depth - 1];
      if (!parent) {
        if (!isBlank(text, textStarts[depth - 1] as number, i)) return undefined;
        parent = {};
        childrenOf[depth - 1] = parent;
        if (attributesOf[depth - 1] === undefined && ++containers > MAX_CONTAINERS)
          return refusal({ limit: 'containers', offset: i + 1 });
      }
    } else {
      if (rootCount > 0 && !allowsMany) return undefined;
      rootStart = i;
    }
    const limit = shapes?.key(lastId);
    if (limit) return refusal({ limit, offset: i + 1, name });
    let tagEnd = nameEnd;
    let attributes: string[] | undefined;
    if (isSpace(text.charCodeAt(nameEnd))) {
      attributes = [];
      tagEnd = readAttributes(text, nameEnd, attributes, entities);
      if (tagEnd === -1) return undefined;
      // Counted once read (a tag the fast path leaves is the library's, whose names `xmlOverLimit` counts), each
      // name, then the attribute.
      for (let k = 0; k < attributes.length; k += 2) {
        const attribute = attributes[k] as string;
        const limit = !names.add(attribute)
          ? 'names'
          : ++attributeCount > MAX_ATTRIBUTES
            ? 'attributes'
            : undefined;
        if (limit) return refusal({ limit, offset: attributeAt(text, nameEnd, k / 2), name: attribute });
      }
      if (attributes.length === 0) attributes = undefined;
      else if (++containers > MAX_CONTAINERS) return refusal({ limit: 'containers', offset: i + 1 });
    }
    const after = text.charCodeAt(tagEnd);
    path.push(name);
    if (after === 47 /* / */ && parent) {
      if (text.charCodeAt(tagEnd + 1) !== 62 /* > */) return undefined;
      const over = shapes && attributes && attributesOver(names, shapes, 0, 0, false, attributes, i + 1);
      if (over) return refusal(over);
      const own = attributes ? withAttributes('', attributes) : '';
      const isNew = addChild(childrenOf, widths, wideOf, depth - 1, name, own, path, isRepeating, templates);
      path.pop();
      i = tagEnd + 2;
      if (!shapes && bounds.closed(depth, false, attributes ? attributes.length / 2 : 0, false, isNew)) {
        const counted = countExactly(text, i);
        if (counted instanceof FastRefusal) return counted;
        ({ names, shapes, attributes: attributeCount, containers } = counted);
        lastName = '';
      }
      continue;
    }
    if (after !== 62 /* > */ || depth >= FAST_MAX_DEPTH) return undefined;
    textStarts[depth] = tagEnd + 1;
    childrenOf[depth] = undefined;
    widths[depth] = 0;
    attributesOf[depth] = attributes;
    if (shapes) shapes.open(true);
    else bounds.open(depth);
    depth++;
    i = tagEnd + 1;
  }
  if (depth > 0 || rootCount === 0) return undefined;
  if (spans !== undefined && !sameSpans(spans, found)) return undefined;
  // Read whole, so the validator accepts it, and the library's parser would throw on this alone.
  if (entities && entities.expansions > MAX_ENTITY_EXPANSIONS)
    return new FastRefusal('xml-bad-entity', 0, expansionsMessage());
  return root;
}

/** Whether the roots found (start and end of each, in turn) are exactly the expected spans. */
function sameSpans(spans: readonly (readonly [number, number])[], found: readonly number[]): boolean {
  if (found.length !== spans.length * 2) return false;
  return spans.every(([start, end], k) => found[2 * k] === start && found[2 * k + 1] === end);
}

/**
 * Whether the roots read so far are the first spans and `at` lies in the next, which starts at `rootStart`: the
 * validator is then given that span, and its first error there is the fast path's.
 */
function withinSpans(
  spans: readonly (readonly [number, number])[],
  found: readonly number[],
  rootStart: number,
  at: number,
): boolean {
  const k = found.length / 2;
  const span = spans[k];
  if (span === undefined || span[0] !== rootStart || at >= span[1]) return false;
  for (let j = 0; j < k; j++) {
    const [start, end] = spans[j] as readonly [number, number];
    if (found[2 * j] !== start || found[2 * j + 1] !== end) return false;
  }
  return true;
}

/**
 * Space, line feed and tab only: not `scan.ts`'s blank, which also takes a carriage return and U+FEFF. The
 * library trims U+FEFF as white space, whatever its validator says of it, so the fast path leaves such text to it.
 */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9) return false;
  }
  return true;
}
