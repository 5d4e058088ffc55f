/**
 * The XML fast path's objects of many children (`xml-fast-path.ts`): an element's children are added to its object
 * one by one until it has `WIDE_AT` names, then kept in lists and made one object when the element closes.
 */
type Tree = Record<string, unknown>;

/** The names an element's object takes one by one before its children are kept in lists (`WideChildren`). */
const WIDE_AT = 16;

/**
 * Adds `value` under `name` to the children of the open element at `level`, its object until it has `WIDE_AT`
 * names, then its `WideChildren`: whether the name is new there.
 */
export function addChild(
  childrenOf: readonly (Tree | undefined)[],
  widths: number[],
  wideOf: (WideChildren | undefined)[],
  level: number,
  name: string,
  value: unknown,
  path: readonly string[],
  isRepeating: (name: string, path: readonly string[]) => boolean,
  templates: Templates,
): boolean {
  const wide = wideOf[level];
  if (wide !== undefined) return wide.add(name, value, path, isRepeating);
  const parent = childrenOf[level] as Tree;
  if (!add(parent, name, value, path, isRepeating)) return false;
  const width = (widths[level] as number) + 1;
  widths[level] = width;
  if (width === WIDE_AT) wideOf[level] = new WideChildren(parent, templates);
  return true;
}

interface Template {
  readonly object: Tree;
  /** The object's own keys, interned: a store by one of them finds its property at once. */
  readonly keys: readonly string[];
}

/**
 * Objects of many keys made so far, each by the order of its keys (`WideChildren.build`), and the last made after
 * each order of `WIDE_AT` first keys: the guess for the next element that begins so (`WideChildren`).
 */
export class Templates {
  readonly byKeys = new Map<string, Template>();
  readonly byFirstKeys = new Map<string, Template>();
}

/**
 * The children of an element past `WIDE_AT` names, kept in lists and made one object when the element closes.
 * Added one by one, as `add` adds them, an object of more than 16 keys becomes a dictionary in V8 (a keyed store
 * adds at most 12 properties out of the object's own): 7 times the memory of the object `JSON.parse` builds of the
 * same keys, and most of the collector's work on elements of 100 children. Made from a template of its keys
 * (`{...template}`, then its values set), it is a fast object like `JSON.parse`'s.
 *
 * The elements of a payload mostly repeat a few orders of names. While the names come in the order of the last
 * template that began with the same `WIDE_AT` names (`guess`), only the values are kept: no index of names, no list
 * of them, no key for the template to find. The first name out of that order (a new name, a repeated one, or one
 * more) leaves the guess for the general way. On the fuzzing's elements of 100 children, this halved the time of
 * building them.
 */
export class WideChildren {
  private keys: string[] | undefined;
  private readonly values: unknown[];
  private index: Map<string, number> | undefined;
  private guess: Template | undefined;
  private readonly firstKeys: string;

  constructor(first: Tree, templates: Templates) {
    const keys = Object.keys(first);
    this.values = Object.values(first);
    // Names cannot hold a line feed.
    this.firstKeys = keys.join('\n');
    this.guess = templates.byFirstKeys.get(this.firstKeys);
    if (this.guess === undefined) this.leaveGuess(keys);
  }

  /** Keeps the names read so far (`keys`, those of the guess) and their index, for the general way. */
  private leaveGuess(keys: string[]): void {
    const index = new Map<string, number>();
    keys.forEach((key, k) => index.set(key, k));
    this.keys = keys;
    this.index = index;
    this.guess = undefined;
  }

  /** The name the guess expects next, if any. */
  expected(): string | undefined {
    return this.guess?.keys[this.values.length];
  }

  add(
    name: string,
    value: unknown,
    path: readonly string[],
    isRepeating: (name: string, path: readonly string[]) => boolean,
  ): boolean {
    const { values, guess } = this;
    if (guess !== undefined) {
      if (name === guess.keys[values.length]) {
        values.push(isRepeating(name, path) ? [value] : value);
        return true;
      }
      this.leaveGuess(guess.keys.slice(0, values.length));
    }
    const keys = this.keys as string[];
    const index = this.index as Map<string, number>;
    const at = index.get(name);
    if (at !== undefined) {
      const existing = values[at];
      if (Array.isArray(existing)) existing.push(value);
      else values[at] = [existing, value];
      return false;
    }
    index.set(name, keys.length);
    keys.push(name);
    values.push(isRepeating(name, path) ? [value] : value);
    return true;
  }

  build(templates: Templates): Tree {
    const { values } = this;
    let template = this.guess;
    if (template === undefined || template.keys.length !== values.length) {
      const keys = this.keys ?? (template as Template).keys.slice(0, values.length);
      const id = keys.join('\n');
      template = templates.byKeys.get(id);
      if (template === undefined) {
        const object: Tree = Object.fromEntries(keys.map((key) => [key, undefined]));
        template = { object, keys: Object.keys(object) };
        templates.byKeys.set(id, template);
      }
      templates.byFirstKeys.set(this.firstKeys, template);
    }
    const built: Tree = { ...template.object };
    const own = template.keys;
    for (let k = 0; k < own.length; k++) built[own[k] as string] = values[k];
    return built;
  }
}

/** Adds `value` under `name` (an array when the name repeats, or always repeats): whether the key is new. */
export function add(
  parent: Tree,
  name: string,
  value: unknown,
  path: readonly string[],
  isRepeating: (name: string, path: readonly string[]) => boolean,
): boolean {
  if (Object.hasOwn(parent, name)) {
    const existing = parent[name];
    if (Array.isArray(existing)) existing.push(value);
    else parent[name] = [existing, value];
    return false;
  }
  parent[name] = isRepeating(name, path) ? [value] : value;
  return true;
}
