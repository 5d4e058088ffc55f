/**
 * The five entities XML predefines (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`), decoded by the XML fast path as
 * fast-xml-parser decodes them with the options of `parse-xml.ts` (`htmlEntities: false`: no others): in text and
 * attribute values, after trimming, in one pass (`&amp;lt;` is `&lt;`), each counted against the library's limit on
 * expansions in one document. Any other `&` (a numeric reference, another name, a bare `&`) is the library's.
 */

/** fast-xml-parser's `processEntities.maxTotalExpansions` as `parse-xml.ts` sets it. */
export const MAX_ENTITY_EXPANSIONS = 100_000;

/** The library's words when a document goes over it (`@nodable/entities`, `EntityDecoder.decode`). */
export function expansionsMessage(): string {
  return `[EntityReplacer] Entity expansion count limit exceeded: ${MAX_ENTITY_EXPANSIONS + 1} > ${MAX_ENTITY_EXPANSIONS}`;
}

const PREDEFINED: Partial<Record<string, string>> = Object.assign(Object.create(null) as object, {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/** Decodes the values of one document, counting the expansions. */
export class XmlEntities {
  expansions = 0;

  /** `value` with its entities decoded, or `undefined` when it holds an `&` that is not one of the five. */
  decode(value: string): string | undefined {
    let amp = value.indexOf('&');
    if (amp === -1) return value;
    let out = '';
    let from = 0;
    while (amp !== -1) {
      const semicolon = value.indexOf(';', amp + 1);
      if (semicolon === -1 || semicolon - amp > 5) return undefined;
      const replacement = PREDEFINED[value.slice(amp + 1, semicolon)];
      if (replacement === undefined) return undefined;
      out += value.slice(from, amp) + replacement;
      this.expansions++;
      from = semicolon + 1;
      amp = value.indexOf('&', from);
    }
    return out + value.slice(from);
  }
}
