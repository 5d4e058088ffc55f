/**
 * A payload pasted still encoded as it travelled or was logged: URL-encoded (a form body, a query string,
 * `body=%7B%22EventName%22…`) or base64 (a message queue, a `-d @file | base64` of a test). Such a text holds no
 * payload the splitter can see; decoded, it does, and the document says so and gives the decoded text to load.
 */

export type InputEncoding = 'url' | 'base64';

/** Text that starts a payload, or holds a callback's first names. */
const PAYLOAD = /^\s*[{<[]|"(?:EventName|JobsDetail)"|<Response>/;
const URL_ENCODED = /%(?:7B|3C|22)/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Decoding is for a pasted payload, not for a log of megabytes. */
const MAX_LENGTH = 16 * 1024 * 1024;

/** The text `text` decodes to when it is a URL-encoded or base64 payload, and which encoding it was. */
export function decodeInput(
  text: string,
): { readonly encoding: InputEncoding; readonly text: string } | undefined {
  const t = text.trim();
  if (t.length < 12 || t.length > MAX_LENGTH) return undefined;
  if (URL_ENCODED.test(t)) {
    try {
      const decoded = decodeURIComponent(t.replace(/\+/g, ' '));
      if (PAYLOAD.test(decoded) || PAYLOAD.test(decoded.slice(decoded.indexOf('=') + 1)))
        return { encoding: 'url', text: decoded };
    } catch {
      // Not URL-encoded after all (a lone `%`).
    }
    return undefined;
  }
  const compact = t.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) return undefined;
  try {
    const binary = atob(compact.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return PAYLOAD.test(decoded) ? { encoding: 'base64', text: decoded } : undefined;
  } catch {
    return undefined;
  }
}
