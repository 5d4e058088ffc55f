/**
 * The XML fast path's reading of a start tag (`xml-fast-path.ts`): its names, its attributes, the object an element
 * with attributes becomes, and where that object goes over a structure limit.
 */
import type { NameCounter, OverLimit } from './structure-limits';
import type { ShapeStack } from './object-shapes';
import type { XmlEntities } from './xml-entities';
import { isLeftToLibrary } from './unsafe-names';

type Tree = Record<string, unknown>;

/** Names of ASCII letters, digits, `_`, `-` and `.`, starting with a letter or `_`; anything else gives up. */
export function nameEndAt(text: string, start: number): number {
  let i = start;
  const first = text.charCodeAt(i);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return start;
  i++;
  for (;;) {
    const c = text.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 95 ||
      c === 45 ||
      c === 46
    )
      i++;
    else return i;
  }
}

/**
 * The object of an element with attributes (name, value, … in `attributes`) as `ShapeStack.withAttributes` counts
 * it, from its children's shape (0: none): where it goes over the shapes limit (at `offset`), or `undefined`.
 */
export function attributesOver(
  names: NameCounter,
  shapes: ShapeStack,
  children: number,
  width: number,
  hasText: boolean,
  attributes: readonly string[],
  offset: number,
): OverLimit | undefined {
  const ids: number[] = [];
  for (let k = 0; k < attributes.length; k += 2) ids.push(names.id(attributes[k] as string));
  const over = shapes.withAttributes(children, width, hasText, ids, 1);
  if (over === -1) return undefined;
  return { limit: shapes.over, offset, name: over === -2 ? '#text' : `@_${attributes[2 * over] as string}` };
}

/**
 * Where the `index`th attribute's name starts in a start tag whose attributes `readAttributes` read from `from`
 * (each a name, `=` and a quoted value after white space; a value may hold another attribute's name, so the name is
 * not searched for).
 */
export function attributeAt(text: string, from: number, index: number): number {
  let i = from;
  for (let k = 0; ; k++) {
    while (isSpace(text.charCodeAt(i))) i++;
    if (k === index) return i;
    const equals = text.indexOf('=', i);
    i = text.indexOf(text.charAt(equals + 1), equals + 2) + 1;
  }
}

/**
 * Reads the attributes of a start tag from `from` (on the white space after its name) into `into` (name, value, …):
 * the offset of the tag's `>` or `/`, or -1 to give up. Only the plain form: white space before each attribute, a
 * name as `nameEndAt` takes it (so no namespace prefix), `=` with no space around it, a value in double or single
 * quotes without `<` or `>`, no name twice; the library's validator and parser are left everything else (a boolean
 * attribute, a repeated one, an odd name).
 */
export function readAttributes(
  text: string,
  from: number,
  into: string[],
  entities: XmlEntities | undefined,
): number {
  let i = from;
  for (;;) {
    const spaceFrom = i;
    while (isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */ || c === 47 /* / */) return i;
    if (i === spaceFrom) return -1; // an attribute right after the previous one's quote
    const nameEnd = nameEndAt(text, i);
    if (nameEnd === i || text.charCodeAt(nameEnd) !== 61 /* = */) return -1;
    const name = text.slice(i, nameEnd);
    const first = text.charCodeAt(i);
    if ((first >= 97 || first === 95) && isLeftToLibrary(name)) return -1;
    for (let k = 0; k < into.length; k += 2) if (into[k] === name) return -1;
    const quote = text.charCodeAt(nameEnd + 1);
    if (quote !== 34 /* " */ && quote !== 39 /* ' */) return -1;
    const close = text.indexOf(quote === 34 ? '"' : "'", nameEnd + 2);
    if (close === -1) return -1;
    for (let k = nameEnd + 2; k < close; k++) {
      const v = text.charCodeAt(k);
      if (v === 60 || v === 62) return -1;
    }
    // The library trims attribute values as it trims text (`trimValues`), with String.prototype.trim.
    const value = text.slice(nameEnd + 2, close).trim();
    const decoded = entities ? entities.decode(value) : value;
    if (decoded === undefined) return -1;
    into.push(name, decoded);
    i = close + 1;
  }
}

/**
 * An element's value with its attributes, as the library builds it: its children, or its text under `#text` (none
 * when empty), then each attribute as `@_name` in source order.
 */
export function withAttributes(value: Tree | string, attributes: readonly string[]): Tree {
  const tree: Tree = typeof value === 'string' ? (value === '' ? {} : { '#text': value }) : value;
  for (let k = 0; k < attributes.length; k += 2) tree[`@_${attributes[k] as string}`] = attributes[k + 1];
  return tree;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}
