/**
 * One image of a before/after comparison, read from either published PicProcessResult shape (FIELDS.md §2.3).
 * Numbers come from the model's `NumberValue`s and are used only when they parse; the `Ave` colour is validated
 * before it can reach CSS (DESIGN.md, "Security").
 */
import type { ImageInfo, NumberValue } from '../model';

export type ImageOrientation = 'landscape' | 'portrait' | 'square';

export interface AspectRatio {
  /** Reduced ratio, `500:417`. */
  readonly text: string;
  /** width / height. */
  readonly value: number;
}

export interface ImageSide {
  readonly key?: string;
  readonly location?: string;
  /** Verbatim, quotes included as COS sends them (`"d5a4…"`). */
  readonly etag?: string;
  readonly format?: string;
  readonly width?: number;
  readonly height?: number;
  readonly aspectRatio?: AspectRatio;
  readonly orientation?: ImageOrientation;
  /** ImageInfo.Orientation: the EXIF orientation tag (0 or 1 = as stored). */
  readonly exifOrientation?: number;
  readonly quality?: number;
  readonly sizeBytes?: number;
  readonly sizeSource?: 'result' | 'cos-header-Size' | 'cos-header-Content-Length';
  /** `#c64847`, only when the payload's `Ave` is exactly `0x` + six hex digits. */
  readonly ave?: string;
  /** The payload's `Ave` text as it came, valid or not. */
  readonly aveText?: string;
}

/** The fields shape A and shape B share for an image object (`imageObjectFields` in the schema). */
export interface ImageObjectLike {
  readonly key?: string;
  readonly location?: string;
  readonly etag?: string;
  readonly format?: string;
  readonly width?: NumberValue;
  readonly height?: NumberValue;
  readonly quality?: NumberValue;
  readonly size?: NumberValue;
  readonly imageInfo?: ImageInfo;
}

const AVE = /^0x[0-9a-fA-F]{6}$/;

/** `0xc64847` → `#c64847`; anything else → `undefined`. */
export function aveColour(text: string | undefined): string | undefined {
  return text !== undefined && AVE.test(text) ? `#${text.slice(2).toLowerCase()}` : undefined;
}

/** A finite number from a `NumberValue`, or `undefined`. */
export function numberOf(v: NumberValue | undefined): number | undefined {
  const n = v?.value;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y > 0) [x, y] = [y, x % y];
  return x;
}

export function aspectRatioOf(
  width: number | undefined,
  height: number | undefined,
): AspectRatio | undefined {
  if (width === undefined || height === undefined || !(width > 0) || !(height > 0)) return undefined;
  if (Number.isInteger(width) && Number.isInteger(height)) {
    const g = gcd(width, height);
    return { text: `${width / g}:${height / g}`, value: width / height };
  }
  return { text: `${width}:${height}`, value: width / height };
}

export function orientationOf(
  width: number | undefined,
  height: number | undefined,
): ImageOrientation | undefined {
  if (width === undefined || height === undefined || !(width > 0) || !(height > 0)) return undefined;
  return width > height ? 'landscape' : width < height ? 'portrait' : 'square';
}

/** Builds one side; `ImageInfo` (original images) fills whatever the object's own fields leave empty. */
export function toImageSide(obj: ImageObjectLike | undefined, fallbackKey?: string): ImageSide {
  const info = obj?.imageInfo;
  const width = numberOf(obj?.width) ?? numberOf(info?.width);
  const height = numberOf(obj?.height) ?? numberOf(info?.height);
  const quality = numberOf(obj?.quality) ?? numberOf(info?.quality);
  const sizeBytes = numberOf(obj?.size);
  const format = obj?.format ?? info?.format;
  const key = obj?.key ?? fallbackKey;
  const aspectRatio = aspectRatioOf(width, height);
  const orientation = orientationOf(width, height);
  const exifOrientation = numberOf(info?.orientation);
  const aveText = info?.ave;
  const ave = aveColour(aveText);
  return {
    ...(key === undefined ? {} : { key }),
    ...(obj?.location === undefined ? {} : { location: obj.location }),
    ...(obj?.etag === undefined ? {} : { etag: obj.etag }),
    ...(format === undefined ? {} : { format }),
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
    ...(aspectRatio === undefined ? {} : { aspectRatio }),
    ...(orientation === undefined ? {} : { orientation }),
    ...(exifOrientation === undefined ? {} : { exifOrientation }),
    ...(quality === undefined ? {} : { quality }),
    ...(sizeBytes === undefined ? {} : { sizeBytes, sizeSource: 'result' as const }),
    ...(ave === undefined ? {} : { ave }),
    ...(aveText === undefined ? {} : { aveText }),
  };
}
