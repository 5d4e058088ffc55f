/**
 * The structure limits of one payload (`STRUCTURE_LIMITS`): what a pass finds when a payload goes over one, the
 * diagnostic that refuses it, and the passes for the paths whose own pass does not count (JSON pieces whose scan
 * counted more keys than the limit allows distinct names; XML the library reads).
 */
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics';
import { STRUCTURE_LIMITS } from '../limits';

export type StructureLimit = keyof typeof STRUCTURE_LIMITS;

/** A payload over a structure limit: which, and where it went over (the offset of the container or name). */
export interface OverLimit {
  readonly limit: StructureLimit;
  readonly offset: number;
  /** The name that went over (`names`). */
  readonly name?: string;
}

const MAX_CONTAINERS = STRUCTURE_LIMITS.containers;
const MAX_NAMES = STRUCTURE_LIMITS.names;

/**
 * Distinct names seen so far: `add` is false for the one past the limit. A name already seen costs a lookup; a
 * new one is kept, at most `STRUCTURE_LIMITS.names` of them.
 */
export class NameCounter {
  private readonly names = new Set<string>();
  add(name: string): boolean {
    const names = this.names;
    if (names.has(name)) return true;
    if (names.size >= MAX_NAMES) return false;
    names.add(name);
    return true;
  }
}

/** The error of a payload over a structure limit, at `position`: which limit, the count there, the limit. */
export function overLimitDiagnostic(over: OverLimit, position: SourcePosition): Diagnostic {
  const max = STRUCTURE_LIMITS[over.limit];
  const count = (max + 1).toLocaleString('en-US');
  const limit = max.toLocaleString('en-US');
  if (over.limit === 'containers') {
    return diagnostic('too-many-containers', {
      position,
      detail: `${count} by this point, over the limit of ${limit}`,
      detailZh: `到此处已有 ${count} 个，超过上限 ${limit} 个`,
    });
  }
  const name = over.name === undefined ? '' : ` "${shorten(over.name)}"`;
  return diagnostic('too-many-names', {
    position,
    detail: `${count} distinct names by this point${name}, over the limit of ${limit}`,
    detailZh: `到此处已有 ${count} 个不同的名称${name ? `（${name.trim()}）` : ''}，超过上限 ${limit} 个`,
  });
}

function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/**
 * Where a JSON text goes over a structure limit, or `undefined`: every `{` and `[` outside strings counts as a
 * container, every string followed by `:` as a key, named by its spelling (`"a"` and `"\u0061"` count as two: a
 * limit on spellings is never looser than one on names). One pass, stopped where a limit is crossed; the text need
 * not be valid JSON (a container or key it counts before a syntax error is one a parser would have built).
 */
export function jsonOverLimit(text: string): OverLimit | undefined {
  const names = new NameCounter();
  let containers = 0;
  /** The last string's quotes, while nothing but white space follows it. */
  let keyFrom = -1;
  let keyTo = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 34 /* " */) {
      const from = i;
      do i = text.indexOf('"', i + 1);
      while (i !== -1 && isEscaped(text, i));
      if (i === -1) return undefined;
      keyFrom = from;
      keyTo = i;
      continue;
    }
    if (c === 58 /* : */ && keyTo !== -1) {
      const name = text.slice(keyFrom + 1, keyTo);
      if (!names.add(name)) return { limit: 'names', offset: keyFrom, name };
    } else if ((c === 123 || c === 91) && ++containers > MAX_CONTAINERS) {
      return { limit: 'containers', offset: i };
    }
    keyTo = -1;
  }
  return undefined;
}

/**
 * Where an XML text goes over the names limit, or `undefined`: the names of its start tags and of their attributes
 * (comments, CDATA, processing instructions and declarations skipped; attribute values skipped by their quotes).
 * For the text the library reads; the fast path counts as it reads, and from `from` on with its own `names` when it
 * stops early.
 */
export function xmlOverLimit(text: string, from = 0, names = new NameCounter()): OverLimit | undefined {
  const n = text.length;
  for (let lt = text.indexOf('<', from); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      const close = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const end = text.indexOf(close, lt + 2);
      if (end === -1) return undefined;
      lt = end;
      continue;
    }
    if (c === 63 /* ? */ || c === 47 /* / */) continue;
    // The element's name, then each attribute's, up to the tag's `>`.
    let i = lt + 1;
    let nameStart = i;
    let inName = true;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      const ends = d === 32 || d === 10 || d === 13 || d === 9 || d === 47 || d === 62 || d === 61;
      if (inName && ends) {
        if (i > nameStart) {
          const name = text.slice(nameStart, i);
          if (!names.add(name)) return { limit: 'names', offset: nameStart, name };
        }
        inName = false;
      }
      if (d === 62 /* > */) break;
      if (d === 34 || d === 39) {
        const close = text.indexOf(d === 34 ? '"' : "'", i + 1);
        if (close === -1) return undefined;
        i = close;
      } else if (!inName && !ends) {
        inName = true;
        nameStart = i;
      }
    }
    lt = i;
  }
  return undefined;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}
