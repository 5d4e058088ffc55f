import { diagnostic, type Diagnostic } from './diagnostics';
import { decodeInput, type InputEncoding } from './parse/encoded-input';
import { findWrappedCallbackOrPart, isDockerRecord } from './parse/wrapped-callback';
import { LIMITS } from './limits';
import type { CallbackDocument, ParseResult, SourceFormat } from './model';
import { toCallbackModel } from './normalize/to-callback-model';
import { isRefusedAgain, lonePayload, refusedAgain } from './lone-payload';
import { parseJson, trailingCommaDiagnostics, type NativeJson } from './parse/parse-json';
import { parseXml, type Locate } from './parse/parse-xml';
import { splitPayloads, type Piece } from './parse/split';
import { LineIndex } from './position';

export interface ParseOptions {
  /** Largest input accepted, in characters: pasted text by default; a file read from disk may be larger. */
  readonly maxInputLength?: number;
  /** Number of the first document, so documents parsed in batches keep one numbering. */
  readonly firstIndex?: number;
  /** Skip the lone-payload shortcut and always split first (tests check both paths give the same documents). */
  readonly splitAlways?: boolean;
}

/** Bidirectional overrides and isolates (Trojan Source): they can make a key read as another. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** One pass for both checks; most payloads have neither. */
const SUSPICIOUS_CHARACTER = /[\u202A-\u202E\u2066-\u2069\ufffd]/;

/** Anything but white space and a byte order mark. */
const NOT_BLANK = /[^\s\ufeff]/;

/** Kept of an input too large to read, so the person sees what it was. */
export const PREVIEW_LENGTH = 64 * 1024;

/**
 * Every payload found in a text, each as a document with its model, its diagnostics and its source.
 * Never throws: whatever the text, the result says what was found and what could not be read.
 */
export function parsePayload(text: string, options: ParseOptions = {}): ParseResult {
  const parse = startParse(text, options);
  return { documents: parse.next(Number.POSITIVE_INFINITY), diagnostics: parse.diagnostics };
}

/**
 * A parse taken in steps, for large inputs (a day of callbacks): the input is split once, then `next(n)` parses
 * the next `n` payloads, so a worker can send results in batches, report progress and stop when asked.
 */
export interface IncrementalParse {
  /** Payloads found (documents the parse will give in all). */
  readonly total: number;
  /** About the input as a whole. */
  readonly diagnostics: readonly Diagnostic[];
  /** The next documents, at most `count`; an empty list once all are given. Never throws. */
  next(count: number): CallbackDocument[];
  /** `next`, each document given to `each` as soon as it is parsed and what it returns kept (its model can go). */
  nextEach<T>(count: number, each: (doc: CallbackDocument) => T): T[];
  /** Passes over the next `count` payloads without parsing them (another worker parses them). */
  skip(count: number): void;
}

export function startParse(text: string, options: ParseOptions = {}): IncrementalParse {
  try {
    return start(text, options);
  } catch (e) {
    return done([crashed(text, options, e)], []);
  }
}

function done(documents: CallbackDocument[], diagnostics: readonly Diagnostic[]): IncrementalParse {
  let given = false;
  const nextEach = <T>(_count: number, each: (doc: CallbackDocument) => T): T[] => {
    if (given) return [];
    given = true;
    return documents.map(each);
  };
  return {
    total: documents.length,
    diagnostics,
    next: (count) => nextEach(count, same),
    nextEach,
    skip: (count) => {
      if (count > 0) given = true;
    },
  };
}

/** Defence in depth: no input may break the page. Reaching this is a bug, reported as the document's error. */
export function crashed(text: string, options: ParseOptions, e: unknown): CallbackDocument {
  const detail = e instanceof Error ? e.message : String(e);
  return invalid(
    options.firstIndex ?? 0,
    text.slice(0, PREVIEW_LENGTH),
    diagnostic('xml-syntax', { detail }),
  );
}

function start(text: string, options: ParseOptions): IncrementalParse {
  const first = options.firstIndex ?? 0;
  const max = options.maxInputLength ?? LIMITS.pastedText;
  const at = { line: 1, column: 1, offset: 0 };
  if (text.length > max) {
    const d = diagnostic('input-too-large', { position: at, detail: `${mb(text.length)} > ${mb(max)}` });
    return done([invalid(first, text.slice(0, PREVIEW_LENGTH), d)], []);
  }
  if (!NOT_BLANK.test(text)) return done([], [diagnostic('empty-input')]);
  const tried = options.splitAlways ? undefined : lonePayload(text);
  const lone = tried && 'parsed' in tried ? tried : undefined;
  /** The lone text was refused where it was read: so is the piece that holds that place. */
  const refusedAt = tried && 'refusedAt' in tried ? tried : undefined;
  /** `JSON.parse` threw on the lone text: the general path need not ask it again of the same payload. */
  const refused = tried && 'refused' in tried ? tried : undefined;
  /** The XML fast path left the lone text: the general path need not try it again on the same one root. */
  const left = tried && 'left' in tried ? tried.left : undefined;
  // Text JSON.parse or the XML fast path accepted holds no control character but white space, so it only looks
  // binary when it is full of U+FFFD (what a decoder makes of bytes that are not UTF-8).
  if ((!lone || text.includes('\ufffd')) && looksBinary(text)) {
    return done(
      [invalid(first, text.slice(0, PREVIEW_LENGTH), diagnostic('binary-input', { position: at }))],
      [],
    );
  }

  const lines = new LineIndex(text);
  if (lone) return done([parsePiece(text, lone.piece, first, lines, undefined, false, lone.parsed)], []);

  const split = splitPayloads(text);
  const diagnostics: Diagnostic[] = [];
  if (split.hasByteOrderMark) diagnostics.push(diagnostic('byte-order-mark'));
  if (split.skippedLines > 0) {
    const position = split.firstSkippedAt === undefined ? undefined : lines.positionOf(split.firstSkippedAt);
    diagnostics.push(
      diagnostic('skipped-lines', { detail: String(split.skippedLines), ...(position ? { position } : {}) }),
    );
  }
  const stray = strayCharacterOutside(text, split.pieces);
  if (stray !== -1) {
    const code = text.charCodeAt(stray) === 0xfffd ? 'replacement-character' : 'stray-control-character';
    const detail = `U+${text.charCodeAt(stray).toString(16).toUpperCase().padStart(4, '0')}`;
    diagnostics.push(diagnostic(code, { position: lines.positionOf(stray), detail }));
  }
  if (split.pieces.length === 0) {
    const none = invalid(first, text, diagnostic('no-payload', { position: at }));
    // Still URL-encoded or base64: said, with the encoding (Diagnostics offers the decoded text).
    const decoded = decodeInput(text);
    const hint = decoded && diagnostic('encoded-input', { detail: ENCODING_NAMES[decoded.encoding] });
    return done([hint ? { ...none, diagnostics: [...none.diagnostics, hint] } : none], diagnostics);
  }

  let cursor = 0;
  const { pieces } = split;
  const nextEach = <T>(count: number, each: (doc: CallbackDocument) => T): T[] => {
    const out: T[] = [];
    for (; cursor < pieces.length && out.length < count; cursor++) {
      const index = first + cursor;
      let doc: CallbackDocument;
      try {
        const piece = pieces[cursor] as Piece;
        const error = refusedAt && refusedAgain(piece, refusedAt);
        // The headers of the HTTP request whose body it is (several dumps may follow one another).
        const { http } = piece;
        doc = parsePiece(text, piece, index, lines, http?.contentType, !!http, undefined, {
          contentVersion: http?.contentVersion,
          nativeRefused: refused !== undefined && isRefusedAgain(piece, refused),
          fastPathLeft:
            left !== undefined &&
            piece.format === 'xml' &&
            piece.start === left.start &&
            piece.end === left.end &&
            piece.roots.length === 1,
          ...(error ? { error } : {}),
        });
      } catch (e) {
        doc = crashed(text, { ...options, firstIndex: index }, e);
      }
      out.push(each(doc));
    }
    return out;
  };
  return {
    total: pieces.length,
    diagnostics,
    next: (count) => nextEach(count, same),
    nextEach,
    skip(count) {
      cursor = Math.min(pieces.length, cursor + Math.max(0, count));
    },
  };
}

export function parsePiece(
  text: string,
  piece: Piece,
  index: number,
  lines: LineIndex,
  contentType: string | undefined,
  isHttp: boolean,
  parsed?: NativeJson,
  headers: {
    readonly contentVersion?: string | undefined;
    readonly nativeRefused?: boolean;
    readonly fastPathLeft?: boolean;
    /** The payload was refused where the lone text was read (`lonePayload`): its error, given `locate`. */
    readonly error?: (locate: Locate) => Diagnostic;
  } = {},
): CallbackDocument {
  const source = { text: text.slice(piece.start, piece.end), start: lines.positionOf(piece.start) };
  const locate: Locate = (offset) => lines.positionOf(piece.start + offset);
  const base = {
    index,
    format: piece.format as SourceFormat,
    source,
    ...(contentType ? { contentType } : {}),
  };
  const extra: Diagnostic[] = [];
  if (isHttp) extra.push(diagnostic('http-request', contentType ? { detail: contentType } : {}));
  if (piece.runsOn) extra.push(diagnostic('payloads-run-together', { position: source.start }));
  for (const at of piece.enclosingCommas ?? [])
    extra.push(diagnostic('trailing-comma', { position: lines.positionOf(at) }));
  if (contentType && !contentType.toLowerCase().includes(piece.format)) {
    extra.push(
      diagnostic('content-type-mismatch', { detail: `${contentType} / ${piece.format.toUpperCase()}` }),
    );
  }

  const fail = (error: Diagnostic): CallbackDocument => ({
    ...base,
    state: 'Invalid',
    diagnostics: [error, ...extra],
  });
  if (piece.end - piece.start > LIMITS.payload) {
    return fail(
      diagnostic('payload-too-large', { position: source.start, detail: mb(piece.end - piece.start) }),
    );
  }
  if (piece.tooDeepAt !== undefined) {
    return fail(diagnostic('nesting-too-deep', { position: lines.positionOf(piece.tooDeepAt) }));
  }

  if (headers.error) return fail(headers.error(locate));

  let root: unknown;
  const parseDiagnostics: Diagnostic[] = [];
  if (piece.format === 'xml') {
    // `parsed`: the lone payload the fast path read (`lonePayload`), as `parseXml` would read it again.
    const outcome = parsed
      ? { ok: true as const, root: parsed.root }
      : // The fast path reads a payload of one root as it read the lone text: it left it then, it would now.
        parseXml(source.text, piece.roots, locate, { fastPath: headers.fastPathLeft !== true });
    if (!outcome.ok) return fail(outcome.error);
    root = outcome.root;
  } else {
    const outcome = parsed
      ? { ok: true as const, root: parsed.root, diagnostics: trailingCommaDiagnostics(parsed, locate) }
      : parseJson(source.text, locate, piece.json, { nativeRefused: headers.nativeRefused === true });
    if (!outcome.ok) return fail(outcome.error);
    root = outcome.root;
    // Not `push(...list)`: a spread into arguments overflows the stack on a long list.
    for (const d of outcome.diagnostics) parseDiagnostics.push(d);
  }
  const normalized = toCallbackModel(root, piece.format, { hasSeveralRoots: piece.roots.length > 1 });
  if (SUSPICIOUS_CHARACTER.test(source.text)) {
    const replacement = source.text.indexOf('\ufffd');
    if (replacement !== -1)
      extra.push(diagnostic('replacement-character', { position: locate(replacement) }));
    const bidi = BIDI_CONTROL.exec(source.text);
    if (bidi)
      extra.push(
        diagnostic('bidi-control', {
          position: locate(bidi.index),
          detail: `U+${bidi[0].charCodeAt(0).toString(16).toUpperCase()}`,
        }),
      );
  }
  // A log's own JSON record holding a callback (Docker's `log`, a logger's `body`): said, with where.
  if (normalized.model.kind === 'unrecognised' && piece.format === 'json') {
    const found = findWrappedCallbackOrPart(root);
    if (found)
      extra.push(diagnostic(found.part ? 'wrapped-callback-part' : 'wrapped-callback', { path: found.path }));
    // Any other line of a container's output: the whole text unwrapped reads what its records carry.
    else if (isDockerRecord(root)) extra.push(diagnostic('docker-record', {}));
  }
  const contentVersion = headers.contentVersion;
  if (contentVersion !== undefined) {
    const model = normalized.model;
    const shape = model.kind === 'moderation' ? model.shape : undefined;
    if (shape === undefined || shape !== contentVersion.toLowerCase())
      extra.push(
        diagnostic('content-version-mismatch', {
          detail: `X-Ci-Content-Version: ${contentVersion} / ${shape ?? model.kind}`,
        }),
      );
  }
  const diagnostics =
    parseDiagnostics.length === 0 && extra.length === 0
      ? normalized.diagnostics
      : [...parseDiagnostics, ...extra, ...normalized.diagnostics];
  // A literal, not a spread of `base`: this runs for every payload, and a spread copies property by property.
  const document = {
    index,
    format: base.format,
    source,
    state: normalized.state,
    model: normalized.model,
    diagnostics,
  };
  const withType = contentType ? { ...document, contentType } : document;
  return contentVersion ? { ...withType, contentVersion } : withType;
}

const ENCODING_NAMES: Readonly<Record<InputEncoding, string>> = { url: 'URL-encoded', base64: 'base64' };

/** U+FFFD (bytes that were not UTF-8) and the control characters a text does not hold. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const STRAY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;

/**
 * The first U+FFFD or control character outside every payload (a byte that was not UTF-8 in a log prefix, a
 * broken byte order mark, a NUL before a payload), or -1: the splitter skips such text as a log line's prefix, so
 * it is reported here; one inside a payload is its document's to report.
 */
export function strayCharacterOutside(text: string, pieces: readonly Piece[]): number {
  let k = 0;
  STRAY.lastIndex = 0;
  for (let m = STRAY.exec(text); m !== null; m = STRAY.exec(text)) {
    const at = m.index;
    while (k < pieces.length && (pieces[k] as Piece).end <= at) k++;
    const piece = pieces[k];
    if (piece === undefined || at < piece.start) return at;
    STRAY.lastIndex = piece.end;
  }
  return -1;
}

function same<T>(value: T): T {
  return value;
}

export function invalid(
  index: number,
  text: string,
  error: Diagnostic,
  start = { line: 1, column: 1, offset: 0 },
): CallbackDocument {
  return {
    index,
    format: 'text',
    state: 'Invalid',
    diagnostics: [error],
    source: { text, start },
  };
}

/**
 * Control characters (NUL included) and U+FFFD in the first 1 KiB: an image or archive dropped by mistake holds
 * NULs and many of them. Two NULs or more, or at least `MIN_BINARY_CHARACTERS` of them making over 10 % of it: a
 * payload with one bad byte or a few is left to its parser, which says what is wrong and where.
 */
const MIN_BINARY_CHARACTERS = 8;
// eslint-disable-next-line no-control-regex -- finding control characters is what this check is for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;
// eslint-disable-next-line no-control-regex -- as above
const ANY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;
export function looksBinary(text: string): boolean {
  const head = text.length > 1024 ? text.slice(0, 1024) : text;
  if (!ANY_CONTROL.test(head)) return false;
  const control = head.match(CONTROL);
  if (control === null) return false;
  const nul = head.indexOf('\u0000');
  if (nul !== -1 && head.indexOf('\u0000', nul + 1) !== -1) return true;
  return control.length >= MIN_BINARY_CHARACTERS && control.length > head.length * 0.1;
}

function mb(length: number): string {
  return length < 1024 * 1024 ? `${length} characters` : `${(length / (1024 * 1024)).toFixed(1)} MB`;
}
