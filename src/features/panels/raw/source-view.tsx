import { useEffect, useMemo, useRef } from 'react';
import type { SourceFormat } from '../../../domain/model';
import type { TextMatch } from '../../../domain/source/find-in-text';
import { markLines, markText, type MarkedPiece } from './mark-matches';
import { tokenizeLines } from './tokenize';

export interface LineRange {
  /** 1-based lines of the text shown (not of the whole input). */
  readonly start: number;
  readonly end: number;
  /** Changes on every selection, so selecting the same place again scrolls to it again. */
  readonly seq: number;
  /** Scroll the source box only, not the page, and leave the focus (an unreadable document's error line). */
  readonly quiet?: boolean;
}

export interface SourceViewProps {
  readonly text: string;
  readonly format: SourceFormat;
  /** Number shown for the first line (the payload's line in the input). */
  readonly firstLine: number;
  readonly highlight?: LineRange;
  readonly wrap: boolean;
  readonly label: string;
  /** "Find in source": offsets into `text`, marked; `current` (an index into them) singled out and scrolled to. */
  readonly matches?: readonly TextMatch[];
  readonly current?: number;
}

const NO_MATCHES: readonly TextMatch[] = [];

/**
 * Above this, the text is shown plain (no tokens, no per-line elements). Callbacks are a few KB; a hostile one
 * (100,000 nested brackets) would otherwise become 100,000 elements.
 */
export const HIGHLIGHT_LIMIT = 64 * 1024;

/**
 * The exact source text with line numbers and light highlighting, rendered as React text nodes only.
 * Loaded on demand (React.lazy) with the tokenizer.
 */
export function SourceView({
  text,
  format,
  firstLine,
  highlight,
  wrap,
  label,
  matches = NO_MATCHES,
  current = -1,
}: SourceViewProps) {
  const isPlain = text.length > HIGHLIGHT_LIMIT;
  const lines = useMemo(() => (isPlain ? undefined : tokenizeLines(text, format)), [text, format, isPlain]);
  const marked = useMemo(
    () => (lines === undefined || matches.length === 0 ? lines : markLines(lines, text, matches, current)),
    [lines, text, matches, current],
  );
  const plainPieces = useMemo(
    () => (isPlain && matches.length > 0 ? markText(text, matches, current) : undefined),
    [isPlain, text, matches, current],
  );
  const lineCount = useMemo(
    () => (isPlain ? countLines(text) : (lines?.length ?? 0)),
    [isPlain, text, lines],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const marker = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (highlight === undefined) return;
    const target = marker.current;
    if (!target) return;
    const box = scroller.current;
    if (highlight.quiet && box) {
      const top = target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTop = Math.max(0, top - box.clientHeight / 2);
      return;
    }
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
    target.focus({ preventScroll: true });
  }, [highlight]);

  // The current match is brought to the middle of the source box; the focus stays in the find field.
  useEffect(() => {
    const box = scroller.current;
    const target = box?.querySelector<HTMLElement>('[data-current-match]');
    if (!box || !target) return;
    const boxRect = box.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    if (rect.top < boxRect.top || rect.bottom > boxRect.bottom) {
      box.scrollTop += rect.top - boxRect.top - box.clientHeight / 2;
    }
    // Sideways only as far as needed, so the line numbers stay in view when they can.
    if (rect.right > boxRect.right) box.scrollLeft += rect.right - boxRect.right + 24;
    else if (rect.left < boxRect.left) box.scrollLeft -= boxRect.left - rect.left + 24;
    // And the page as little as needed, when the box itself is partly out of view.
    target.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'auto' });
  }, [current, matches]);

  const isMarked = (n: number): boolean =>
    highlight !== undefined && n >= highlight.start && n <= highlight.end;

  if (isPlain || marked === undefined) {
    const gutter = Array.from({ length: lineCount }, (_, i) => String(firstLine + i)).join('\n');
    return (
      <div
        className="raw-scroll"
        ref={scroller}
        role="region"
        aria-label={label}
        tabIndex={0}
        data-highlighted="false"
      >
        <div className="raw-plain">
          <pre className="raw-gutter" aria-hidden="true">
            {gutter}
          </pre>
          <div className="raw-plain-body">
            {highlight !== undefined ? (
              <span
                ref={(el) => {
                  marker.current = el;
                }}
                tabIndex={-1}
                className="raw-plain-mark"
                data-selected-line={firstLine + highlight.start - 1}
                style={{
                  top: `${(highlight.start - 1) * 1.5}em`,
                  height: `${(highlight.end - highlight.start + 1) * 1.5}em`,
                }}
              />
            ) : null}
            <pre className="raw-pre">{plainPieces ? plainPieces.map(renderPiece) : text}</pre>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div
      className={wrap ? 'raw-scroll raw-wrap' : 'raw-scroll'}
      ref={scroller}
      role="region"
      aria-label={label}
      tabIndex={0}
      data-highlighted="true"
    >
      <div className="raw-code">
        {marked.map((tokens, i) => {
          const n = i + 1;
          const marked = isMarked(n);
          return (
            <div
              key={n}
              className={marked ? 'raw-line raw-line-selected' : 'raw-line'}
              data-line={firstLine + i}
              {...(marked && n === highlight?.start
                ? {
                    ref: (el: HTMLDivElement | null) => {
                      marker.current = el;
                    },
                    tabIndex: -1,
                    'data-selected-line': firstLine + i,
                  }
                : {})}
            >
              <span className="raw-ln" aria-hidden="true">
                {firstLine + i}
              </span>
              <span className="raw-text">{tokens.map(renderPiece)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function renderPiece(piece: MarkedPiece, key: number) {
  if (piece.mark !== undefined) {
    return (
      <mark
        key={key}
        className={`raw-match${piece.kind === 'text' ? '' : ` tk-${piece.kind}`}`}
        {...(piece.mark === 'current' ? { 'data-current-match': '' } : {})}
      >
        {piece.text}
      </mark>
    );
  }
  return piece.kind === 'text' ? (
    piece.text
  ) : (
    <span key={key} className={`tk-${piece.kind}`}>
      {piece.text}
    </span>
  );
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
