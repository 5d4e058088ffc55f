/**
 * A lenient lexer for redaction: cuts any text (XML, JSON, a log with prefixes, an HTTP request dump, a payload cut
 * short) into markup, which is never rewritten (element and attribute names, JSON keys, punctuation), and value
 * regions, each with its decoded value and the name it stands under. It never fails: what it cannot place is plain
 * text, and plain text is all value.
 */

export type RegionKind = 'xml-text' | 'xml-attr' | 'xml-comment' | 'json-string' | 'json-bare' | 'plain';

export interface Region {
  readonly kind: RegionKind;
  /** Source range of the whole value, CDATA markers and quotes excluded for JSON strings (`start` after `"`). */
  readonly start: number;
  readonly end: number;
  /** The decoded value (entities, CDATA, JSON escapes resolved; CRLF kept). */
  readonly value: string;
  /** For each index of `value` (and `value.length`), the source offset where that character's spelling starts. */
  readonly map: readonly number[];
  /** The element, attribute, key or header name the value stands under, if any. */
  readonly name?: string;
  /** Names of the enclosing elements / keys, outermost first. */
  readonly path: readonly string[];
  /** Identifies the enclosing element or object, to pair `Key` with `Value`. */
  readonly container: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Appends the XML-decoded characters of `text[from, to)` to `out`/`map` (entities and numeric references). */
function decodeXmlInto(text: string, from: number, to: number, out: string[], map: number[]): void {
  let i = from;
  while (i < to) {
    if (text[i] === '&') {
      const m = /^&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z]+));/.exec(
        text.slice(i, Math.min(to, i + 12)),
      );
      if (m) {
        const code = m[1] ? parseInt(m[1], 16) : m[2] ? parseInt(m[2], 10) : undefined;
        const ch = code !== undefined ? safeCodePoint(code) : NAMED[m[3] as string];
        if (ch !== undefined) {
          for (const c of ch.split('')) {
            out.push(c);
            map.push(i);
          }
          i += m[0].length;
          continue;
        }
      }
    }
    out.push(text[i] as string);
    map.push(i);
    i++;
  }
}

function safeCodePoint(code: number): string | undefined {
  try {
    return String.fromCodePoint(code);
  } catch {
    return undefined;
  }
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

/**
 * Reads a JSON string body from `i` (after the opening quote) to its closing quote, the end, or a line feed: a JSON
 * string holds none, so one that reaches a line feed was cut short there (a log line cut inside a string), and the
 * next line is read afresh (read on, its quotes were taken the other way round: values for markup, left unmasked).
 */
function readJsonString(
  text: string,
  i: number,
): { value: string; map: number[]; end: number; close: number } {
  const out: string[] = [];
  const map: number[] = [];
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
    if (text[i] === '\\' && i + 1 < text.length) {
      const e = text[i + 1] as string;
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
        map.push(i);
        i += 6;
        continue;
      }
      const c = JSON_ESCAPES[e];
      if (c !== undefined) {
        out.push(c);
        map.push(i);
        i += 2;
        continue;
      }
    }
    out.push(text[i] as string);
    map.push(i);
    i++;
  }
  map.push(i);
  return { value: out.join(''), map, end: i, close: text[i] === '"' ? i + 1 : i };
}

const NAME_START = /[A-Za-z_:]/;

export function lexRegions(text: string): Region[] {
  const regions: Region[] = [];
  let containers = 0;
  const n = text.length;
  let i = 0;
  let plainStart = 0;

  const plain = (from: number, to: number) => {
    // Plain text line by line: `Name: value` header lines name their value.
    let lineStart = from;
    while (lineStart < to) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > to) lineEnd = to;
      const line = text.slice(lineStart, lineEnd);
      const header = /^([A-Za-z0-9][A-Za-z0-9_-]*):[ \t]*/.exec(line);
      const vStart = lineStart + (header ? header[0].length : 0);
      let vEnd = lineEnd;
      if (text[vEnd - 1] === '\r') vEnd--;
      if (vEnd > vStart) {
        const value = text.slice(vStart, vEnd);
        const map = Array.from({ length: value.length + 1 }, (_, k) => vStart + k);
        regions.push({
          kind: 'plain',
          start: vStart,
          end: vEnd,
          value,
          map,
          ...(header ? { name: header[1] } : {}),
          path: [],
          container: ++containers,
        });
      }
      lineStart = lineEnd + 1;
    }
  };

  while (i < n) {
    const c = text[i];
    const next = text[i + 1] ?? '';
    if (c === '<' && (NAME_START.test(next) || next === '?' || next === '!')) {
      plain(plainStart, i);
      i = lexXml(text, i, regions, () => ++containers);
      plainStart = i;
    } else if (
      (c === '{' && /^\{\s*["}]/.test(text.slice(i, i + 64))) ||
      (c === '[' && /^\[\s*[[{"\]]/.test(text.slice(i, i + 64)))
    ) {
      plain(plainStart, i);
      i = lexJson(text, i, regions, () => ++containers);
      plainStart = i;
    } else i++;
  }
  plain(plainStart, n);
  return regions;
}

/** One XML payload from `<` until its root closes (or the end); returns where it stopped. */
function lexXml(text: string, i: number, regions: Region[], newContainer: () => number): number {
  const stack: { name: string; id: number }[] = [];
  const n = text.length;
  let run: { start: number; out: string[]; map: number[] } | undefined;
  const flush = (end: number) => {
    if (!run) return;
    const value = run.out.join('');
    if (value.trim() !== '' && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      regions.push({
        kind: 'xml-text',
        start: run.start,
        end,
        value,
        map: [...run.map, end],
        name: top.name,
        path: stack.map((s) => s.name),
        container: stack.length > 1 ? stack[stack.length - 2]!.id : 0,
      });
    }
    run = undefined;
  };
  let started = false;
  while (i < n) {
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      const end = close === -1 ? n : close;
      run ??= { start: i, out: [], map: [] };
      for (let k = i + 9; k < end; k++) {
        run.out.push(text[k] as string);
        run.map.push(k);
      }
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (text[i] === '<') {
      flush(i);
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        const end = close === -1 ? n : close;
        const value = text.slice(i + 4, end);
        if (value.trim() !== '')
          regions.push({
            kind: 'xml-comment',
            start: i + 4,
            end,
            value,
            map: Array.from({ length: value.length + 1 }, (_, k) => i + 4 + k),
            path: stack.map((s) => s.name),
            container: newContainer(),
          });
        i = close === -1 ? n : close + 3;
        continue;
      }
      if (text[i + 1] === '?' || text[i + 1] === '!') {
        const close = text.indexOf('>', i);
        i = close === -1 ? n : close + 1;
        continue;
      }
      const isClose = text[i + 1] === '/';
      const nameMatch = /^[^\s/>]+/.exec(text.slice(i + (isClose ? 2 : 1), i + 300));
      const name = nameMatch?.[0] ?? '';
      let k = i + (isClose ? 2 : 1) + name.length;
      if (isClose) {
        const close = text.indexOf('>', k);
        const at = stack.map((s) => s.name).lastIndexOf(name);
        if (at !== -1) stack.length = at;
        i = close === -1 ? n : close + 1;
        if (stack.length === 0) return i;
        continue;
      }
      // Attributes: name="value" or name='value'.
      const id = newContainer();
      const path = [...stack.map((s) => s.name), name];
      let selfClosing = false;
      while (k < n && text[k] !== '>') {
        const attr = /^\s*([^\s=/>]+)\s*=\s*(["'])/.exec(text.slice(k, k + 300));
        if (attr) {
          const vStart = k + attr[0].length;
          let vEnd = text.indexOf(attr[2] as string, vStart);
          if (vEnd === -1) vEnd = n;
          const out: string[] = [];
          const map: number[] = [];
          decodeXmlInto(text, vStart, vEnd, out, map);
          const value = out.join('');
          if (value.trim() !== '')
            regions.push({
              kind: 'xml-attr',
              start: vStart,
              end: vEnd,
              value,
              map: [...map, vEnd],
              name: attr[1],
              path,
              container: id,
            });
          k = vEnd + 1;
          continue;
        }
        if (text[k] === '/' && text[k + 1] === '>') selfClosing = true;
        k++;
      }
      i = k + 1;
      started = true;
      if (!selfClosing) stack.push({ name, id });
      else if (stack.length === 0) return i;
      continue;
    }
    if (started && stack.length === 0) return i;
    // Text (entities decoded).
    run ??= { start: i, out: [], map: [] };
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    decodeXmlInto(text, i, end, run.out, run.map);
    i = end;
  }
  flush(n);
  return n;
}

/** One JSON value from `{`/`[` until it closes (or the end); returns where it stopped. */
function lexJson(text: string, i: number, regions: Region[], newContainer: () => number): number {
  const n = text.length;
  // Each open container: its name (the key it stands under), its id, and whether a key is expected next.
  const stack: { name: string; id: number; isObject: boolean }[] = [];
  let key: string | undefined;
  let expectKey = false;
  while (i < n) {
    const c = text[i] as string;
    if (c === '{' || c === '[') {
      stack.push({
        name: key ?? stack[stack.length - 1]?.name ?? '',
        id: newContainer(),
        isObject: c === '{',
      });
      expectKey = c === '{';
      key = undefined;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      i++;
      if (stack.length === 0) return i;
      expectKey = false;
      continue;
    }
    if (c === ',') {
      expectKey = stack[stack.length - 1]?.isObject ?? false;
      key = undefined;
      i++;
      continue;
    }
    if (c === ':' || /\s/.test(c)) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '"') {
      const s = readJsonString(text, i + 1);
      if (expectKey) {
        key = s.value;
        expectKey = false;
      } else {
        regions.push({
          kind: 'json-string',
          start: i + 1,
          end: s.end,
          value: s.value,
          map: s.map,
          name: key ?? top?.name,
          path: stack.map((x) => x.name),
          container: top?.id ?? 0,
        });
        key = undefined;
      }
      i = s.close;
      continue;
    }
    // A bare value (number, true, false, null, or anything a tolerant reader would take).
    const m = /^[^\s,:{}[\]"]+/.exec(text.slice(i, i + 4096));
    const len = m ? m[0].length : 1;
    const value = text.slice(i, i + len);
    regions.push({
      kind: 'json-bare',
      start: i,
      end: i + len,
      value,
      map: Array.from({ length: len + 1 }, (_, k) => i + k),
      name: key ?? top?.name,
      path: stack.map((x) => x.name),
      container: top?.id ?? 0,
    });
    key = undefined;
    expectKey = false;
    i += len;
  }
  return n;
}
