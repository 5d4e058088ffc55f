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
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface ParsedTime {
  readonly epochMs: number;
  readonly offsetMinutes: number | undefined;
}

/** Returns `undefined` for anything that is not a real instant (2022-02-30, 25:00, …). */
export function parseTime(text: string): ParsedTime | undefined {
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
