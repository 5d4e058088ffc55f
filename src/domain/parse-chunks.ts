import { diagnostic, type Diagnostic, type SourcePosition } from './diagnostics';
import type { CallbackDocument } from './model';
import {
  crashed,
  invalid,
  looksBinary,
  parsePiece,
  PREVIEW_LENGTH,
  strayCharacterOutside,
} from './parse-payload';
import { splitPayloads, type HttpHeaders, type Piece } from './parse/split';
import { LineIndex } from './position';

/** What one chunk gave (`ChunkedParse.push`). */
export interface ChunkStep {
  /**
   * The next documents complete in the chunk, at most `count` (numbered on from the previous chunks'); an empty
   * list once all are given. Parsed as asked: a chunk of megabytes holds thousands of callbacks, and their models
   * all alive at once would keep the garbage collector busy. Take them all before the next `push`.
   */
  next(count: number): CallbackDocument[];
  /**
   * `next`, each document given to `each` as soon as it is parsed (in order), and what it returns kept instead: a
   * caller that keeps only a little of each (the worker's digest) lets each model go at once, while it is young,
   * rather than holding a batch of models through the garbage collector's next pass.
   */
  nextEach<T>(count: number, each: (doc: CallbackDocument) => T): T[];
  /**
   * Characters of the chunk parsed. The rest starts a line (the line where the chunk's last payload starts, which
   * may go on in the next chunk) and is to be given again, with what follows, to the next `push`. 0: nothing could
   * be parsed yet, give the same text with more after it.
   */
  readonly consumed: number;
  /** Line ends in the part consumed (`consumed` is the start of a line: the bytes of a file map to it by them). */
  readonly consumedLines: number;
  /** The input is not text (an image or an archive dropped by mistake): stop reading it. */
  readonly stop: boolean;
  /** Where the chunk starts in the whole text (its documents' `source.start.offset` count from there). */
  readonly origin: number;
}

/**
 * A text too large to hold as one string (a log file of a gigabyte) parsed in chunks, each ending at a line end:
 * the documents of a chunk come out with positions (line, column, offset) in the whole text, numbered on, and the
 * input's own diagnostics (byte order mark, lines without a payload, a stray character) are said once for the
 * whole. A payload that goes on past a chunk's end is parsed with the next one: the line where a chunk's last
 * payload starts is always given again with the next chunk, so no payload is cut, whatever its shape (one line,
 * pretty-printed, several on a line). The documents equal those `parsePayload` gives for the whole text when it
 * is made of lines of callbacks (a log, JSON Lines, XML documents one after another); what one chunk cannot tell
 * (an HTTP request dump's headers, one JSON array holding the whole file) is read per chunk.
 */
export class ChunkedParse {
  private line = 1;
  private offset = 0;
  private index: number;
  private documentsGiven = 0;
  private skippedLines = 0;
  private firstSkippedAt: SourcePosition | undefined;
  private stray: Diagnostic | undefined;
  private hasByteOrderMark = false;
  private isFirst = true;
  private sawText = false;
  private preview = '';
  /** The headers of the last HTTP request read before the next chunk: its payloads' (`Piece.http`). */
  private http: HttpHeaders | undefined;
  /** Decided on the first chunk, as for the whole text (from its first lines), and kept for the next ones. */
  private lineMode: boolean | undefined;

  constructor(options: { readonly firstIndex?: number } = {}) {
    this.index = options.firstIndex ?? 0;
  }

  /** Parses the next chunk (`last` when it is the end of the input). Never throws. */
  push(text: string, last: boolean): ChunkStep {
    const first = this.isFirst;
    const origin = { line: this.line, offset: this.offset };
    if (first && !this.sawText) this.preview = text.slice(0, PREVIEW_LENGTH);
    if (first && /[^\s\ufeff]/.test(text.slice(0, 4096)) && looksBinary(text)) {
      this.isFirst = false;
      this.sawText = true;
      const doc = invalid(
        this.index++,
        this.preview,
        diagnostic('binary-input', { position: this.at(origin) }),
      );
      this.documentsGiven++;
      return {
        ...once([doc]),
        consumed: text.length,
        consumedLines: 0,
        stop: true,
        origin: origin.offset,
      };
    }
    // The first chunk decides how the text is read from its first lines (`detectLineMode` looks at up to 20).
    if (this.lineMode === undefined && !last && countLines(text, text.length) <= 20)
      return { ...once([]), consumed: 0, consumedLines: 0, stop: false, origin: origin.offset };
    let split;
    try {
      split = splitPayloads(text, {
        listSkipped: true,
        ...(this.lineMode === undefined ? {} : { lineMode: this.lineMode }),
      });
      this.lineMode ??= split.lineMode;
    } catch (e) {
      const doc = crashed(text.slice(0, PREVIEW_LENGTH), { firstIndex: this.index++ }, e);
      this.documentsGiven++;
      return {
        ...once([doc]),
        consumed: text.length,
        consumedLines: countLines(text, text.length),
        stop: true,
        origin: origin.offset,
      };
    }
    let pieces = split.pieces;
    let consumed = text.length;
    if (!last) {
      // From the line where the last payload starts, or an earlier one that runs to the chunk's end unclosed, or
      // text whose meaning hangs on what follows (a prolog, a lone `[`).
      const lastPiece = pieces[pieces.length - 1];
      const lastStart = lastPiece ? (lastPiece.arrayStart ?? lastPiece.start) : Number.POSITIVE_INFINITY;
      const from = Math.min(lastStart, split.openAt ?? Number.POSITIVE_INFINITY);
      if (from !== Number.POSITIVE_INFINITY) {
        consumed = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
        if (consumed === 0)
          return { ...once([]), consumed: 0, consumedLines: 0, stop: false, origin: origin.offset };
        pieces = pieces.filter((p) => p.start < consumed);
      }
    }
    if (/[^\s\ufeff]/.test(text.slice(0, consumed))) this.sawText = true;
    this.isFirst = false;

    const lines = new LineIndex(text, origin);
    if (first && split.hasByteOrderMark) this.hasByteOrderMark = true;
    for (const at of split.skippedAt ?? []) {
      if (at >= consumed) break;
      this.skippedLines++;
      this.firstSkippedAt ??= lines.positionOf(at);
    }
    if (this.stray === undefined) {
      const at = strayCharacterOutside(text.slice(0, consumed), pieces);
      if (at !== -1) {
        const code = text.charCodeAt(at) === 0xfffd ? 'replacement-character' : 'stray-control-character';
        const detail = `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
        this.stray = diagnostic(code, { position: lines.positionOf(at), detail });
      }
    }
    // The headers of the HTTP request whose body a piece is: its own, or those in force where the chunk starts.
    const carried = this.http;
    const lastRequest = split.requests?.filter((r) => r.at < consumed).at(-1);
    if (lastRequest) this.http = lastRequest.http;
    let cursor = 0;
    const nextEach = <T>(count: number, each: (doc: CallbackDocument) => T): T[] => {
      const out: T[] = [];
      for (; cursor < pieces.length && out.length < count; cursor++) {
        const piece = pieces[cursor] as Piece;
        const index = this.index++;
        let doc: CallbackDocument;
        const http = piece.http ?? carried;
        try {
          doc = parsePiece(text, piece, index, lines, http?.contentType, !!http, undefined, {
            contentVersion: http?.contentVersion,
          });
        } catch (e) {
          doc = crashed(text.slice(piece.start, piece.end), { firstIndex: index }, e);
        }
        out.push(each(doc));
      }
      this.documentsGiven += out.length;
      return out;
    };
    const next = (count: number): CallbackDocument[] => nextEach(count, same);
    const consumedLines = countLines(text, consumed);
    this.line += consumedLines;
    this.offset += consumed;
    return { next, nextEach, consumed, consumedLines, stop: false, origin: origin.offset };
  }

  /**
   * After the last chunk: a document saying no payload was found, when the input held text but none (as
   * `parsePayload` gives), or nothing.
   */
  finish(): CallbackDocument[] {
    if (this.documentsGiven > 0 || !this.sawText) return [];
    this.documentsGiven++;
    return [
      invalid(
        this.index++,
        this.preview,
        diagnostic('no-payload', { position: this.at({ line: 1, offset: 0 }) }),
      ),
    ];
  }

  /** About the input as a whole, so far: as `parsePayload` says them for the whole text. */
  get diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (!this.sawText && !this.isFirst) return [diagnostic('empty-input')];
    if (this.hasByteOrderMark) out.push(diagnostic('byte-order-mark'));
    if (this.skippedLines > 0) {
      out.push(
        diagnostic('skipped-lines', {
          detail: String(this.skippedLines),
          ...(this.firstSkippedAt ? { position: this.firstSkippedAt } : {}),
        }),
      );
    }
    if (this.stray) out.push(this.stray);
    return out;
  }

  private at(origin: { line: number; offset: number }): SourcePosition {
    return { line: origin.line, column: 1, offset: origin.offset };
  }
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function same<T>(value: T): T {
  return value;
}

/** A `next` and `nextEach` that give these documents once. */
function once(documents: CallbackDocument[]): Pick<ChunkStep, 'next' | 'nextEach'> {
  let given = false;
  const nextEach = <T>(_count: number, each: (doc: CallbackDocument) => T): T[] => {
    if (given) return [];
    given = true;
    return documents.map(each);
  };
  return { next: (count) => nextEach(count, same), nextEach };
}
