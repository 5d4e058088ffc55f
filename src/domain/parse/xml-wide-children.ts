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
): boolean {
  const wide = wideOf[level];
  if (wide !== undefined) return wide.add(name, value, path, isRepeating);
  const parent = childrenOf[level] as Tree;
  if (!add(parent, name, value, path, isRepeating)) return false;
  const width = (widths[level] as number) + 1;
  widths[level] = width;
  if (width === WIDE_AT) wideOf[level] = new WideChildren(parent);
  return true;
}

/** Objects of many keys made so far, each by the order of its keys (`WideChildren.build`). */
export type Templates = Map<string, { readonly object: Tree; readonly keys: readonly string[] }>;

/**
 * The children of an element past `WIDE_AT` names, kept in lists and made one object when the element closes.
 * Added one by one, as `add` adds them, an object of more than 16 keys becomes a dictionary in V8 (a keyed store
 * adds at most 12 properties out of the object's own): 7 times the memory of the object `JSON.parse` builds of the
 * same keys, and most of the collector's work on elements of 100 children. Made from a template of its keys
 * (`{...template}`, then its values set), it is a fast object like `JSON.parse`'s.
 */
export class WideChildren {
  private readonly keys: string[];
  private readonly values: unknown[];
  private readonly index = new Map<string, number>();

  constructor(first: Tree) {
    this.keys = Object.keys(first);
    this.values = Object.values(first);
    this.keys.forEach((key, k) => this.index.set(key, k));
  }

  add(
    name: string,
    value: unknown,
    path: readonly string[],
    isRepeating: (name: string, path: readonly string[]) => boolean,
  ): boolean {
    const at = this.index.get(name);
    if (at !== undefined) {
      const existing = this.values[at];
      if (Array.isArray(existing)) existing.push(value);
      else this.values[at] = [existing, value];
      return false;
    }
    this.index.set(name, this.keys.length);
    this.keys.push(name);
    this.values.push(isRepeating(name, path) ? [value] : value);
    return true;
  }

  build(templates: Templates): Tree {
    const { keys, values } = this;
    // Names cannot hold a line feed.
    const id = keys.join('\n');
    let template = templates.get(id);
    if (template === undefined) {
      const object: Tree = Object.fromEntries(keys.map((key) => [key, undefined]));
      // The object's own keys, interned: a store by one of them finds its property at once.
      template = { object, keys: Object.keys(object) };
      templates.set(id, template);
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
