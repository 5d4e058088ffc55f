import { describe, expect, it } from 'vitest';
import { offsetToShow, rowsInView } from './use-fixed-rows';

const indexes = (rows: readonly { index: number }[]) => rows.map((r) => r.index);

describe('rowsInView', () => {
  it('draws the rows in view and the overscan each side, each at its place', () => {
    // Rows of 10 px; scrolled by 95 px in a box of 30: rows 9 to 12 are (partly) in view.
    const rows = rowsInView(100, 10, 95, 30, 2);
    expect(indexes(rows)).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
    expect(rows.every((r) => r.start === r.index * 10)).toBe(true);
  });

  it('before the box is measured (height 0), draws the first row and the overscan', () => {
    expect(indexes(rowsInView(100, 76, 0, 0, 6))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('stays within the count at either end, and draws nothing for no rows', () => {
    expect(indexes(rowsInView(5, 10, 0, 1000, 3))).toEqual([0, 1, 2, 3, 4]);
    // Scrolled past the end (the list got shorter before the browser clamped its offset).
    expect(indexes(rowsInView(5, 10, 500, 30, 1))).toEqual([3, 4]);
    expect(rowsInView(0, 10, 0, 100, 3)).toEqual([]);
  });

  it('keeps the row reachable with Tab drawn, in order, wherever it is', () => {
    expect(indexes(rowsInView(100, 10, 500, 20, 1, 3))).toEqual([3, 49, 50, 51, 52]);
    expect(indexes(rowsInView(100, 10, 0, 20, 1, 90))).toEqual([0, 1, 2, 90]);
    // Already drawn: not twice.
    expect(indexes(rowsInView(100, 10, 0, 20, 1, 1))).toEqual([0, 1, 2]);
    expect(indexes(rowsInView(10, 10, 0, 20, 1, 12))).toEqual([0, 1, 2]);
  });
});

describe('offsetToShow', () => {
  it('scrolls the least that shows the row, and not at all when it is in view', () => {
    expect(offsetToShow(5, 10, 0, 100)).toBeUndefined();
    expect(offsetToShow(9, 10, 0, 100)).toBeUndefined();
    // Below: its bottom at the box's bottom.
    expect(offsetToShow(10, 10, 0, 100)).toBe(10);
    // Above: its top at the box's top.
    expect(offsetToShow(3, 10, 50, 100)).toBe(30);
    // Partly in view counts as out of view.
    expect(offsetToShow(4, 10, 45, 100)).toBe(40);
  });
});
