/**
 * The forms a value can take inside a decoded value: as is, with CRLF for LF, percent-encoded (either case, `+` for
 * a space), XML-escaped, JSON-escaped, and combinations. Each form is a string with a map back to the value it was
 * decoded from, so a match found in any form can be rewritten where it is spelled.
 */

export interface Layer {
  readonly text: string;
  /** For each index of `text` (and `text.length`), the index in the parent string where it starts. */
  readonly map: readonly number[];
}

function identity(text: string): Layer {
  return { text, map: Array.from({ length: text.length + 1 }, (_, i) => i) };
}

function build(parts: [string, number][], parentLength: number): Layer {
  let text = '';
  const map: number[] = [];
  for (const [s, at] of parts) {
    for (let k = 0; k < s.length; k++) map.push(at);
    text += s;
  }
  map.push(parentLength);
  return { text, map };
}

/** CRLF and lone CR read as LF (what an XML parser does). */
function newlines(s: string): Layer {
  const parts: [string, number][] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\r') {
      parts.push(['\n', i]);
      if (s[i + 1] === '\n') i++;
    } else parts.push([s[i] as string, i]);
  }
  return build(parts, s.length);
}

/** `%HH` sequences (UTF-8, either case) and `+` as a space. */
function percent(s: string): Layer {
  const parts: [string, number][] = [];
  const hex = (k: number) =>
    /^%[0-9a-fA-F]{2}$/.test(s.slice(k, k + 3)) ? parseInt(s.slice(k + 1, k + 3), 16) : -1;
  for (let i = 0; i < s.length;) {
    const b0 = hex(i);
    if (b0 >= 0) {
      const len = b0 < 0x80 ? 1 : b0 >= 0xf0 && b0 < 0xf8 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc0 ? 2 : 0;
      const bytes = [b0];
      for (let k = 1; k < len; k++) {
        const b = hex(i + 3 * k);
        if (b < 0x80 || b > 0xbf) break;
        bytes.push(b);
      }
      if (len > 0 && bytes.length === len) {
        const ch = new TextDecoder().decode(Uint8Array.from(bytes));
        parts.push([ch, i]);
        i += 3 * len;
        continue;
      }
    }
    parts.push([s[i] === '+' ? ' ' : (s[i] as string), i]);
    i++;
  }
  return build(parts, s.length);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities and numeric references. */
function entities(s: string): Layer {
  const parts: [string, number][] = [];
  for (let i = 0; i < s.length;) {
    if (s[i] === '&') {
      const m = /^&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z]+));/.exec(s.slice(i, i + 12));
      const code = m?.[1] ? parseInt(m[1], 16) : m?.[2] ? parseInt(m[2], 10) : undefined;
      let ch: string | undefined;
      try {
        ch = code !== undefined ? String.fromCodePoint(code) : m ? NAMED[m[3] as string] : undefined;
      } catch {
        ch = undefined;
      }
      if (m && ch !== undefined) {
        parts.push([ch, i]);
        i += m[0].length;
        continue;
      }
    }
    parts.push([s[i] as string, i]);
    i++;
  }
  return build(parts, s.length);
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** JSON string escapes (`\uXXXX`, `\/`, `\"`, …). */
function jsonEscapes(s: string): Layer {
  const parts: [string, number][] = [];
  for (let i = 0; i < s.length;) {
    if (s[i] === '\\') {
      const e = s[i + 1] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
        parts.push([String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16)), i]);
        i += 6;
        continue;
      }
      if (JSON_ESCAPES[e] !== undefined) {
        parts.push([JSON_ESCAPES[e], i]);
        i += 2;
        continue;
      }
    }
    parts.push([s[i] as string, i]);
    i++;
  }
  return build(parts, s.length);
}

/** Composes two layers: `inner` was decoded from `outer.text`. */
function compose(outer: Layer, inner: Layer): Layer {
  return { text: inner.text, map: inner.map.map((k) => outer.map[k] as number) };
}

function then(base: Layer, decode: (s: string) => Layer): Layer {
  return compose(base, decode(base.text));
}

/** Every form of `value` worth searching, each mapped back to `value`. Forms equal to an earlier one are dropped. */
export function formsOf(value: string): Layer[] {
  const base = identity(value);
  const nl = then(base, newlines);
  const candidates = [
    base,
    nl,
    then(nl, percent),
    then(nl, entities),
    then(nl, jsonEscapes),
    then(then(nl, entities), percent),
    then(then(nl, jsonEscapes), percent),
    then(then(nl, percent), entities),
  ];
  const seen = new Set<string>();
  return candidates.filter((l) => (seen.has(l.text) ? false : (seen.add(l.text), true)));
}

/** A secret as it would be compared: CRLF read as LF. */
export function normalizeSecret(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}
