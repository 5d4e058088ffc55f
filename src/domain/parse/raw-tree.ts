import type { SourceFormat } from '../model';
import { parseJson } from './parse-json';
import { parseXml } from './parse-xml';
import { splitPayloads } from './split';

const nowhere = () => ({ line: 1, column: 1, offset: 0 });

/**
 * The untyped tree of one payload's source, as the parsers give it (before normalisation): for conversions between
 * the XML and JSON forms, and for tests that account for every leaf. `undefined` when it cannot be read.
 */
export function parseRawTree(text: string, format: SourceFormat): unknown {
  if (format === 'xml') {
    const piece = splitPayloads(text).pieces[0];
    const outcome = parseXml(text, piece?.roots ?? [], nowhere);
    return outcome.ok ? outcome.root : undefined;
  }
  if (format === 'json') {
    const outcome = parseJson(text, nowhere);
    return outcome.ok ? outcome.root : undefined;
  }
  return undefined;
}
