/**
 * The lone-payload shortcut of `parsePayload`: the whole input one JSON object or one plain XML element, read
 * without the splitter's pass over it.
 */
import type { Diagnostic } from './diagnostics';
import { LIMITS } from './limits';
import { readLoneJson, type NativeJson } from './parse/parse-json';
import { readLoneXml, refusedByFastPath, type Locate } from './parse/parse-xml';
import type { Piece } from './parse/split';
import { overLimitDiagnostic } from './parse/structure-limits';
import { FastRefusal } from './parse/xml-fast-path';

/**
 * The common input, one payload (a callback as Tencent sends it), read without the splitter. JSON: when the text
 * is `{…}`, or `[…]` whose first element is not an object, and `JSON.parse` takes it whole, it is one payload, and the structural pass the splitter would make to
 * find its end is not needed. So when `JSON.parse` takes it but a number would lose digits, and the tolerant parser
 * reads it whole (`readLoneJson`). XML: when the text is `<…>` and the fast path reads it as one root
 * (`readLoneXml`: plain elements, one root, only white space around it), the splitter would find that one root
 * too. Anything else (JSON Lines, several values or roots, syntax errors, deep nesting, XML the fast path leaves to
 * the library) takes the general path, which gives the same documents for this input; when `JSON.parse` threw, the
 * span and the commas it was given are returned (`refused`), so that path does not give it the same text again;
 * when the XML fast path left it, its span (`left`), so that path does not give the fast path the same text again
 * (16 MiB with a mismatched tag at the end was read twice by it). A lone text refused where it was read (over a
 * structure limit, or XML with a mismatched closing tag the fast path found) gives that refusal (`refusedAt`): the
 * general path still splits the text (its pieces' spans are the splitter's to say), but the piece that starts where
 * the lone text does and holds that offset has the same text up to it, so the same refusal, and is not read again.
 */
export function lonePayload(
  text: string,
):
  | { piece: Piece; parsed: NativeJson }
  | { refused: LoneRefusal }
  | { left: { start: number; end: number } }
  | { refusedAt: LoneRefusedAt }
  | undefined {
  let start = 0;
  while (start < text.length && isJsonSpace(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && isJsonSpace(text.charCodeAt(end - 1))) end--;
  if (end - start > LIMITS.payload) return undefined;
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  // An array is one payload when its first element is not an object: the splitter makes a document of each
  // element only when all are objects (an array of callbacks), so such an array is left to it.
  const isJson =
    (first === 123 /* { */ && last === 125) /* } */ ||
    (first === 91 /* [ */ && last === 93 /* ] */ && !firstElementIsObject(text, start + 1, end));
  if (!isJson && !(first === 60 /* < */ && last === 62) /* > */) return undefined;
  const body = start === 0 && end === text.length ? text : text.slice(start, end);
  if (!isJson) {
    const root = readLoneXml(body);
    if (root instanceof FastRefusal) {
      const error = (locate: Locate): Diagnostic => {
        const outcome = refusedByFastPath(root, locate);
        if (outcome.ok) throw new Error('a refusal gave a tree');
        return outcome.error;
      };
      return { refusedAt: { format: 'xml', start, offset: root.offset, error } };
    }
    return root
      ? {
          piece: { format: 'xml', start, end, roots: [[0, end - start]] },
          parsed: { root, trailingCommas: [] },
        }
      : { left: { start, end } };
  }
  const read = readLoneJson(body);
  if (!('why' in read)) return { piece: { format: 'json', start, end, roots: [] }, parsed: read };
  if (read.why === 'limit') {
    const over = read.over;
    const error = (locate: Locate) => overLimitDiagnostic(over, locate(over.offset));
    return { refusedAt: { format: 'json', start, offset: over.offset, error } };
  }
  return read.why === 'refused' ? { refused: { start, end, commas: read.commas } } : undefined;
}

/** A lone text refused at `offset` (relative to `start`), with the error a piece holding it gets. */
export interface LoneRefusedAt {
  readonly format: 'xml' | 'json';
  readonly start: number;
  readonly offset: number;
  readonly error: (locate: Locate) => Diagnostic;
}

/** The error of a piece that starts where a refused lone text does and holds the offset it was refused at. */
export function refusedAgain(piece: Piece, { refusedAt }: { refusedAt: LoneRefusedAt }) {
  const { format, start, offset, error } = refusedAt;
  return piece.format === format && piece.start === start && offset < piece.end - piece.start
    ? error
    : undefined;
}

/** The lone text `JSON.parse` threw on: its span, and the trailing commas removed before (relative to `start`). */
export interface LoneRefusal {
  readonly start: number;
  readonly end: number;
  readonly commas: readonly number[];
}

/**
 * Whether the general path would give `JSON.parse` the very text it threw on: the same span with the same trailing
 * commas removed (`parseWithFindings` removes the scan's commas, offsets relative to the piece's start).
 */
export function isRefusedAgain(piece: Piece, { refused }: { refused: LoneRefusal }): boolean {
  if (piece.format !== 'json' || piece.start !== refused.start || piece.end !== refused.end) return false;
  const commas = piece.json?.trailingCommas ?? [];
  return commas.length === refused.commas.length && commas.every((c, k) => c === refused.commas[k]);
}

/** Whether the first thing after `[` (at `from`, white space aside) opens an object. */
function firstElementIsObject(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && isJsonSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 123;
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
