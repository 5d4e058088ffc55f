import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenizeLines } from './tokenize';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../domain/__fixtures__/${path}`, import.meta.url), 'utf8');
const joined = (lines: ReturnType<typeof tokenizeLines>): string =>
  lines.map((l) => l.map((t) => t.text).join('')).join('\n');

describe('tokenizeLines', () => {
  it('gives back every character of XML and JSON fixtures, line by line', () => {
    for (const [path, format] of [
      ['seed/case1-job-api.xml', 'xml'],
      ['seed/case2-workflow.xml', 'xml'],
      ['seed/case3-workflow-trailing-comma.json', 'json'],
      ['docs/snapshot_callback_workflow.json', 'json'],
      ['derived/http_request_dump.txt', 'xml'],
    ] as const) {
      const text = fixture(path);
      const lines = tokenizeLines(text, format);
      expect(joined(lines)).toBe(text.replace(/\r\n/g, '\n'));
      expect(lines.length).toBe(text.split('\n').length);
    }
  });

  it('tells tags, keys, strings and numbers apart', () => {
    const [xml] = tokenizeLines('<Width a="1">417</Width>', 'xml');
    expect(xml).toEqual([
      { kind: 'tag', text: '<Width' },
      { kind: 'text', text: ' ' },
      { kind: 'attr', text: 'a' },
      { kind: 'punct', text: '=' },
      { kind: 'string', text: '"1"' },
      { kind: 'tag', text: '>' },
      { kind: 'text', text: '417' },
      { kind: 'tag', text: '</Width' },
      { kind: 'tag', text: '>' },
    ]);
    const [json] = tokenizeLines('{"JobLevel": 0, "Ave": "0xc64847", "x": true}', 'json');
    expect(json?.filter((t) => t.kind !== 'text' && t.kind !== 'punct')).toEqual([
      { kind: 'key', text: '"JobLevel"' },
      { kind: 'number', text: '0' },
      { kind: 'key', text: '"Ave"' },
      { kind: 'string', text: '"0xc64847"' },
      { kind: 'key', text: '"x"' },
      { kind: 'literal', text: 'true' },
    ]);
  });

  it('keeps broken text as text', () => {
    expect(joined(tokenizeLines('<a b="unclosed', 'xml'))).toBe('<a b="unclosed');
    expect(joined(tokenizeLines('{"a": "x', 'json'))).toBe('{"a": "x');
  });
});
