import { digestOf, rememberDigest } from '../domain/derive/digest';
import type { CallbackDocument, CallbackModel, SourceFormat } from '../domain/model';
import type { WireDocument } from './protocol';
import { isSourceRead, sourceInBlob } from './source-text';

/**
 * Payloads up to this long (callbacks are a few KB) have their models read again on the page when shown, not sent
 * with them: a few milliseconds at most on the main thread. A larger one's model is sent.
 */
export const READ_ON_DEMAND_MAX = 64 * 1024;

/** Reads a document's model from its source (`domain/read-model.ts`, loaded by the page when it needs it). */
export type ModelReader = (text: string, format: SourceFormat) => CallbackModel | undefined;

/**
 * A document as the worker sends it (`WireDocument`). A document's source is always a stretch of the text it was
 * parsed from, starting at `source.start.offset` (parse-payload's invariant, tested on every fixture and hostile
 * input): the worker sends where, the page takes the text from its own copy.
 */
export function toWire(
  doc: CallbackDocument,
  {
    modelsOnDemand = false,
    bytes,
  }: { modelsOnDemand?: boolean; bytes?: { start: number; length: number } | 'inline' } = {},
): WireDocument {
  const { source, model, ...rest } = doc;
  const onDemand = modelsOnDemand && model !== undefined && source.text.length <= READ_ON_DEMAND_MAX;
  const where =
    bytes === undefined
      ? { start: source.start, length: source.text.length }
      : bytes === 'inline'
        ? { start: source.start, length: source.text.length, text: source.text }
        : { start: source.start, length: source.text.length, bytes };
  return {
    ...rest,
    source: where,
    ...(model === undefined ? {} : onDemand ? { modelOnDemand: true } : { model }),
    digest: digestOf(doc),
  };
}

/**
 * The document again: its source text sliced from `text` (which shares its memory, not a copy of it), its digest
 * remembered, and a model sent on demand read by `readModel` the first time it is asked for (then kept).
 */
export function fromWire(wire: WireDocument, text: string | Blob, readModel?: ModelReader): CallbackDocument {
  const { source, digest, modelOnDemand, ...rest } = wire;
  const from = source.start.offset;
  const doc: CallbackDocument = {
    ...rest,
    source:
      typeof text === 'string'
        ? { start: source.start, text: text.slice(from, from + source.length) }
        : source.text !== undefined || source.bytes === undefined
          ? { start: source.start, text: source.text ?? '' }
          : sourceInBlob(source.start, text, source.bytes),
  };
  if (modelOnDemand) {
    if (!readModel) throw new Error('A model sent on demand needs a reader');
    let model: CallbackModel | undefined;
    let read = false;
    Object.defineProperty(doc, 'model', {
      enumerable: true,
      configurable: true,
      get: () => {
        // Its source still in the file: no model yet (the page reads the source before it shows the document).
        if (!read && isSourceRead(doc)) {
          model = readModel(doc.source.text, doc.format);
          read = true;
        }
        return model;
      },
    });
  }
  rememberDigest(doc, digest);
  return doc;
}
