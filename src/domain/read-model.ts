/**
 * A document's model read again from its source text. A large load's documents reach the page with their digests
 * but without their models (`worker/wire.ts`): the page reads a model only for a document it shows, in well under
 * a millisecond for a callback, instead of receiving 10,000 models it mostly never reads.
 */
import type { CallbackModel, SourceFormat } from './model';
import { toCallbackModel } from './normalize/to-callback-model';
import { parseJson } from './parse/parse-json';
import { readXml } from './parse/parse-xml';

const NOWHERE = { line: 1, column: 1, offset: 0 };

/**
 * The model `parsePayload` gave a readable document, from the document's source text and format (tests check
 * they are equal for every document of every fixture, hostile and fuzzed input). `undefined` for text it cannot
 * read; never throws.
 */
export function readModel(text: string, format: SourceFormat): CallbackModel | undefined {
  try {
    let root: unknown;
    if (format === 'xml') root = readXml(text);
    else if (format === 'json') {
      const outcome = parseJson(text, () => NOWHERE);
      if (!outcome.ok) return undefined;
      root = outcome.root;
    } else return undefined;
    return toCallbackModel(root, format).model;
  } catch {
    return undefined;
  }
}
