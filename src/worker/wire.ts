import type { CallbackDocument } from '../domain/model';
import type { WireDocument } from './protocol';

/**
 * A document's source is always a stretch of the text it was parsed from, starting at `source.start.offset`
 * (parse-payload's invariant, tested on every fixture and hostile input): the worker sends where, the page
 * takes the text from its own copy.
 */
export function toWire(doc: CallbackDocument): WireDocument {
  const { source, ...rest } = doc;
  return { ...rest, source: { start: source.start, length: source.text.length } };
}

/** The document again, its source text sliced from `text` (which shares its memory, not a copy of it). */
export function fromWire(doc: WireDocument, text: string): CallbackDocument {
  const { source, ...rest } = doc;
  const from = source.start.offset;
  return { ...rest, source: { start: source.start, text: text.slice(from, from + source.length) } };
}
