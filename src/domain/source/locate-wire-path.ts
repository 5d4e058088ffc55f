/**
 * "Selecting a typed field shows its source": finds the node a wire path names in a payload's text, for the
 * selected document only (fast-xml-parser gives no positions for leaves; DESIGN.md, "Rules"). Pragmatic, not a
 * parser: it walks the element (XML) or key (JSON) names of the path through the direct children of each node,
 * so `Input.Object` is never confused with `Output.Object`. A path may start with `Response` or not; a missing
 * node gives the deepest one found, marked inexact. Never throws.
 */
import type { SourceFormat } from '../model';

export interface SourceSpan {
  /** 0-based UTF-16 offsets into the text: the node's start (`<Name` or `"Name"`) and its end. */
  readonly start: number;
  readonly end: number;
  /** Every segment of the path was found. */
  readonly exact: boolean;
}

export interface PathSegment {
  readonly name?: string;
  readonly index?: number;
}

/** `Response.JobsDetail[1].Input.CosHeaders[0].Key` → segments; `#2` (tree-view duplicates) reads as `[1]`. */
export function parseWirePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const re = /([^.[\]#]+)|\[(\d+)\]|#(\d+)/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) {
    if (m[1] !== undefined) segments.push({ name: m[1] });
    else {
      const index = m[2] !== undefined ? Number(m[2]) : Number(m[3]) - 1;
      const last = segments[segments.length - 1];
      if (last !== undefined && last.index === undefined && last.name !== undefined)
        segments[segments.length - 1] = { name: last.name, index };
      else segments.push({ index });
    }
  }
  return segments;
}

export function locateWirePath(text: string, format: SourceFormat, path: string): SourceSpan | undefined {
  try {
    const segments = parseWirePath(path);
    if (segments.length === 0) return undefined;
    const locate = format === 'xml' ? locateXml : format === 'json' ? locateJson : undefined;
    if (locate === undefined) return undefined;
    const span = locate(text, segments);
    // The normaliser names the `Response` wrapper in its paths; payloads without one (JSON samples, several
    // XML roots) hold the same nodes one level up.
    if (
      segments[0]?.name === 'Response' &&
      segments[0].index === undefined &&
      segments.length > 1 &&
      !span?.exact
    ) {
      const bare = locate(text, segments.slice(1));
      if (bare?.exact) return bare;
    }
    return span;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------- XML

interface XmlElement {
  readonly name: string;
  readonly start: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly end: number;
}

const NAME = /[^\s/>=]+/y;

/** Index of the `>` closing the tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return text.length - 1;
}

function skipTo(text: string, from: number, marker: string): number {
  const i = text.indexOf(marker, from);
  return i === -1 ? text.length : i + marker.length;
}

/** The direct child elements between `from` and `to`. */
export function xmlChildren(text: string, from: number, to: number): XmlElement[] {
  const children: XmlElement[] = [];
  let depth = 0;
  let open: { name: string; start: number; contentStart: number } | undefined;
  let i = from;
  while (i < to) {
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt >= to) break;
    if (text.startsWith('<!--', lt)) i = skipTo(text, lt + 4, '-->');
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(text, lt + 9, ']]>');
    else if (text.startsWith('<?', lt)) i = skipTo(text, lt + 2, '?>');
    else if (text.startsWith('<!', lt)) i = tagEnd(text, lt) + 1;
    else if (text[lt + 1] === '/') {
      const gt = tagEnd(text, lt);
      depth--;
      if (depth === 0 && open) {
        children.push({ ...open, contentEnd: lt, end: gt + 1 });
        open = undefined;
      }
      if (depth < 0) depth = 0;
      i = gt + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(text);
      const gt = tagEnd(text, lt);
      if (!m) {
        i = lt + 1;
        continue;
      }
      const selfClosing = text[gt - 1] === '/';
      if (depth === 0) {
        if (selfClosing)
          children.push({ name: m[0], start: lt, contentStart: gt + 1, contentEnd: gt + 1, end: gt + 1 });
        else open = { name: m[0], start: lt, contentStart: gt + 1 };
      }
      if (!selfClosing) depth++;
      i = gt + 1;
    }
  }
  if (open) children.push({ ...open, contentEnd: to, end: to });
  return children;
}

function locateXml(text: string, segments: readonly PathSegment[]): SourceSpan | undefined {
  let scope = { contentStart: 0, contentEnd: text.length };
  let found: XmlElement | undefined;
  for (const seg of segments) {
    let pick: XmlElement | undefined;
    // A path may name or skip the `Response` wrapper: step into a lone wrapper when the name is not here.
    for (let attempt = 0; attempt < 3 && pick === undefined; attempt++) {
      const children = xmlChildren(text, scope.contentStart, scope.contentEnd);
      const matches = seg.name === undefined ? children : children.filter((c) => c.name === seg.name);
      pick = matches[seg.index ?? 0];
      const only = children[0];
      if (pick === undefined && children.length === 1 && only !== undefined && only.name !== seg.name)
        scope = only;
      else break;
    }
    if (pick === undefined) return found && { start: found.start, end: found.end, exact: false };
    found = pick;
    scope = pick;
  }
  return found && { start: found.start, end: found.end, exact: true };
}

// ---------------------------------------------------------------------------------------------------- JSON

interface JsonValue {
  readonly kind: 'object' | 'array' | 'scalar';
  readonly start: number;
  readonly end: number;
}

interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly value: JsonValue;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** Index just past the string starting at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c === '\n') return j;
  }
  return text.length;
}

function valueAt(text: string, at: number): JsonValue {
  const i = skipSpace(text, at);
  const c = text[i];
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = stringEnd(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return { kind: c === '{' ? 'object' : 'array', start: i, end: j + 1 };
      }
    }
    return { kind: c === '{' ? 'object' : 'array', start: i, end: text.length };
  }
  if (c === '"') return { kind: 'scalar', start: i, end: stringEnd(text, i) };
  let j = i;
  while (j < text.length && !/[,}\]\s]/.test(text[j] as string)) j++;
  return { kind: 'scalar', start: i, end: j };
}

function keyText(raw: string): string {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw.slice(1, -1);
  } catch {
    return raw.slice(1, -1);
  }
}

export function jsonMembers(text: string, obj: JsonValue): JsonMember[] {
  const members: JsonMember[] = [];
  let i = obj.start + 1;
  const end = obj.end - 1;
  while (i < end) {
    i = skipSpace(text, i);
    const c = text[i];
    if (c === ',') {
      i++;
      continue;
    }
    if (c !== '"') {
      i++;
      continue;
    }
    const keyEnd = stringEnd(text, i);
    const key = keyText(text.slice(i, keyEnd));
    const colon = skipSpace(text, keyEnd);
    if (text[colon] !== ':') {
      i = keyEnd;
      continue;
    }
    const value = valueAt(text, colon + 1);
    members.push({ key, keyStart: i, value });
    i = Math.max(value.end, colon + 1);
  }
  return members;
}

export function jsonItems(text: string, arr: JsonValue): JsonValue[] {
  const items: JsonValue[] = [];
  let i = arr.start + 1;
  const end = arr.end - 1;
  while (i < end) {
    i = skipSpace(text, i);
    if (i >= end) break;
    if (text[i] === ',') {
      i++;
      continue;
    }
    const value = valueAt(text, i);
    items.push(value);
    i = Math.max(value.end, i + 1);
  }
  return items;
}

function locateJson(text: string, segments: readonly PathSegment[]): SourceSpan | undefined {
  let scope = valueAt(text, 0);
  let found: { start: number; end: number } | undefined;
  const partial = () => found && { ...found, exact: false };
  for (const seg of segments) {
    if (seg.name !== undefined) {
      // `JobsDetail.Operation` with JobsDetail an array means its first item, as the model reads it.
      if (scope.kind === 'array') scope = jsonItems(text, scope)[0] ?? scope;
      if (scope.kind !== 'object') return partial();
      let member: JsonMember | undefined;
      for (let attempt = 0; attempt < 3 && member === undefined; attempt++) {
        const members = jsonMembers(text, scope);
        member = members.find((m) => m.key === seg.name);
        const only = members[0];
        if (
          member === undefined &&
          members.length === 1 &&
          only !== undefined &&
          only.value.kind === 'object'
        )
          scope = only.value;
        else break;
      }
      if (member === undefined) return partial();
      found = { start: member.keyStart, end: member.value.end };
      scope = member.value;
    }
    if (seg.index !== undefined) {
      if (scope.kind === 'array') {
        const item = jsonItems(text, scope)[seg.index];
        if (item === undefined) return partial();
        found = { start: item.start, end: item.end };
        scope = item;
      } else if (seg.index !== 0) return partial();
    }
  }
  return found && { ...found, exact: true };
}
