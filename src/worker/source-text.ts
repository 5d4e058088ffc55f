import type { CallbackDocument } from '../domain/model';
import type { SourcePosition } from '../domain/diagnostics';

type Source = CallbackDocument['source'];

/** Sources still in a Blob: where their bytes are. */
const inBlob = new WeakMap<
  Source,
  { readonly blob: Blob; readonly start: number; readonly length: number }
>();
/** Their texts, once read. */
const texts = new WeakMap<Source, string>();

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
  const source: Source = {
    start,
    get text() {
      return texts.get(source) ?? '';
    },
  };
  inBlob.set(source, { blob, ...bytes });
  return source;
}

/** Whether the document's source text is at hand (always, but for a source in a Blob not read yet). */
export function isSourceRead(doc: CallbackDocument): boolean {
  return !inBlob.has(doc.source) || texts.has(doc.source);
}

/** Reads the sources of these documents that are still in their Blob (a few KB each: a slice of the file). */
export async function readSources(docs: readonly CallbackDocument[]): Promise<void> {
  await Promise.all(
    docs.map(async (doc) => {
      const where = inBlob.get(doc.source);
      if (!where || texts.has(doc.source)) return;
      const text = await where.blob.slice(where.start, where.start + where.length).text();
      texts.set(doc.source, text);
    }),
  );
}
