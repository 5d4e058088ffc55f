/**
 * The lines of a log, for the splitter (`split.ts`): where a payload starts on a line, a line's bracketed prefix,
 * and whether a text is read line by line (`detectLineMode`).
 */
import { findPayloadStart } from './payload-start';
import { isSpace, scanJsonValue, scanXmlRoot, type ScanResult } from './scan';

export { findPayloadStart };

/** A log line's bracketed prefix (a timestamp, a thread id, a level) is short; a longer bracket is read as JSON. */
const MAX_BRACKETED_PREFIX = 256;

/**
 * A log line's bracketed prefix at `pos`, a `[` at the line's start (its end is `eol`): one or more brackets, each
 * closed within `MAX_BRACKETED_PREFIX` characters on the line and holding no payload, then either a payload
 * (`payloadAt`: where it starts) or, after white space, words (a log line without a payload: `payloadAt` is
 * undefined). `undefined` when the `[` is no such prefix (a JSON array, or brackets with nothing after them).
 */
export function bracketedPrefix(
  s: string,
  pos: number,
  eol: number,
): { readonly payloadAt?: number } | undefined {
  let end = pos;
  for (let p = pos; p < eol && s.charCodeAt(p) === 91;) {
    const close = scanJsonValue(s, p, Math.min(eol, p + MAX_BRACKETED_PREFIX));
    if (
      !close.closed ||
      (MAY_BE_JSON.test(s.slice(p + 1, close.end)) && holdsPayload(s, p + 1, close.end - 1))
    )
      break;
    end = close.end;
    p = end;
    while (p < eol && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) p++;
  }
  if (end === pos) return undefined;
  const payloadAt = findPayloadStart(s, end, eol);
  if (payloadAt !== -1) return { payloadAt };
  // Words after white space: `[1] x` is a log line, `[1]x` and `[1] 2` are JSON's to refuse.
  return WORDS_AFTER.test(s.slice(end, Math.min(eol, end + 8))) ? {} : undefined;
}

/**
 * What a JSON array's first element starts with: a bracket that starts otherwise (`[ctx={"a":1}]`, a logger's
 * context) is a prefix whatever it holds.
 */
const MAY_BE_JSON = /^\s*(?:[{["\]\d-]|(?:true|false|null)(?![A-Za-z]))/;

/** White space, then a letter or a character of no JSON or XML structure. */
const WORDS_AFTER = /^[ \t]+[^\s[\]{}<>,:"0-9-]/;

/**
 * Whether [from, to) holds a payload: a start that closes there (`[app.py:<module>:12]` holds none, `[{"a":1}]`
 * one).
 */
function holdsPayload(s: string, from: number, to: number): boolean {
  const at = findPayloadStart(s, from, to);
  if (at === -1) return false;
  return (s.charCodeAt(at) === 60 ? scanXmlRoot(s, at, to) : scanJsonValue(s, at, to)).closed;
}

export function lineEnd(s: string, from: number): number {
  const nl = s.indexOf('\n', from);
  return nl === -1 ? s.length : nl;
}

/**
 * Line mode: every line is scanned on its own, so a broken payload on one line of a log cannot swallow the lines
 * after it. Chosen when the first line bearing a payload holds a whole one (or is JSON cut short, and the next two
 * hold whole ones), and it and the next payload-bearing line both start at column 1, as log lines and JSON Lines
 * do; the lines of a pretty-printed document are indented (and `<EventName>` alone on the first line is the start
 * of a document without a `Response` wrapper).
 */
const OPENS_STRUCTURE = /^\s*[[{<]/;
/** A line that holds only an opening tag, `{` or `[`: the first line of a document over lines. */
export const LONE_OPENING = /^(?:<[A-Za-z_][\w.:-]*>|[{[])[ \t]*\r?(?:\n|$)/;

export interface LineModeFound {
  readonly lineMode: boolean;
  /** The first payload's scan, when it closed on its line: where it starts, and the scan. */
  readonly firstScan?: { readonly at: number; readonly scan: ScanResult };
}

export function detectLineMode(s: string, from: number): LineModeFound {
  let p = from;
  let seen = 0;
  let firstScan: LineModeFound['firstScan'];
  /** The first payload line did not close on its line. */
  let cutShort = false;
  for (let lines = 0; p < s.length && seen < 2 && lines < 20; lines++) {
    const eol = lineEnd(s, p);
    const prefix = s.charCodeAt(p) === 91 ? bracketedPrefix(s, p, eol) : undefined;
    if (prefix && prefix.payloadAt === undefined) {
      // A log line without a payload (`[2026-11-30 12:00:00] INFO started`).
      p = eol + 1;
      continue;
    }
    const at = prefix?.payloadAt ?? findPayloadStart(s, p, eol);
    // A line that opens a structure without holding a whole payload (`{`, `<Response>`): a document over lines.
    if (at === -1 && OPENS_STRUCTURE.test(s.slice(p, Math.min(eol, p + 200)))) return { lineMode: false };
    const isPrologOrComment =
      at !== -1 && s.charCodeAt(at) === 60 && (s[at + 1] === '?' || s[at + 1] === '!');
    if (at !== -1 && !isPrologOrComment) {
      if (isSpace(s.charCodeAt(p))) return { lineMode: false, ...(firstScan ? { firstScan } : {}) };
      if (seen === 0 || cutShort) {
        const isXml = s.charCodeAt(at) === 60;
        // Bounded by the line: whether it closes there is all that matters, and a long document is not scanned twice.
        const scan = isXml ? scanXmlRoot(s, at, eol) : scanJsonValue(s, at, eol);
        if (!scan.closed) {
          // A first JSON payload cut short on its line (a log's first callback line truncated) does not decide:
          // the next two do, each whole on its line. XML that runs on is a document over lines.
          if (isXml || seen > 0 || cutShort) return { lineMode: false };
          cutShort = true;
          p = eol + 1;
          continue;
        }
        firstScan ??= { at, scan };
        const rest = s.slice(scan.end, eol).trim();
        if (rest !== '' && !rest.startsWith('<')) return { lineMode: false, firstScan };
        if (isXml && rest === '' && (scan as { name: string }).name === 'EventName')
          return { lineMode: false, firstScan };
      }
      seen++;
    }
    p = eol + 1;
  }
  return { lineMode: seen >= 2, ...(firstScan ? { firstScan } : {}) };
}
