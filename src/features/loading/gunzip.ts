/**
 * A gzip-compressed file (a rotated log, `app.log.1.gz`) is read as the text it holds: the browser's own
 * `DecompressionStream` inflates it as a stream, and no more than `limit` bytes come out of it (a small file may
 * inflate to gigabytes).
 */

/** The two bytes every gzip member starts with (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export type Gunzipped =
  | { readonly kind: 'plain' }
  | { readonly kind: 'inflated'; readonly blob: Blob }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'corrupt' };

/** Whether `blob` starts as gzip does. */
export async function isGzip(blob: Blob): Promise<boolean> {
  if (blob.size < GZIP_MAGIC.length) return false;
  const head = new Uint8Array(await blob.slice(0, GZIP_MAGIC.length).arrayBuffer());
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** `blob` inflated when it is gzip, at most `limit` bytes of it; `plain` when it is not gzip. */
export async function gunzipIfCompressed(blob: Blob, limit: number): Promise<Gunzipped> {
  if (!(await isGzip(blob))) return { kind: 'plain' };
  let total = 0;
  let over = false;
  const cap = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > limit) {
        over = true;
        controller.error(new RangeError('inflated past the limit'));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  try {
    const inflated = blob
      .stream()
      .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
      .pipeThrough(cap);
    return { kind: 'inflated', blob: await new Response(inflated).blob() };
  } catch {
    return over ? { kind: 'tooLarge' } : { kind: 'corrupt' };
  }
}
