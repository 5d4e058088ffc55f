/**
 * JSON payloads. `JSON.parse` first (fast, strict); when it fails, or when the text holds a number that a float
 * would change (beyond 2^53, `1.50`, an exponent) or an unsafe key, a tolerant parser takes over: it accepts what
 * Tencent's own docs publish (trailing commas, reported as info), keeps numbers' exact digits, and reports a real
 * syntax error with its position. It is iterative, so deep nesting cannot overflow the stack.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import { readNative, readWithFindings, type NativeJson, type NativeMiss } from './json-native';
import { numberEnd, numberValue } from './json-number-token';
import { MAX_DEPTH } from './scan';
import type { JsonFindings } from './split';
import type { Locate } from './parse-xml';
import { ShapeStack } from './object-shapes';
import { NameCounter, overLimitCode, overLimitDiagnostic, type OverLimit } from './structure-limits';
import { isRefusedName } from './unsafe-names';
import { STRUCTURE_LIMITS } from '../limits';

export type { NativeJson, NativeMiss } from './json-native';
export { parseNative } from './json-native';

export type JsonOutcome =
  | { readonly ok: true; readonly root: unknown; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly error: Diagnostic };

/**
 * A lone document (the whole input one `{…}`): the native path, or, when only a number a float would change kept
 * it from that path, the tolerant parser at once (the splitter would find the same one payload and send it there).
 * Otherwise why the native path could not read it, for the general path.
 */
export function readLoneJson(text: string): NativeJson | NativeMiss {
  const native = readNative(text);
  if (!('why' in native) || native.why !== 'lossy') return native;
  const tolerant = parseTolerant(text);
  if (tolerant.ok) return { root: tolerant.value, trailingCommas: tolerant.trailingCommas };
  return tolerant.over ? { why: 'limit', over: tolerant.over } : native;
}

/**
 * `findings` come from the splitter's structural scan (trailing commas, lossy numbers, unsafe names): with none of
 * the last two, JSON as Tencent's docs publish it takes the native path, its trailing commas removed and reported
 * as info at their own positions. A text that did not come through the splitter takes the native path of
 * `parseNative`. Otherwise, or when `JSON.parse` refuses, the tolerant parser reads it.
 */
export function parseJson(
  text: string,
  locate: Locate,
  findings?: JsonFindings,
  { nativeRefused = false } = {},
): JsonOutcome {
  // `nativeRefused`: `JSON.parse` already threw on this very text with these very commas removed (`readNative`).
  const native: NativeJson | NativeMiss = nativeRefused
    ? REFUSED
    : findings
      ? readWithFindings(text, findings)
      : readNative(text);
  if (!('why' in native))
    return { ok: true, root: native.root, diagnostics: trailingCommaDiagnostics(native, locate) };
  if (native.why === 'limit')
    return { ok: false, error: overLimitDiagnostic(native.over, locate(native.over.offset)) };
  const result = native.why === 'refused' ? tolerantAfterRefusal(text) : parseTolerant(text);
  if (!result.ok) {
    return {
      ok: false,
      error: result.over
        ? overLimitDiagnostic(result.over, locate(result.offset))
        : diagnostic(result.code, {
            position: locate(result.offset),
            detail: result.detail,
            detailZh: result.detailZh,
          }),
    };
  }
  return { ok: true, root: result.value, diagnostics: trailingCommaDiagnostics(result, locate) };
}

const REFUSED: NativeMiss = { why: 'refused', commas: [] };

/**
 * The tolerant parser on a text `JSON.parse` threw on: such a text is almost always broken, and the tolerant parser
 * would build the whole value before finding where (a syntax error at the end of 16 MiB), so it is first only
 * checked (`build: false`: the same checks, the same error, no value made), and read only when the check passes.
 */
function tolerantAfterRefusal(text: string): Tolerant {
  const check = parseTolerant(text, { build: false });
  return check.ok ? parseTolerant(text) : check;
}

/**
 * Trailing commas listed one by one, at most: a payload with a trailing comma in every member (1.2 million in 16 MiB)
 * would otherwise make as many diagnostics, each a list item of the diagnostics panel. The rest are counted in one.
 */
export const LISTED_TRAILING_COMMAS = 100;

/**
 * Trailing commas are what Tencent's docs publish: reported as info, each at its own position, the first
 * `LISTED_TRAILING_COMMAS` of them; any more are one `more-trailing-commas` diagnostic with their count, at the
 * first not listed.
 */
export function trailingCommaDiagnostics(
  read: Pick<NativeJson, 'trailingCommas'>,
  locate: Locate,
): Diagnostic[] {
  const commas = read.trailingCommas;
  const listed = Math.min(commas.length, LISTED_TRAILING_COMMAS);
  const out: Diagnostic[] = [];
  for (let k = 0; k < listed; k++)
    out.push(diagnostic('trailing-comma', { position: locate(commas[k] as number) }));
  if (commas.length > listed) {
    const more = commas.length - listed;
    out.push(
      diagnostic('more-trailing-commas', {
        position: locate(commas[listed] as number),
        detail: `${more} more`,
        detailZh: `另有 ${more} 处`,
      }),
    );
  }
  return out;
}

type Tolerant =
  | { readonly ok: true; readonly value: unknown; readonly trailingCommas: readonly number[] }
  | {
      readonly ok: false;
      readonly code: DiagnosticCode;
      readonly offset: number;
      readonly detail: string;
      /** `detail` in Chinese. */
      readonly detailZh: string;
      /** Over a structure limit (`code` then says which). */
      readonly over?: OverLimit;
    };

/** The container of every frame when no value is built: never written to. */
const UNBUILT: unknown[] = [];

interface Frame {
  readonly container: Record<string, unknown> | unknown[];
  readonly isArray: boolean;
  key: string;
}

/**
 * `build: false` makes no value (the result's `value` is `undefined`): the same checks in the same order, so the
 * same error at the same offset, for a text only to be judged.
 */
export function parseTolerant(s: string, { build = true } = {}): Tolerant {
  const n = s.length;
  const stack: Frame[] = [];
  const trailingCommas: number[] = [];
  // The structure limits, counted as the value is read (a text only reaches this parser when the native path left
  // it, and the native path's pass may have stopped before the end): building stops where one is crossed.
  const names = new NameCounter();
  const shapes = new ShapeStack();
  let containers = 0;
  let i = 0;

  const skipSpace = (): void => {
    while (i < n) {
      const c = s.charCodeAt(i);
      // JSON's four white space characters only: a U+FEFF inside a document is an error, as `JSON.parse` says.
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const failAt = (code: DiagnosticCode, offset: number, detail: string, detailZh = detail): Tolerant => ({
    ok: false,
    code,
    offset,
    detail,
    detailZh,
  });
  const unexpected = (expected: string, expectedZh = expected): Tolerant =>
    i >= n
      ? failAt('json-truncated', n, `expected ${expected}`, `此处应为${expectedZh}`)
      : failAt(
          'json-unexpected-char',
          i,
          `${charAt(s, i)} where ${expected} was expected`,
          `${charAt(s, i)}，此处应为${expectedZh}`,
        );

  /**
   * Reads a string at `i` (on its opening quote); returns undefined and sets `error` on failure. A value not built
   * (`build: false`) is only checked: '' for a string without escapes (an escape is checked by reading it).
   */
  let error: Tolerant | undefined;
  const readString = (needed: boolean): string | undefined => {
    const start = i;
    let j = i + 1;
    for (;;) {
      const q = s.indexOf('"', j);
      if (q === -1) {
        error = failAt('json-truncated', n, 'string never closed', '字符串没有结束');
        return undefined;
      }
      let backslashes = 0;
      for (let k = q - 1; k > start && s.charCodeAt(k) === 92; k--) backslashes++;
      if (backslashes % 2 === 0) {
        j = q;
        break;
      }
      j = q + 1;
    }
    let escaped = false;
    for (let k = start + 1; k < j; k++) {
      const c = s.charCodeAt(k);
      if (c < 0x20) {
        error = failAt(
          'json-bad-string',
          k,
          `control character ${charAt(s, k)} inside a string`,
          `字符串中有控制字符 ${charAt(s, k)}`,
        );
        return undefined;
      }
      if (c === 92) escaped = true;
    }
    i = j + 1;
    if (!escaped) return needed ? s.slice(start + 1, j) : '';
    const raw = s.slice(start, j + 1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      const bad = badEscapeAt(s, start + 1, j);
      const escape = s.slice(bad, Math.min(j, bad + 6));
      error = failAt('json-bad-string', bad, `invalid escape ${escape}`, `无效的转义 ${escape}`);
      return undefined;
    }
  };
  const readKey = (frame: Frame): boolean => {
    skipSpace();
    if (s.charCodeAt(i) !== 34) {
      error = unexpected('a quoted key', '带引号的键');
      return false;
    }
    const at = i;
    const key = readString(true);
    if (key === undefined) return false;
    // Named by its spelling, as the scans count (an escape always makes the spelling longer than the name).
    const spelled = i - at - 2 === key.length ? key : s.slice(at + 1, i - 1);
    const id = names.id(spelled);
    if (id === -1) {
      error = overAt({ limit: 'names', offset: at, name: spelled });
      return false;
    }
    const limit = shapes.key(id);
    if (limit) {
      error = overAt({ limit, offset: at, name: spelled });
      return false;
    }
    if (isRefusedName(key)) {
      error = failAt('unsafe-name', at, key);
      return false;
    }
    skipSpace();
    if (s.charCodeAt(i) !== 58) {
      error = unexpected("':'");
      return false;
    }
    i++;
    frame.key = key;
    return true;
  };

  for (;;) {
    // Read one value, or open a container and go read its first member.
    skipSpace();
    if (i >= n) return failAt('json-truncated', n, 'expected a value', '此处应为一个值');
    const c = s.charCodeAt(i);
    let value: unknown;
    if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH)
        return failAt('nesting-too-deep', i, `more than ${MAX_DEPTH} levels`, `超过 ${MAX_DEPTH} 层`);
      if (++containers > STRUCTURE_LIMITS.containers) return overAt({ limit: 'containers', offset: i });
      const isArray = c === 91;
      const frame: Frame = { container: build ? (isArray ? [] : {}) : UNBUILT, isArray, key: '' };
      i++;
      skipSpace();
      if (s.charCodeAt(i) === (isArray ? 93 : 125)) {
        i++;
        value = frame.container;
      } else {
        stack.push(frame);
        shapes.open(!isArray);
        if (!isArray && !readKey(frame)) return error as Tolerant;
        continue;
      }
    } else if (c === 34) {
      value = readString(build);
      if (value === undefined) return error as Tolerant;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const end = numberEnd(s, i);
      if (end === -1) return failAt('json-bad-number', i, s.slice(i, i + 12).split(/[\s,}\]]/)[0] ?? '');
      value = build ? numberValue(s, i, end) : undefined;
      i = end;
    } else if (s.startsWith('true', i)) {
      value = true;
      i += 4;
    } else if (s.startsWith('false', i)) {
      value = false;
      i += 5;
    } else if (s.startsWith('null', i)) {
      value = null;
      i += 4;
    } else {
      return unexpected('a value', '一个值');
    }

    // Attach the value, then read separators and close containers until another value is due.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        skipSpace();
        if (i < n)
          return failAt(
            'json-unexpected-char',
            i,
            `${charAt(s, i)} after the end of the value`,
            `值结束后还有 ${charAt(s, i)}`,
          );
        return { ok: true, value: build ? value : undefined, trailingCommas };
      }
      if (build) {
        if (top.isArray) (top.container as unknown[]).push(value);
        // Plain assignment is safe: readKey refuses __proto__, constructor and prototype (`unsafe-names.ts`).
        else (top.container as Record<string, unknown>)[top.key] = value;
      }
      skipSpace();
      // At the end of the text, `ch` is NaN: `unexpected` below says the text ends early.
      const closer = top.isArray ? 93 : 125;
      const ch = s.charCodeAt(i);
      if (ch === 44) {
        const commaAt = i;
        i++;
        skipSpace();
        if (s.charCodeAt(i) === closer) {
          trailingCommas.push(commaAt);
          i++;
          stack.pop();
          shapes.close();
          value = top.container;
          continue;
        }
        if (!top.isArray && !readKey(top)) return error as Tolerant;
        break;
      }
      if (ch === closer) {
        i++;
        stack.pop();
        shapes.close();
        value = top.container;
        continue;
      }
      const close = top.isArray ? ']' : '}';
      return unexpected(`',' or '${close}'`, ` ',' 或 '${close}'`);
    }
  }
}

/**
 * The character at `i`, quoted, for a message: a whole code point (never half a surrogate pair); a control or
 * invisible character is written `U+XXXX` by `diagnostic()`.
 */
function charAt(s: string, i: number): string {
  return `'${String.fromCodePoint(s.codePointAt(i) as number)}'`;
}

/**
 * The offset of the first invalid escape in [from, to): a backslash followed by neither one of `"`, backslash,
 * `/`, `b`, `f`, `n`, `r`, `t` nor `u` and four hex digits.
 */
function badEscapeAt(s: string, from: number, to: number): number {
  for (let k = s.indexOf('\\', from); k !== -1 && k < to; k = s.indexOf('\\', k + 2)) {
    const c = s[k + 1] ?? '';
    if (c === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(s.slice(k + 2, k + 6))) return k;
      continue;
    }
    if (!'"\\/bfnrt'.includes(c) || c === '') return k;
  }
  return from - 1;
}

function overAt(over: OverLimit): Tolerant {
  return { ok: false, code: overLimitCode(over.limit), offset: over.offset, detail: '', detailZh: '', over };
}
