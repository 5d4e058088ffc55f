/**
 * A `curl` command that replays a callback to an endpoint the person types in, so they can test their own
 * callback handler. For a POSIX shell (sh, bash, zsh; on Windows: WSL or Git Bash). No PowerShell variant: it
 * could not be tested here.
 *
 * The body is never an argument: it is base64 in a quoted here-document, decoded and piped to
 * `curl --data-binary @-`. So whatever the body is, it arrives byte for byte and cannot make curl read a local
 * file (`@/etc/passwd` at the start of a body is just bytes), any size passes (no 128 KiB single-argument limit),
 * CR, NUL and invalid-looking bytes arrive exactly, and nothing in it is seen by the shell (the here-document's
 * delimiter is quoted and cannot occur in base64). `-q` first keeps a `~/.curlrc` out of it; `--globoff` sends one
 * request to an endpoint holding `[1-3]` or `{a,b}`; the endpoint is the parsed URL, single-quoted.
 */
export type CurlResult =
  | { readonly ok: true; readonly command: string }
  | { readonly ok: false; readonly error: 'endpoint-invalid' };

/** The here-document's delimiter: not a base64 string (`_` is not in the base64 alphabet). */
export const CURL_BODY_DELIMITER = 'CI_CALLBACK_BODY';
/** Base64 line length, as `base64` writes it. */
const LINE = 76;

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Only http(s) URLs: the endpoint ends up in a shell command. */
export function isReplayEndpoint(endpoint: string): boolean {
  return parseEndpoint(endpoint) !== undefined;
}

function parseEndpoint(endpoint: string): string | undefined {
  try {
    const url = new URL(endpoint.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
    // The serialised URL: no raw spaces, tabs or new lines (the parser percent-encodes or drops them).
    return url.href;
  } catch {
    return undefined;
  }
}

export function contentTypeFor(format: string): string {
  return format === 'json' ? 'application/json' : 'application/xml';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);
const NEW_LINE = 10;

/**
 * Base64 of the body's UTF-8 bytes (or of the bytes themselves) in lines of 76 characters, as `base64` writes it,
 * each line ended by a new line. Written into one byte buffer and decoded once: fast for a 16 MB body.
 */
export function base64Text(body: string | Uint8Array): string {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const chars = Math.ceil(bytes.length / 3) * 4;
  const out = new Uint8Array(chars + Math.ceil(chars / LINE));
  let o = 0;
  let col = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const b2 = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    out[o++] = CODES[b0 >> 2] as number;
    out[o++] = CODES[((b0 & 3) << 4) | (b1 >> 4)] as number;
    out[o++] = i + 1 < bytes.length ? (CODES[((b1 & 15) << 2) | (b2 >> 6)] as number) : PAD;
    out[o++] = i + 2 < bytes.length ? (CODES[b2 & 63] as number) : PAD;
    col += 4;
    if (col === LINE || i + 3 >= bytes.length) {
      out[o++] = NEW_LINE;
      col = 0;
    }
  }
  return new TextDecoder('latin1').decode(out.subarray(0, o));
}

/**
 * The command: `base64 -d <<'CI_CALLBACK_BODY' | curl -q -sS --globoff -X POST … --data-binary @-`, the base64
 * lines, the delimiter. A string body is sent as its UTF-8 bytes.
 */
export function toCurlCommand(endpoint: string, body: string | Uint8Array, contentType: string): CurlResult {
  const url = parseEndpoint(endpoint);
  if (url === undefined) return { ok: false, error: 'endpoint-invalid' };
  const curl = [
    'curl -q -sS --globoff -X POST',
    '-H',
    shellQuote(`Content-Type: ${contentType}`),
    '--data-binary @-',
    '--url',
    shellQuote(url),
  ].join(' ');
  const command = `base64 -d <<'${CURL_BODY_DELIMITER}' | ${curl}\n${base64Text(body)}${CURL_BODY_DELIMITER}`;
  return { ok: true, command };
}
