import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import type { Tree, TreeEntry } from '../model';
import { RawNumber } from '../parse/raw-number';
import type { FieldSpec, Schema } from './schema';
import { toNumberValue, toTimeValue } from './values';

/**
 * A path as a linked list: built for every record visited (cheap), turned into a string only when a diagnostic
 * or a trace needs it. Keys are wire names or list indexes.
 */
export interface Path {
  readonly parent: Path | undefined;
  readonly key: string | number;
}

export function child(parent: Path | undefined, key: string | number): Path {
  return { parent, key };
}

export function pathToString(path: Path | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.parent) keys.push(p.key);
  let s = '';
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i] as string | number;
    s += typeof k === 'number' ? `[${k}]` : s === '' ? k : `.${k}`;
  }
  return s;
}

/** One leaf of the source and the model field it went to (only recorded when tracing). */
export interface TraceEntry {
  /** Source path, e.g. `Response.JobsDetail.Input.CosHeaders[1].Value`. */
  readonly source: string;
  /** Model path, e.g. `jobs[0].input.cosHeaders[1].value`. */
  readonly target: string;
  /** The leaf's verbatim text ('' for an empty element). */
  readonly text: string;
}

export interface ReadContext {
  readonly diagnostics: Diagnostic[];
  readonly trace?: (entry: TraceEntry) => void;
}

type RawRecord = { readonly [key: string]: unknown };

export function isRecord(v: unknown): v is RawRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawNumber);
}

/** The text of a leaf, or `undefined` when the value is a container. JSON null is an empty leaf. */
export function leafText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof RawNumber) return v.text;
  if (v === null) return '';
  return undefined;
}

/** Empty, `-` and missing are all "no value" (DESIGN.md). */
export function isNoValue(text: string): boolean {
  if (text === '' || text === '-') return true;
  // Most texts neither start nor end with white space: no need to trim them.
  return (
    isSpaceCode(text.charCodeAt(0)) && isSpaceCode(text.charCodeAt(text.length - 1)) && text.trim() === ''
  );
}

/** Any code unit `String.prototype.trim` removes is at most U+FEFF; every ASCII letter, digit and mark is kept. */
function isSpaceCode(c: number): boolean {
  return c <= 32 || c >= 0x80;
}

interface Field {
  readonly key: string;
  readonly spec: FieldSpec;
  /** Several wire names fill this field (`Etag`, `ETag`): only then can it be filled already. */
  readonly aliased: boolean;
}

interface Compiled {
  readonly byWire: Map<string, Field>;
  readonly listKeys: readonly string[];
}

const compiledCache = new WeakMap<Schema, Compiled>();

function compile(schema: Schema): Compiled {
  let c = compiledCache.get(schema);
  if (!c) {
    const byWire = new Map<string, Field>();
    const listKeys: string[] = [];
    for (const key of Object.keys(schema)) {
      const spec = schema[key] as FieldSpec;
      for (const wire of spec.wire) byWire.set(wire, { key, spec, aliased: spec.wire.length > 1 });
      if (spec.kind === 'texts' || spec.kind === 'records' || spec.kind === 'named' || spec.kind === 'pairs')
        listKeys.push(key);
    }
    c = { byWire, listKeys };
    compiledCache.set(schema, c);
  }
  return c;
}

/**
 * Reads one source object through a wire table. Every own key of the source lands in exactly one place: a typed
 * field, or `extras`. Returns `undefined` for a record with no value at all (`<Format/>`, `"Stream": {}`), so the
 * XML and JSON forms of a callback give equal models. Hot: it runs for every record of every callback, so paths
 * are built only when a diagnostic or a trace needs them, and a single value is not wrapped in a list.
 */
export function readRecord(
  schema: Schema,
  raw: RawRecord,
  src: Path | undefined,
  target: Path | undefined,
  ctx: ReadContext,
): Record<string, unknown> | undefined {
  const { byWire, listKeys } = compile(schema);
  const out: Record<string, unknown> = {};
  const extras: TreeEntry[] = [];
  for (const key of listKeys) out[key] = [];
  let hasValue = false;

  // for…in: the parsers give plain objects, whose own enumerable keys are all that for…in sees.
  for (const wire in raw) {
    const value = raw[wire];
    const hit = byWire.get(wire);
    if (hit === undefined) {
      keepExtra(extras, wire, value, child(src, wire), target, ctx);
      continue;
    }
    const { key, spec, aliased } = hit;
    const fieldTarget = ctx.trace ? child(target, key) : undefined;
    const isList = Array.isArray(value);
    switch (spec.kind) {
      case 'text':
      case 'num':
      case 'time': {
        const first: unknown = isList ? value[0] : value;
        if (isList && value.length > 1)
          keepExtra(extras, wire, value.slice(1), child(src, wire), target, ctx, 'duplicate-node');
        const text = leafText(first);
        if (text === undefined || (aliased && key in out)) {
          // Not a leaf, or an alias already filled this field (`Etag` and `ETag` both present).
          const code = text === undefined ? 'unexpected-shape' : 'duplicate-node';
          keepExtra(extras, wire, first, itemPath(src, wire, isList, 0), target, ctx, code);
        } else {
          if (ctx.trace)
            ctx.trace({
              source: pathToString(itemPath(src, wire, isList, 0)),
              target: pathToString(fieldTarget),
              text,
            });
          if (!isNoValue(text)) {
            out[key] =
              spec.kind === 'text'
                ? text
                : spec.kind === 'num'
                  ? readNumber(text, src, wire, isList, ctx)
                  : readTime(text, src, wire, isList, ctx);
            hasValue = true;
          }
        }
        break;
      }
      case 'texts': {
        const list = out[key] as string[];
        const count = isList ? value.length : 1;
        for (let i = 0; i < count; i++) {
          const item: unknown = isList ? value[i] : value;
          const text = leafText(item);
          if (text === undefined)
            keepExtra(extras, wire, item, itemPath(src, wire, isList, i), target, ctx, 'unexpected-shape');
          else {
            if (ctx.trace)
              ctx.trace({
                source: pathToString(itemPath(src, wire, isList, i)),
                target: pathToString(child(fieldTarget, list.length)),
                text,
              });
            if (!isNoValue(text)) list.push(text);
          }
        }
        break;
      }
      case 'records':
      case 'record': {
        const many = spec.kind === 'records';
        if (!many && aliased && key in out) {
          keepExtra(extras, wire, value, child(src, wire), target, ctx, 'duplicate-node');
          break;
        }
        const list: unknown[] = many ? (out[key] as unknown[]) : [];
        const count = isList ? value.length : 1;
        for (let i = 0; i < count; i++) {
          const item: unknown = isList ? value[i] : value;
          const path = itemPath(src, wire, isList, i);
          if (!many && i > 0) {
            keepExtra(extras, wire, item, path, target, ctx, 'duplicate-node');
            continue;
          }
          const itemTarget = many && ctx.trace ? child(fieldTarget, list.length) : fieldTarget;
          if (isRecord(item)) {
            const rec = readRecord(spec.schema, item, path, itemTarget, ctx);
            if (rec !== undefined) list.push(rec);
            continue;
          }
          const text = leafText(item);
          if (text !== undefined && isNoValue(text)) {
            if (ctx.trace) ctx.trace({ source: pathToString(path), target: pathToString(itemTarget), text });
          } else keepExtra(extras, wire, item, path, target, ctx, 'unexpected-shape');
        }
        if (!many && list.length > 0) out[key] = list[0];
        break;
      }
      case 'tree': {
        const tree = toTree(value, child(src, wire), fieldTarget, ctx);
        if (!isEmptyTree(tree)) {
          out[key] = tree;
          hasValue = true;
        }
        break;
      }
      case 'pairs':
        readPairs(out[key] as Record<string, unknown>[], wire, value, src, fieldTarget, extras, target, ctx);
        break;
      case 'named': {
        const list = out[key] as TreeEntry[];
        const t = ctx.trace ? child(child(fieldTarget, list.length), 'value') : undefined;
        const tree = toTree(value, child(src, wire), t, ctx);
        // `<Transcode/>`, `"Transcode": {}` and `"Transcode": []` all say the node is there with no value.
        list.push({ name: wire, value: isEmptyTree(tree) ? '' : tree });
        break;
      }
    }
  }

  out.extras = extras;
  if (hasValue || extras.length > 0) return out;
  for (const key of listKeys) if ((out[key] as unknown[]).length > 0) return out;
  for (const key in out) if (key !== 'extras' && !Array.isArray(out[key])) return out;
  return undefined;
}

const pairSchema: Schema = { key: { kind: 'text', wire: ['Key'] }, value: { kind: 'text', wire: ['Value'] } };

/**
 * `{Key, Value}` records (one or a list), or an object whose own keys are the names (`{"x-cos-meta-id": "1"}`):
 * both become `{key, value, extras}` items in source order. An object holding exactly `Key` and `Value` is one record.
 * A map entry whose value is not a leaf is kept in `extras`.
 */
function readPairs(
  list: Record<string, unknown>[],
  wire: string,
  value: unknown,
  src: Path | undefined,
  fieldTarget: Path | undefined,
  extras: TreeEntry[],
  target: Path | undefined,
  ctx: ReadContext,
): void {
  const isList = Array.isArray(value);
  const items: unknown[] = isList ? value : [value];
  items.forEach((item, i) => {
    const path = itemPath(src, wire, isList, i);
    if (isRecord(item) && !isPairRecord(item)) {
      for (const name of Object.keys(item)) {
        const v = item[name];
        const text = leafText(v);
        const namePath = child(path, name);
        if (text === undefined) {
          keepExtra(extras, wire, { [name]: v }, path, target, ctx, 'unexpected-shape');
          continue;
        }
        const itemTarget = ctx.trace ? child(fieldTarget, list.length) : undefined;
        if (ctx.trace)
          ctx.trace({
            source: pathToString(namePath),
            target: pathToString(child(itemTarget, 'value')),
            text,
          });
        list.push(isNoValue(text) ? { key: name, extras: [] } : { key: name, value: text, extras: [] });
      }
      return;
    }
    const itemTarget = ctx.trace ? child(fieldTarget, list.length) : undefined;
    if (isRecord(item)) {
      const rec = readRecord(pairSchema, item, path, itemTarget, ctx);
      if (rec !== undefined) list.push(rec);
      return;
    }
    const text = leafText(item);
    if (text !== undefined && isNoValue(text)) {
      if (ctx.trace) ctx.trace({ source: pathToString(path), target: pathToString(itemTarget), text });
    } else keepExtra(extras, wire, item, path, target, ctx, 'unexpected-shape');
  });
}

function isPairRecord(item: { readonly [key: string]: unknown }): boolean {
  let hasKey = false;
  for (const name in item) {
    if (name === 'Key') hasKey = true;
    else if (name !== 'Value') return false;
  }
  return hasKey;
}

/** The source path of a value (`isList`: of its item `index`), built only when a diagnostic or trace needs it. */
function itemPath(src: Path | undefined, wire: string, isList: boolean, index: number): Path {
  const path = child(src, wire);
  return isList ? child(path, index) : path;
}

/** Keeps a node the wire table does not know (or that does not fit it) in `extras`, verbatim. */
function keepExtra(
  extras: TreeEntry[],
  name: string,
  value: unknown,
  srcPath: Path,
  target: Path | undefined,
  ctx: ReadContext,
  code?: DiagnosticCode,
): void {
  if (code) ctx.diagnostics.push(diagnostic(code, { path: pathToString(srcPath), detail: name }));
  const t = ctx.trace ? child(child(child(target, 'extras'), extras.length), 'value') : undefined;
  extras.push({ name, value: toTree(value, srcPath, t, ctx) });
}

function readNumber(text: string, src: Path | undefined, wire: string, isList: boolean, ctx: ReadContext) {
  const n = toNumberValue(text);
  if (n.value === undefined) {
    ctx.diagnostics.push(
      diagnostic('not-a-number', { path: pathToString(itemPath(src, wire, isList, 0)), detail: text }),
    );
  }
  return n;
}

function readTime(text: string, src: Path | undefined, wire: string, isList: boolean, ctx: ReadContext) {
  const t = toTimeValue(text);
  if (t.epochMs === undefined) {
    ctx.diagnostics.push(
      diagnostic('invalid-time', { path: pathToString(itemPath(src, wire, isList, 0)), detail: text }),
    );
  } else if (t.offsetMinutes === undefined) {
    const path = pathToString(itemPath(src, wire, isList, 0));
    ctx.diagnostics.push(diagnostic('time-without-offset', { path, detail: text }));
  }
  return t;
}

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
