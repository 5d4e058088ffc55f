/**
 * Light syntax highlighting for the raw panel: a small tokenizer whose tokens the view renders as React text
 * nodes (never as HTML). Concatenating every token of every line gives back the text exactly, line breaks aside.
 */
import type { SourceFormat } from '../../../domain/model';

export type TokenKind =
  'tag' | 'attr' | 'string' | 'number' | 'literal' | 'punct' | 'comment' | 'key' | 'text' | 'meta';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const XML =
  /(<!--[\s\S]*?(?:-->|$))|(<!\[CDATA\[[\s\S]*?(?:\]\]>|$))|(<[?!][\s\S]*?(?:>|$))|(<\/?[^\s/>]*)|([^<]+)|(<)/g;
const XML_TAG_REST = /(\s+)|([^\s=/>"']+)|("[^"]*"?|'[^']*'?)|(\/?>)|([=/])/g;
const JSON_TOKEN =
  /("(?:[^"\\\n]|\\.)*"?)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|([^\s"{}[\],:]+)/g;

function xmlTokens(text: string): Token[] {
  const out: Token[] = [];
  XML.lastIndex = 0;
  for (let m = XML.exec(text); m !== null; m = XML.exec(text)) {
    if (m[0] === '') {
      XML.lastIndex++;
      continue;
    }
    if (m[1] !== undefined) out.push({ kind: 'comment', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'string', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'meta', text: m[3] });
    else if (m[4] !== undefined) {
      out.push({ kind: 'tag', text: m[4] });
      // The rest of the tag: attributes up to `>`.
      const close = findTagClose(text, XML.lastIndex);
      const rest = text.slice(XML.lastIndex, close);
      XML.lastIndex = close;
      out.push(...tagRestTokens(rest));
    } else if (m[5] !== undefined) out.push({ kind: 'text', text: m[5] });
    else out.push({ kind: 'punct', text: m[0] });
  }
  return out;
}

function findTagClose(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return i;
  }
  return text.length;
}

function tagRestTokens(rest: string): Token[] {
  const out: Token[] = [];
  XML_TAG_REST.lastIndex = 0;
  for (let m = XML_TAG_REST.exec(rest); m !== null; m = XML_TAG_REST.exec(rest)) {
    if (m[0] === '') {
      XML_TAG_REST.lastIndex++;
      continue;
    }
    if (m[1] !== undefined) out.push({ kind: 'text', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'attr', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'string', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'tag', text: m[4] });
    else out.push({ kind: 'punct', text: m[0] });
  }
  return out;
}

function jsonTokens(text: string): Token[] {
  const out: Token[] = [];
  JSON_TOKEN.lastIndex = 0;
  for (let m = JSON_TOKEN.exec(text); m !== null; m = JSON_TOKEN.exec(text)) {
    if (m[0] === '') {
      JSON_TOKEN.lastIndex++;
      continue;
    }
    if (m[1] !== undefined) {
      const isKey = /^\s*:/.test(text.slice(JSON_TOKEN.lastIndex, JSON_TOKEN.lastIndex + 64));
      out.push({ kind: isKey ? 'key' : 'string', text: m[1] });
    } else if (m[2] !== undefined) out.push({ kind: 'number', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'literal', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'punct', text: m[4] });
    else out.push({ kind: 'text', text: m[0] });
  }
  return out;
}

/** Tokens split into lines (`\n`; a `\r` before it is dropped from the view). */
export function tokenizeLines(text: string, format: SourceFormat): Token[][] {
  const tokens =
    format === 'xml'
      ? xmlTokens(text)
      : format === 'json'
        ? jsonTokens(text)
        : [{ kind: 'text' as const, text }];
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      const clean = i < parts.length - 1 ? part.replace(/\r$/, '') : part;
      if (clean !== '') (lines[lines.length - 1] as Token[]).push({ kind: token.kind, text: clean });
    });
  }
  return lines;
}
