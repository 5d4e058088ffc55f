import { describe, expect, it } from 'vitest';
import { aspectRatioOf, aveColour, numberOf, orientationOf, toImageSide } from './image-side';
import { num } from './test-models';

describe('image side helpers', () => {
  it('reduces the aspect ratio', () => {
    expect(aspectRatioOf(500, 417)).toEqual({ text: '500:417', value: 500 / 417 });
    expect(aspectRatioOf(1920, 1080)).toEqual({ text: '16:9', value: 1920 / 1080 });
    expect(aspectRatioOf(0, 10)).toBeUndefined();
    expect(aspectRatioOf(10, undefined)).toBeUndefined();
  });

  it('orientation from the dimensions', () => {
    expect(orientationOf(500, 417)).toBe('landscape');
    expect(orientationOf(417, 500)).toBe('portrait');
    expect(orientationOf(10, 10)).toBe('square');
    expect(orientationOf(undefined, 10)).toBeUndefined();
  });

  it('numbers only when they parse', () => {
    expect(numberOf(num(68))).toBe(68);
    expect(numberOf({ text: 'x', value: undefined })).toBeUndefined();
    expect(numberOf(undefined)).toBeUndefined();
  });

  it('Ave only as a validated colour', () => {
    expect(aveColour('0xc64847')).toBe('#c64847');
    expect(aveColour('0xc64847 ')).toBeUndefined();
  });

  it('the object’s own fields win over ImageInfo', () => {
    const side = toImageSide(
      { width: num(10), imageInfo: { width: num(20), height: num(5), format: 'PNG', extras: [] } },
      'k',
    );
    expect(side).toEqual({
      key: 'k',
      format: 'PNG',
      width: 10,
      height: 5,
      aspectRatio: { text: '2:1', value: 2 },
      orientation: 'landscape',
    });
    expect(toImageSide(undefined)).toEqual({});
  });
});
