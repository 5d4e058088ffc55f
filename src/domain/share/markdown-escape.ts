/**
 * Putting untrusted text (any value from a payload) into GitHub-flavoured Markdown so that it renders as text and
 * nothing else: never a link, an image, an autolink (`www.x.com`, `a@b.co`, `https://…`), a link definition, an
 * emphasis, a heading or raw HTML.
 *
 * Every value goes into a code span: CommonMark renders a code span's content literally (no inline parsing at all,
 * so no autolink, entity or HTML), and GFM's autolink extension never looks inside one. The fence is one backtick
 * longer than the longest run of backticks in the value, and padded with a space when the value starts or ends with
 * a backtick or a space (CommonMark strips exactly one space on each side, so the value comes out whole).
 * Line endings become a visible `⏎` (a code span cannot end a table row or a list item early), control and
 * bidirectional-override characters become `\u{…}` (they could hide or reorder what a reader sees). In a table
 * cell a value is cut at each `|` (see `mdCell`).
 *
 * Tested by rendering with markdown-it and marked (red-team suite): every value ends up inside `<code>`.
 */

/** What stands for a line ending inside a one-line code span. */
export const MD_LINE_BREAK = '⏎';

// C0/C1 controls (not tab), DEL, and the Unicode bidi controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM), zero-width joiners,
// line/paragraph separators, and the BOM.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** The value as one line of visible characters: line endings as `⏎`, invisible controls as `\u{…}`. */
export function visibleLine(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, MD_LINE_BREAK)
    .replace(INVISIBLE, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);
}

/**
 * An inline code span holding `value` literally (outside a table). An empty value gives `—` (an empty code span
 * cannot be written).
 */
export function mdCode(value: string | undefined): string {
  if (value === undefined || value === '') return '—';
  const text = visibleLine(value);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A value of spaces only is not stripped by CommonMark, so it needs no padding (and gets none).
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A table cell holding `value` literally. GFM parsers disagree on `\\|` inside a cell (GitHub and markdown-it read
 * an escaped pipe, marked a backslash and a cell boundary), and a backslash cannot be escaped inside a code span.
 * So a value is cut at each `|`: the pieces are code spans, each `|` is an escaped pipe between them (`\|` after a
 * backtick or at the start, which every parser reads the same way), rendered as a literal `|`.
 */
export function mdCell(value: string | undefined): string {
  if (value === undefined || value === '') return '—';
  return value
    .split('|')
    .map((piece) => (piece === '' ? '' : mdCode(piece)))
    .join('\\|');
}

/**
 * A GFM table. Headers are the app's own labels (never payload text); every cell is written by the caller with
 * `mdCell` (payload values) or `mdLabelCell` (the app's own text).
 */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${headers.map(mdLabelCell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/**
 * The app's own text (labels, counts, durations) for a cell or a line: every ASCII punctuation character
 * backslash-escaped (CommonMark lets any of them be escaped, and an escaped one is literal), line endings as `⏎`.
 * Not for payload values: GFM's extended autolinks (`www.x.com`) are found in text even when escaped.
 */
export function mdLabelCell(text: string): string {
  return visibleLine(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
