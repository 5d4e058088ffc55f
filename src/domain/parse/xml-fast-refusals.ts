/**
 * What the XML fast path (`xml-fast-path.ts`) refuses itself, as the library's path would: a closing tag of another
 * name, and a text over a structure limit (counted as `xmlOverLimit` counts).
 */
import { countXml, overLimitCode, type OverLimit, type XmlCount } from './structure-limits';

/**
 * What the fast path refuses itself rather than leave to the library, which would read the whole text again to say
 * the same: a closing tag that does not match the open element (`xml-mismatched-tag`, with the validator's own
 * message: everything before it is plain XML the validator accepts, so its first error is this one), or more
 * distinct names, object shapes or keys in one object than `STRUCTURE_LIMITS` allows (`overLimitCode`, where
 * `xmlOverLimit` would say it).
 * `xml-fast-path.test.ts` checks the library refuses every such input of the corpus, with the same message.
 */
export class FastRefusal {
  constructor(
    readonly code: 'xml-mismatched-tag' | 'xml-bad-entity' | ReturnType<typeof overLimitCode>,
    /** Offset in the text given: the closing tag's `<`, or the name's first character. */
    readonly offset: number,
    readonly detail?: string,
    readonly over?: OverLimit,
  ) {}
}

/**
 * The names, shapes and attributes of the text before `until` (the fast path counts exactly from there on: the names' numbers
 * are the same, counted in the same order), or the refusal of that text when it is over a limit.
 */
export function countExactly(text: string, until: number): XmlCount | FastRefusal {
  const counted = countXml(text, until);
  return 'limit' in counted ? refusal(counted) : counted;
}

/** The refusal of a text over a structure limit, where `xmlOverLimit` would find it. */
export function refusal(over: OverLimit): FastRefusal {
  return new FastRefusal(overLimitCode(over.limit), over.offset, undefined, over);
}

/**
 * The closing tag at `lt` (its name ending at `nameEnd`, as the fast path reads names) when it does not close the
 * open element: a refusal, with the validator's message, when it is a plain closing tag of another name
 * (`</name>`); anything else (`</name >`, an odd name) is left to the library. The validator counts lines and columns from the start of the text it is given, the root's span.
 */
export function mismatched(
  text: string,
  lt: number,
  nameEnd: number,
  path: readonly string[],
  textStarts: readonly number[],
  rootStart: number,
): FastRefusal | undefined {
  if (nameEnd === lt + 2 || text.charCodeAt(nameEnd) !== 62 /* > */) return undefined;
  const open = path[path.length - 1] as string;
  // The open element's `<`: its text starts after its start tag, which holds nothing but its name here or plain
  // attributes, so it is the last `<` before that text.
  const openAt = text.lastIndexOf('<', (textStarts[path.length - 1] as number) - 1);
  const { line, column } = lineColumn(text, rootStart, openAt);
  const closing = text.slice(lt + 2, nameEnd);
  return new FastRefusal(
    'xml-mismatched-tag',
    lt,
    `Expected closing tag '${open}' (opened in line ${line}, col ${column}) instead of closing tag '${closing}'.`,
  );
}

/** Line and column (from 1, in UTF-16 units) of `offset`, counted from `from`. */
function lineColumn(text: string, from: number, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = from;
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
