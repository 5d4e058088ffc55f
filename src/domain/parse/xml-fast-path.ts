/**
 * A fast path for the plain XML that CI callbacks are: elements without attributes, and text without entities,
 * comments, CDATA or declarations. On such text it builds the very tree fast-xml-parser builds with the options of
 * `parse-xml.ts` (values as trimmed strings, whitespace between elements dropped, repeated names and `isRepeating`
 * names as arrays), about six times faster than the library's validator and parser together (on the benchmark's
 * log). On anything else (an `&`, `<!`, `<?`, attribute, carriage return, control character, mixed content, odd
 * name, unbalanced tag, or roots other than the splitter's) it gives up and returns `undefined`, and the payload goes
 * through the library as before: the fast path never judges a payload, so every diagnostic still comes from the
 * library. `xml-fast-path.test.ts` checks that parsing with and without it gives the same outcome on every fixture,
 * on the generator's callbacks, on hostile, mutated and random inputs and on generated element trees.
 */

import { MAX_DEPTH } from './scan';
import { isLeftToLibrary } from './unsafe-names';

/**
 * As deep as the splitter lets a payload through (`MAX_DEPTH`, the library's `maxNestedTags` too): the reader keeps
 * its open elements in a list, not on the call stack, so depth costs it nothing (at 64 a payload nested 250 deep
 * went through the validator and the library, several times slower: `npm run fuzz`).
 */
const FAST_MAX_DEPTH = MAX_DEPTH;

type Tree = Record<string, unknown>;

/**
 * What the fast path leaves to the library wherever it is: `&` (entities), a carriage return (the library turns
 * line ends into `\n`), control characters other than tab and line feed, surrogates and non-characters.
 */
// eslint-disable-next-line no-control-regex
const REFUSED = /[&\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

interface Open {
  readonly name: string;
  readonly textStart: number;
  children: Tree | undefined;
}

/**
 * The tree of `text`, or `undefined` when the text is outside the plain subset. `isRepeating(name, path)` tells
 * which names are always arrays; `path` lists the open elements' names, outermost first, ending with `name`.
 * `roots` allows several top-level elements (a payload without its `Response` wrapper): exactly at the given
 * spans (the splitter's, which `parse-xml.ts` validates one by one), or `'any'`; they go into one tree, as
 * fast-xml-parser puts them. Without it, the text must hold one root.
 */
export function readPlainXml(
  text: string,
  isRepeating: (name: string, path: readonly string[]) => boolean,
  roots?: readonly (readonly [number, number])[] | 'any',
): Tree | undefined {
  if (REFUSED.test(text)) return undefined;
  // `roots` is absent, a list or 'any' by turns: read in the loop, it deoptimised the loop's compiled code again
  // and again in a large load (each time a TurboFan recompile of 50-190 ms on the browser's background threads).
  // The loop gets plain values, and the spans are compared after it.
  const spans = Array.isArray(roots) && roots.length > 1 ? roots : undefined;
  return readTree(text, isRepeating, roots === 'any' || spans !== undefined, spans);
}

/** The fast path's loop: `allowsMany` lets the text hold several roots, which must be `spans` if given. */
function readTree(
  text: string,
  isRepeating: (name: string, path: readonly string[]) => boolean,
  allowsMany: boolean,
  spans: readonly (readonly [number, number])[] | undefined,
): Tree | undefined {
  const stack: Open[] = [];
  const path: string[] = [];
  const root: Tree = {};
  const found: number[] = [];
  let rootCount = 0;
  let rootStart = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    if (text.charCodeAt(i) !== 60 /* < */) {
      // Text: a leaf's value (checked for a child when one opens), or whitespace between elements.
      let lt = text.indexOf('<', i);
      if (lt === -1) lt = length;
      const gt = text.indexOf('>', i);
      if (gt !== -1 && gt < lt) return undefined;
      const open = stack[stack.length - 1];
      if ((!open || open.children) && !isBlank(text, i, lt)) return undefined;
      i = lt;
      continue;
    }
    if (text.charCodeAt(i + 1) === 47 /* / */) {
      const open = stack.pop();
      if (!open) return undefined;
      const nameEnd = i + 2 + open.name.length;
      if (!text.startsWith(open.name, i + 2) || text.charCodeAt(nameEnd) !== 62 /* > */) return undefined;
      add(
        stack.length === 0 ? root : parentOf(stack),
        open.name,
        open.children ?? text.slice(open.textStart, i).trim(),
        path,
        isRepeating,
      );
      path.pop();
      i = nameEnd + 1;
      if (stack.length === 0) {
        found.push(rootStart, i);
        rootCount++;
      }
      continue;
    }
    const nameEnd = nameEndAt(text, i + 1);
    if (nameEnd === i + 1) return undefined;
    const name = text.slice(i + 1, nameEnd);
    // `__proto__`, `prototype`, `toString`…: the library refuses or renames them (`unsafe-names.ts`). All begin
    // with a lower-case letter or `_`, unlike Tencent's names, so most names skip the lookup.
    const first = text.charCodeAt(i + 1);
    if ((first >= 97 || first === 95) && isLeftToLibrary(name)) return undefined;
    const parent = stack[stack.length - 1];
    if (parent) {
      if (!parent.children) {
        if (!isBlank(text, parent.textStart, i)) return undefined;
        parent.children = {};
      }
    } else {
      if (rootCount > 0 && !allowsMany) return undefined;
      rootStart = i;
    }
    const after = text.charCodeAt(nameEnd);
    path.push(name);
    if (after === 47 /* / */ && parent) {
      if (text.charCodeAt(nameEnd + 1) !== 62 /* > */) return undefined;
      add(parent.children as Tree, name, '', path, isRepeating);
      path.pop();
      i = nameEnd + 2;
      continue;
    }
    if (after !== 62 /* > */ || stack.length >= FAST_MAX_DEPTH) return undefined;
    stack.push({ name, textStart: nameEnd + 1, children: undefined });
    i = nameEnd + 1;
  }
  if (stack.length > 0 || rootCount === 0) return undefined;
  return spans === undefined || sameSpans(spans, found) ? root : undefined;
}

/** Whether the roots found (start and end of each, in turn) are exactly the expected spans. */
function sameSpans(spans: readonly (readonly [number, number])[], found: readonly number[]): boolean {
  if (found.length !== spans.length * 2) return false;
  return spans.every(([start, end], k) => found[2 * k] === start && found[2 * k + 1] === end);
}

function parentOf(stack: readonly Open[]): Tree {
  return (stack[stack.length - 1] as Open).children as Tree;
}

function add(
  parent: Tree,
  name: string,
  value: unknown,
  path: readonly string[],
  isRepeating: (name: string, path: readonly string[]) => boolean,
): void {
  if (Object.hasOwn(parent, name)) {
    const existing = parent[name];
    if (Array.isArray(existing)) existing.push(value);
    else parent[name] = [existing, value];
  } else {
    parent[name] = isRepeating(name, path) ? [value] : value;
  }
}

/** Names of ASCII letters, digits, `_`, `-` and `.`, starting with a letter or `_`; anything else gives up. */
function nameEndAt(text: string, start: number): number {
  let i = start;
  const first = text.charCodeAt(i);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return start;
  i++;
  for (;;) {
    const c = text.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 95 ||
      c === 45 ||
      c === 46
    )
      i++;
    else return i;
  }
}

/**
 * Space, line feed and tab only: not `scan.ts`'s blank, which also takes a carriage return and U+FEFF. The
 * library trims U+FEFF as white space, whatever its validator says of it, so the fast path leaves such text to it.
 */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9) return false;
  }
  return true;
}
