/**
 * A callback kept inside a log's own JSON record: Docker's json-file driver (`{"log":"…","stream":"stdout"}`), a
 * JSON logger such as pino or zap (`{"level":30,"msg":"callback","body":{…}}`), an Elasticsearch or Kibana export
 * (`{"_source":{"message":"…"}}`). Such a record is not a callback, and the payload inside it is not read; the
 * document says where the callback is and gives its text to be loaded.
 */
import { locateWirePath } from '../source/locate-wire-path';

/** Text that holds a callback: its root or its first names, in XML or in JSON. */
const CALLBACK_TEXT = /"(?:EventName|JobsDetail|forbidden_status)"\s*:|<(?:Response|EventName|JobsDetail)>/;
/** A JSON object that is a callback (the same names, as keys). */
const CALLBACK_KEYS = ['EventName', 'JobsDetail', 'Response'];
/** Names a wire path cannot carry (`locateWirePath` reads them as its own syntax). */
const PATH_SYNTAX = /[.[\]#]/;
/** How far the search goes: records are small, and a payload that is not a record must cost nothing much. */
const MAX_DEPTH = 6;
const MAX_VISITS = 400;

/** An object of JSON's (the tolerant parser makes some without a prototype), not an array or a kept number. */
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const isCallbackObject = (o: Record<string, unknown>): boolean =>
  CALLBACK_KEYS.some((key) => Object.hasOwn(o, key)) ||
  (isPlainObject(o.data) && Object.hasOwn(o.data, 'forbidden_status') && Object.hasOwn(o, 'code'));

/**
 * The wire path of the first value inside the JSON value `root` (not `root` itself) that holds a callback: a string
 * whose text holds one, or an object that is one. Breadth first, so the shallowest wins.
 */
export function findWrappedCallback(root: unknown): string | undefined {
  return findWrapped(root)?.path;
}

/**
 * `findWrappedCallback`, and whether the text found there holds only part of a callback (`isCallbackPart`): a
 * record of a log that printed the callback over several records (Docker writes a record per line).
 */
export function findWrappedCallbackOrPart(root: unknown): { path: string; part: boolean } | undefined {
  const found = findWrapped(root);
  return found && { path: found.path, part: typeof found.value === 'string' && isCallbackPart(found.value) };
}

/**
 * A record of Docker's json-file log driver (`{"log":"…","stream":"stdout","time":"…"}`): a line of a container's
 * output, which may be a line of a callback printed over many records.
 */
export function isDockerRecord(root: unknown): boolean {
  if (!isPlainObject(root) || typeof root.log !== 'string') return false;
  if (root.stream !== 'stdout' && root.stream !== 'stderr') return false;
  return Object.keys(root).every(
    (key) => key === 'log' || key === 'stream' || key === 'time' || key === 'attrs',
  );
}

/**
 * Whether a text that names a callback's fields (`CALLBACK_TEXT`) holds only a part of one: in JSON, a key with no
 * object opened before it (`  "EventName": "TaskFinish",`, a line of a pretty-printed callback); in XML,
 * `<EventName>` with no tag before it (a line of the `Response` it belongs in).
 */
export function isCallbackPart(text: string): boolean {
  const match = CALLBACK_TEXT.exec(text);
  if (!match) return false;
  const before = text.slice(0, match.index);
  return match[0].startsWith('"')
    ? !before.includes('{')
    : match[0] === '<EventName>' && !before.includes('<');
}

function findWrapped(root: unknown): { path: string; value: unknown } | undefined {
  if (!isPlainObject(root) && !Array.isArray(root)) return undefined;
  let level: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  let visits = 0;
  /** Whether `v` at `at` holds a callback; false when the search has gone far enough. */
  const holds = (v: unknown, at: string, next: { value: unknown; path: string }[]): boolean => {
    if (typeof v === 'string' ? CALLBACK_TEXT.test(v) : isPlainObject(v) && isCallbackObject(v)) return true;
    if (typeof v === 'object' && v !== null) next.push({ value: v, path: at });
    return false;
  };
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: { value: unknown; path: string }[] = [];
    for (const { value, path } of level) {
      // Member by member, up to the search's bound: a wide object or a long array is not listed whole.
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (++visits > MAX_VISITS) return undefined;
          const at = `${path}[${i}]`;
          if (holds(value[i], at, next)) return { path: at, value: value[i] };
        }
      } else if (isPlainObject(value)) {
        for (const key in value) {
          if (!Object.hasOwn(value, key) || key === '' || PATH_SYNTAX.test(key)) continue;
          if (++visits > MAX_VISITS) return undefined;
          const at = path === '' ? key : `${path}.${key}`;
          if (holds(value[key], at, next)) return { path: at, value: value[key] };
        }
      }
    }
    level = next;
  }
  return undefined;
}

/**
 * The text of the callback at `path` in a document's JSON source text (`findWrappedCallback`): a string's value,
 * its escapes read; an object's text as written. Undefined if the path names no such value there.
 */
export function wrappedCallbackText(text: string, path: string): string | undefined {
  const span = locateWirePath(text, 'json', path);
  if (!span?.exact) return undefined;
  // The span is the member's: its key (an element of an array has none), a colon, then the value.
  let at = span.start;
  if (!path.endsWith(']')) {
    at = text.indexOf(':', skipString(text, at));
    if (at === -1 || at >= span.end) return undefined;
    at++;
  }
  while (at < span.end && /\s/.test(text[at] as string)) at++;
  const value = text.slice(at, span.end);
  if (value.startsWith('"')) {
    try {
      const unescaped: unknown = JSON.parse(value);
      return typeof unescaped === 'string' ? unescaped : undefined;
    } catch {
      return undefined;
    }
  }
  return value.startsWith('{') ? value : undefined;
}

/** Where the JSON string that starts at `at` ends (after its closing quote). */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

/** Texts up to this long are unwrapped on the page (`unwrapLogRecords`); a longer one is left to a tool (`jq`). */
export const UNWRAP_MAX_LENGTH = 16 * 1024 * 1024;

/**
 * A whole log of JSON records made back into the text they carry: Docker's json-file records give their `log`
 * fields one after another (a callback pretty-printed over several records comes back whole), other records the
 * callback each holds (`findWrappedCallback`), one a line. Lines that are not JSON records are kept; records without
 * a callback are left out. Undefined when no record held one.
 */
export function unwrapLogRecords(
  text: string,
): { readonly text: string; readonly records: number } | undefined {
  if (text.length > UNWRAP_MAX_LENGTH) return undefined;
  const out: string[] = [];
  let records = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    let value: unknown;
    if (trimmed.startsWith('{')) {
      try {
        value = JSON.parse(trimmed);
      } catch {
        value = undefined;
      }
    }
    if (!isPlainObject(value)) {
      if (trimmed !== '') out.push(`${line}\n`);
      continue;
    }
    if (typeof value.log === 'string') {
      records++;
      out.push(value.log);
      continue;
    }
    const path = findWrappedCallback(value);
    const inner = path === undefined ? undefined : wrappedCallbackText(trimmed, path);
    if (inner === undefined) continue;
    records++;
    out.push(inner.endsWith('\n') ? inner : `${inner}\n`);
  }
  return records === 0 ? undefined : { text: out.join(''), records };
}
