import { describe, expect, it } from 'vitest';
import { parseTime, toNumberValue, toTimeValue } from './values';

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

  it.each(['-', '', '2022-02-30T10:00:00+0800', '2022-13-01T00:00:00+0800', '2022-07-18T24:00:00+0800', '18/07/2022', 'now', '2022-07-18T15:16:43+1900'])(
    'refuses %j',
    (text) => {
      expect(parseTime(text)).toBeUndefined();
    },
  );

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
