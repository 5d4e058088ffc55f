/**
 * A `curl` command that replays a callback to an endpoint the person types in, so they can test their own
 * callback handler. The body goes in one POSIX single-quoted argument to `--data-binary`, which the shell passes
 * byte for byte (quotes, `$( )`, backticks, new lines); only `'` itself needs the `'\''` sequence.
 */
export type CurlResult =
  | { readonly ok: true; readonly command: string }
  | { readonly ok: false; readonly error: 'endpoint-invalid' };

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Only http(s) URLs: the endpoint ends up in a shell command. */
export function isReplayEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function contentTypeFor(format: string): string {
  return format === 'json' ? 'application/json' : 'application/xml';
}

export function toCurlCommand(endpoint: string, body: string, contentType: string): CurlResult {
  if (!isReplayEndpoint(endpoint)) return { ok: false, error: 'endpoint-invalid' };
  const command = [
    'curl -sS -X POST',
    shellQuote(endpoint),
    '-H',
    shellQuote(`Content-Type: ${contentType}`),
    '--data-binary',
    shellQuote(body),
  ].join(' ');
  return { ok: true, command };
}
