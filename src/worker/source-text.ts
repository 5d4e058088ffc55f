import type { CallbackDocument } from '../domain/model';
import type { SourcePosition } from '../domain/diagnostics';

type Source = CallbackDocument['source'];

/**
 * A source still in a Blob: where its bytes are, and its text once read. A class, not an object with a getter and
 * two WeakMap entries: a page holds one per callback of a file (100,000 and more), and every closure, map entry and
 * object of its own is garbage collection's work for as long as the file is loaded.
 */
class BlobSource implements Source {
  /** The empty string until `readSources` has read the bytes. */
  text = '';
  isRead = false;
  constructor(
    readonly start: SourcePosition,
    readonly blob: Blob,
    readonly byteStart: number,
    readonly byteLength: number,
  ) {}
}

/**
 * A document's source that stays in the file it came from (a log of any size is never held whole by the page): its
 * `text` is the empty string until `readSources` has read its bytes, then the text. The page reads the sources of
 * the documents it shows, compares or shares before it uses them (`isSourceRead`).
 */
export function sourceInBlob(
  start: SourcePosition,
  blob: Blob,
  bytes: { readonly start: number; readonly length: number },
): Source {
  return new BlobSource(start, blob, bytes.start, bytes.length);
}

/** Whether the document's source text is at hand (always, but for a source in a Blob not read yet). */
export function isSourceRead(doc: CallbackDocument): boolean {
  return !(doc.source instanceof BlobSource) || doc.source.isRead;
}

/** Reads the sources of these documents that are still in their Blob (a few KB each: a slice of the file). */
export async function readSources(docs: readonly CallbackDocument[]): Promise<void> {
  await Promise.all(
    docs.map(async ({ source }) => {
      if (!(source instanceof BlobSource) || source.isRead) return;
      const text = await source.blob.slice(source.byteStart, source.byteStart + source.byteLength).text();
      source.text = text;
      source.isRead = true;
    }),
  );
}
