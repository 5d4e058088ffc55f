/**
 * Extracts the struct definitions of the official Go SDK (tencentyun/cos-go-sdk-v5: ci_media.go, ci.go, ci_doc.go,
 * ci_fileprocess.go) into a plain description of wire names, leaf types and lists: `go-structs.json`, committed
 * beside this script so the generator (and the tests, through its output) never need the SDK at test time.
 *
 *   node --import tsx bench/sdk-callbacks/extract-go-structs.ts [path to the SDK's git directory]
 *
 * The default path is where the search tool's `fetch github:tencentyun/cos-go-sdk-v5` puts it. Only the structs'
 * shapes are kept (names, types, XML wire names), no SDK code.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SDK_KINDS } from './sdk-kinds';

export type GoType =
  | { readonly kind: 'leaf'; readonly go: string }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'inline'; readonly fields: readonly GoField[] };

export interface GoField {
  /** The XML element name. */
  readonly wire: string;
  readonly list: boolean;
  readonly type: GoType;
}

export interface GoStructs {
  readonly source: { readonly repo: string; readonly commit: string; readonly files: readonly string[] };
  readonly structs: Record<string, readonly GoField[]>;
  /** `type A B`: A has B's fields. */
  readonly aliases: Record<string, string>;
}

export const SDK_FILES = ['ci_media.go', 'ci.go', 'ci_doc.go', 'ci_fileprocess.go'] as const;
const LEAVES = new Set([
  'string',
  'int',
  'int32',
  'int64',
  'uint',
  'uint32',
  'uint64',
  'float32',
  'float64',
  'bool',
  'interface{}',
  'byte',
  '[]byte',
]);

/** Strips `// …` comments (the SDK has none inside struct tags or strings that matter here). */
function stripComments(src: string): string {
  return src
    .split('\n')
    .map((line) => {
      const i = line.indexOf('//');
      return i === -1 || line.slice(0, i).split('`').length % 2 === 0 ? line : line.slice(0, i);
    })
    .join('\n');
}

/** Reads the fields of a struct body, `lines` positioned after the opening `{`; stops at the closing `}`. */
function readFields(lines: string[], at: { i: number }): { fields: GoField[]; closing: string } {
  const fields: GoField[] = [];
  for (; at.i < lines.length; at.i++) {
    const line = (lines[at.i] as string).trim();
    if (line === '') continue;
    if (line.startsWith('}')) return { fields, closing: line };
    // `Name []struct {` or `Name *struct {` or `Name struct {`: an inline struct, closed by `} \`xml:"…"\``.
    const inline = /^(\w+)\s+(\[\])?\*?struct\s*\{$/.exec(line);
    if (inline) {
      at.i++;
      const inner = readFields(lines, at);
      const wire = wireName(inline[1] as string, inner.closing);
      if (wire !== undefined)
        fields.push({
          wire,
          list: inline[2] !== undefined,
          type: { kind: 'inline', fields: inner.fields },
        });
      continue;
    }
    const m = /^(\w+)\s+([^`\s]+|interface\{\}|map\[[^\]]+\][^`\s]+)\s*(`.*`)?$/.exec(line);
    if (m) {
      const [, name, type, tag] = m as unknown as [string, string, string, string | undefined];
      const wire = wireName(name, tag ?? '');
      if (wire === undefined || name === 'XMLName') continue;
      fields.push(field(wire, type));
      continue;
    }
    // An embedded struct: its fields are this struct's.
    const embedded = /^\*?(\w+)$/.exec(line);
    if (embedded) fields.push({ wire: '', list: false, type: { kind: 'ref', name: embedded[1] as string } });
  }
  return { fields, closing: '}' };
}

function field(wire: string, type: string): GoField {
  const list = type.startsWith('[]') && type !== '[]byte';
  const base = (list ? type.slice(2) : type).replace(/^\*/, '');
  if (LEAVES.has(base) || base.startsWith('map[') || base.includes('.'))
    return { wire, list, type: { kind: 'leaf', go: base } };
  return { wire, list, type: { kind: 'ref', name: base } };
}

/** The XML name from a struct tag: `xml:"Name,omitempty"`, `xml:",omitempty"` (the field name), `xml:"-"` (none). */
function wireName(fieldName: string, tag: string): string | undefined {
  const m = /xml:"([^"]*)"/.exec(tag);
  if (!m) return fieldName;
  const [name, ...opts] = (m[1] as string).split(',');
  if (name === '-' || opts.some((o) => o === 'attr' || o === 'chardata' || o === 'innerxml'))
    return undefined;
  return name === '' || name === undefined ? fieldName : name;
}

export function parseGoStructs(files: readonly string[]): Pick<GoStructs, 'structs' | 'aliases'> {
  const structs: Record<string, GoField[]> = {};
  const aliases: Record<string, string> = {};
  for (const src of files) {
    const lines = stripComments(src).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const s = /^type\s+(\w+)\s+struct\s*\{\s*$/.exec(line);
      if (s) {
        const at = { i: i + 1 };
        structs[s[1] as string] = readFields(lines, at).fields;
        i = at.i;
        continue;
      }
      const a = /^type\s+(\w+)\s+\*?(\w+)\s*$/.exec(line);
      if (a && !LEAVES.has(a[2] as string)) aliases[a[1] as string] = a[2] as string;
    }
  }
  return { structs, aliases };
}

/** Only the structs a generated kind can reach (from its root and overrides), with the aliases on the way. */
export function reachable(all: Pick<GoStructs, 'structs' | 'aliases'>, roots: readonly string[]) {
  const structs: Record<string, readonly GoField[]> = {};
  const aliases: Record<string, string> = {};
  const visit = (name: string): void => {
    if (name in structs || name in aliases) return;
    const alias = all.aliases[name];
    if (alias !== undefined) {
      aliases[name] = alias;
      visit(alias);
      return;
    }
    const fields = all.structs[name];
    if (!fields) return;
    structs[name] = fields;
    const walk = (fs: readonly GoField[]) =>
      fs.forEach((f) =>
        f.type.kind === 'ref' ? visit(f.type.name) : f.type.kind === 'inline' && walk(f.type.fields),
      );
    walk(fields);
  };
  roots.forEach(visit);
  return { structs, aliases };
}

const isMain = process.argv[1] && import.meta.filename === process.argv[1];
if (isMain) {
  const gitDir = process.argv[2] ?? '/work/.mirror/tencentyun+cos-go-sdk-v5/repo';
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' });
  const commit = git('rev-parse', 'HEAD').trim();
  const sources = SDK_FILES.map((f) => git('show', `HEAD:${f}`));
  const out: GoStructs = {
    source: { repo: 'github.com/tencentyun/cos-go-sdk-v5', commit, files: [...SDK_FILES] },
    ...reachable(
      parseGoStructs(sources),
      SDK_KINDS.flatMap((k) => [k.root, ...Object.values(k.override)]),
    ),
  };
  const path = join(import.meta.dirname, 'go-structs.json');
  writeFileSync(path, `${JSON.stringify(out, null, 1)}\n`);
  console.log(
    `${Object.keys(out.structs).length} structs, ${Object.keys(out.aliases).length} aliases → ${path}`,
  );
}
