/**
 * A time typed into a filter field: `2022-07-18 15:00`, `2022-07-18 15:00:30`, `2022-07-18` (a whole day), with
 * `T` or a space, and an optional explicit offset (`+08:00`, `+0800`, `-03:30`, `Z`, `UTC`). Without one, it is
 * read in the zone the page shows times in (the display rule's setting): the callbacks' offset, local, or UTC.
 * The end of a window is inclusive to the last millisecond of what was typed (`15:00` → until 15:00:59.999).
 */
import { localOffsetMinutes, type TimeZoneMode } from './format-time';

const TYPED =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

export interface TypedTime {
  readonly epochMs: number;
}

/**
 * Epoch ms of the typed time; `undefined` for empty text, `null` for text that is not a time (the field says so).
 * `setOffsetMinutes` is the loaded callbacks' offset, used when the setting is `source` (default +08:00).
 */
export function parseTypedTime(
  text: string,
  mode: TimeZoneMode,
  setOffsetMinutes: number | undefined,
  isEnd = false,
): number | null | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const m = TYPED.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // How much of the end is included: the rest of the day, minute or second typed.
  const extent = h === undefined ? 86_400_000 : s === undefined ? 60_000 : 1000;
  let offset: number;
  if (zone !== undefined) offset = zoneOffset(zone);
  else if (mode === 'utc') offset = 0;
  else if (mode === 'local') {
    // The local offset at that wall time (two tries settle a daylight-saving change).
    offset = localOffsetMinutes(wall);
    offset = localOffsetMinutes(wall - offset * 60_000);
  } else offset = setOffsetMinutes ?? 480;
  const start = wall - offset * 60_000;
  return isEnd ? start + extent - 1 : start;
}

function zoneOffset(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}
