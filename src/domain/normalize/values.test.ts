import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime, parseTimeByPattern, toNumberValue, toTimeValue } from './values';

describe('parseTime: every published form, explicitly', () => {
  const instant = Date.parse('2022-07-18T07:16:43Z');
  it.each([
    ['2022-07-18T15:16:43+0800', 480],
    ['2022-07-18 15:16:43+0800', 480],
    ['2022-07-18T15:16:43+08:00', 480],
    ['2022-07-18 15:16:43+08:00', 480],
    ['2022-07-18T15:16:43+08', 480],
    ['2022-07-18T07:16:43Z', 0],
    ['2022-07-18T02:16:43-0500', -300],
  ])('%s', (text, offset) => {
    expect(parseTime(text)).toEqual({ epochMs: instant, offsetMinutes: offset });
  });

  it('keeps milliseconds', () => {
    expect(parseTime('2022-07-18T15:16:43.250+0800')?.epochMs).toBe(instant + 250);
  });

  it('reads a time without offset as +08:00 and says it had none', () => {
    expect(parseTime('2022-07-18 15:16:43')).toEqual({ epochMs: instant, offsetMinutes: undefined });
  });

  it.each([
    '-',
    '',
    '2022-02-30T10:00:00+0800',
    '2022-13-01T00:00:00+0800',
    '2022-07-18T24:00:00+0800',
    '18/07/2022',
    'now',
    '2022-07-18T15:16:43+1900',
  ])('refuses %j', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseTime('2024-02-29T00:00:00+0800')).toBeDefined();
    expect(parseTime('2023-02-29T00:00:00+0800')).toBeUndefined();
  });

  it('keeps the verbatim text beside the parsed value', () => {
    expect(toTimeValue('2022-08-09 14:54:17+0800')).toEqual({
      text: '2022-08-09 14:54:17+0800',
      epochMs: Date.parse('2022-08-09T06:54:17Z'),
      offsetMinutes: 480,
    });
  });
});

describe('toNumberValue never loses the text', () => {
  it.each([
    ['834.736000', 834.736],
    ['-99', -99],
    ['0', 0],
    ['12345678901234567890', Number('12345678901234567890')],
  ])('%s', (text, value) => {
    expect(toNumberValue(text)).toEqual({ text, value });
  });

  it.each(['0xc64847', 'abc', '1,5', ''])('%j is not a number', (text) => {
    expect(toNumberValue(text)).toEqual({ text, value: undefined });
  });
});

describe('parseTime: the digit-by-digit reader of the common form', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      separator: fc.constantFrom('T', ' ', 't', '_'),
      zone: fc.constantFrom(
        '+0800',
        '-0330',
        '+08:00',
        '-14:00',
        '+1500',
        '+08:60',
        'Z',
        'z',
        '',
        '+08',
        '.123Z',
        ' +0800',
        '+08:0x',
      ),
    })
    .map(
      (t) =>
        `${String(t.year).padStart(4, '0')}-${two(t.month)}-${two(t.day)}${t.separator}${two(t.hour)}:${two(t.minute)}:${two(t.second)}${t.zone}`,
    );

  it('gives what the general pattern gives, for valid and invalid times alike (3,000 inputs)', () => {
    fc.assert(
      fc.property(fc.oneof(time, fc.string({ maxLength: 26 })), (text) => {
        expect(parseTime(text)).toEqual(parseTimeByPattern(text));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });

  it('reads the published forms', () => {
    expect(parseTime('2022-07-18T15:16:43+0800')).toEqual({
      epochMs: Date.UTC(2022, 6, 18, 7, 16, 43),
      offsetMinutes: 480,
    });
    expect(parseTime('2022-08-09 14:54:17+08:00')).toEqual({
      epochMs: Date.UTC(2022, 7, 9, 6, 54, 17),
      offsetMinutes: 480,
    });
    expect(parseTime('2024-02-29T00:00:00Z')).toEqual({ epochMs: Date.UTC(2024, 1, 29), offsetMinutes: 0 });
    expect(parseTime('2023-02-29T00:00:00Z')).toBeUndefined();
  });
});
