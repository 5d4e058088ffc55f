/**
 * XML payloads: the only module that imports fast-xml-parser. Plain callbacks (no entities, attributes, comments,
 * CDATA or declarations) are read by the fast path of `xml-fast-path.ts`, which gives the library's tree or gives
 * up; everything else goes through the library, in an order that matters (DESIGN.md "Security"):
 * 1. refuse `<!DOCTYPE`/`<!ENTITY` by a scan (the validator accepts them);
 * 2. fast-xml-parser's validator, which gives line and column for syntax errors;
 * 3. the parser, with `parseTagValue: false` (no coercion: `0xc64847` stays a colour), repeating nodes forced
 *    to arrays by path, and explicit entity and nesting limits.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import { REPEATING_PATHS } from '../normalize/schema';
import { MAX_DEPTH } from './scan';
import { REFUSED_ALTERNATIVES } from './unsafe-names';
import { overLimitDiagnostic, xmlOverLimit } from './structure-limits';
import { MAX_ENTITY_EXPANSIONS } from './xml-entities';
import { FastRefusal, readPlainXml } from './xml-fast-path';

export type XmlOutcome =
  { readonly ok: true; readonly root: unknown } | { readonly ok: false; readonly error: Diagnostic };

/** Maps an offset in the payload to a position in the input. */
export type Locate = (offset: number) => { line: number; column: number; offset: number };

const REPEATING_BY_NAME = new Map<string, string[]>();
for (const path of REPEATING_PATHS) {
  const dot = path.lastIndexOf('.');
  const name = path.slice(dot + 1);
  const list = REPEATING_BY_NAME.get(name) ?? [];
  list.push(dot === -1 ? '' : `.${path.slice(0, dot)}.${name}`);
  REPEATING_BY_NAME.set(name, list);
}

/** Whether `name`, at `path` (the names from the root to it), is always an array. */
function isRepeating(name: string, path: () => readonly string[]): boolean {
  const suffixes = REPEATING_BY_NAME.get(name);
  if (!suffixes) return false;
  if (suffixes.includes('')) return true;
  const names = path();
  return suffixes.some((s) => joinedEndsWith(names, s));
}

/**
 * Whether `.${names.join('.')}` ends with `suffix`, without making that string: this runs for every element whose
 * name may repeat (a callback has several), and the path is compared from its end.
 */
export function joinedEndsWith(names: readonly string[], suffix: string): boolean {
  if (names.length === 0) return '.'.endsWith(suffix);
  let k = suffix.length;
  for (let i = names.length - 1; i >= 0 && k > 0; i--) {
    const name = names[i] as string;
    const from = k - name.length;
    // The suffix begins inside this name: its start must be the name's end.
    if (from < 0) return name.endsWith(suffix.slice(0, k));
    if (!suffix.startsWith(name, from)) return false;
    k = from;
    if (k === 0) return true;
    if (suffix.charCodeAt(k - 1) !== 46 /* . */) return false;
    k--;
  }
  return k === 0;
}

/**
 * fast-xml-parser passes a path matcher (with `jPath: false`) instead of building a path string for every element;
 * the path is read only for the few names that may repeat. The fast path passes the names themselves.
 */
const isRepeatingAt = (name: string, matcher: unknown) =>
  isRepeating(name, () => (matcher as { toArray(): string[] }).toArray());
export const isRepeatingIn = (name: string, path: readonly string[]) => isRepeating(name, () => path);

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
  processEntities: {
    enabled: true,
    maxEntitySize: 1024,
    maxExpansionDepth: 2,
    maxTotalExpansions: MAX_ENTITY_EXPANSIONS,
    maxExpandedLength: 1_000_000,
    maxEntityCount: 16,
  },
  maxNestedTags: MAX_DEPTH,
  strictReservedNames: true,
  jPath: false,
  isArray: isRepeatingAt,
});

const FORBIDDEN = /<!(?:DOCTYPE|ENTITY)/i;
/** Where a refused name (`unsafe-names.ts`) sits, as an element or attribute name, once the library refused it. */
const UNSAFE_NAME = new RegExp(
  `<\\/?\\s*(${REFUSED_ALTERNATIVES})(?=[\\s/>])|\\s(${REFUSED_ALTERNATIVES})\\s*=`,
);

/**
 * Parses one XML payload. `roots` are the offsets of its top-level elements (several when there is no
 * `Response` wrapper): each is validated on its own, since the validator refuses several roots. Plain callbacks
 * take the fast path (`xml-fast-path.ts`), which builds the same tree and leaves everything else to the library;
 * `fastPath: false` (for tests) sends everything to the library.
 */
export function parseXml(
  text: string,
  roots: readonly (readonly [number, number])[],
  locate: Locate,
  { fastPath = true } = {},
): XmlOutcome {
  const plain = fastPath ? readPlainXml(text, isRepeatingIn, roots) : undefined;
  if (plain instanceof FastRefusal) return refusedByFastPath(plain, locate);
  if (plain) return { ok: true, root: plain };
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) {
    return fail('doctype-refused', locate(forbidden.index), forbidden[0]);
  }
  // Decided before the library builds anything (a wide element of a million names takes it seconds).
  const over = xmlOverLimit(text);
  if (over) return { ok: false, error: overLimitDiagnostic(over, locate(over.offset)) };
  const spans = roots.length > 1 ? roots : [[0, text.length] as const];
  for (const [start, end] of spans) {
    const part = roots.length > 1 ? text.slice(start, end) : text;
    const result = XMLValidator.validate(part, { allowBooleanAttributes: false });
    if (result !== true) {
      const { err } = result;
      const unclosed = unclosedTags(err.msg);
      if (unclosed) {
        // Several tags left open (a truncated payload): point at the innermost, whose end is missing first.
        const innermost = unclosed[unclosed.length - 1] as string;
        const at = part.lastIndexOf(`<${innermost}`);
        return fail('xml-unclosed-tag', locate(start + Math.max(0, at)), unclosed.join(' > '));
      }
      const offset = start + offsetOfLineColumn(part, err.line, err.col);
      return fail(codeOfValidatorError(err.code, err.msg), locate(offset), err.msg);
    }
  }
  try {
    return { ok: true, root: parser.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unsafe = UNSAFE_NAME.exec(text);
    if (message.includes('[SECURITY]') || unsafe) {
      return fail(
        'unsafe-name',
        locate(unsafe ? unsafe.index + unsafe[0].indexOf((unsafe[1] ?? unsafe[2]) as string) : 0),
        unsafe?.[1] ?? unsafe?.[2],
      );
    }
    if (/nest/i.test(message)) return fail('nesting-too-deep', locate(0), message);
    if (/entit/i.test(message)) return fail('xml-bad-entity', locate(0), message);
    return fail('xml-syntax', locate(0), message);
  }
}

/**
 * The tree of a payload `parseXml` accepted before, read again without the checks it passed (a document's model
 * read on demand, `read-model.ts`). Throws on text it did not accept. `fastPath: false` (for tests) reads it with
 * the library alone, as configured here.
 */
export function readXml(text: string, { fastPath = true } = {}): unknown {
  const plain = fastPath ? readPlainXml(text, isRepeatingIn, 'any') : undefined;
  if (plain instanceof FastRefusal) throw new Error(plain.detail ?? plain.code);
  if (plain) return plain;
  if (FORBIDDEN.test(text)) throw new Error('<!DOCTYPE refused');
  return parser.parse(text);
}

/**
 * A lone plain payload (the whole input one element, white space aside) read by the fast path without the
 * splitter's pass: the tree `parseXml` gives such a text, or `undefined` when the fast path leaves it (the general
 * path then splits and parses it as before).
 */
export function readLoneXml(text: string): Record<string, unknown> | FastRefusal | undefined {
  return readPlainXml(text, isRepeatingIn);
}

/** The outcome of a text the fast path refused, located in the input. */
export function refusedByFastPath(refusal: FastRefusal, locate: Locate): XmlOutcome {
  const position = locate(refusal.offset);
  if (refusal.over) return { ok: false, error: overLimitDiagnostic(refusal.over, position) };
  return fail(refusal.code, position, refusal.detail);
}

function fail(
  code: DiagnosticCode,
  position: { line: number; column: number; offset: number },
  detail?: string,
): XmlOutcome {
  return { ok: false, error: diagnostic(code, detail === undefined ? { position } : { position, detail }) };
}

/** The validator's codes are coarse (`InvalidTag` covers unclosed and mismatched tags): refine by message. */
function codeOfValidatorError(code: string, msg: string): DiagnosticCode {
  if (code === 'InvalidTag') {
    if (msg.startsWith('Unclosed tag')) return 'xml-unclosed-tag';
    if (msg.startsWith('Expected closing tag')) return 'xml-mismatched-tag';
    if (msg.includes('has not been opened')) return 'xml-unexpected-close';
    return 'xml-syntax';
  }
  if (code === 'InvalidChar') return msg.includes("'&'") ? 'xml-bad-entity' : 'xml-invalid-char';
  if (code === 'InvalidEntity') return 'xml-bad-entity';
  if (code === 'InvalidAttr') return 'xml-invalid-attribute';
  if (code === 'InvalidXml' && (msg.startsWith('Extra text') || msg.startsWith('Multiple possible root')))
    return 'xml-stray-text';
  return 'xml-syntax';
}

/** The validator reports several unclosed tags as `Invalid '["Response","JobsDetail"]' found.` */
function unclosedTags(msg: string): string[] | undefined {
  const m = /^Invalid '(\[[\s\S]*\])' found/.exec(msg);
  if (!m) return undefined;
  try {
    const names = JSON.parse(m[1] as string) as unknown;
    return Array.isArray(names) && names.length > 0 ? names.map(String) : undefined;
  } catch {
    return undefined;
  }
}

/** The validator counts lines from 1 and columns from 1 in UTF-16 units. */
function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) break;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
