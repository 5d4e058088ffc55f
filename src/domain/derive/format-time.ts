/**
 * Language-neutral formatting of instants, durations and byte counts. Units are symbols (ms, s, min, h, d; B,
 * KiB, MiB…), which read the same in English and Chinese, so the UI can show them without translation.
 * Every function accepts `undefined` and non-finite numbers and then returns `undefined`: never throws.
 */
import { CHINA_STANDARD_OFFSET } from '../normalize/values';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `+08:00`, `-03:30`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.trunc(offsetMinutes));
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * `2022-07-18 15:16:43 +08:00`: the instant as a clock in that offset shows it, computed by arithmetic on the
 * offset. `Intl.DateTimeFormat` rejects `+08:00` as a time zone on Node 20 (DESIGN.md, "Panels"), and a named
 * zone would apply its own daylight-saving rules, not the payload's offset. Milliseconds are shown only when
 * the instant has some (`15:16:43.250`).
 */
export function formatInOffset(
  epochMs: number | undefined,
  offsetMinutes: number | undefined,
): string | undefined {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return undefined;
  const offset =
    offsetMinutes !== undefined && Number.isFinite(offsetMinutes) ? Math.trunc(offsetMinutes) : 0;
  const d = new Date(epochMs + offset * 60_000);
  if (Number.isNaN(d.getTime())) return undefined;
  const year = d.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  const ms = d.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return (
    `${yearText}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction} ${formatOffset(offset)}`
  );
}

/** The viewer's own UTC offset at that instant, in minutes east of UTC (+08:00 is 480). */
export function localOffsetMinutes(epochMs: number): number {
  const minutes = -new Date(epochMs).getTimezoneOffset();
  return Number.isFinite(minutes) ? minutes : 0;
}

/** The instant in the viewer's local time, same layout as `formatInOffset`. */
export function formatLocal(epochMs: number | undefined): string | undefined {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return undefined;
  return formatInOffset(epochMs, localOffsetMinutes(epochMs));
}

/** How instants are shown: in the callback's own offset (the default), in the viewer's local time, or in UTC. */
export type TimeZoneMode = 'source' | 'local' | 'utc';
export const TIME_ZONE_MODES: readonly TimeZoneMode[] = ['source', 'local', 'utc'];

export function isTimeZoneMode(value: unknown): value is TimeZoneMode {
  return value === 'source' || value === 'local' || value === 'utc';
}

/** The offset, in minutes east of UTC, an instant is shown in under `mode`. */
export function displayOffsetMinutes(
  epochMs: number,
  sourceOffsetMinutes: number | undefined,
  mode: TimeZoneMode,
): number {
  if (mode === 'utc') return 0;
  if (mode === 'local') return localOffsetMinutes(epochMs);
  // A time written without an offset was read as China Standard Time (the normaliser's rule).
  return sourceOffsetMinutes ?? CHINA_STANDARD_OFFSET;
}

/**
 * THE display rule for an instant, everywhere (list, panels, overview, timeline, exports):
 * `2022-07-18 15:16:44 +08:00`, in the callback's own offset (`source`), the viewer's (`local`) or UTC.
 * An instant without a source offset of its own (an axis tick, a range over many callbacks) passes the offset of
 * the set it belongs to, or none for +08:00.
 */
export function formatTime(
  epochMs: number | undefined,
  sourceOffsetMinutes: number | undefined,
  mode: TimeZoneMode = 'source',
): string | undefined {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return undefined;
  return formatInOffset(epochMs, displayOffsetMinutes(epochMs, sourceOffsetMinutes, mode));
}

/** A payload time by the display rule; undefined when it is missing or not a valid time (show its text then). */
export function formatTimeValue(
  value: { readonly epochMs?: number | undefined; readonly offsetMinutes?: number | undefined } | undefined,
  mode: TimeZoneMode = 'source',
): string | undefined {
  return value === undefined ? undefined : formatTime(value.epochMs, value.offsetMinutes, mode);
}

/** ISO 8601 with the offset, to the second: `2022-07-18T15:16:44+08:00` (exports). */
export function formatIso(
  epochMs: number | undefined,
  sourceOffsetMinutes: number | undefined,
  mode: TimeZoneMode = 'source',
): string | undefined {
  const text = formatTime(epochMs, sourceOffsetMinutes, mode);
  if (text === undefined) return undefined;
  const m = /^(-?\d+-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) ([+-]\d\d:\d\d)$/.exec(text);
  return m ? `${m[1]}T${m[2]}${m[3]}` : undefined;
}

export type DurationUnit = 'ms' | 's' | 'min' | 'h' | 'd';

export interface DurationPart {
  readonly value: number;
  readonly unit: DurationUnit;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as at most two parts, largest unit first, at whole-second resolution (CI times are whole seconds):
 * 350 ms → [0 s]; 1400 ms → [1 s]; 1500 ms → [2 s]; 123 s → [2 min, 3 s]; 3720 s → [1 h, 2 min]. The sign is the caller's: parts
 * are of the absolute value. `formatDuration` says "< 1 s" for a non-zero duration under a second.
 */
export function durationParts(ms: number): readonly DurationPart[] {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return [];
  const units: readonly [number, DurationUnit][] = [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ];
  const wholeSeconds = Math.round(abs / SECOND) * SECOND;
  for (let i = 0; i < units.length - 1; i++) {
    const [size, unit] = units[i] as [number, DurationUnit];
    if (wholeSeconds < size) continue;
    const [nextSize, nextUnit] = units[i + 1] as [number, DurationUnit];
    const value = Math.floor(wholeSeconds / size);
    const rest = Math.floor((wholeSeconds - value * size) / nextSize);
    return rest === 0
      ? [{ value, unit }]
      : [
          { value, unit },
          { value: rest, unit: nextUnit },
        ];
  }
  return [{ value: wholeSeconds / SECOND, unit: 's' }];
}

/**
 * `0 s`, `< 1 s`, `1 s`, `1.5 s`, `2 min 3 s`, `1 h 2 min`, `3 d 4 h`: whole seconds, the resolution of CI times
 * (never `0 ms`), and tenths under a minute when the times had more (a 1.5 s wait is not `2 s`); negative durations
 * keep their sign (`-1 s`, `> -1 s`).
 */
export function formatDuration(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  if (ms === 0) return '0 s';
  if (Math.abs(ms) < SECOND) return ms > 0 ? '< 1 s' : '> -1 s';
  const tenths = Math.round(Math.abs(ms) / 100);
  if (tenths % 10 !== 0 && tenths < 600) return `${ms < 0 ? '-' : ''}${(tenths / 10).toFixed(1)} s`;
  const text = durationParts(ms)
    .map((p) => `${p.value} ${p.unit}`)
    .join(' ');
  return ms < 0 ? `-${text}` : text;
}

export type ByteUnit = 'B' | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'PiB';

const BYTE_UNITS: readonly ByteUnit[] = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** A byte count, human-readable and exact: `{ bytes: 24911, human: '24.3 KiB', exact: '24911 B' }`. */
export interface ByteSize {
  readonly bytes: number;
  readonly human: string;
  readonly exact: string;
}

/** `1000 B`, `1 KiB`, `24.3 KiB`, `15.5 MiB`: binary units, one decimal at most; negative counts keep their sign. */
export function formatBytes(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const sign = n < 0 ? '-' : '';
  let value = Math.abs(n);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  let rounded = unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  if (rounded >= 1024 && unit < BYTE_UNITS.length - 1) {
    // 1023.96 KiB rounds to 1024.0: say 1 MiB instead.
    rounded = 1;
    unit++;
  }
  return `${sign}${rounded} ${BYTE_UNITS[unit] ?? 'B'}`;
}

export function describeBytes(n: number | undefined): ByteSize | undefined {
  const human = formatBytes(n);
  if (human === undefined || n === undefined) return undefined;
  return { bytes: n, human, exact: `${n} B` };
}
