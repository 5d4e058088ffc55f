/**
 * Generic trees: a value the schema does not type (task parameters and results, unknown nodes, unrecognised
 * documents), kept verbatim as names and texts.
 */
import type { Tree, TreeEntry, UnrecognisedCallback } from '../model';
import { child, isNoValue, leafText, pathToString, type Path, type ReadContext } from './read-basics';

type RawRecord = { readonly [key: string]: unknown };

/**
 * Keeps any value as a generic tree, verbatim, tracing each leaf. Names are never used as object keys.
 *
 * One callback, one tree, whatever its wire form: XML cannot tell one element from a list of one, so a list of
 * one is its item (a JSON `[x]` reads as the XML `<N>x</N>`), a list of several stays a list (repeated elements
 * and a JSON array alike), and a node with no value (an empty element, `{}`, `[]`) is left out of its record or
 * list, as JSON leaves out what XML writes empty.
 */
export function toTree(
  value: unknown,
  src: Path | undefined,
  target: Path | undefined,
  ctx: ReadContext,
): Tree {
  const text = leafText(value);
  if (text !== undefined) {
    ctx.trace?.({ source: pathToString(src), target: pathToString(target), text });
    return text;
  }
  if (!ctx.trace) return treeOf(value);
  if (Array.isArray(value)) {
    const kept: number[] = [];
    value.forEach((item, i) => {
      if (!skipEmpty(item, child(src, i), ctx)) kept.push(i);
    });
    if (kept.length === 1) {
      const i = kept[0] as number;
      return toTree(value[i], child(src, i), target, ctx);
    }
    return kept.map((i, n) => toTree(value[i], child(src, i), target && child(target, n), ctx));
  }
  const entries: TreeEntry[] = [];
  const raw = value as RawRecord;
  for (const name of Object.keys(raw)) {
    if (skipEmpty(raw[name], child(src, name), ctx)) continue;
    const t = target && child(child(child(target, 'entries'), entries.length), 'value');
    entries.push({ name: displayName(name), value: toTree(raw[name], child(src, name), t, ctx) });
  }
  return { entries };
}

/**
 * The model of an unrecognised document read without a trace, its tree made when first asked for (then kept): the
 * list, the digest and the problems never look into it, so a large payload nobody opens (16 MiB of numbers, objects
 * nested 250 deep) costs its parse only, not a tree of strings and records several times the size of the parsed
 * value. The getter is an own enumerable property: `postMessage`, `structuredClone`, `JSON.stringify` and `toEqual`
 * all read the tree through it. The raw value is let go once the tree is made.
 */
export function unrecognisedModel(root: unknown): UnrecognisedCallback {
  let raw: unknown = root;
  let tree: Tree | undefined;
  return {
    kind: 'unrecognised',
    get tree(): Tree {
      if (tree === undefined) {
        tree = treeOf(raw);
        raw = undefined;
      }
      return tree;
    },
  };
}

/**
 * `toTree` without a trace, in one pass from the leaves up: a child whose own tree came out empty is left out, which
 * is what `skipEmpty` decides from the raw value (the trace needs that decision before the child is read, to trace
 * its leaves to "no value"). `tree-without-trace.test.ts` holds the two to the same trees.
 */
function treeOf(value: unknown): Tree {
  const text = leafText(value);
  if (text !== undefined) return text;
  if (Array.isArray(value)) {
    const kept: Tree[] = [];
    for (const item of value) {
      const t = treeOf(item);
      if (!holdsNothing(t)) kept.push(t);
    }
    return kept.length === 1 ? (kept[0] as Tree) : kept;
  }
  const entries: TreeEntry[] = [];
  const raw = value as RawRecord;
  for (const name of Object.keys(raw)) {
    const t = treeOf(raw[name]);
    if (!holdsNothing(t)) entries.push({ name: displayName(name), value: t });
  }
  return { entries };
}

/** A tree `treeOf` made holds no value: its children are already pruned, so one level tells. */
function holdsNothing(tree: Tree): boolean {
  if (typeof tree === 'string') return isNoValue(tree) && tree !== '-';
  if (Array.isArray(tree)) return tree.length === 0;
  return (tree as { entries: readonly TreeEntry[] }).entries.length === 0;
}

/** Where a leaf with no value is traced to: nowhere in the model. */
export const NO_VALUE_TARGET = '(no value)';

/**
 * Inside a kept tree, an empty leaf (`<QueueId></QueueId>`) is "no value", as everywhere: dropped, so the XML form
 * and the JSON form (which omits empty elements) keep equal trees. Traced, so it is still accounted for. So is a
 * container that holds no value at all (`{}`, `[]`, `{"A": ""}`).
 */
function skipEmpty(value: unknown, src: Path, ctx: ReadContext): boolean {
  const text = leafText(value);
  if (text === undefined) {
    if (!holdsNoValue(value)) return false;
    traceNoValue(value, src, ctx);
    return true;
  }
  if (!isNoValue(text) || text === '-') return false;
  ctx.trace?.({ source: pathToString(src), target: NO_VALUE_TARGET, text });
  return true;
}

/**
 * A container whose leaves are all empty (`-` is a value inside a kept tree, as above). `toTree` asks this of every
 * container on its way down, so each answer is kept: without it a tree nested d deep is walked d times (a 1 MB
 * payload of objects nested 250 deep took 1.5 s).
 */
function holdsNoValue(value: unknown): boolean {
  const text = leafText(value);
  if (text !== undefined) return isNoValue(text) && text !== '-';
  const container = value as object;
  const known = noValueKnown.get(container);
  if (known !== undefined) return known;
  const items = Array.isArray(value) ? value : Object.values(value as RawRecord);
  const answer = items.every(holdsNoValue);
  noValueKnown.set(container, answer);
  return answer;
}
const noValueKnown = new WeakMap<object, boolean>();

function traceNoValue(value: unknown, src: Path, ctx: ReadContext): void {
  if (!ctx.trace) return;
  const text = leafText(value);
  if (text !== undefined) ctx.trace({ source: pathToString(src), target: NO_VALUE_TARGET, text });
  else if (Array.isArray(value)) value.forEach((v, i) => traceNoValue(v, child(src, i), ctx));
  else
    for (const k of Object.keys(value as RawRecord))
      traceNoValue((value as RawRecord)[k], child(src, k), ctx);
}

/** fast-xml-parser marks attributes with `@_`; show them as `@name`. */
function displayName(name: string): string {
  return name.startsWith('@_') ? `@${name.slice(2)}` : name;
}

export function isEmptyTree(tree: Tree): boolean {
  if (typeof tree === 'string') return isNoValue(tree);
  if (Array.isArray(tree)) return tree.every(isEmptyTree);
  return (tree as { entries: readonly TreeEntry[] }).entries.length === 0;
}
