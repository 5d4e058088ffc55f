/**
 * The figures of one processed image against its original, each a plain number the panel formats: scale as a
 * factor per axis (×0.25, not −75 %), pixel count, bits per pixel, size as a share of the original, quality
 * compared only within one format (a JPEG quality and a PNG or WebP one are different scales), the `Ave` colour
 * difference (CIEDE2000) and whether the ETags are equal.
 */
import { colourDifference } from './colour-difference';
import type { ImageSide } from './image-side';

export type QualityComparison =
  | { readonly kind: 'same'; readonly value: number }
  | { readonly kind: 'changed'; readonly from: number; readonly to: number; readonly delta: number }
  /** Different formats: their quality numbers are not on one scale (JPEG 68 → PNG 100). */
  | { readonly kind: 'not-comparable'; readonly from: number; readonly to: number };

export interface ImageFigures {
  /** width × height. */
  readonly pixels?: number;
  /** Size × 8 / pixels. */
  readonly bitsPerPixel?: number;
}

export interface OutputFigures extends ImageFigures {
  /** After / before per axis, against the original as the rule turned it (a quarter turn swaps the axes). */
  readonly scale?: { readonly width: number; readonly height: number };
  /** The aspect ratio differs from the original's (as turned by the rule); a swap without a rule counts. */
  readonly aspectChanged?: boolean;
  /** Width and height swapped with no quarter turn in the rule: shown as such, never guessed as a rotation. */
  readonly swapped?: boolean;
  readonly formatChanged?: boolean;
  readonly quality?: QualityComparison;
  /** Output size as % of the original's, when both are known and the original's is not 0. */
  readonly percentOfOriginal?: number;
  /** ΔE00 between the two `Ave` colours, when both sides carry a valid one. */
  readonly colourDifference?: number;
  /** ETag/MD5 equal, compared without quotes and case; absent unless both sides carry one. */
  readonly etagEqual?: boolean;
}

/** `jpg` and `jpeg` are one format; case does not matter (`JPEG`, `jpeg`). */
export function normaliseFormat(format: string): string {
  const f = format.trim().toLowerCase();
  return f === 'jpg' ? 'jpeg' : f;
}

export function isSameFormat(a: string, b: string): boolean {
  return normaliseFormat(a) === normaliseFormat(b);
}

/** COS writes ETags quoted (`"d5a4…"`), some SDKs not: compare the hex alone. */
export function normaliseEtag(etag: string): string {
  return etag.replace(/"/g, '').trim().toLowerCase();
}

export function etagsEqual(a: string | undefined, b: string | undefined): boolean | undefined {
  if (a === undefined || b === undefined || normaliseEtag(a) === '' || normaliseEtag(b) === '')
    return undefined;
  return normaliseEtag(a) === normaliseEtag(b);
}

/** A scale factor as people read it: three significant digits, no trailing zeros (×0.25, ×24.3, ×1). */
export function formatFactor(factor: number): string {
  if (!Number.isFinite(factor)) return '×?';
  return `×${Number(factor.toPrecision(3))}`;
}

export function pixelCount(width: number | undefined, height: number | undefined): number | undefined {
  return width !== undefined && height !== undefined && width > 0 && height > 0 ? width * height : undefined;
}

export function bitsPerPixel(
  sizeBytes: number | undefined,
  width: number | undefined,
  height: number | undefined,
): number | undefined {
  const pixels = pixelCount(width, height);
  return sizeBytes === undefined || pixels === undefined ? undefined : (sizeBytes * 8) / pixels;
}

/** `part` as a percentage of `whole`; `undefined` when either is unknown or `whole` is 0. */
export function percentOf(part: number | undefined, whole: number | undefined): number | undefined {
  return part === undefined || whole === undefined || !(whole > 0) ? undefined : (part / whole) * 100;
}

export function compareQuality(before: ImageSide, after: ImageSide): QualityComparison | undefined {
  const from = before.quality;
  const to = after.quality;
  if (from === undefined || to === undefined) return undefined;
  if (before.format !== undefined && after.format !== undefined && !isSameFormat(before.format, after.format))
    return { kind: 'not-comparable', from, to };
  return from === to ? { kind: 'same', value: from } : { kind: 'changed', from, to, delta: to - from };
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function imageFigures(side: ImageSide): ImageFigures {
  return defined({
    pixels: pixelCount(side.width, side.height),
    bitsPerPixel: bitsPerPixel(side.sizeBytes, side.width, side.height),
  });
}

/** `rotation`: clockwise degrees the processing rule turns the image by (`rotationFromRule`), if any. */
export function outputFigures(before: ImageSide, after: ImageSide, rotation?: number): OutputFigures {
  const { width: bw, height: bh } = before;
  const { width: aw, height: ah } = after;
  let scale: OutputFigures['scale'];
  let aspectChanged: boolean | undefined;
  let swapped: boolean | undefined;
  if (bw !== undefined && bh !== undefined && aw !== undefined && ah !== undefined && bw > 0 && bh > 0) {
    const quarterTurn = rotation === 90 || rotation === 270;
    const [w, h] = quarterTurn ? [bh, bw] : [bw, bh];
    scale = { width: aw / w, height: ah / h };
    swapped = !quarterTurn && bw !== bh && aw === bh && ah === bw ? true : undefined;
    // Equal when the ratios agree to within a pixel's rounding of the larger side.
    aspectChanged = ah > 0 ? Math.abs(aw / ah - w / h) > 1 / Math.max(aw, ah, w, h) : undefined;
  }
  const formatChanged =
    before.format !== undefined && after.format !== undefined
      ? !isSameFormat(before.format, after.format)
      : undefined;
  return defined({
    ...imageFigures(after),
    scale,
    aspectChanged,
    swapped,
    formatChanged,
    quality: compareQuality(before, after),
    percentOfOriginal: percentOf(after.sizeBytes, before.sizeBytes),
    colourDifference: colourDifference(before.ave, after.ave),
    etagEqual: etagsEqual(before.etag, after.etag),
  });
}
