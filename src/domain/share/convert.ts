/**
 * Converts a callback between its XML form and the JSON form Tencent publishes (`ResultFormat`/`CallBackFormat`
 * JSON: no `Response` wrapper, every leaf a string, empty elements omitted). Works on the source's own tree, so
 * unknown nodes convert too; a round trip gives an equal model.
 */
import type { CallbackDocument } from '../model';
import { isRecord, leafText } from '../normalize/read-schema';
import { parseRawTree } from '../parse/raw-tree';

export function toTencentJson(doc: CallbackDocument): string | undefined {
  const root = parseRawTree(doc.source.text, doc.format);
  if (root === undefined) return undefined;
  const body =
    isRecord(root) && Object.keys(root).length === 1 && isRecord(root.Response) ? root.Response : root;
  return JSON.stringify(toJsonValue(body) ?? {}, null, 4);
}

function toJsonValue(value: unknown): unknown {
  const text = leafText(value);
  if (text !== undefined) return text === '' ? undefined : text;
  if (Array.isArray(value)) return value.map(toJsonValue).filter((v) => v !== undefined);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    // XML attributes have no place in Tencent's JSON form; mixed text keeps its name.
    if (key.startsWith('@_')) continue;
    const v = toJsonValue((value as Record<string, unknown>)[key]);
    if (v !== undefined)
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function toTencentXml(doc: CallbackDocument): string | undefined {
  const root = parseRawTree(doc.source.text, doc.format);
  if (root === undefined) return undefined;
  const body =
    isRecord(root) && Object.keys(root).length === 1 && isRecord(root.Response) ? root.Response : root;
  const lines: string[] = ['<Response>'];
  writeChildren(body, 1, lines);
  lines.push('</Response>');
  return lines.join('\n');
}

function writeChildren(value: unknown, depth: number, lines: string[]): void {
  if (!isRecord(value)) return;
  for (const name of Object.keys(value)) {
    if (name.startsWith('@_') || name === '#text') continue;
    const v = value[name];
    for (const item of Array.isArray(v) ? v : [v]) writeElement(name, item, depth, lines);
  }
}

function writeElement(name: string, value: unknown, depth: number, lines: string[]): void {
  const pad = '    '.repeat(depth);
  const text = leafText(value);
  if (text !== undefined) {
    lines.push(text === '' ? `${pad}<${name}/>` : `${pad}<${name}>${escapeXml(text)}</${name}>`);
    return;
  }
  if (Array.isArray(value)) {
    // A list inside a list has no XML form of its own: repeat the element.
    for (const item of value) writeElement(name, item, depth, lines);
    return;
  }
  lines.push(`${pad}<${name}>`);
  writeChildren(value, depth + 1, lines);
  lines.push(`${pad}</${name}>`);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
