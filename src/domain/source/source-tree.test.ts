import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { parseRawTree } from '../parse/raw-tree';
import { RawNumber } from '../parse/raw-number';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { buildSourceTree, visibleSourceRows, type SourceNode } from './source-tree';

/** A compact picture of a tree: `name=text@line` per node, children indented. */
function outline(nodes: readonly SourceNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind}:${n.index !== undefined ? `[${n.index}]` : n.name}` +
      (n.attributes ? ` ${n.attributes.map((a) => `${a.name}=${a.value}`).join(' ')}` : '') +
      (n.text !== undefined ? `=${n.text}` : '') +
      `@${n.line}`,
    ...outline(n.children, depth + 1),
  ]);
}

/** Every leaf text of a tree, sorted: XML element texts; JSON values (strings decoded). */
function sourceLeaves(nodes: readonly SourceNode[], format: 'xml' | 'json'): string[] {
  const out: string[] = [];
  const walk = (n: SourceNode) => {
    if (n.children.length === 0 && n.kind !== 'object' && n.kind !== 'array') {
      const text = n.text ?? '';
      out.push(format === 'json' && text.startsWith('"') ? (JSON.parse(text) as string) : text);
    }
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out.sort();
}

function rawLeaves(value: unknown, out: string[] = []): string[] {
  if (value === null) out.push('null');
  else if (value instanceof RawNumber) out.push(value.text);
  else if (typeof value !== 'object') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => rawLeaves(v, out));
  else for (const v of Object.values(value)) rawLeaves(v, out);
  return out;
}

describe('buildSourceTree, XML', () => {
  it('keeps elements in source order, repeated as repeated, with attributes, verbatim text and lines', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<Response>',
      '  <!-- a comment -->',
      '  <A x="1" y=\'two\'>a &amp; b</A>',
      '  <B/><A>second</A>',
      '  <C><![CDATA[<raw>]]></C>',
      '  <D>',
      '    <E></E>',
      '  </D>',
      '</Response>',
    ].join('\n');
    expect(outline(buildSourceTree(text, 'xml').roots)).toEqual([
      'element:Response@2',
      '  element:A x=1 y=two=a &amp; b@4',
      '  element:B@5',
      '  element:A=second@5',
      '  element:C=<raw>@6',
      '  element:D@7',
      '    element:E@8',
    ]);
  });

  it('keeps several roots', () => {
    expect(outline(buildSourceTree('<A>1</A>\n<B>2</B>', 'xml').roots)).toEqual([
      'element:A=1@1',
      'element:B=2@2',
    ]);
  });
});

describe('buildSourceTree, JSON', () => {
  it('keeps keys as written, array items by position, and values verbatim (a string "417" is not 417)', () => {
    const text = '{\n  "Width": "417",\n  "JobLevel": 0,\n  "List": [1, {"k": null},],\n  "Empty": {}\n}';
    expect(outline(buildSourceTree(text, 'json').roots)).toEqual([
      'object:@1',
      '  value:Width="417"@2',
      '  value:JobLevel=0@3',
      '  array:List@4',
      '    value:[0]=1@4',
      '    object:[1]@4',
      '      value:k=null@4',
      '  object:Empty@5',
    ]);
  });

  it('reads escaped quotes inside strings', () => {
    expect(outline(buildSourceTree('{"Etag":"\\"abc\\""}', 'json').roots)).toEqual([
      'object:@1',
      '  value:Etag="\\"abc\\""@1',
    ]);
  });
});

describe('buildSourceTree: limits', () => {
  it('stops at maxNodes and says so', () => {
    const tree = buildSourceTree(`[${'1,'.repeat(100)}1]`, 'json', 10);
    expect(tree.truncated).toBe(true);
    expect(tree.roots[0]?.children).toHaveLength(9);
  });

  it('reads 100,000 levels of nesting without overflowing the stack', () => {
    const tree = buildSourceTree('<a>'.repeat(100_000) + '</a>'.repeat(100_000), 'xml', 200_000);
    let depth = 0;
    for (let n = tree.roots[0]; n !== undefined; n = n.children[0]) depth++;
    expect(depth).toBe(100_000);
  });

  it('gives no tree for a text that is neither XML nor JSON', () => {
    expect(buildSourceTree('hello', 'text')).toEqual({ roots: [], truncated: false });
  });
});

describe('buildSourceTree on every fixture: the same leaves as the parsers read', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      for (const doc of parsePayload(readFixture(name)).documents) {
        if (doc.state === 'Invalid' || doc.format === 'text') continue;
        const raw = parseRawTree(doc.source.text, doc.format);
        const tree = buildSourceTree(doc.source.text, doc.format);
        expect(tree.truncated).toBe(false);
        expect(sourceLeaves(tree.roots, doc.format)).toEqual(rawLeaves(raw).sort());
      }
    });
  }
});

describe('visibleSourceRows', () => {
  const tree = buildSourceTree('{"a":{"b":1,"c":[2,3]},"d":4}', 'json');

  it('lists nodes depth first with level, position and set size', () => {
    const { rows } = visibleSourceRows(tree.roots, new Set(), 100);
    expect(rows.map((r) => `${r.id} L${r.level} ${r.position}/${r.siblings}`)).toEqual([
      '0 L1 1/1',
      '0.0 L2 1/2',
      '0.0.0 L3 1/2',
      '0.0.1 L3 2/2',
      '0.0.1.0 L4 1/2',
      '0.0.1.1 L4 2/2',
      '0.1 L2 2/2',
    ]);
  });

  it('leaves out the children of a collapsed node, and stops at maxRows', () => {
    expect(visibleSourceRows(tree.roots, new Set(['0.0']), 100).rows.map((r) => r.id)).toEqual([
      '0',
      '0.0',
      '0.1',
    ]);
    expect(visibleSourceRows(tree.roots, new Set(), 3)).toMatchObject({
      truncated: true,
      rows: { length: 3 },
    });
  });
});
