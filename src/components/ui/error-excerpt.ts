import type { Diagnostic } from '../../domain/diagnostics';
import type { CallbackDocument } from '../../domain/model';

/** Characters of the offending line shown on each side of the error's column (minified JSON is one long line). */
const CONTEXT = 60;

export interface ErrorExcerpt {
  readonly line: number;
  readonly column: number;
  /** The offending line, or the part of it around the column. */
  readonly lineText: string;
  /** The text before the column within `lineText`: the caret goes right after it. */
  readonly beforeCaret: string;
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/** The error that made a document unreadable: the first diagnostic of severity `error`. */
export function readError(doc: CallbackDocument): Diagnostic | undefined {
  return doc.diagnostics.find((d) => d.severity === 'error');
}

/**
 * The line the error is on, cut from `text`: the text given to the parser, in whose coordinates the diagnostic's
 * position is, or a part of it starting at offset `textStart` of that text (a document's own source).
 * `undefined` when the diagnostic has no position or the position is not in the text.
 */
export function errorExcerpt(text: string, error: Diagnostic, textStart = 0): ErrorExcerpt | undefined {
  const at = error.position ? error.position.offset - textStart : -1;
  const position = error.position ? { ...error.position, offset: at } : undefined;
  if (!position || position.offset < 0 || position.offset > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', position.offset - 1) + 1;
  let lineEnd = text.indexOf('\n', position.offset);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
  const caretAt = Math.min(position.offset, lineEnd);
  const from = Math.max(lineStart, caretAt - CONTEXT);
  const to = Math.min(lineEnd, caretAt + CONTEXT);
  return {
    line: position.line,
    column: position.column,
    lineText: text.slice(from, to),
    beforeCaret: text.slice(from, caretAt),
    clippedStart: from > lineStart,
    clippedEnd: to < lineEnd,
  };
}
