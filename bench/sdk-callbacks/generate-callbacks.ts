/**
 * Generates a callback of every job kind from the Go SDK's struct description (`go-structs.json`, extracted by
 * `extract-go-structs.ts`): all 45 job Tags, two batch (inventory trigger) kinds and WorkflowFinish, each in XML and
 * JSON, with every field of the kind's structs filled, lists holding one element and two. The output is committed
 * as test data (src/domain/__fixtures__/sdk-generated/); nothing is fetched or generated at test time.
 *
 *   node --import tsx bench/sdk-callbacks/generate-callbacks.ts
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoField, GoStructs } from './extract-go-structs';
import { SDK_KINDS, type SdkKind } from './sdk-kinds';

export const GENERATED_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  'src',
  'domain',
  '__fixtures__',
  'sdk-generated',
);

export function readGoStructs(): GoStructs {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'go-structs.json'), 'utf8')) as GoStructs;
}

/** One generated element: a leaf (`text`, with `number` when Go encodes it as a JSON number) or children. */
export interface Gen {
  readonly name: string;
  /** The SDK types it as a list (`[]T`): JSON writes an array whatever its length. */
  readonly list: boolean;
  readonly text?: string;
  readonly json?: string | number | boolean;
  readonly children?: readonly Gen[];
}

/** Wire names the docs and our model read as numbers although the SDK types them as strings. */
const NUMERIC = new Set([
  'Bitrate',
  'Duration',
  'NumProgram',
  'NumStream',
  'Size',
  'Channel',
  'SampleRate',
  'Index',
  'AvgFps',
  'Fps',
  'HasBFrame',
  'Height',
  'Width',
  'Level',
  'NumFrames',
  'RefFrames',
  'Rotation',
  'Quality',
  'Orientation',
  'Progress',
  'JobLevel',
  'ObjectCount',
  'SpriteObjectCount',
  'FileSize',
  'CompressFileCount',
  'ErrorCount',
  'FileCount',
  'Score',
  'AudioTime',
]);
const TIME_PARENTS = new Set(['JobsDetail', 'Tasks', 'WorkflowExecution']);

interface Ctx {
  readonly structs: GoStructs;
  readonly kind: SdkKind;
  readonly listLength: number;
  counter: number;
}

function resolveStruct(structs: GoStructs, name: string): readonly GoField[] | undefined {
  let n = name;
  for (let i = 0; i < 8 && structs.aliases[n] !== undefined; i++) n = structs.aliases[n] as string;
  return structs.structs[n];
}

function leafValue(ctx: Ctx, field: GoField, go: string, parent: string, index: number): Gen {
  const n = ++ctx.counter;
  const { wire, list } = field;
  if (go.startsWith('int') || go.startsWith('uint')) return { name: wire, list, text: String(n), json: n };
  if (go.startsWith('float')) return { name: wire, list, text: `${n}.5`, json: n + 0.5 };
  if (go === 'bool') return { name: wire, list, text: 'true', json: true };
  let text: string;
  if (
    (wire === 'CreationTime' || wire === 'CreateTime' || wire === 'StartTime' || wire === 'EndTime') &&
    TIME_PARENTS.has(parent)
  ) {
    const minute = { CreationTime: 0, CreateTime: 0, StartTime: 1, EndTime: 2 }[wire];
    text = `2024-05-06T10:0${minute}:0${index}+0800`;
  } else if (wire === 'EventName') text = ctx.kind.event;
  else if (wire === 'State') text = 'Success';
  else if (wire === 'Code' && TIME_PARENTS.has(parent)) text = 'Success';
  else if (wire === 'Tag' && parent === 'JobsDetail') text = ctx.kind.tag;
  else if (wire === 'Ave') text = '0xc64847';
  else if (NUMERIC.has(wire) || wire === 'StartTime') text = String(n);
  else text = `${wire}-${n}`;
  return { name: wire, list, text, json: text };
}

/** Fills every field of a struct; `stack` stops a struct that contains itself. */
function fill(ctx: Ctx, fields: readonly GoField[], parent: string, stack: readonly string[]): Gen[] {
  const out: Gen[] = [];
  const keep = ctx.kind.keep[parent];
  for (const field of fields) {
    if (field.wire === '' && field.type.kind === 'ref') {
      const embedded = resolveStruct(ctx.structs, field.type.name);
      if (embedded) out.push(...fill(ctx, embedded, parent, stack));
      continue;
    }
    if (keep && !keep.includes(field.wire)) continue;
    const count = field.list ? ctx.listLength : 1;
    for (let i = 0; i < count; i++) {
      const t = field.type;
      if (t.kind === 'leaf') {
        if (t.go === 'interface{}' || t.go.startsWith('map[') || t.go.includes('.')) continue;
        out.push(leafValue(ctx, field, t.go, parent, i));
        continue;
      }
      let children: readonly GoField[] | undefined;
      let structName = '';
      if (t.kind === 'inline') children = t.fields;
      else {
        structName = ctx.kind.override[`${parent}.${field.wire}`] ?? t.name;
        if (stack.includes(structName)) continue;
        children = resolveStruct(ctx.structs, structName);
      }
      if (!children) continue;
      const filled = fill(ctx, children, field.wire, structName ? [...stack, structName] : stack);
      if (filled.length > 0) out.push({ name: field.wire, list: field.list, children: filled });
    }
  }
  return out;
}

/** The whole callback (`Response` and its children) of a kind. */
export function generateCallback(structs: GoStructs, kind: SdkKind, listLength: number): Gen {
  const ctx: Ctx = { structs, kind, listLength, counter: 0 };
  const root = resolveStruct(structs, kind.root);
  if (!root) throw new Error(`no struct ${kind.root}`);
  const body = fill(ctx, root, 'Response', [kind.root]);
  return { name: 'Response', list: false, children: body };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toXml(node: Gen, indent = ''): string {
  if (node.children === undefined)
    return `${indent}<${node.name}>${escapeXml(node.text ?? '')}</${node.name}>`;
  const inner = node.children.map((c) => toXml(c, `${indent}  `)).join('\n');
  return `${indent}<${node.name}>\n${inner}\n${indent}</${node.name}>`;
}

function toJsonValue(node: Gen): unknown {
  if (node.children === undefined) return node.json;
  const obj: Record<string, unknown> = {};
  for (const c of node.children) {
    const value = toJsonValue(c);
    if (c.list) ((obj[c.name] ??= []) as unknown[]).push(value);
    else obj[c.name] = value;
  }
  return obj;
}

export function toJson(node: Gen): string {
  return JSON.stringify({ [node.name]: toJsonValue(node) });
}

/** The file names of one kind's payloads: `<name>.<lists>.xml|json`. */
export const generatedName = (kind: SdkKind, listLength: number, format: 'xml' | 'json') =>
  `${kind.name}.list${listLength}.${format}`;

const isMain = process.argv[1] && import.meta.filename === process.argv[1];
if (isMain) {
  const structs = readGoStructs();
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const kind of SDK_KINDS) {
    for (const n of [1, 2]) {
      const gen = generateCallback(structs, kind, n);
      writeFileSync(join(GENERATED_DIR, generatedName(kind, n, 'xml')), `${toXml(gen)}\n`);
      writeFileSync(join(GENERATED_DIR, generatedName(kind, n, 'json')), `${toJson(gen)}\n`);
    }
  }
  console.log(`${readdirSync(GENERATED_DIR).length} files in ${GENERATED_DIR}`);
}
