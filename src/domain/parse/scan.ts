/**
 * Cheap structural scans that find where one payload ends, before any parser runs: fast-xml-parser merges
 * same-name roots into one array, and `JSON.parse` takes one value, so an input holding several payloads is split
 * first. The scans only count nesting (tags, brackets) and skip quoted text; the parsers judge the syntax.
 */

import { logLinePayloadAt, mayStartLogLine, payloadStartsLine, startsWithLogTime } from './payload-start';
import { REFUSED_LENGTHS, isRefusedName } from './unsafe-names';

/** Deepest nesting accepted; CI callbacks are about 10 deep. Deeper input is refused, never recursed into. */
export const MAX_DEPTH = 256;

export interface ScanResult {
  /** Offset just past the payload, or the limit when it never closes. */
  readonly end: number;
  readonly closed: boolean;
  /** Offset where nesting first went past MAX_DEPTH. */
  readonly tooDeepAt?: number;
}

export interface XmlRootScan extends ScanResult {
  /** The root element's name; '' for a prolog, comment or DOCTYPE at the top level. */
  readonly name: string;
}

const NAME_END = /[\s/>]/g;

/** Scans one top-level XML item starting at `<` (an element, or a `<?…?>`, `<!--…-->`, `<!…>` item). */
export function scanXmlRoot(s: string, start: number, limit: number): XmlRootScan {
  const next = s.charCodeAt(start + 1);
  if (next === 63 /* ? */) return skipTo(s, start, '?>', limit);
  if (next === 33 /* ! */) {
    if (s.startsWith('<!--', start)) return skipTo(s, start, '-->', limit);
    return skipDeclaration(s, start, limit);
  }
  logLineLooks = LOG_LINE_LOOKS;
  NAME_END.lastIndex = start + 1;
  const m = NAME_END.exec(s);
  const name = s.slice(start + 1, m && m.index < limit ? m.index : limit);
  let depth = 0;
  let i = start;
  while (i < limit) {
    const lt = s.indexOf('<', i);
    if (lt === -1 || lt >= limit) break;
    const c = s.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (s.startsWith('<!--', lt)) i = endOf(s, lt, '-->', limit);
      else if (s.startsWith('<![CDATA[', lt)) i = endOf(s, lt, ']]>', limit);
      else i = endOf(s, lt, '>', limit);
      continue;
    }
    if (c === 63 /* ? */) {
      i = endOf(s, lt, '?>', limit);
      continue;
    }
    if (depth > 0) {
      const cut = logLineBetween(s, i, lt, limit, name);
      if (cut !== -1) return { name, end: cut, closed: false };
    }
    const gt = tagEnd(s, lt, limit);
    // A tag over lines: a log line among them means the tag was cut short before it.
    if (tagLineFeed !== -1) {
      const cut = logLineBetween(s, tagLineFeed, gt === -1 ? limit : gt, limit, name);
      if (cut !== -1) return { name, end: cut, closed: false };
    }
    if (gt === -1) return { name, end: limit, closed: false };
    if (c === 47 /* / */) depth--;
    else if (s.charCodeAt(gt - 1) !== 47) {
      depth++;
      if (depth > MAX_DEPTH) return { name, end: limit, closed: false, tooDeepAt: lt };
    }
    i = gt + 1;
    if (depth <= 0) return { name, end: i, closed: true };
  }
  return { name, end: limit, closed: false };
}

/**
 * Lines a scan looks at for a log line holding a callback, past the first character (a line of a JSON document
 * starts with white space, a quote, a bracket, a number or a literal, and a log line after a callback cut short is
 * the next line or soon after it): a text of millions of lines of words, in a string or not, is not looked at line
 * by line to its end.
 */
const LOG_LINE_LOOKS = 1000;
let logLineLooks = 0;

/** Whether the line at `at` is a log line holding a callback, within the scan's looks (`LOG_LINE_LOOKS`). */
function startsLogLine(s: string, at: number, limit: number): boolean {
  if (!mayStartLogLine(s.charCodeAt(at)) || logLineLooks <= 0) return false;
  logLineLooks--;
  return logLinePayloadAt(s, at, limit) !== -1;
}

/**
 * The line feed in the text [from, to) between two tags of an open element after which a log line holds another
 * callback (`2026-11-30 12:00:03 INFO callback: <Response>` after a callback cut short): the element ends there,
 * unclosed, and the log line is read on its own. A line of the element's own text is none: its payload would have to
 * open the root's name again, or a JSON object. -1 when there is none.
 */
function logLineBetween(s: string, from: number, to: number, limit: number, root: string): number {
  for (let k = from; k < to; k++) {
    if (s.charCodeAt(k) !== 10 || !mayStartLogLine(s.charCodeAt(k + 1)) || logLineLooks <= 0) continue;
    logLineLooks--;
    const at = logLinePayloadAt(s, k + 1, limit);
    if (at === -1) continue;
    if (s.charCodeAt(at) !== 60) return k;
    const after = s.charCodeAt(at + 1 + root.length);
    if (s.startsWith(root, at + 1) && (after === 62 || after === 47 || isSpace(after))) return k;
  }
  return -1;
}

/** The first line feed `tagEnd` met in the tag it walked (outside quotes), or -1. */
let tagLineFeed = -1;

/**
 * The `>` closing a tag, skipping quoted attribute values; -1 when it does not close before `limit`. Walks the
 * tag's own characters: searching the whole text for a quote would cost the rest of the input per tag.
 */
function tagEnd(s: string, lt: number, limit: number): number {
  tagLineFeed = -1;
  for (let i = lt + 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 10 && tagLineFeed === -1) tagLineFeed = i;
    else if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close === -1 || close >= limit) return -1;
      i = close;
    }
  }
  return -1;
}

function endOf(s: string, from: number, terminator: string, limit: number): number {
  const at = s.indexOf(terminator, from);
  return at === -1 || at + terminator.length > limit ? limit : at + terminator.length;
}

function skipTo(s: string, start: number, terminator: string, limit: number): XmlRootScan {
  const end = endOf(s, start, terminator, limit);
  return { name: '', end, closed: end !== limit || s.endsWith(terminator, limit) };
}

/** `<!DOCTYPE … [ … ]>`: brackets may hold `>` characters. */
function skipDeclaration(s: string, start: number, limit: number): XmlRootScan {
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) depth--;
    else if (c === 62 /* > */ && depth <= 0) return { name: '', end: i + 1, closed: true };
  }
  return { name: '', end: limit, closed: false };
}

export interface JsonValueScan extends ScanResult {
  /**
   * For a top-level array whose elements are all objects (an array of callbacks): where each starts and ends. Left
   * out as soon as one is not an object (a long array of numbers would otherwise note a pair per number).
   */
  readonly elements?: readonly (readonly [number, number])[];
  /**
   * Objects and arrays, and keys (strings followed by `:`), in the value, or in each of `elements` (two numbers per
   * element, in order): the structure limits (`STRUCTURE_LIMITS`) are checked where these counts allow going over.
   */
  readonly containers?: number;
  readonly keys?: number;
  /** The most keys in one object (repeated keys counted each time). */
  readonly widest?: number;
  /** `containers`, `keys` and `widest` of each of `elements`, three numbers per element. */
  readonly elementCounts?: readonly number[];
  /** Offsets of commas after a value and right before a `}` or `]` (Tencent's docs publish such JSON). */
  readonly trailingCommas?: readonly number[];
  /** A number whose text a float would change (beyond 2^53, `1.50`, an exponent): `JSON.parse` would lose it. */
  readonly hasLossyNumber?: boolean;
  /** A refused name (`unsafe-names.ts`) as a string (a key, or a value: the parser tells them apart). */
  readonly hasUnsafeName?: boolean;
}

/** `scanJsonValue`'s count of keys per open container, made once (a scan runs to its end before another starts). */
const KEYS_AT = new Int32Array(MAX_DEPTH + 1);

/**
 * Scans one JSON value starting at `{` or `[`, skipping strings (with their escapes), in one pass that also notes
 * trailing commas, numbers `JSON.parse` would change, and unsafe names, so the common payload needs no other pass.
 */
export function scanJsonValue(s: string, start: number, limit: number): JsonValueScan {
  logLineLooks = LOG_LINE_LOOKS;
  const isArray = s.charCodeAt(start) === 91;
  let elements: [number, number][] | undefined = isArray ? [] : undefined;
  const elementCounts: number[] = [];
  let containers = 0;
  let keys = 0;
  /** Keys so far in each open container (`keysAt[depth]`), the most in one, and the most in the current element. */
  const keysAt = KEYS_AT;
  let widest = 0;
  let elementWidest = 0;
  /** The counts when the current element of `elements` started. */
  let containersBefore = 1;
  let keysBefore = 0;
  const noteElement = (from: number, to: number): void => {
    const before = elements?.length ?? 0;
    elements = elements && pushElement(s, elements, from, to);
    if (elements && elements.length > before)
      elementCounts.push(containers - containersBefore, keys - keysBefore, elementWidest);
    containersBefore = containers;
    keysBefore = keys;
    elementWidest = 0;
  };
  const trailingCommas: number[] = [];
  let elementStart = start + 1;
  let depth = 0;
  let lastComma = -1;
  /** Whether the last token ended a value: only a comma after a value may be a trailing one (`[1,]`, not `[,]`). */
  let afterValue = false;
  let hasLossyNumber = false;
  let hasUnsafeName = false;
  /** Whether the value's second line is indented (a pretty-printed value): 0 until a line feed is met. */
  let indented = 0;
  for (let i = start; i < limit; i++) {
    const c = s.charCodeAt(i);
    // Indentation is most of what this loop sees outside strings: let it through first. A line of a JSON document
    // never starts as a log line does: a payload that runs into one (`2026-11-30 … INFO callback: {…}`) was cut
    // short before it, and ends there. Nor does a line of an indented (pretty-printed) value start with a payload
    // at its first column while the value is open (`{` then `"EventName"`): its inner lines are indented, and only
    // its closing bracket is at the first column. A pretty-printed callback cut short, then others printed the
    // same way, ends there, and each of the others is read.
    if (c === 32 || c === 13 || c === 9) continue;
    if (c === 10) {
      if (indented === 0) {
        const next = s.charCodeAt(i + 1);
        indented = next === 32 || next === 9 ? 1 : -1;
      } else if (indented === 1 && depth > 0 && payloadStartsLine(s, i + 1)) return { end: i, closed: false };
      if (startsLogLine(s, i + 1, limit)) return { end: i, closed: false };
      continue;
    }
    if (c === 34 /* " */) {
      // Strings are short (keys, ids): an inline loop beats an indexOf call per string; `\` skips what follows.
      // A string holds no line feed: one that runs into a payload, a log line's time or a log line holding a
      // callback at its first was cut short.
      let q = i + 1;
      let lineFeeds = 0;
      for (; q < limit; q++) {
        const d = s.charCodeAt(q);
        if (d === 34) break;
        if (d === 92) q++;
        else if (
          d === 10 &&
          lineFeeds++ === 0 &&
          (payloadStartsLine(s, q + 1) || startsWithLogTime(s, q + 1) || startsLogLine(s, q + 1, limit))
        )
          return { end: q, closed: false };
      }
      if (q >= limit) return { end: limit, closed: false };
      const length = q - i - 1;
      if (REFUSED_LENGTHS.has(length) && isRefusedName(s.slice(i + 1, q))) hasUnsafeName = true;
      i = q;
      lastComma = -1;
      afterValue = true;
    } else if (c === 123 || c === 91) {
      depth++;
      containers++;
      if (depth > MAX_DEPTH) return { end: limit, closed: false, tooDeepAt: i };
      keysAt[depth] = 0;
      lastComma = -1;
      afterValue = false;
    } else if (c === 125 || c === 93) {
      if (lastComma !== -1 && isBlank(s, lastComma + 1, i)) trailingCommas.push(lastComma);
      lastComma = -1;
      afterValue = true;
      depth--;
      if (depth === 0) {
        if (elements) noteElement(elementStart, i);
        return {
          end: i + 1,
          closed: true,
          containers,
          keys,
          widest,
          ...(elements ? { elements, elementCounts } : {}),
          ...(trailingCommas.length ? { trailingCommas } : {}),
          ...(hasLossyNumber ? { hasLossyNumber } : {}),
          ...(hasUnsafeName ? { hasUnsafeName } : {}),
        };
      }
    } else if (c === 44 /* , */) {
      lastComma = afterValue ? i : -1;
      afterValue = false;
      if (depth === 1 && elements) {
        noteElement(elementStart, i);
        elementStart = i + 1;
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < limit && isNumberChar(s.charCodeAt(j))) j++;
      if (!hasLossyNumber && !isExactNumber(s, i, j)) hasLossyNumber = true;
      i = j - 1;
      lastComma = -1;
      afterValue = true;
    } else if (!isSpace(c)) {
      if (c === 58 /* : */ && depth > 0) {
        keys++;
        const inObject = ++(keysAt[depth] as number);
        if (inObject > elementWidest) {
          elementWidest = inObject;
          if (inObject > widest) widest = inObject;
        }
      }
      lastComma = -1;
      afterValue = c !== 58; /* : */ // the letters of true, false, null; anything else is for the parser to judge
    }
  }
  return { end: limit, closed: false };
}

/**
 * Whether the number token `s[from, to)` reads back as itself from a float (`String(Number(token)) === token`):
 * when not, `JSON.parse` would lose its text. The common token, an integer of at most 15 digits, is told from its
 * characters (every such integer is exact, but `-0`); any other is converted and compared.
 */
export function isExactNumber(s: string, from: number, to: number): boolean {
  const digitsFrom = s.charCodeAt(from) === 45 /* - */ ? from + 1 : from;
  const digits = to - digitsFrom;
  if (digits > 0 && digits <= 15) {
    let plain = true;
    for (let k = digitsFrom; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c < 48 || c > 57) {
        plain = false;
        break;
      }
    }
    // A leading zero is exact only as `0` itself (`-0` reads back as `0`; `01` is not a JSON number).
    if (plain) return s.charCodeAt(digitsFrom) !== 48 || (digits === 1 && digitsFrom === from);
  }
  const token = s.slice(from, to);
  return String(Number(token)) === token;
}

/** A character of a JSON number token (digits, `.`, exponent, signs). */
export function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

/** Notes an element of a top-level array; `undefined` (no more noting) when it is not an object. */
function pushElement(
  s: string,
  elements: [number, number][],
  from: number,
  to: number,
): [number, number][] | undefined {
  let a = from;
  let b = to;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  if (b === a) return elements;
  if (s.charCodeAt(a) !== 123 /* { */) return undefined;
  elements.push([a, b]);
  return elements;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}
