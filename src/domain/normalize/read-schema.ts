/**
 * Reads a raw record (the parsers' tree) by a schema table (`schema.ts`) into typed fields, tracing each leaf; what
 * the table does not name is kept as a generic tree (`generic-tree.ts`) in extras.
 */
import { diagnostic, type DiagnosticCode } from '../diagnostics';
import type { TreeEntry } from '../model';
import type { FieldSpec, Schema } from './schema';
import { toNumberValue, toTimeValue } from './values';
import { isEmptyTree, toTree } from './generic-tree';
import {
  child,
  isNoValue,
  isRecord,
  leafText,
  pathToString,
  type Path,
  type ReadContext,
} from './read-basics';

export * from './read-basics';
export { isEmptyTree, NO_VALUE_TARGET, toTree, unrecognisedModel } from './generic-tree';

type RawRecord = { readonly [key: string]: unknown };

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
