/**
 * Splits one input into payloads before anything is parsed. An input may be: one payload; XML documents or JSON
 * values one after another; JSON Lines; a JSON array of callbacks; a raw HTTP request dump (request line, headers,
 * blank line, body); or a server log whose lines carry a prefix (timestamp, level, …) before a one-line payload.
 */
import { isSpace, scanJsonValue, scanXmlRoot, type ScanResult } from './scan';
import { mayStartRequest, readRequest, type HttpHeaders } from './http-request';
import { bracketedPrefix, detectLineMode, findPayloadStart, lineEnd, LONE_OPENING } from './log-lines';

export type { HttpHeaders } from './http-request';

export interface Piece {
  readonly format: 'xml' | 'json';
  readonly start: number;
  readonly end: number;
  /** XML: the top-level elements, relative to `start` (several when there is no `Response` wrapper). */
  readonly roots: readonly (readonly [number, number])[];
  /** Absolute offset where nesting went too deep, if it did. */
  readonly tooDeepAt?: number;
  /** JSON: what the structural scan found, so the parser needs no pass of its own (offsets relative to `start`). */
  readonly json?: JsonFindings;
  /** Starts on the line where the previous payload ended, with nothing but spaces between (`[][]`, `{}{}`). */
  readonly runsOn?: true;
  /**
   * The last callback of a top-level array of callbacks carries that array's own trailing comma (`[{…},{…},]`,
   * absolute offsets): it belongs to no callback, but it is still reported.
   */
  readonly enclosingCommas?: readonly number[];
  /** An element of a top-level array of callbacks: where that array starts. */
  readonly arrayStart?: number;
  /** The headers of the HTTP request dump whose body this is (the last request line before it). */
  readonly http?: HttpHeaders;
}

export interface JsonFindings {
  readonly trailingCommas: readonly number[];
  readonly hasLossyNumber: boolean;
  readonly hasUnsafeName: boolean;
  /** Objects and arrays, keys, and the most keys in one object, the scan counted in the piece (`STRUCTURE_LIMITS`). */
  readonly containers: number;
  readonly keys: number;
  readonly widest: number;
}

export interface SplitResult {
  readonly pieces: readonly Piece[];
  /** Lines that hold no payload (log noise), and the offset of the first of them. */
  readonly skippedLines: number;
  readonly firstSkippedAt?: number;
  /** Where each skipped line starts, when asked for (`listSkipped`): a file read in chunks counts them per chunk. */
  readonly skippedAt?: readonly number[];
  /**
   * Where the first payload starts that runs to the end of the text without closing: in a chunk of a file, one that
   * may go on in the next chunk.
   */
  readonly openAt?: number;
  /** Whether the text was read line by line (`detectLineMode`), for the next chunks of a file. */
  readonly lineMode: boolean;
  readonly hasByteOrderMark: boolean;
  /** Set when the input is an HTTP request dump. */
  readonly http?: HttpHeaders;
  /**
   * Each HTTP request line read and its headers, in order (`at`: where the request line starts): a file read in
   * chunks carries the headers in force at a chunk's end to the next chunk.
   */
  readonly requests?: readonly { readonly at: number; readonly http: HttpHeaders }[];
}

interface Group {
  start: number;
  end: number;
  roots: [number, number][];
  names: Set<string>;
  tooDeepAt?: number;
  runsOn: boolean;
  http: HttpHeaders | undefined;
}

/** Nodes that may repeat as roots of one document without a `Response` wrapper. */
const REPEATABLE_ROOTS = new Set(['JobsDetail']);

export function splitPayloads(
  s: string,
  options: { readonly listSkipped?: boolean; readonly lineMode?: boolean } = {},
): SplitResult {
  const { listSkipped = false } = options;
  const n = s.length;
  let pos = 0;
  const hasByteOrderMark = s.charCodeAt(0) === 0xfeff;
  if (hasByteOrderMark) pos = 1;

  // An HTTP request dump: its headers apply to the payloads of its body, up to the next request line (a text of
  // several dumps, one after another).
  const requests: { at: number; http: HttpHeaders }[] = [];
  /** Where the headers of a request run to the text's end: its payload may follow in a file's next chunk. */
  let cutRequestAt: number | undefined;
  const first = readRequest(s, pos);
  const http = first?.http;
  if (first) {
    requests.push({ at: pos, http: first.http });
    if (first.cut) cutRequestAt = pos;
    pos = first.bodyAt;
  }

  // A chunk of a file after the first reads as the first did (`options.lineMode`).
  const detected =
    options.lineMode === undefined
      ? detectLineMode(s, pos)
      : { lineMode: options.lineMode, firstScan: undefined };
  const lineMode = detected.lineMode;
  /**
   * The scan `detectLineMode` made of the first payload, bounded by its line and closed there: the main loop's scan
   * of it (bounded by that line or by the text's end) stops at the same place, so it is taken, not made again (a
   * payload of 16 MiB on one line was scanned twice).
   */
  let firstScan = detected.firstScan;
  const scanned = <T extends ScanResult>(at: number, scan: () => T): T => {
    const known = firstScan;
    firstScan = undefined;
    return known && known.at === at ? (known.scan as T) : scan();
  };
  const pieces: Piece[] = [];
  let group: Group | undefined;
  let pendingPrefixStart = -1;
  /** Whether the prolog or comment at `pendingPrefixStart` ran on from a payload on its line. */
  let pendingRunsOn = false;
  let skippedLines = 0;
  let firstSkippedAt: number | undefined;
  const skippedAt: number[] | undefined = listSkipped ? [] : undefined;
  let openAt: number | undefined;
  let lastEnd = -1;
  let afterLogPrefix = false;
  let mayScanOverLines = true;
  /** Whether `pos` is on the line where the last payload ended: text there is not a log line's prefix. */
  let onPayloadLine = false;
  /** Whether the last payload came after a log line's prefix: text after it on its line is the line's end. */
  let payloadAfterPrefix = false;

  /** The headers of the last request line read, for a piece of its body. */
  const inForce = (): { http?: HttpHeaders } => {
    const last = requests[requests.length - 1];
    return last ? { http: last.http } : {};
  };

  const closeGroup = (): void => {
    if (group) pieces.push(toPiece(group));
    group = undefined;
  };

  while (pos < n) {
    let crossedLine = false;
    for (let c = s.charCodeAt(pos); pos < n && isSpace(c); c = s.charCodeAt(++pos))
      if (c === 10) crossedLine = true;
    if (pos >= n) break;
    if (crossedLine) onPayloadLine = false;
    const runsOn = onPayloadLine && !afterLogPrefix;
    const limit = lineMode ? lineEnd(s, pos) : n;
    const c = s.charCodeAt(pos);
    const next = s.charCodeAt(pos + 1);

    // In line mode, a line holding only `<Name>`, `{` or `[`, or ending in `{` or `[` after a log line's prefix,
    // starts a document over lines (a pretty-printed one among one-line payloads): scanned past its line, as long as
    // such scans close (one that never does ends them, so a log's broken lines cannot make the split quadratic).
    // After a prefix, a `{` or `[` is a payload start only when a key follows on the next line (`findPayloadStart`);
    // an opening tag there may be a log line cut short, and stays on its line.
    const widen = <T extends ScanResult>(scan: T, rescan: () => T): T => {
      if (scan.closed || !lineMode || !mayScanOverLines || (afterLogPrefix && c === 60)) return scan;
      if (!LONE_OPENING.test(s.slice(pos, Math.min(limit, pos + 200)))) return scan;
      const whole = rescan();
      // Closed, or cut short where a log line starts (`scan.ts`), or after a prefix cut short by the text's end (no
      // log line came after it): a document of its own lines.
      if (whole.closed || whole.end < n || afterLogPrefix) return whole;
      mayScanOverLines = false;
      openAt ??= pos;
      return scan;
    };
    const reachedEnd = (scan: ScanResult): void => {
      if (!scan.closed && scan.end >= n) openAt ??= pos;
    };

    if (c === 60 /* < */ && isXmlNameStart(next)) {
      const scan = widen(
        scanned(pos, () => scanXmlRoot(s, pos, limit)),
        () => scanXmlRoot(s, pos, n),
      );
      reachedEnd(scan);
      if (scan.name === '') {
        // A prolog, comment or DOCTYPE belongs to the element that follows, which starts where it does.
        if (pendingPrefixStart === -1) {
          pendingPrefixStart = pos;
          pendingRunsOn = runsOn;
        }
        closeGroup();
      } else {
        const joins =
          group !== undefined &&
          !afterLogPrefix &&
          !(lineMode && crossedLine) &&
          pendingPrefixStart === -1 &&
          scan.name !== 'Response' &&
          !group.names.has('Response') &&
          (!group.names.has(scan.name) || REPEATABLE_ROOTS.has(scan.name));
        if (!joins) {
          closeGroup();
          const prolog = pendingPrefixStart !== -1;
          group = {
            start: prolog ? pendingPrefixStart : pos,
            end: scan.end,
            roots: [],
            names: new Set(),
            runsOn: prolog ? pendingRunsOn : runsOn,
            http: requests[requests.length - 1]?.http,
          };
        }
        const g = group as Group;
        g.roots.push([pos, scan.end]);
        g.names.add(scan.name);
        g.end = scan.end;
        if (scan.tooDeepAt !== undefined && g.tooDeepAt === undefined) g.tooDeepAt = scan.tooDeepAt;
        pendingPrefixStart = -1;
      }
      pos = scan.end;
      lastEnd = pos;
      payloadAfterPrefix = afterLogPrefix;
      afterLogPrefix = false;
      onPayloadLine = true;
      continue;
    }

    // A log line's bracketed prefix, `[2026-11-30 12:00:01] INFO {…}` or `[12345] <Response>…`: the payload after
    // it is read; a log line of words after brackets, `[2026-11-30 12:00:00] INFO started`, has none.
    if (c === 91 /* [ */ && !onPayloadLine) {
      const prefix = bracketedPrefix(s, pos, lineEnd(s, pos));
      if (prefix?.payloadAt !== undefined) {
        closeGroup();
        pos = prefix.payloadAt;
        afterLogPrefix = true;
        continue;
      }
      if (prefix) {
        skippedLines++;
        firstSkippedAt ??= pos;
        skippedAt?.push(pos);
        pos = lineEnd(s, pos);
        continue;
      }
    }

    if (c === 123 /* { */ || (c === 91 /* [ */ && startsJsonArray(s, pos))) {
      closeGroup();
      pendingPrefixStart = -1;
      const scan = widen(
        scanned(pos, () => scanJsonValue(s, pos, limit)),
        () => scanJsonValue(s, pos, n),
      );
      reachedEnd(scan);
      const elements = scan.elements;
      const commas = scan.trailingCommas ?? [];
      // The commas are in order, and so are the spans asked for: one cursor walks them (a filter per element
      // would make an array of 50,000 callbacks with a trailing comma each quadratic).
      let cursor = 0;
      const within = (a: number, b: number, k = -1): { json: JsonFindings } => {
        while (cursor < commas.length && (commas[cursor] as number) < a) cursor++;
        const inside: number[] = [];
        for (; cursor < commas.length && (commas[cursor] as number) < b; cursor++)
          inside.push((commas[cursor] as number) - a);
        return {
          json: {
            trailingCommas: inside,
            hasLossyNumber: scan.hasLossyNumber === true,
            hasUnsafeName: scan.hasUnsafeName === true,
            containers: k === -1 ? (scan.containers ?? 0) : (scan.elementCounts?.[3 * k] ?? 0),
            keys: k === -1 ? (scan.keys ?? 0) : (scan.elementCounts?.[3 * k + 1] ?? 0),
            widest: k === -1 ? (scan.widest ?? 0) : (scan.elementCounts?.[3 * k + 2] ?? 0),
          },
        };
      };
      if (elements && elements.length > 0 && elements.every(([a]) => s.charCodeAt(a) === 123)) {
        elements.forEach(([a, b], k) => {
          const own = within(a, b, k);
          const last = k === elements.length - 1;
          const enclosing = last ? commas.slice(cursor).filter((at) => at < scan.end) : [];
          pieces.push({
            format: 'json',
            start: a,
            end: b,
            roots: [],
            arrayStart: pos,
            ...inForce(),
            ...own,
            ...(runsOn && k === 0 ? { runsOn } : {}),
            ...(enclosing.length > 0 ? { enclosingCommas: enclosing } : {}),
          });
        });
      } else {
        pieces.push({
          format: 'json',
          start: pos,
          end: scan.end,
          roots: [],
          ...inForce(),
          ...(scan.tooDeepAt !== undefined ? { tooDeepAt: scan.tooDeepAt } : {}),
          ...within(pos, scan.end),
          ...(runsOn ? { runsOn } : {}),
        });
      }
      pos = scan.end;
      lastEnd = pos;
      payloadAfterPrefix = afterLogPrefix;
      afterLogPrefix = false;
      onPayloadLine = true;
      continue;
    }

    // A `[` with nothing after it: whether it opens an array of callbacks is up to what follows (a chunk's end).
    if (c === 91 && !/\S/.test(s.slice(pos + 1, pos + 4096))) openAt ??= pos;

    // Another HTTP request (dumps one after another): its headers are those of the payloads after it.
    const request = onPayloadLine || !mayStartRequest(c) ? undefined : readRequest(s, pos);
    if (request) {
      closeGroup();
      pendingPrefixStart = -1;
      requests.push({ at: pos, http: request.http });
      if (request.cut) cutRequestAt ??= pos;
      pos = request.bodyAt;
      continue;
    }

    // Text: a log line's prefix before a payload, stray text after one, or a line without any payload. A prefix
    // starts a line: text after a payload on its line is stray even when a payload follows it (`{"a":1}#{}`).
    const eol = lineEnd(s, pos);
    const found = onPayloadLine ? -1 : findPayloadStart(s, pos, eol);
    if (found !== -1) {
      closeGroup();
      pos = found;
      afterLogPrefix = true;
      continue;
    }
    // After a payload that followed a log line's prefix, the rest of its line is the log line's end
    // (`INFO body={…} status=200`, Python's `b'{…}'`, `{…} err=<nil>`).
    if (onPayloadLine && payloadAfterPrefix) {
      // To the line feed, which the next turn crosses: the next line is a line of its own.
      pos = eol;
      continue;
    }
    const lastPiece = group ?? pieces[pieces.length - 1];
    const isClosingTag = c === 60 && next === 47;
    if (lastPiece && lastEnd !== -1 && !lineMode && (!crossedLine || isClosingTag)) {
      // Stray text right after a payload on its line, or a stray closing tag after it: part of that payload, so
      // its parser reports it where it is.
      if (group) group.end = eol;
      else pieces[pieces.length - 1] = { ...(lastPiece as Piece), end: eol };
    } else {
      skippedLines++;
      firstSkippedAt ??= pos;
      skippedAt?.push(pos);
    }
    // To the line feed, which the next turn crosses: the next line is not the payload's (a second line of words after
    // a payload was taken for stray text on its line, and made part of it).
    pos = eol;
    onPayloadLine = false;
  }
  closeGroup();
  // A prolog or comment at the end belongs to an element that may follow (after a chunk's end).
  if (pendingPrefixStart !== -1) openAt ??= pendingPrefixStart;
  // So does a request whose headers run to the end.
  if (cutRequestAt !== undefined) openAt = Math.min(openAt ?? cutRequestAt, cutRequestAt);

  return {
    pieces,
    skippedLines,
    ...(firstSkippedAt !== undefined ? { firstSkippedAt } : {}),
    ...(skippedAt ? { skippedAt } : {}),
    ...(openAt !== undefined ? { openAt } : {}),
    lineMode,
    hasByteOrderMark,
    ...(http ? { http } : {}),
    ...(requests.length > 0 ? { requests } : {}),
  };
}

function toPiece(g: Group): Piece {
  return {
    format: 'xml',
    start: g.start,
    end: g.end,
    roots: g.roots.map(([a, b]) => [a - g.start, b - g.start] as const),
    ...(g.tooDeepAt !== undefined ? { tooDeepAt: g.tooDeepAt } : {}),
    ...(g.runsOn ? { runsOn: true as const } : {}),
    ...(g.http ? { http: g.http } : {}),
  };
}

function isXmlNameStart(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c === 63 || c === 33 || c > 127
  );
}

function startsJsonArray(s: string, pos: number): boolean {
  let i = pos + 1;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  const c = s.charCodeAt(i);
  return (
    c === 123 ||
    c === 91 ||
    c === 34 ||
    // `[,`: not JSON, but what else would it be? Read as JSON, it gets JSON's error and its position.
    c === 44 ||
    c === 93 ||
    c === 45 ||
    (c >= 48 && c <= 57) ||
    c === 116 ||
    c === 102 ||
    c === 110
  );
}
