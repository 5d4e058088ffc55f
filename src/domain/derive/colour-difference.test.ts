import { describe, expect, it } from 'vitest';
import { ciede2000, colourDifference, hexToLab } from './colour-difference';

describe('CIEDE2000', () => {
  // Sharma, Wu & Dalal (2005), Table 1: pairs 1, 7, 13, 17, 19, 25 and 34 (L, a, b → ΔE00 to 4 decimals).
  const pairs: [number, number, number, number, number, number, number][] = [
    [50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425],
    [50, 0, 0, 50, -1, 2, 2.3669],
    [50, 2.49, -0.001, 50, -2.49, 0.0011, 7.2195],
    [50, 2.5, 0, 73, 25, -18, 27.1492],
    [50, 2.5, 0, 50, 3.1736, 0.5854, 1.0],
    [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
    [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
  ];
  it.each(pairs)('(%f, %f, %f) – (%f, %f, %f) = %f', (l1, a1, b1, l2, a2, b2, expected) => {
    expect(ciede2000({ l: l1, a: a1, b: b1 }, { l: l2, a: a2, b: b2 })).toBeCloseTo(expected, 4);
    // Symmetric.
    expect(ciede2000({ l: l2, a: a2, b: b2 }, { l: l1, a: a1, b: b1 })).toBeCloseTo(expected, 4);
  });

  it('reads sRGB hex as CIELAB under D65', () => {
    const white = hexToLab('#ffffff');
    expect(white?.l).toBeCloseTo(100, 3);
    expect(white?.a).toBeCloseTo(0, 2);
    expect(white?.b).toBeCloseTo(0, 2);
    const red = hexToLab('#ff0000');
    expect(red?.l).toBeCloseTo(53.24, 1);
    expect(red?.a).toBeCloseTo(80.09, 1);
    expect(red?.b).toBeCloseTo(67.2, 1);
    expect(hexToLab('red')).toBeUndefined();
  });

  it('between two Ave colours: zero for the same, large for unlike, undefined without both', () => {
    expect(colourDifference('#c64847', '#c64847')).toBe(0);
    expect(colourDifference('#000000', '#ffffff')).toBeCloseTo(100, 3);
    const near = colourDifference('#c64847', '#c74847');
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(1);
    expect(colourDifference('#c64847', undefined)).toBeUndefined();
    expect(colourDifference('#c64847', 'nope')).toBeUndefined();
  });
});
