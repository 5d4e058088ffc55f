/**
 * Red team, Markdown summary: hostile payload values rendered by real GFM parsers (markdown-it with raw HTML and
 * linkify on, marked with GFM) never become a link, an image, an autolink or HTML; every value ends up as the
 * literal text of a `<code>` element.
 */
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../parse-payload';
import { readFixture } from '../../test-support/fixtures';
import { toMarkdownSummary } from '../markdown';
import { MD_LINE_BREAK, mdCell, mdCode, mdTable, visibleLine } from '../markdown-escape';

const HOSTILE: readonly string[] = [
  '[click](https://evil.example/steal)',
  '![x](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="https://evil.example">a</a>',
  'https://evil.example/path?q=1',
  'www.evil.example',
  '<https://evil.example>',
  'mail me: victim@evil.example',
  '[ref]: https://evil.example "t"',
  '[x][ref]',
  '`code` and ``two`` and ```',
  '`',
  'a|b|c',
  'a\\|b',
  'ends with \\',
  'line one\nline two\r\nline three\rfour',
  '**bold** _em_ ~~strike~~',
  '# heading',
  '> quote',
  '- item',
  '1. item',
  '---',
  '&lt;img src=x onerror=alert(1)&gt; &#60;b&#62;',
  '<!-- comment -->',
  '<?php echo 1; ?>',
  '<![CDATA[x]]>',
  'javascript:alert(1)',
  '[a](javascript:alert(1))',
  '  padded  ',
  ' `x` ',
  'rtl \u202egnp.exe',
  'nul \u0000 and bell \u0007',
  '数据万象 | 🙂',
  '\\`not code\\`',
  '[^note]',
  '$x$ ${{ secrets.TOKEN }}',
  '<details open><summary>x</summary>',
];

const ALLOWED_TAGS = new Set([
  'h3',
  'h4',
  'p',
  'em',
  'strong',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
]);

const markdownIt = new MarkdownIt({ html: true, linkify: true });

function renderers(md: string): [string, string][] {
  return [
    ['markdown-it', markdownIt.render(md)],
    ['marked', marked.parse(md, { gfm: true, async: false })],
  ];
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The rendered (and unescaped) HTML a value must appear as: code spans, with a literal `|` between them in a cell. */
function rendered(value: string, inTable: boolean): string {
  const code = (v: string) => `<code>${visibleLine(v)}</code>`;
  if (!inTable) return code(value);
  return value
    .split('|')
    .map((p) => (p === '' ? '' : code(p)))
    .join('|');
}

function checkHtml(html: string, values: readonly string[], where: string, inTable = true): void {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase());
  for (const tag of tags) expect(ALLOWED_TAGS.has(tag), `${where}: <${tag}> in ${html}`).toBe(true);
  expect(html).not.toMatch(/<(a|img|script)[\s>/]/i);
  // No tag came from a payload (checked above), so the unescaped text can be searched for the expected markup.
  const text = unescapeHtml(html);
  for (const value of values) {
    expect(text, `${where}: ${JSON.stringify(value)} is not rendered as code`).toContain(
      rendered(value, inTable),
    );
  }
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('red team: Markdown escaping helper', () => {
  for (const [i, value] of HOSTILE.entries()) {
    it(`case ${i + 1}: ${JSON.stringify(value).slice(0, 40)} stays literal text inline and in a table`, () => {
      const inline = `Value: ${mdCode(value)}\n\n- item ${mdCode(value)}\n\n### ${mdCode(value)}`;
      const tableMd = mdTable(['A', 'B'], [[mdCell(value), mdCell(value)]]).join('\n');
      for (const [parser, html] of renderers(inline)) checkHtml(html, [value], parser, false);
      for (const [parser, html] of renderers(tableMd)) {
        checkHtml(html, [value], parser);
        // The table kept its shape: one body row of two cells.
        const row = /<tbody>\s*<tr>([\s\S]*?)<\/tr>\s*<\/tbody>/.exec(html)?.[1] ?? '';
        expect(row.match(/<td/g)?.length, `${parser}: ${html}`).toBe(2);
      }
    });
  }

  it('writes line breaks as a visible sign, never a real line end', () => {
    expect(mdCell('a\r\nb\nc')).toBe(`\`a${MD_LINE_BREAK}b${MD_LINE_BREAK}c\``);
  });
});

describe('red team: Markdown summary of hostile callbacks', () => {
  for (const [i, value] of HOSTILE.entries()) {
    it(`summary case ${i + 1}: every field holding ${JSON.stringify(value).slice(0, 30)} renders as code`, () => {
      const json = JSON.stringify({
        EventName: 'TaskFinish',
        JobsDetail: {
          JobId: `${value}0`,
          Code: `${value}1`,
          Message: `${value}2`,
          QueueId: `${value}3`,
          Tag: `${value}4`,
          State: `${value}5`,
          Input: { BucketId: `${value}-1250000000`, Region: 'ap-x', Object: `${value}.jpg` },
        },
      });
      const doc = parsePayload(json).documents[0];
      const job = doc?.model?.kind === 'jobs' ? doc.model.jobs[0] : undefined;
      expect(job?.jobId).toBe(`${value}0`);
      const md = toMarkdownSummary(doc!);
      for (const [parser, html] of renderers(md)) {
        checkHtml(html, [`${value}0`, `${value}1`, `${value}2`, `${value}3`, `${value}5`], parser);
        expect(html, parser).toContain('<table>');
      }
    });
  }

  it('a workflow execution with hostile task names renders every name as code', () => {
    const evil = '[x](https://evil.example) <img src=x>';
    const xml = readFixture('docs/workflowfinish_callback.xml').replace(
      /<Name>Snapshot_1581665960536<\/Name>/,
      `<Name>${xmlEscape(evil)}</Name>`,
    );
    const md = toMarkdownSummary(parsePayload(xml).documents[0]!);
    for (const [parser, html] of renderers(md)) checkHtml(html, [evil], parser);
  });
});
