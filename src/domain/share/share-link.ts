/**
 * Share links carry the payloads' source texts in the URL fragment (never sent to a server), compressed with the
 * platform's CompressionStream and versioned: `#v1.<base64url(gzip(JSON))>`. Decoding refuses anything corrupt,
 * truncated, hostile or over 8 MB decompressed (counted while decompressing, so a zip bomb stops early).
 */
import { LIMITS } from '../limits';

export const SHARE_VERSION = 'v1';
const PREFIX = `${SHARE_VERSION}.`;

/** One shared document: its source text and the name it had in the list. */
export interface SharedText {
  readonly name: string;
  readonly text: string;
}

export type ShareError = 'share-version' | 'share-corrupt' | 'share-too-large' | 'share-empty';

export type ShareDecodeResult =
  | { readonly ok: true; readonly texts: readonly SharedText[] }
  | { readonly ok: false; readonly error: ShareError; readonly detail: string };

/** Links longer than this are cut by common chat tools and some browsers. */
export const CHAT_SAFE_LINK_LENGTH = 2000;
export const BROWSER_SAFE_LINK_LENGTH = 32_000;

export async function encodeShareFragment(texts: readonly SharedText[]): Promise<string> {
  const json = JSON.stringify({ d: texts.map((t) => ({ n: t.name, t: t.text })) });
  const compressed = await pipe(new TextEncoder().encode(json), new CompressionStream('gzip'));
  return PREFIX + toBase64Url(compressed);
}

/** Accepts the fragment with or without its leading `#`. Never throws. */
export async function decodeShareFragment(
  fragment: string,
  maxBytes: number = LIMITS.shareLink,
): Promise<ShareDecodeResult> {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (f === '') return { ok: false, error: 'share-empty', detail: 'no data in the link' };
  if (!f.startsWith(PREFIX)) {
    return { ok: false, error: 'share-version', detail: `unknown link format "${f.slice(0, 8)}"` };
  }
  const bytes = fromBase64Url(f.slice(PREFIX.length));
  if (!bytes) return { ok: false, error: 'share-corrupt', detail: 'not base64url' };
  let json: string;
  try {
    const inflated = await inflateCapped(bytes, maxBytes);
    if (inflated === 'too-large')
      return { ok: false, error: 'share-too-large', detail: `over ${maxBytes} bytes decompressed` };
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (e) {
    return {
      ok: false,
      error: 'share-corrupt',
      detail: e instanceof Error ? e.message : 'cannot decompress',
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'share-corrupt', detail: 'not JSON' };
  }
  const list = data && typeof data === 'object' && 'd' in data ? (data as { d: unknown }).d : undefined;
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, error: 'share-corrupt', detail: 'no documents' };
  const texts: SharedText[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') return { ok: false, error: 'share-corrupt', detail: 'bad entry' };
    const { n, t } = item as { n?: unknown; t?: unknown };
    if (typeof t !== 'string' || (n !== undefined && typeof n !== 'string')) {
      return { ok: false, error: 'share-corrupt', detail: 'bad entry' };
    }
    texts.push({ name: typeof n === 'string' ? n.slice(0, 200) : '', text: t });
  }
  return { ok: true, texts };
}

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decompresses chunk by chunk and stops as soon as the output passes `maxBytes`. */
async function inflateCapped(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `Uint8Array.fromBase64` (Chromium 140+, Firefox 133+, Safari 18.2+): native, where the loop below is not. */
type FromBase64 = (s: string, options: { readonly alphabet: 'base64url' }) => Uint8Array;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

export function fromBase64Url(
  s: string,
  native: FromBase64 | undefined = nativeFromBase64,
): Uint8Array | undefined {
  // Checked first: the native decoder would skip white space, which a link must not hold.
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
  if (native) {
    try {
      return native(s, { alphabet: 'base64url' });
    } catch {
      return undefined;
    }
  }
  try {
    const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
