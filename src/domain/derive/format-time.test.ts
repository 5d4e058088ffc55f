import { describe, expect, it } from 'vitest';
import {
  describeBytes,
  durationParts,
  formatBytes,
  formatDuration,
  formatIso,
  formatTime,
  formatTimeValue,
  isTimeZoneMode,
  TIME_ZONE_MODES,
  formatInOffset,
  formatLocal,
  formatOffset,
  localOffsetMinutes,
} from './format-time';

describe('formatInOffset', () => {
  it('shows the instant as a clock in the source offset shows it', () => {
    // seed case 1 CreationTime 2022-07-18T15:16:43+0800
    expect(formatInOffset(1658128603000, 480)).toBe('2022-07-18 15:16:43 +08:00');
    expect(formatInOffset(1658128603000, 0)).toBe('2022-07-18 07:16:43 +00:00');
    expect(formatInOffset(1658128603000, -210)).toBe('2022-07-18 03:46:43 -03:30');
  });

  it('crosses day and year boundaries by arithmetic', () => {
    expect(formatInOffset(Date.UTC(2021, 11, 31, 20, 0, 0), 480)).toBe('2022-01-01 04:00:00 +08:00');
    expect(formatInOffset(Date.UTC(2022, 0, 1, 2, 0, 0), -300)).toBe('2021-12-31 21:00:00 -05:00');
  });

  it('shows milliseconds only when there are some', () => {
    expect(formatInOffset(1658128603250, 480)).toBe('2022-07-18 15:16:43.250 +08:00');
  });

  it('returns undefined for no instant, never a 1970 date', () => {
    expect(formatInOffset(undefined, 480)).toBeUndefined();
    expect(formatInOffset(Number.NaN, 480)).toBeUndefined();
    expect(formatInOffset(Number.POSITIVE_INFINITY, 480)).toBeUndefined();
    expect(formatInOffset(1e20, 480)).toBeUndefined();
  });

  it('reads a missing offset as UTC', () => {
    expect(formatInOffset(1658128603000, undefined)).toBe('2022-07-18 07:16:43 +00:00');
  });
});

describe('formatOffset and local time', () => {
  it('formats offsets with sign, hours and minutes', () => {
    expect(formatOffset(480)).toBe('+08:00');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-570)).toBe('-09:30');
    expect(formatOffset(345)).toBe('+05:45');
  });

  it('formats in the viewer’s own offset', () => {
    const ms = 1658128603000;
    expect(formatLocal(ms)).toBe(formatInOffset(ms, localOffsetMinutes(ms)));
    expect(formatLocal(undefined)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [350, '< 1 s'],
    [999, '< 1 s'],
    [-350, '> -1 s'],
    [1000, '1 s'],
    [1040, '1 s'],
    [1400, '1.4 s'],
    [1500, '1.5 s'],
    [-1500, '-1.5 s'],
    [21_000, '21 s'],
    [21_450, '21.5 s'],
    [59_940, '59.9 s'],
    [59_999, '1 min'],
    [61_500, '1 min 2 s'],
    [60_000, '1 min'],
    [123_000, '2 min 3 s'],
    [3_600_000, '1 h'],
    [3_720_000, '1 h 2 min'],
    [90_061_000, '1 d 1 h'],
    [-1000, '-1 s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('returns undefined for no duration', () => {
    expect(formatDuration(undefined)).toBeUndefined();
    expect(formatDuration(Number.NaN)).toBeUndefined();
  });

  it('gives the parts for a UI that translates units', () => {
    expect(durationParts(123_000)).toEqual([
      { value: 2, unit: 'min' },
      { value: 3, unit: 's' },
    ]);
    expect(durationParts(Number.NaN)).toEqual([]);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1000, '1000 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [24911, '24.3 KiB'],
    [1424687, '1.4 MiB'],
    [16238478, '15.5 MiB'],
    [1048575, '1 MiB'],
    [-23887, '-23.3 KiB'],
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('keeps the exact count beside the readable one', () => {
    expect(describeBytes(24911)).toEqual({ bytes: 24911, human: '24.3 KiB', exact: '24911 B' });
    expect(describeBytes(undefined)).toBeUndefined();
    expect(formatBytes(Number.NaN)).toBeUndefined();
  });
});

describe('the display rule', () => {
  const at = Date.UTC(2022, 6, 18, 7, 16, 44);
  it('shows an instant in the callback’s offset by default, in UTC or local time by setting', () => {
    expect(formatTime(at, 480)).toBe('2022-07-18 15:16:44 +08:00');
    expect(formatTime(at, -210, 'source')).toBe('2022-07-18 03:46:44 -03:30');
    expect(formatTime(at, 480, 'utc')).toBe('2022-07-18 07:16:44 +00:00');
    expect(formatTime(at, 480, 'local')).toBe(formatLocal(at));
  });

  it('reads a time without an offset as +08:00, as the normaliser does', () => {
    expect(formatTime(at, undefined)).toBe('2022-07-18 15:16:44 +08:00');
    expect(formatTimeValue({ epochMs: at, offsetMinutes: undefined })).toBe('2022-07-18 15:16:44 +08:00');
    expect(formatTimeValue({ epochMs: undefined, offsetMinutes: 480 })).toBeUndefined();
    expect(formatTimeValue(undefined)).toBeUndefined();
  });

  it('gives ISO 8601 with the offset for exports', () => {
    expect(formatIso(at, 480)).toBe('2022-07-18T15:16:44+08:00');
    expect(formatIso(at, 480, 'utc')).toBe('2022-07-18T07:16:44+00:00');
    expect(formatIso(Number.NaN, 480)).toBeUndefined();
  });

  it('knows its modes', () => {
    expect(TIME_ZONE_MODES.every(isTimeZoneMode)).toBe(true);
    expect(isTimeZoneMode('Asia/Shanghai')).toBe(false);
  });
});
