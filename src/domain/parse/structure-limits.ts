/**
 * The structure limits of one payload (`STRUCTURE_LIMITS`): what a pass finds when a payload goes over one, the
 * diagnostic that refuses it, and the passes for the paths whose own pass does not count (JSON pieces whose scan
 * counted more keys than the limit allows distinct names; XML the library reads).
 */
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics';
import { STRUCTURE_LIMITS } from '../limits';
import { ShapeStack } from './object-shapes';

export type StructureLimit = keyof typeof STRUCTURE_LIMITS;

/** A payload over a structure limit: which, and where it went over (the offset of the container or name). */
export interface OverLimit {
  readonly limit: StructureLimit;
  readonly offset: number;
  /** The name that went over (`names`). */
  readonly name?: string;
}

const MAX_CONTAINERS = STRUCTURE_LIMITS.containers;
const MAX_NAMES = STRUCTURE_LIMITS.names;
const MAX_ATTRIBUTES = STRUCTURE_LIMITS.attributes;

/**
 * Distinct names seen so far, each with its number (0, 1, … in the order first seen): `id` is -1 for the one past
 * the limit. A name already seen costs a lookup; a new one is kept, at most `STRUCTURE_LIMITS.names` of them.
 */
export class NameCounter {
  private readonly names = new Map<string, number>();
  id(name: string): number {
    const names = this.names;
    const id = names.get(name);
    if (id !== undefined) return id;
    if (names.size >= MAX_NAMES) return -1;
    names.set(name, names.size);
    return names.size - 1;
  }
  add(name: string): boolean {
    return this.id(name) !== -1;
  }
}

/** The diagnostic code of a payload over `limit`. */
export function overLimitCode(limit: StructureLimit) {
  return OVER_LIMIT_CODES[limit];
}

const OVER_LIMIT_CODES = {
  containers: 'too-many-containers',
  names: 'too-many-names',
  shapes: 'too-many-shapes',
  width: 'object-too-wide',
  attributes: 'too-many-attributes',
} as const;

/** The error of a payload over a structure limit, at `position`: which limit, the count there, the limit. */
export function overLimitDiagnostic(over: OverLimit, position: SourcePosition): Diagnostic {
  const max = STRUCTURE_LIMITS[over.limit];
  const count = (max + 1).toLocaleString('en-US');
  const limit = max.toLocaleString('en-US');
  if (over.limit === 'containers' || over.limit === 'attributes') {
    return diagnostic(OVER_LIMIT_CODES[over.limit], {
      position,
      detail: `${count} by this point, over the limit of ${limit}`,
      detailZh: `到此处已有 ${count} 个，超过上限 ${limit} 个`,
    });
  }
  const name = over.name === undefined ? '' : ` "${shorten(over.name)}"`;
  const adding = (en: boolean) => (name === '' ? '' : en ? `, adding${name}` : `（加入${name.trim()}时）`);
  if (over.limit === 'shapes') {
    return diagnostic('too-many-shapes', {
      position,
      detail: `${count} distinct object shapes by this point${adding(true)}, over the limit of ${limit}`,
      detailZh: `到此处已有 ${count} 种不同的对象结构${adding(false)}，超过上限 ${limit} 种`,
    });
  }
  if (over.limit === 'width') {
    return diagnostic('object-too-wide', {
      position,
      detail: `${count} keys in one object${adding(true)}, over the limit of ${limit}`,
      detailZh: `一个对象中已有 ${count} 个键${adding(false)}，超过上限 ${limit} 个`,
    });
  }
  return diagnostic('too-many-names', {
    position,
    detail: `${count} distinct names by this point${name}, over the limit of ${limit}`,
    detailZh: `到此处已有 ${count} 个不同的名称${name ? `（${name.trim()}）` : ''}，超过上限 ${limit} 个`,
  });
}

function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/**
 * Where a JSON text goes over a structure limit, or `undefined`: every `{` and `[` outside strings counts as a
 * container, every string followed by `:` as a key, named by its spelling (`"a"` and `"\u0061"` count as two: a
 * limit on spellings is never looser than one on names), and adds to the shape of the object it is in. One pass,
 * stopped where a limit is crossed; the text need not be valid JSON (a container or key it counts before a syntax
 * error is one a parser would have built).
 */
export function jsonOverLimit(text: string): OverLimit | undefined {
  const names = new NameCounter();
  const shapes = new ShapeStack();
  let containers = 0;
  /** The last string's quotes, while nothing but white space follows it. */
  let keyFrom = -1;
  let keyTo = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 34 /* " */) {
      const from = i;
      do i = text.indexOf('"', i + 1);
      while (i !== -1 && isEscaped(text, i));
      if (i === -1) return undefined;
      keyFrom = from;
      keyTo = i;
      continue;
    }
    if (c === 58 /* : */ && keyTo !== -1) {
      const name = text.slice(keyFrom + 1, keyTo);
      const over = keyOverLimit(names, shapes, name, keyFrom);
      if (over) return over;
    } else if (c === 123 || c === 91) {
      if (++containers > MAX_CONTAINERS) return { limit: 'containers', offset: i };
      shapes.open(c === 123);
    } else if (c === 125 || c === 93) {
      shapes.close();
    }
    keyTo = -1;
  }
  return undefined;
}

/** A JSON key `name` at `offset`, counted: the limit it goes over, or `undefined`. */
export function keyOverLimit(
  names: NameCounter,
  shapes: ShapeStack,
  name: string,
  offset: number,
): OverLimit | undefined {
  const id = names.id(name);
  if (id === -1) return { limit: 'names', offset, name };
  const limit = shapes.key(id);
  return limit && { limit, offset, name };
}

/**
 * Where an XML text goes over the names, shapes, width, attributes or containers limit, or `undefined`: the names
 * of its start tags and of their attributes, each attribute counted after its name (comments, CDATA, processing
 * instructions and declarations skipped; attribute values skipped by their quotes), the shapes of the objects the
 * parser builds (`ShapeStack`: an element's object gets its children's names in the order first seen, each when the
 * child's start tag is read; when it closes, its text (`#text`) if it has attributes and no children, then its
 * attributes (`@_name`) in source order; the roots go into one object likewise), and the containers: the elements
 * made objects, one with attributes at its name, one without at its first child element's name. The fast path
 * counts the same as it reads. For the text the library reads, and the text the fast path refuses for a mismatched
 * tag (the library's path counts before its validator finds the tag).
 */
export function xmlOverLimit(text: string): OverLimit | undefined {
  const counted = countXml(text, text.length);
  return 'limit' in counted ? counted : undefined;
}

/** Names, shapes, attributes and containers counted (`countXml`). */
export interface XmlCount {
  readonly names: NameCounter;
  readonly shapes: ShapeStack;
  /** Attributes read (at most `STRUCTURE_LIMITS.attributes`). */
  attributes: number;
  /** Elements made objects, as `xmlOverLimit` counts them (at most `STRUCTURE_LIMITS.containers`). */
  containers: number;
}

/**
 * `xmlOverLimit` on the tags before `until` (a `<`, or the end): where the text goes over a limit there, or the
 * names, shapes and attributes counted, for the fast path to go on counting from `until` (the elements open there
 * are open in `shapes`, the roots' object first).
 */
export function countXml(text: string, until: number): OverLimit | XmlCount {
  const n = text.length;
  const names = new NameCounter();
  const shapes = new ShapeStack();
  shapes.open(true);
  const counted: XmlCount = { names, shapes, attributes: 0, containers: 0 };
  /** Per open element: its attributes (name id, name start, name end of each), where its content starts. */
  const attributesOf: (number[] | undefined)[] = [];
  const contentOf: number[] = [];
  /** Per open element: whether it is an object yet (it has attributes, or a child element has started). */
  const objectOf: boolean[] = [];
  let attributes: number[] = [];
  for (let lt = text.indexOf('<'); lt !== -1 && lt < until; lt = text.indexOf('<', lt + 1)) {
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      const close = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const end = text.indexOf(close, lt + 2);
      if (end === -1) return counted;
      lt = end;
      continue;
    }
    if (c === 63 /* ? */) continue;
    if (c === 47 /* / */) {
      if (attributesOf.length === 0) continue;
      const own = attributesOf.pop();
      const content = contentOf.pop() as number;
      objectOf.pop();
      const children = shapes.close();
      if (own) {
        const hasText = children === 0 && text.slice(content, lt).trim() !== '';
        const over = attributesOver(text, shapes, children, shapes.closedWidth, hasText, own, lt);
        if (over) return over;
      }
      continue;
    }
    // The element's name, then each attribute's, up to the tag's `>`.
    let i = lt + 1;
    let nameStart = i;
    let inName = true;
    let element = -1;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      const ends = d === 32 || d === 10 || d === 13 || d === 9 || d === 47 || d === 62 || d === 61;
      if (inName && ends) {
        if (i > nameStart) {
          const name = text.slice(nameStart, i);
          const id = names.id(name);
          if (id === -1) return { limit: 'names', offset: nameStart, name };
          if (element === -1) {
            element = id;
            // Its parent becomes an object with its first child element.
            const top = objectOf.length - 1;
            if (top >= 0 && !objectOf[top]) {
              objectOf[top] = true;
              if (++counted.containers > MAX_CONTAINERS) return { limit: 'containers', offset: nameStart };
            }
            const limit = shapes.key(id);
            if (limit) return { limit, offset: nameStart, name };
          } else {
            if (++counted.attributes > MAX_ATTRIBUTES)
              return { limit: 'attributes', offset: nameStart, name };
            attributes.push(id, nameStart, i);
          }
        }
        inName = false;
      }
      if (d === 62 /* > */) break;
      if (d === 34 || d === 39) {
        const close = text.indexOf(d === 34 ? '"' : "'", i + 1);
        if (close === -1) return counted;
        i = close;
      } else if (!inName && !ends) {
        inName = true;
        nameStart = i;
      }
    }
    if (element !== -1) {
      const own = attributes.length > 0 ? attributes : undefined;
      if (own) attributes = [];
      if (own && ++counted.containers > MAX_CONTAINERS) return { limit: 'containers', offset: lt + 1 };
      if (text.charCodeAt(i - 1) === 47 /* / */) {
        const over = own && attributesOver(text, shapes, 0, 0, false, own, lt + 1);
        if (over) return over;
      } else {
        shapes.open(true);
        attributesOf.push(own);
        contentOf.push(i + 1);
        objectOf.push(own !== undefined);
      }
    }
    lt = i;
  }
  return counted;
}

/**
 * `ShapeStack.withAttributes` for attributes kept as (name id, name start, name end) each: where the element's
 * object goes over a limit (at `offset`), or `undefined`.
 */
function attributesOver(
  text: string,
  shapes: ShapeStack,
  children: number,
  width: number,
  hasText: boolean,
  attributes: readonly number[],
  offset: number,
): OverLimit | undefined {
  const over = shapes.withAttributes(children, width, hasText, attributes, 3);
  if (over === -1) return undefined;
  const name =
    over === -2 ? '#text' : `@_${text.slice(attributes[over + 1] as number, attributes[over + 2] as number)}`;
  return { limit: shapes.over, offset, name };
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}
