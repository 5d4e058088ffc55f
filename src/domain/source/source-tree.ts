/**
 * The tree of a payload's *source*, as the source has it: XML elements in document order (a repeated element is
 * repeated, attributes kept), JSON keys and array items as written, each leaf with its verbatim text (`"417"` and
 * `417` stay apart, entities are not decoded) and the line it starts on. Not the app's model: nothing is renamed,
 * grouped into lists or typed. The raw panel shows it as a collapsible tree whose nodes lead to their line.
 *
 * It reads text that the parsers have already accepted, so it is lenient rather than validating (an unknown
 * closing tag closes up to its match, a trailing comma is skipped). Iterative (deep nesting cannot overflow the
 * stack) and capped (`maxNodes`): past the cap the result says `truncated`.
 */
import type { SourceFormat } from '../model';

export type SourceNodeKind = 'element' | 'object' | 'array' | 'value';

export interface SourceAttribute {
  readonly name: string;
  /** Verbatim, without its quotes. */
  readonly value: string;
}

export interface SourceNode {
  /** `element` (XML), `object` / `array` / `value` (JSON). */
  readonly kind: SourceNodeKind;
  /** The element's name or the JSON key as written; `''` for a JSON root or an array item. */
  readonly name: string;
  /** Position of a JSON array item (0-based). */
  readonly index?: number;
  /** Verbatim text: an XML element's text (trimmed; CDATA content as is), a JSON value's token (`"417"`, `0`). */
  readonly text?: string;
  readonly attributes?: readonly SourceAttribute[];
  /** 1-based line of the text where the node starts. */
  readonly line: number;
  readonly children: readonly SourceNode[];
}

export interface SourceTree {
  readonly roots: readonly SourceNode[];
  /** Nodes were left out past `maxNodes`. */
  readonly truncated: boolean;
}

export const DEFAULT_MAX_NODES = 20_000;

interface MutableNode {
  kind: SourceNodeKind;
  name: string;
  index?: number;
  text?: string;
  attributes?: SourceAttribute[];
  line: number;
  children: MutableNode[];
}

/** Line numbers for offsets visited in increasing order, without a pass over the whole text first. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = Math.max(at, offset);
    return line;
  };
}

/** Builds the source tree of one payload's text (`text` format documents have none: an empty tree). */
export function buildSourceTree(
  text: string,
  format: SourceFormat,
  maxNodes: number = DEFAULT_MAX_NODES,
): SourceTree {
  if (format === 'xml') return xmlTree(text, maxNodes);
  if (format === 'json') return jsonTree(text, maxNodes);
  return { roots: [], truncated: false };
}

const XML_NAME = /[^\s/>]+/y;
const XML_ATTR = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;

function xmlTree(text: string, maxNodes: number): SourceTree {
  const lineOf = lineCounter(text);
  const roots: MutableNode[] = [];
  const open: MutableNode[] = [];
  let count = 0;
  let truncated = false;
  const addText = (piece: string) => {
    const parent = open[open.length - 1];
    if (parent === undefined || piece === '') return;
    parent.text = (parent.text ?? '') + piece;
  };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    if (lt > i) addText(text.slice(i, lt).trim());
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end === -1 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, end === -1 ? text.length : end));
      i = end === -1 ? text.length : end + 3;
    } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      const end = text.indexOf('>', lt + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt + 2);
      const name = text.slice(lt + 2, end === -1 ? text.length : end).trim();
      const at = open.findLastIndex((n) => n.name === name);
      if (at !== -1) open.length = at;
      i = end === -1 ? text.length : end + 1;
    } else {
      XML_NAME.lastIndex = lt + 1;
      const name = XML_NAME.exec(text)?.[0] ?? '';
      let j = lt + 1 + name.length;
      const attributes: SourceAttribute[] = [];
      for (XML_ATTR.lastIndex = j; ; XML_ATTR.lastIndex = j) {
        const m = XML_ATTR.exec(text);
        if (m === null) break;
        attributes.push({ name: m[1] ?? '', value: m[3] ?? m[4] ?? '' });
        j = XML_ATTR.lastIndex;
      }
      const end = text.indexOf('>', j);
      const isEmpty = end !== -1 && text[end - 1] === '/';
      i = end === -1 ? text.length : end + 1;
      if (count >= maxNodes) {
        truncated = true;
        break;
      }
      count++;
      const node: MutableNode = { kind: 'element', name, line: lineOf(lt), children: [] };
      if (attributes.length > 0) node.attributes = attributes;
      const parent = open[open.length - 1];
      if (parent) parent.children.push(node);
      else roots.push(node);
      if (!isEmpty) open.push(node);
    }
  }
  return { roots, truncated };
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"?/y;
const JSON_SCALAR = /[^\s,:\]}]+/y;

interface JsonFrame {
  readonly node: MutableNode;
  /** The key read and waiting for its value (objects). */
  key?: string;
}

function jsonTree(text: string, maxNodes: number): SourceTree {
  const lineOf = lineCounter(text);
  const roots: MutableNode[] = [];
  const stack: JsonFrame[] = [];
  let count = 0;
  let truncated = false;
  let i = 0;
  const place = (node: MutableNode): boolean => {
    if (count >= maxNodes) {
      truncated = true;
      return false;
    }
    count++;
    const frame = stack[stack.length - 1];
    if (frame === undefined) roots.push(node);
    else if (frame.node.kind === 'array') {
      node.index = frame.node.children.length;
      frame.node.children.push(node);
    } else {
      node.name = frame.key ?? '';
      frame.key = undefined;
      frame.node.children.push(node);
    }
    return true;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ',' || c === ':' || c === '\ufeff') {
      i++;
    } else if (c === '{' || c === '[') {
      const node: MutableNode = {
        kind: c === '{' ? 'object' : 'array',
        name: '',
        line: lineOf(i),
        children: [],
      };
      if (!place(node)) break;
      stack.push({ node });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === '"') {
      JSON_STRING.lastIndex = i;
      const token = JSON_STRING.exec(text)?.[0] ?? '"';
      const start = i;
      i += token.length;
      const frame = stack[stack.length - 1];
      if (frame !== undefined && frame.node.kind === 'object' && frame.key === undefined) {
        frame.key = token.slice(1, token.endsWith('"') && token.length > 1 ? -1 : undefined);
      } else if (!place({ kind: 'value', name: '', text: token, line: lineOf(start), children: [] })) break;
    } else {
      JSON_SCALAR.lastIndex = i;
      const token = JSON_SCALAR.exec(text)?.[0] ?? c;
      const start = i;
      i += token.length;
      if (!place({ kind: 'value', name: '', text: token, line: lineOf(start), children: [] })) break;
    }
  }
  return { roots, truncated };
}

/** One visible row of the tree: depth first, in source order, children of collapsed nodes left out. */
export interface SourceTreeRow {
  /** Unique and stable for a tree: the child positions from the root (`0.3.1`). */
  readonly id: string;
  /** 1-based, as `aria-level` wants it. */
  readonly level: number;
  readonly node: SourceNode;
  /** Position among its siblings (1-based) and their number, for `aria-posinset` / `aria-setsize`. */
  readonly position: number;
  readonly siblings: number;
}

/** The rows to show, depth first; a node's children only when it is not in `collapsed`; at most `maxRows`. */
export function visibleSourceRows(
  roots: readonly SourceNode[],
  collapsed: ReadonlySet<string>,
  maxRows: number,
): { readonly rows: readonly SourceTreeRow[]; readonly truncated: boolean } {
  const rows: SourceTreeRow[] = [];
  const pending: SourceTreeRow[] = roots
    .map((node, k) => ({ id: String(k), level: 1, node, position: k + 1, siblings: roots.length }))
    .reverse();
  while (pending.length > 0) {
    if (rows.length >= maxRows) return { rows, truncated: true };
    const row = pending.pop() as SourceTreeRow;
    rows.push(row);
    if (collapsed.has(row.id)) continue;
    const kids = row.node.children;
    for (let k = kids.length - 1; k >= 0; k--) {
      pending.push({
        id: `${row.id}.${k}`,
        level: row.level + 1,
        node: kids[k] as SourceNode,
        position: k + 1,
        siblings: kids.length,
      });
    }
  }
  return { rows, truncated: false };
}
