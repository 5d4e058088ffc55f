/**
 * Where a payload starts in a line of text (`findPayloadStart`), and whether a line is a log line that holds one
 * (`isLogLineAt`): for the splitter (`split.ts`, `log-lines.ts`) and for the scans (`scan.ts`), which end a payload
 * cut short where such a line starts.
 */

/** Where a payload may start inside a log line: an XML tag, or a JSON object (`{"` or `{}`), or an array of them. */
const PAYLOAD_START = /<[A-Za-z_?]|\{\s*["}]|\[\s*\{\s*["}]/g;
/**
 * The first payload start within [from, to), searched in that line only (a log may have many noise lines), or a
 * JSON payload opened at the line's end and printed over the lines after it (`openedAtLineEnd`).
 */
export function findPayloadStart(s: string, from: number, to: number): number {
  const line = s.slice(from, to);
  // A tag that starts a line is a line of XML, read as one.
  const atLineStart = from === 0 || s.charCodeAt(from - 1) === 10;
  PAYLOAD_START.lastIndex = 0;
  for (let m = PAYLOAD_START.exec(line); m; m = PAYLOAD_START.exec(line)) {
    if (line.charCodeAt(m.index) !== 60 || (atLineStart && m.index === 0) || isXmlPayloadAt(line, m.index))
      return from + m.index;
    PAYLOAD_START.lastIndex = m.index + 1;
  }
  return openedAtLineEnd(s, from, to);
}

/** The first elements of a callback in XML, which may open a line and go on over the lines after it. */
const CALLBACK_ROOT = /<(?:\?xml|Response|EventName|JobsDetail)[\s/>]/y;

/** An HTML element's opening tag (case as HTML allows): log text that quotes a page. */
const HTML_ELEMENT =
  /<(?:html|head|body|title|h[1-6]|p|div|span|a|b|i|u|em|strong|small|br|hr|pre|code|center|table|thead|tbody|tr|td|th|ul|ol|li|script|style|meta|link|img|form|input|button|label|nav|footer|header|section|article|main)[\s/>]/iy;

/**
 * Whether the tag at `at` of a line of text starts an XML payload: a callback's first element (`<Response>`,
 * `<?xml`), or an element that ends on the line (`<Result>…</Result>`, `<a/>`). Log text holds tags that are none
 * (Java's `<init>` in a stack trace, Go's `<nil>`, `<main>`): read as payloads, they ran on over the lines after
 * them and took the callbacks there with them.
 */
function isXmlPayloadAt(line: string, at: number): boolean {
  CALLBACK_ROOT.lastIndex = at;
  if (CALLBACK_ROOT.test(line)) return true;
  // Nor is HTML a log quotes (an upstream's error page, `<html><body><h1>502 Bad Gateway</h1>…`), though it closes.
  HTML_ELEMENT.lastIndex = at;
  if (HTML_ELEMENT.test(line)) return false;
  let end = at + 1;
  while (end < line.length && !/[\s/>]/.test(line.charAt(end))) end++;
  const gt = line.indexOf('>', end);
  if (gt === -1) return false;
  return line.charCodeAt(gt - 1) === 47 /* / */ || line.includes(`</${line.slice(at + 1, end)}`, gt);
}

/** After a `{` that ends a line: white space and line ends, then a key or the object's end. */
const OBJECT_GOES_ON = /\s*["}]/y;
/** After a `[` that ends a line: white space and line ends, then an object that starts as `OBJECT_GOES_ON`. */
const ARRAY_GOES_ON = /\s*\{\s*["}]/y;

/**
 * A JSON object (or array of objects) opened by the last character of the line [from, to) and printed over the
 * lines after it, as loggers print a pretty-printed payload after their prefix (`INFO callback: {`, then
 * `  "EventName": …`): where it starts, or -1. A line ending in `{` before anything else (`if (x) {`) is not one.
 */
function openedAtLineEnd(s: string, from: number, to: number): number {
  let last = to - 1;
  while (last >= from && isBlankChar(s.charCodeAt(last))) last--;
  if (last < from) return -1;
  const c = s.charCodeAt(last);
  const goesOn = c === 123 ? OBJECT_GOES_ON : c === 91 ? ARRAY_GOES_ON : undefined;
  if (goesOn === undefined) return -1;
  goesOn.lastIndex = last + 1;
  // Only past the line's end: a `{` before `]` or on a line of its own is none of this.
  const next = s.charCodeAt(to);
  return (next === 10 || next === 13) && goesOn.test(s) ? last : -1;
}

/** White space of a line (a line feed ends one). */
function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/**
 * How a log line starts that no line of a JSON document can (JSON strings hold no line feed, so a line of JSON
 * starts outside one): a word that is not `true`, `false` or `null`; a date or time (`2026-11-30`, `12:00:01`,
 * `2026/11/30`), or a number and a word (`2026 INFO`); a bracket holding one (`[2026-11-30 12:00:01]`, `[main]`).
 */
const IN_BRACKET = String.raw`(?:\[[ \t]*)?`;
const TIME = String.raw`\d+(?:[-:/]\d|[ \t]+[A-Za-z])`;
const LOG_LINE_START = new RegExp(
  `${IN_BRACKET}(?:(?!(?:true|false|null)(?![A-Za-z]))[A-Za-z]|${TIME})`,
  'y',
);

/** A log line's time (`2026-11-30`, `12:00:01`, `2026/11/30`, `2026 INFO`), in brackets or not. */
const LOG_LINE_TIME = new RegExp(`${IN_BRACKET}${TIME}`, 'y');

/**
 * Whether the line at `at` starts with a log line's time, whatever it holds: a line of words may be the rest of a
 * string over lines (`"Task\nFinish"`, reported as a raw line feed in a string), a time is not.
 */
export function startsWithLogTime(s: string, at: number): boolean {
  LOG_LINE_TIME.lastIndex = at;
  return LOG_LINE_TIME.test(s);
}

/**
 * Whether `c` may start a log line: a letter, a digit or `[` (most lines of a document start with white space, a
 * quote or a bracket of JSON, or `<`).
 */
export function mayStartLogLine(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 91;
}

/**
 * Where the payload of the log line starting at `at` starts (`2026-11-30 12:00:03 INFO callback: {…}`; the line ends
 * at the next line feed or `limit`), or -1 when the line is no such log line: a payload that runs into one was cut
 * short before it. No line of a JSON document is one; a line of an XML document's text may be (the caller judges).
 */
export function logLinePayloadAt(s: string, at: number, limit: number): number {
  if (!mayStartLogLine(s.charCodeAt(at))) return -1;
  LOG_LINE_START.lastIndex = at;
  if (!LOG_LINE_START.test(s)) return -1;
  const nl = s.indexOf('\n', at);
  return findPayloadStart(s, at, nl === -1 || nl > limit ? limit : nl);
}

/** A payload that starts a line (`PAYLOAD_START` at its first character). */
const PAYLOAD_AT = new RegExp(PAYLOAD_START.source, 'y');

/**
 * Whether a payload starts the line at `at`: after a line feed inside a JSON string (which holds none), the string
 * was cut short, and a payload on the next line is the next one (JSON Lines whose line was cut).
 */
export function payloadStartsLine(s: string, at: number): boolean {
  PAYLOAD_AT.lastIndex = at;
  return PAYLOAD_AT.test(s);
}
