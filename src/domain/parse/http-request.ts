/**
 * HTTP request dumps in an input (request line, headers, blank line, body), one or several: the splitter
 * (`split.ts`) gives each body the headers of its own request.
 */
import { lineEnd } from './log-lines';

/** What a callback's HTTP request says of its body. */
export interface HttpHeaders {
  readonly contentType?: string;
  readonly contentVersion?: string;
}

const HTTP_REQUEST_LINE = /(?:POST|PUT|GET|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP\/\d(?:\.\d)?\r?\n/y;
/** A header line: a name (RFC 9110's token) and a colon, or a line folded onto the one before it. */
const HEADER_LINE = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+:|[ \t]+\S)/;

/**
 * The HTTP request whose line starts at `at`, if one does: its headers and where its body starts (after the blank
 * line that ends them, or at the first line that is not a header). `cut`: the headers run to the end of the text,
 * so more of them may follow (in a file's next chunk).
 */
export function readRequest(
  s: string,
  at: number,
): { readonly http: HttpHeaders; readonly bodyAt: number; readonly cut: boolean } | undefined {
  HTTP_REQUEST_LINE.lastIndex = at;
  const request = HTTP_REQUEST_LINE.exec(s);
  if (!request) return undefined;
  const http: { contentType?: string; contentVersion?: string } = {};
  const n = s.length;
  for (let pos = at + request[0].length; ;) {
    if (pos >= n) return { http, bodyAt: n, cut: true };
    const eol = lineEnd(s, pos);
    const line = s.slice(pos, eol).replace(/\r$/, '');
    if (line === '') return { http, bodyAt: Math.min(n, eol + 1), cut: false };
    if (!HEADER_LINE.test(line)) return { http, bodyAt: pos, cut: false };
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (name === 'content-type') http.contentType = line.slice(colon + 1).trim();
    // Moderation callbacks say which shape they carry: `X-Ci-Content-Version: Simple|Detail`.
    else if (name === 'x-ci-content-version') http.contentVersion = line.slice(colon + 1).trim();
    if (eol >= n) return { http, bodyAt: n, cut: true };
    pos = eol + 1;
  }
}

/** Whether `c` may start an HTTP request line (its method's first letter: POST, PUT, PATCH, GET, DELETE, HEAD, OPTIONS). */
export function mayStartRequest(c: number): boolean {
  return c === 80 || c === 71 || c === 68 || c === 72 || c === 79;
}
