import { describe, expect, it } from 'vitest';
import { textGroups, type StoredText } from './tab-storage';

const text = (id: number, length: number): StoredText => ({ id: `s${id}`, value: 'x'.repeat(length) });

describe('texts kept in groups (a transaction and a task each)', () => {
  it('keeps every text once, in order, at most 500 a group', () => {
    const texts = Array.from({ length: 1234 }, (_, i) => text(i, 300));
    const groups = textGroups(texts);
    expect(groups.map((g) => g.length)).toEqual([500, 500, 234]);
    expect(groups.flat()).toEqual(texts);
  });

  it('closes a group before it passes 2 Mi characters; a larger text is a group of its own', () => {
    const big = 2 * 1024 * 1024;
    const texts = [text(1, big / 2), text(2, big / 2), text(3, 1), text(4, big * 3), text(5, 10)];
    expect(textGroups(texts).map((g) => g.map((t) => t.id))).toEqual([['s1', 's2'], ['s3'], ['s4'], ['s5']]);
  });

  it('counts a Blob (a file, stored by reference) as no characters', () => {
    const texts: StoredText[] = [text(1, 2 * 1024 * 1024), { id: 'f', value: new Blob(['x'.repeat(100)]) }];
    expect(textGroups(texts)).toHaveLength(1);
    expect(textGroups([])).toEqual([]);
  });
});
