/**
 * Flattens a generic `Tree` (unknown job types, result nodes, extras, unrecognised documents) into rows for a
 * tree renderer, depth first in source order. Iterative, so a deeply nested payload cannot overflow the stack,
 * and capped, so a huge one cannot freeze the page: past `maxRows` the result says `truncated`.
 */
import type { Tree, TreeEntry } from '../model';

export type TreeRowKind = 'leaf' | 'record' | 'list';

export interface TreeRow {
  readonly depth: number;
  /** The node's wire name, or `[i]` for an item of a list. */
  readonly name: string;
  /** A leaf's verbatim text. */
  readonly text?: string;
  /** `Operation.VideoTagResult.StreamData.Data.Tags[0].Tag`: unique per row, usable as a React key. */
  readonly path: string;
  readonly kind: TreeRowKind;
  /** Number of children of a record or a list. */
  readonly childCount?: number;
}

export interface FlattenOptions {
  /** Default 5000. */
  readonly maxRows?: number;
  /** Prefix of every path, e.g. `Operation`. */
  readonly basePath?: string;
  /** Paths whose children are left out (collapsed in the view); the row itself is kept. */
  readonly collapsed?: ReadonlySet<string>;
}

export interface FlatTree {
  readonly rows: readonly TreeRow[];
  /** Rows were left out because of `maxRows`. */
  readonly truncated: boolean;
}

export const DEFAULT_MAX_ROWS = 5000;

interface Pending {
  readonly name: string;
  readonly value: Tree;
  readonly depth: number;
  readonly path: string;
}

const joinPath = (base: string, name: string): string => (base === '' ? name : `${base}.${name}`);

function childrenOf(p: Pending): Pending[] {
  const { value, depth, path } = p;
  if (typeof value === 'string') return [];
  if (Array.isArray(value)) {
    return (value as readonly Tree[]).map((item, i) => ({
      name: `[${i}]`,
      value: item,
      depth: depth + 1,
      path: `${path}[${i}]`,
    }));
  }
  const entries = (value as { readonly entries: readonly TreeEntry[] }).entries;
  return entries.map((e) => ({
    name: e.name,
    value: e.value,
    depth: depth + 1,
    path: joinPath(path, e.name),
  }));
}

/**
 * Siblings with a repeated name get `#2`, `#3`… on their paths, so every row's path stays unique. Keyed by the
 * (short) name, not the path, which grows with depth.
 */
function dedupe(items: Pending[]): Pending[] {
  if (items.length < 2) return items;
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, n);
    return n === 1 ? item : { ...item, path: `${item.path}#${n}` };
  });
}

function flatten(roots: Pending[], options: FlattenOptions): FlatTree {
  const maxRows = Math.max(0, options.maxRows ?? DEFAULT_MAX_ROWS);
  const rows: TreeRow[] = [];
  const stack = dedupe(roots).reverse();
  while (stack.length > 0) {
    if (rows.length >= maxRows) return { rows, truncated: true };
    const p = stack.pop() as Pending;
    if (typeof p.value === 'string') {
      rows.push({ depth: p.depth, name: p.name, text: p.value, path: p.path, kind: 'leaf' });
      continue;
    }
    const children = childrenOf(p);
    rows.push({
      depth: p.depth,
      name: p.name,
      path: p.path,
      kind: Array.isArray(p.value) ? 'list' : 'record',
      childCount: children.length,
    });
    if (options.collapsed?.has(p.path)) continue;
    const unique = dedupe(children);
    for (let i = unique.length - 1; i >= 0; i--) stack.push(unique[i] as Pending);
  }
  return { rows, truncated: false };
}

/** Rows of a list of named nodes (`extras`, `taskParameters`, `results`), each at depth 0. */
export function flattenEntries(entries: readonly TreeEntry[], options: FlattenOptions = {}): FlatTree {
  const base = options.basePath ?? '';
  return flatten(
    entries.map((e) => ({ name: e.name, value: e.value, depth: 0, path: joinPath(base, e.name) })),
    options,
  );
}

/**
 * Rows of one tree. A record's entries (or a list's items) are the rows at depth 0; a bare leaf is one row
 * named `rootName` (default '').
 */
export function flattenTree(
  tree: Tree,
  options: FlattenOptions & { readonly rootName?: string } = {},
): FlatTree {
  const base = options.basePath ?? '';
  if (typeof tree === 'string') {
    const name = options.rootName ?? '';
    return flatten([{ name, value: tree, depth: 0, path: joinPath(base, name) }], options);
  }
  const root: Pending = { name: options.rootName ?? '', value: tree, depth: -1, path: base };
  return flatten(childrenOf(root), options);
}
