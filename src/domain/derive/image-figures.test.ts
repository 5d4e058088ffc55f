import { describe, expect, it } from 'vitest';
import {
  bitsPerPixel,
  compareQuality,
  etagsEqual,
  formatFactor,
  imageFigures,
  outputFigures,
  percentOf,
  pixelCount,
} from './image-figures';
import type { ImageSide } from './image-side';

const side = (s: Partial<ImageSide>): ImageSide => s;

describe('image figures', () => {
  it('scale factors read as factors, three significant digits', () => {
    expect(formatFactor(0.25)).toBe('×0.25');
    expect(formatFactor(24.3333)).toBe('×24.3');
    expect(formatFactor(1)).toBe('×1');
    expect(formatFactor(0.83399)).toBe('×0.834');
    expect(formatFactor(Number.NaN)).toBe('×?');
  });

  it('pixel count and bits per pixel', () => {
    expect(pixelCount(500, 417)).toBe(208_500);
    expect(pixelCount(0, 417)).toBeUndefined();
    expect(pixelCount(undefined, 417)).toBeUndefined();
    // 24911 bytes over 417 × 500 pixels.
    expect(bitsPerPixel(24911, 417, 500)).toBeCloseTo((24911 * 8) / 208_500, 10);
    expect(bitsPerPixel(24911, 417, 500)).toBeCloseTo(0.9558, 4);
    expect(bitsPerPixel(undefined, 417, 500)).toBeUndefined();
    expect(imageFigures(side({ width: 2, height: 2, sizeBytes: 2 }))).toEqual({ pixels: 4, bitsPerPixel: 4 });
    expect(imageFigures(side({}))).toEqual({});
  });

  it('% of the original only where the original’s size is known and not 0', () => {
    expect(percentOf(24911, 1024)).toBeCloseTo(2432.71, 2);
    expect(percentOf(98304, 3145728)).toBeCloseTo(3.125, 10);
    expect(percentOf(1, 0)).toBeUndefined();
    expect(percentOf(1, undefined)).toBeUndefined();
  });

  it('quality is compared only between images of one format', () => {
    expect(
      compareQuality(side({ format: 'JPEG', quality: 68 }), side({ format: 'PNG', quality: 100 })),
    ).toEqual({ kind: 'not-comparable', from: 68, to: 100 });
    expect(
      compareQuality(side({ format: 'JPEG', quality: 90 }), side({ format: 'jpg', quality: 75 })),
    ).toEqual({
      kind: 'changed',
      from: 90,
      to: 75,
      delta: -15,
    });
    expect(
      compareQuality(side({ format: 'JPEG', quality: 68 }), side({ format: 'JPEG', quality: 68 })),
    ).toEqual({
      kind: 'same',
      value: 68,
    });
    expect(compareQuality(side({ quality: 68 }), side({}))).toBeUndefined();
  });

  it('ETags compare without quotes and case; unknown when either is missing', () => {
    expect(etagsEqual('"D5A4"', 'd5a4')).toBe(true);
    expect(etagsEqual('"d5a4"', '"0d3b"')).toBe(false);
    expect(etagsEqual('"d5a4"', undefined)).toBeUndefined();
    expect(etagsEqual('""', '""')).toBeUndefined();
  });

  it('an output against its original: scale, aspect, format, quality, size, colour, ETag', () => {
    const before = side({
      format: 'JPEG',
      width: 4000,
      height: 3000,
      quality: 90,
      sizeBytes: 3_145_728,
      ave: '#5a7d9c',
      etag: '"9f1e"',
    });
    const thumb = outputFigures(
      before,
      side({ format: 'WEBP', width: 1000, height: 750, quality: 80, sizeBytes: 98_304, etag: '"1a2b"' }),
    );
    expect(thumb).toEqual({
      pixels: 750_000,
      bitsPerPixel: (98_304 * 8) / 750_000,
      scale: { width: 0.25, height: 0.25 },
      aspectChanged: false,
      formatChanged: true,
      quality: { kind: 'not-comparable', from: 90, to: 80 },
      percentOfOriginal: 3.125,
      etagEqual: false,
    });
    // A swap without a rule: the numbers say so; with a quarter turn in the rule it is the same shape.
    const portrait = side({ format: 'JPEG', width: 3000, height: 4000, ave: '#5a7d9d', etag: '9F1E' });
    expect(outputFigures(before, portrait)).toMatchObject({
      swapped: true,
      aspectChanged: true,
      scale: { width: 0.75, height: 4 / 3 },
      formatChanged: false,
      etagEqual: true,
    });
    const turned = outputFigures(before, portrait, 90);
    expect(turned).toMatchObject({ aspectChanged: false, scale: { width: 1, height: 1 } });
    expect(turned.swapped).toBeUndefined();
    expect(turned.colourDifference).toBeGreaterThan(0);
    expect(turned.colourDifference).toBeLessThan(1);
  });
});
