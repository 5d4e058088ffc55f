/**
 * The image before/after table of the Markdown summary, as data: one column for the original and one per output,
 * each cell a payload value (which the summary writes through its escaping) and the app's own note beside it
 * (scale, share of the original, comparability). Labels are Tencent's node names, as in the rest of the summary.
 */
import type { ImageComparison, ImageSide } from '../derive/compare-images';
import { rotationFromRule } from '../derive/compare-images';
import { formatFactor } from '../derive/image-figures';

export interface ImageCell {
  /** Text from the payload: written escaped. */
  readonly value?: string;
  /** The app's own text (a figure, a comparison): written as a label. */
  readonly note?: string;
}

export interface ImageMarkdownTable {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly ImageCell[] }[];
}

const dims = (s: ImageSide) =>
  s.width !== undefined && s.height !== undefined ? `${s.width} × ${s.height}` : undefined;
const signed = (n: number) => `${n > 0 ? '+' : '−'}${Math.abs(n)}`;
const cell = (value: string | undefined, note?: string): ImageCell => ({
  ...(value === undefined ? {} : { value }),
  ...(note === undefined ? {} : { note }),
});

export function imageMarkdownTable(c: ImageComparison): ImageMarkdownTable {
  const { before, after, figures } = c;
  const rotation = rotationFromRule(c.processRule);
  const headers = [
    '',
    'Original',
    ...after.map((_, i) => (after.length > 1 ? `Output ${i + 1}` : 'Processed')),
  ];
  const row = (label: string, original: ImageCell, output: (s: ImageSide, i: number) => ImageCell) => ({
    label,
    cells: [original, ...after.map(output)],
  });
  const rows = [
    row('Object', cell(before.key), (s) => cell(s.key)),
    row('Format', cell(before.format), (s, i) =>
      cell(s.format, figures.after[i]?.formatChanged ? 'changed' : undefined),
    ),
    row('Width × Height', cell(dims(before)), (s, i) => {
      const sc = figures.after[i]?.scale;
      const note =
        sc === undefined
          ? undefined
          : Math.abs(sc.width - sc.height) < 0.005
            ? formatFactor(sc.width)
            : `${formatFactor(sc.width)} / ${formatFactor(sc.height)}`;
      return cell(dims(s), note);
    }),
    row('Aspect ratio', cell(before.aspectRatio?.text), (s, i) =>
      cell(s.aspectRatio?.text, figures.after[i]?.swapped ? 'dimensions swapped' : undefined),
    ),
    ...(rotation !== undefined && rotation !== 0
      ? [row('Rotation (ProcessRule)', cell(undefined), () => cell(undefined, `${rotation}°`))]
      : []),
    row('EXIF Orientation', cell(before.exifOrientation?.toString()), (s) =>
      cell(s.exifOrientation?.toString()),
    ),
    row('Quality', cell(before.quality?.toString()), (s, i) => {
      const q = figures.after[i]?.quality;
      const note =
        q?.kind === 'not-comparable'
          ? 'not comparable: another format'
          : q?.kind === 'changed'
            ? signed(q.delta)
            : undefined;
      return cell(s.quality?.toString(), note);
    }),
    row(
      'Size (bytes)',
      cell(
        before.sizeBytes?.toString(),
        before.sizeSource === 'cos-header-Size'
          ? 'Size COS header'
          : before.sizeSource === 'cos-header-Content-Length'
            ? 'Content-Length COS header'
            : undefined,
      ),
      (s, i) => {
        const p = figures.after[i]?.percentOfOriginal;
        return cell(
          s.sizeBytes?.toString(),
          p === undefined ? undefined : `${Number(p.toPrecision(3))}% of the original`,
        );
      },
    ),
    row('Bits per pixel', cell(undefined, figures.before.bitsPerPixel?.toFixed(2)), (_, i) =>
      cell(undefined, figures.after[i]?.bitsPerPixel?.toFixed(2)),
    ),
    row('Ave', cell(before.aveText), (s, i) => {
      const d = figures.after[i]?.colourDifference;
      return cell(s.aveText, d === undefined ? undefined : `ΔE00 ${d.toFixed(1)}`);
    }),
    row('ETag', cell(before.etag), (s, i) => {
      const eq = figures.after[i]?.etagEqual;
      return cell(s.etag, eq === undefined ? undefined : eq ? 'same as the original' : 'not the original’s');
    }),
  ];
  return { headers, rows };
}
