/**
 * Marks "find in source" matches on the tokenized lines the raw panel shows: tokens are cut where a match starts
 * or ends, so a match inside a tag, across tokens or across lines is marked piece by piece, the text unchanged.
 */
import type { TextMatch } from '../../../domain/source/find-in-text';
import type { Token } from './tokenize';

export type MarkKind = 'match' | 'current';

export interface MarkedPiece extends Token {
  readonly mark?: MarkKind;
}

/**
 * `lines` come from `tokenizeLines(text)`; `matches` are offsets into `text`, in order; `current` is the index of
 * the match to single out (-1 for none).
 */
export function markLines(
  lines: readonly (readonly Token[])[],
  text: string,
  matches: readonly TextMatch[],
  current: number,
): MarkedPiece[][] {
  const out: MarkedPiece[][] = [];
  let lineStart = 0;
  let m = 0;
  for (const tokens of lines) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next === -1 ? text.length : next;
    while (m < matches.length && (matches[m] as TextMatch).end <= lineStart) m++;
    if (m >= matches.length || (matches[m] as TextMatch).start >= lineEnd) {
      out.push(tokens as MarkedPiece[]);
    } else {
      out.push(markTokens(tokens, lineStart, matches, m, current));
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function markTokens(
  tokens: readonly Token[],
  lineStart: number,
  matches: readonly TextMatch[],
  first: number,
  current: number,
): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let at = lineStart;
  let m = first;
  for (const token of tokens) {
    const end = at + token.text.length;
    let pos = at;
    while (pos < end) {
      while (m < matches.length && (matches[m] as TextMatch).end <= pos) m++;
      const match = matches[m];
      if (match === undefined || match.start >= end) {
        pieces.push({ kind: token.kind, text: token.text.slice(pos - at) });
        pos = end;
      } else if (match.start > pos) {
        pieces.push({ kind: token.kind, text: token.text.slice(pos - at, match.start - at) });
        pos = match.start;
      } else {
        const stop = Math.min(end, match.end);
        pieces.push({
          kind: token.kind,
          text: token.text.slice(pos - at, stop - at),
          mark: m === current ? 'current' : 'match',
        });
        pos = stop;
      }
    }
    at = end;
  }
  return pieces;
}

/** The same for a text shown plain (too long to tokenize): pieces of the whole text. */
export function markText(text: string, matches: readonly TextMatch[], current: number): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let pos = 0;
  matches.forEach((match, i) => {
    if (match.start > pos) pieces.push({ kind: 'text', text: text.slice(pos, match.start) });
    pieces.push({
      kind: 'text',
      text: text.slice(match.start, match.end),
      mark: i === current ? 'current' : 'match',
    });
    pos = match.end;
  });
  if (pos < text.length) pieces.push({ kind: 'text', text: text.slice(pos) });
  return pieces;
}
