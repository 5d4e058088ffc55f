import { describe, expect, it } from 'vitest';
import { findInText, stepMatch } from './find-in-text';

describe('findInText', () => {
  it('finds every occurrence, ignoring case, as offsets', () => {
    expect(findInText('<JobId>a</JobId><jobid>', 'jobid').matches).toEqual([
      { start: 1, end: 6 },
      { start: 10, end: 15 },
      { start: 17, end: 22 },
    ]);
  });

  it('reads the query as plain text, not as a pattern', () => {
    expect(findInText('a.b axb (c)', 'a.b').matches).toEqual([{ start: 0, end: 3 }]);
    expect(findInText('a.b axb (c)', '(c)').matches).toEqual([{ start: 8, end: 11 }]);
  });

  it('finds Chinese text and keeps offsets of the text', () => {
    const text = '图片处理 İ 成功';
    const [m] = findInText(text, '成功').matches;
    expect(text.slice(m?.start, m?.end)).toBe('成功');
  });

  it('finds nothing for an empty query, and stops at the limit', () => {
    expect(findInText('abc', '')).toEqual({ matches: [], capped: false });
    const result = findInText('a'.repeat(100), 'a', 10);
    expect(result.matches).toHaveLength(10);
    expect(result.capped).toBe(true);
  });
});

describe('stepMatch', () => {
  it('goes forward and back, wrapping around', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
