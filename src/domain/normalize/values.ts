/**
 * Scalar values of the model. The verbatim text is always kept (`0xc64847`, `834.736000`, an ID of digits),
 * and the parsed value sits beside it, never in its place (DESIGN.md: "Never let a parser coerce").
 */
export interface NumberValue {
  /** Exactly as in the payload. */
  readonly text: string;
  /** The parsed number; `undefined` when the text is not a decimal number. Beyond 2^53 it is approximate: use `text`. */
  readonly value: number | undefined;
}

export interface TimeValue {
  /** Exactly as in the payload, e.g. `2022-07-18T15:16:43+0800` or `2022-08-09 14:54:17+0800`. */
  readonly text: string;
  /** Milliseconds since the Unix epoch (UTC); `undefined` when the text is not a valid time. */
  readonly epochMs: number | undefined;
  /** The source's UTC offset in minutes (+0800 is 480); `undefined` when the text gives none or is invalid. */
  readonly offsetMinutes: number | undefined;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function toNumberValue(text: string): NumberValue {
  const t = text.trim();
  return { text, value: DECIMAL.test(t) ? Number(t) : undefined };
}

/**
 * Every published form: `T` or a space between date and time, optional fraction, offset `+0800`, `+08:00`,
 * `+08` or `Z` (Tencent docs and SDK samples; FIELDS.md §1.1, §4). Parsed by hand, not with `Date.parse`, whose
 * acceptance of these forms differs between engines.
 */
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface ParsedTime {
  readonly epochMs: number;
  readonly offsetMinutes: number | undefined;
}

/** Returns `undefined` for anything that is not a real instant (2022-02-30, 25:00, …). */
export function parseTime(text: string): ParsedTime | undefined {
  return parseCommonTime(text) ?? parseTimeByPattern(text);
}

/** The general reader behind `parseTime`, for every published form (exported so tests compare the two). */
export function parseTimeByPattern(text: string): ParsedTime | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  let offsetMinutes: number | undefined;
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') offsetMinutes = 0;
    else {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
      if (oh > 14 || om > 59) return undefined;
      offsetMinutes = sign * (oh * 60 + om);
    }
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // A time without an offset is read as China Standard Time, where CI runs; the caller reports it.
  const epochMs = local - (offsetMinutes ?? CHINA_STANDARD_OFFSET) * 60_000;
  return { epochMs, offsetMinutes };
}

/**
 * The form nearly every callback carries, `2022-07-18T15:16:43+0800` (or a space, `+08:00`, `Z`), read digit by
 * digit: the same result as the pattern above for these texts, without a match array and its strings. Anything
 * else (fractions, no seconds, no offset, white space, a bad digit) returns `undefined` and takes the pattern.
 */
function parseCommonTime(t: string): ParsedTime | undefined {
  const n = t.length;
  if (n !== 20 && n !== 24 && n !== 25) return undefined;
  const sep = t.charCodeAt(10);
  if (
    t.charCodeAt(4) !== 45 ||
    t.charCodeAt(7) !== 45 ||
    (sep !== 84 && sep !== 32) ||
    t.charCodeAt(13) !== 58 ||
    t.charCodeAt(16) !== 58
  ) {
    return undefined;
  }
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 2);
  const day = digits(t, 8, 2);
  const hour = digits(t, 11, 2);
  const minute = digits(t, 14, 2);
  const second = digits(t, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let offsetMinutes: number;
  const zone = t.charCodeAt(19);
  if (n === 20) {
    if (zone !== 90 /* Z */) return undefined;
    offsetMinutes = 0;
  } else {
    if (zone !== 43 && zone !== 45) return undefined;
    const minutesAt = n === 25 ? 23 : 22;
    if (n === 25 && t.charCodeAt(22) !== 58) return undefined;
    const oh = digits(t, 20, 2);
    const om = digits(t, minutesAt, 2);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return undefined;
    offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  }
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return {
    epochMs: Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000,
    offsetMinutes,
  };
}

/** The decimal number of `count` ASCII digits at `from`, or -1 if any is not a digit. */
function digits(t: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** UTC+8, the offset every published CI payload carries. */
export const CHINA_STANDARD_OFFSET = 480;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 31);
}

export function toTimeValue(text: string): TimeValue {
  const parsed = parseTime(text);
  return { text, epochMs: parsed?.epochMs, offsetMinutes: parsed?.offsetMinutes };
}
