/**
 * Object shapes (`STRUCTURE_LIMITS.shapes`, `STRUCTURE_LIMITS.width`): the key sequences of the objects a payload
 * makes, counted as a trie while its text is read (`ShapeStack`), and the cheap bounds the XML fast path keeps
 * until it must count them (`KeyBounds`). Where a payload goes over is `structure-limits.ts`'s to say.
 */
import { STRUCTURE_LIMITS } from '../limits';

const MAX_NAMES = STRUCTURE_LIMITS.names;
const MAX_SHAPES = STRUCTURE_LIMITS.shapes;
const MAX_WIDTH = STRUCTURE_LIMITS.width;

/**
 * Keys an object may get, as numbers for `ShapeCounter.next`: a name's number (`NameCounter.id`); an XML
 * attribute's name (`@_name`) after all of them; the text of an XML element with attributes (`#text`) last.
 */
const ATTRIBUTE_KEY = MAX_NAMES;
const TEXT_KEY = 2 * MAX_NAMES;
const KEYS = TEXT_KEY + 1;

/**
 * Distinct object shapes seen so far (`STRUCTURE_LIMITS.shapes`): the empty object is shape 0, and `next(shape, key)`
 * the shape of an object of `shape` once `key` is added: a new number the first time that pair is seen, or -1 when
 * that would be one past the limit. Each shape knows the one it grew from and the key added (`holds`, `keysOf`).
 */
class ShapeCounter {
  private readonly shapes = new Map<number, number>();
  private readonly parents: number[] = [-1];
  private readonly added: number[] = [-1];
  /** Per shape, the key last added to it and the shape that made (most objects repeat the shape before them). */
  private readonly lastKey: number[] = [-1];
  private readonly lastNext: number[] = [0];
  /** The shape of an object of `shape` once `key` is added, if that pair was seen before, else -1. */
  known(shape: number, key: number): number {
    if (this.lastKey[shape] === key) return this.lastNext[shape] as number;
    const next = this.shapes.get(shape * KEYS + key);
    if (next === undefined) return -1;
    this.lastKey[shape] = key;
    this.lastNext[shape] = next;
    return next;
  }
  next(shape: number, key: number): number {
    const known = this.known(shape, key);
    if (known !== -1) return known;
    const shapes = this.shapes;
    if (shapes.size >= MAX_SHAPES) return -1;
    const next = shapes.size + 1;
    shapes.set(shape * KEYS + key, next);
    this.parents.push(shape);
    this.added.push(key);
    this.lastKey.push(-1);
    this.lastNext.push(0);
    this.lastKey[shape] = key;
    this.lastNext[shape] = next;
    return next;
  }
  /** Whether an object of `shape` has `key` (as many steps as it has keys). */
  holds(shape: number, key: number): boolean {
    for (let at = shape; at > 0; at = this.parents[at] as number) if (this.added[at] === key) return true;
    return false;
  }
  /** The keys of an object of `shape`. */
  keysOf(shape: number): Set<number> {
    const keys = new Set<number>();
    for (let at = shape; at > 0; at = this.parents[at] as number) keys.add(this.added[at] as number);
    return keys;
  }
}

/** Keys an object may have before `ShapeStack` looks its keys up in a set rather than along its shape. */
const NARROW = 8;

/**
 * The shapes of the objects open while a text is read, innermost last (`open`, `close`), and of every object read
 * before (`STRUCTURE_LIMITS.shapes`, `STRUCTURE_LIMITS.width`): `key` adds a key to the innermost object, unless it
 * has that key already (a repeated JSON key, an XML element's repeated child: the engine makes no new shape for it
 * either).
 */
export class ShapeStack {
  private readonly counter = new ShapeCounter();
  /** Per open object: its shape (-1: not an object, a JSON array), its keys, their set once it is wide. */
  private readonly shapes: number[] = [];
  private readonly widths: number[] = [];
  private readonly sets: (Set<number> | undefined)[] = [];
  /** Objects and arrays open. */
  private depth = 0;

  open(isObject: boolean): void {
    // Written in place rather than pushed and popped: a text opens and closes millions of containers.
    const depth = this.depth++;
    this.shapes[depth] = isObject ? 0 : -1;
    this.widths[depth] = 0;
    if (depth < this.sets.length) this.sets[depth] = undefined;
  }

  /** The keys of the object `close` closed last. */
  closedWidth = 0;
  /** The limit `withAttributes` found its object over. */
  over: 'shapes' | 'width' = 'shapes';

  /** The innermost object closes: its shape (0: it has no key; -1: it was an array; none open: -1). */
  close(): number {
    if (this.depth === 0) return -1;
    const depth = --this.depth;
    this.closedWidth = this.widths[depth] as number;
    return this.shapes[depth] as number;
  }

  /**
   * Adds key `key` to the innermost open object (if it is one): the limit that goes over (its width, or the shapes
   * of the text), or `undefined`.
   */
  key(key: number): 'shapes' | 'width' | undefined {
    const top = this.depth - 1;
    const shape = this.shapes[top];
    if (shape === undefined || shape < 0) return undefined;
    const width = this.widths[top] as number;
    const set = this.sets[top];
    // A pair seen before was made by adding a key the object did not have: this object does not have it either.
    let next = this.counter.known(shape, key);
    if (next === -1) {
      if (width > 0 && this.has(top, shape, key)) return undefined;
      if (width >= MAX_WIDTH) return 'width';
      next = this.counter.next(shape, key);
      if (next === -1) return 'shapes';
    } else if (width >= MAX_WIDTH) return 'width';
    set?.add(key);
    this.shapes[top] = next;
    this.widths[top] = width + 1;
    return undefined;
  }

  /** Whether the object open at `top`, of `shape`, has `key`: along its shape, or in a set once it is wide. */
  private has(top: number, shape: number, key: number): boolean {
    if ((this.widths[top] as number) <= NARROW) return this.counter.holds(shape, key);
    let set = this.sets[top];
    if (set === undefined) this.sets[top] = set = this.counter.keysOf(shape);
    return set.has(key);
  }

  /**
   * The object of an XML element with attributes, from `shape` and `width` (its children's, or 0): its text first
   * if `hasText`, then each attribute, whose name ids are `ids[0]`, `ids[step]`, …: the position in `ids` of the
   * attribute that goes over a limit (-2 for the text; which limit in `over`), or -1. (An element's attributes have
   * distinct names.)
   */
  withAttributes(
    shape: number,
    width: number,
    hasText: boolean,
    ids: readonly number[],
    step: number,
  ): number {
    let at = shape;
    let keys = width;
    if (hasText) {
      if (++keys > MAX_WIDTH) return this.overBy('width', -2);
      if ((at = this.counter.next(at, TEXT_KEY)) === -1) return this.overBy('shapes', -2);
    }
    for (let k = 0; k < ids.length; k += step) {
      if (++keys > MAX_WIDTH) return this.overBy('width', k);
      at = this.counter.next(at, ATTRIBUTE_KEY + (ids[k] as number));
      if (at === -1) return this.overBy('shapes', k);
    }
    return -1;
  }

  private overBy(limit: 'shapes' | 'width', at: number): number {
    this.over = limit;
    return at;
  }
}

/**
 * Cheap bounds on the shapes and widths of an XML text's objects, kept by the fast path until it must count them
 * exactly (`ShapeStack`): the keys added to objects (each adds at most one shape) and each open element's keys.
 */
export class KeyBounds {
  private keys = 0;
  /** Per open element (0: a root), its children's distinct names so far; the roots' object's. */
  private readonly widths: number[] = [];
  private rootWidth = 0;

  /** The element at `depth` has content: its children follow. */
  open(depth: number): void {
    this.widths[depth] = 0;
  }

  /**
   * The element at `depth` closed (`opened`: it had content, not `<a/>`), with `attributes` attributes and, with
   * them, a text (`hasText`), and made a new key of its parent (`isNew`): whether the shapes or the width limit may
   * now be crossed.
   */
  closed(depth: number, opened: boolean, attributes: number, hasText: boolean, isNew: boolean): boolean {
    const children = opened ? (this.widths[depth] as number) : 0;
    const own = attributes > 0 ? attributes + (hasText ? 1 : 0) : 0;
    this.keys += own;
    let parentWidth = 0;
    if (isNew) {
      this.keys++;
      parentWidth =
        depth === 0 ? ++this.rootWidth : (this.widths[depth - 1] = (this.widths[depth - 1] as number) + 1);
    }
    return this.keys > MAX_SHAPES || children + own > MAX_WIDTH || parentWidth > MAX_WIDTH;
  }
}
