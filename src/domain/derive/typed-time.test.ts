import { describe, expect, it } from 'vitest';
import { parseTypedTime } from './typed-time';

const at = (...a: [number, number, number, number?, number?, number?]) =>
  Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0);

describe('a time typed into a filter', () => {
  it('is read in the callbacks’ offset by default', () => {
    expect(parseTypedTime('2022-07-18 15:00', 'source', 480)).toBe(at(2022, 7, 18, 7, 0));
    expect(parseTypedTime('2022-07-18T15:00:30', 'source', 480)).toBe(at(2022, 7, 18, 7, 0, 30));
    expect(parseTypedTime('2022-07-18 15:00', 'source', undefined)).toBe(at(2022, 7, 18, 7, 0));
    expect(parseTypedTime('2022-07-18 15:00', 'source', -300)).toBe(at(2022, 7, 18, 20, 0));
  });

  it('in UTC or local time by the setting', () => {
    expect(parseTypedTime('2022-07-18 15:00', 'utc', 480)).toBe(at(2022, 7, 18, 15, 0));
    expect(parseTypedTime('2022-07-18 15:00', 'local', 480)).toBe(new Date(2022, 6, 18, 15, 0).getTime());
  });

  it('accepts an explicit offset, whatever the setting', () => {
    for (const zone of ['+08:00', '+0800', ' +08:00'])
      expect(parseTypedTime(`2022-07-18 15:00${zone}`, 'utc', 0)).toBe(at(2022, 7, 18, 7, 0));
    expect(parseTypedTime('2022-07-18 15:00 -03:30', 'source', 480)).toBe(at(2022, 7, 18, 18, 30));
    expect(parseTypedTime('2022-07-18 15:00Z', 'source', 480)).toBe(at(2022, 7, 18, 15, 0));
    expect(parseTypedTime('2022-07-18 15:00 UTC', 'local', 480)).toBe(at(2022, 7, 18, 15, 0));
  });

  it('an end includes the whole minute, second or day typed', () => {
    expect(parseTypedTime('2022-07-18 15:00', 'utc', 0, true)).toBe(at(2022, 7, 18, 15, 0, 59) + 999);
    expect(parseTypedTime('2022-07-18 15:00:10', 'utc', 0, true)).toBe(at(2022, 7, 18, 15, 0, 10) + 999);
    expect(parseTypedTime('2022-07-18', 'utc', 0, true)).toBe(at(2022, 7, 19) - 1);
    expect(parseTypedTime('2022-07-18', 'utc', 0)).toBe(at(2022, 7, 18));
  });

  it('says empty apart from wrong', () => {
    expect(parseTypedTime('  ', 'source', 480)).toBeUndefined();
    for (const text of ['yesterday', '2022-13-01', '2022-02-30 10:00', '2022-07-18 25:00', '18/07/2022'])
      expect(parseTypedTime(text, 'source', 480)).toBeNull();
  });
});
