import { describe, expect, it } from 'vitest';
import { findInText } from '../../../domain/source/find-in-text';
import { markLines, markText, type MarkedPiece } from './mark-matches';
import { tokenizeLines } from './tokenize';

const show = (line: readonly MarkedPiece[]): string =>
  line
    .map((p) => (p.mark === 'current' ? `[[${p.text}]]` : p.mark === 'match' ? `[${p.text}]` : p.text))
    .join('');

describe('markLines', () => {
  it('marks matches inside and across tokens, the current one apart, the text unchanged', () => {
    const text = '<Response>\r\n  <JobId>j-1</JobId>\n  <Code>Success</Code>\n</Response>';
    const lines = tokenizeLines(text, 'xml');
    const { matches } = findInText(text, 'job');
    const marked = markLines(lines, text, matches, 1);
    expect(marked.map(show)).toEqual([
      '<Response>',
      '  <[Job]Id>j-1</[[Job]]Id>',
      '  <Code>Success</Code>',
      '</Response>',
    ]);
    // Tokens keep their kinds: the marked "Job" of "<JobId" is still part of a tag.
    expect(marked[1]?.find((p) => p.mark === 'match')).toEqual({ kind: 'tag', text: 'Job', mark: 'match' });
  });

  it('marks a match that spans tokens and lines piece by piece', () => {
    const text = '{"a": "x",\n"b": 1}';
    const { matches } = findInText(text, '",\n"b');
    expect(markLines(tokenizeLines(text, 'json'), text, matches, 0).map(show)).toEqual([
      // `"` ends a string token and `,` is punctuation: two marked pieces.
      '{"a": "x[["]][[,]]',
      '[["b]]": 1}',
    ]);
  });

  it('leaves lines without a match as they are', () => {
    const text = 'a\nb';
    const lines = tokenizeLines(text, 'text');
    expect(markLines(lines, text, [], -1)).toEqual(lines);
  });
});

describe('markText', () => {
  it('cuts a plain text around its matches', () => {
    expect(show(markText('abcabc', findInText('abcabc', 'b').matches, 0))).toBe('a[[b]]ca[b]c');
  });
});
