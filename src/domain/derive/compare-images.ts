/**
 * Image before/after panel data for PicProcess jobs: OriginalInfo vs ProcessResult, from either published shape
 * (A: `OriginalInfo` + `ProcessResult`, callback samples; B: `UploadResult{OriginalInfo, ProcessResults.Object[]}`,
 * API table and Go SDK; FIELDS.md §2.3). Rotation is read from `PicProcess.ProcessRule` when present; otherwise
 * swapped dimensions are reported as such, never guessed as 90° (DESIGN.md, "Panels").
 */
import type { Job } from '../model';
import { findCosHeader } from './cos-headers';
import {
  imageFigures,
  isSameFormat,
  outputFigures,
  type ImageFigures,
  type OutputFigures,
} from './image-figures';
import { toImageSide, type ImageSide } from './image-side';

export type { ImageSide } from './image-side';
export type { ImageFigures, OutputFigures, QualityComparison } from './image-figures';

export type ImageChange =
  /** Clockwise degrees (0..359) summed over every `rotate/<deg>` of the rule. */
  | { readonly kind: 'rotation'; readonly degrees: number; readonly rule: string }
  | { readonly kind: 'dimensions-swapped'; readonly from: string; readonly to: string }
  /** Scales are after / before, against the rotated original when the rule rotates by 90° or 270°. */
  | {
      readonly kind: 'resized';
      readonly from: string;
      readonly to: string;
      readonly scaleWidth: number;
      readonly scaleHeight: number;
    }
  | { readonly kind: 'format'; readonly from: string; readonly to: string }
  /** Only between two images of one format: quality numbers of different formats are not on one scale. */
  | { readonly kind: 'quality'; readonly from: number; readonly to: number; readonly delta: number }
  /** `percent` = (after − before) / before × 100; absent when the original's size is 0. */
  | {
      readonly kind: 'size';
      readonly fromBytes: number;
      readonly toBytes: number;
      readonly deltaBytes: number;
      readonly percent?: number;
    };

/** A box drawn to scale: the largest dimension among all compared images is 1. */
export interface ImageBox {
  readonly width: number;
  readonly height: number;
}

export interface ImageComparison {
  /** Which published shape the result was read from. */
  readonly shape: 'A' | 'B';
  readonly before: ImageSide;
  /** Usually one; shape B may list several processed objects. */
  readonly after: readonly ImageSide[];
  /** Changes from `before` to each `after[i]`, in the same order. */
  readonly changes: readonly (readonly ImageChange[])[];
  /** `PicProcess.ProcessRule`, verbatim. */
  readonly processRule?: string;
  readonly boxes: { readonly before?: ImageBox; readonly after: readonly (ImageBox | undefined)[] };
  /** Figures of the original, and of each output against it, in the order of `after`. */
  readonly figures: { readonly before: ImageFigures; readonly after: readonly OutputFigures[] };
}

/**
 * Clockwise rotation a CI processing rule applies, from each `rotate/<deg>` parameter of its `imageMogr2`
 * operations (`imageMogr2/rotate/90`, `imageMogr2/auto-orient/rotate/90|imageMogr2/format/png`); `undefined`
 * when the rule has no rotation. https://cloud.tencent.com/document/product/460/36540
 */
export function rotationFromRule(rule: string | undefined): number | undefined {
  if (rule === undefined) return undefined;
  let total: number | undefined;
  for (const op of rule.split('|')) {
    const tokens = op.replace(/^[?!]/, '').split('/');
    if (tokens[0] !== 'imageMogr2') continue;
    for (let i = 1; i < tokens.length - 1; i++) {
      if (tokens[i] !== 'rotate') continue;
      const deg = tokens[i + 1] ?? '';
      if (/^-?\d{1,4}(?:\.\d+)?$/.test(deg)) total = (total ?? 0) + Number(deg);
    }
  }
  return total === undefined ? undefined : ((total % 360) + 360) % 360;
}

const dims = (s: ImageSide): string | undefined =>
  s.width !== undefined && s.height !== undefined ? `${s.width} × ${s.height}` : undefined;

function changesBetween(before: ImageSide, after: ImageSide, rule: string | undefined): ImageChange[] {
  const changes: ImageChange[] = [];
  const rotation = rotationFromRule(rule);
  if (rotation !== undefined && rotation !== 0 && rule !== undefined)
    changes.push({ kind: 'rotation', degrees: rotation, rule });

  const from = dims(before);
  const to = dims(after);
  const { width: bw, height: bh } = before;
  const { width: aw, height: ah } = after;
  if (
    from &&
    to &&
    bw !== undefined &&
    bh !== undefined &&
    aw !== undefined &&
    ah !== undefined &&
    bw > 0 &&
    bh > 0
  ) {
    const quarterTurn = rotation === 90 || rotation === 270;
    const isSwapped = bw !== bh && aw === bh && ah === bw;
    if (!quarterTurn && isSwapped) {
      // No rule turns it by a quarter: say what the numbers show, and do not guess a rotation.
      changes.push({ kind: 'dimensions-swapped', from, to });
    } else {
      // Compare with the original as the rule turned it, so a rotated image is not also "resized".
      const [w, h] = quarterTurn ? [bh, bw] : [bw, bh];
      if (aw !== w || ah !== h)
        changes.push({ kind: 'resized', from, to, scaleWidth: aw / w, scaleHeight: ah / h });
    }
  }

  const formatChanged =
    before.format !== undefined && after.format !== undefined && !isSameFormat(before.format, after.format);
  if (formatChanged && before.format !== undefined && after.format !== undefined) {
    changes.push({ kind: 'format', from: before.format, to: after.format });
  }
  if (
    !formatChanged &&
    before.quality !== undefined &&
    after.quality !== undefined &&
    before.quality !== after.quality
  ) {
    changes.push({
      kind: 'quality',
      from: before.quality,
      to: after.quality,
      delta: after.quality - before.quality,
    });
  }
  if (before.sizeBytes !== undefined && after.sizeBytes !== undefined) {
    const deltaBytes = after.sizeBytes - before.sizeBytes;
    changes.push({
      kind: 'size',
      fromBytes: before.sizeBytes,
      toBytes: after.sizeBytes,
      deltaBytes,
      ...(before.sizeBytes > 0 ? { percent: (deltaBytes / before.sizeBytes) * 100 } : {}),
    });
  }
  return changes;
}

function boxesOf(before: ImageSide, after: readonly ImageSide[]): ImageComparison['boxes'] {
  let max = 0;
  for (const s of [before, ...after]) {
    if (s.width !== undefined && s.width > max) max = s.width;
    if (s.height !== undefined && s.height > max) max = s.height;
  }
  const box = (s: ImageSide): ImageBox | undefined =>
    max > 0 && s.width !== undefined && s.height !== undefined && s.width > 0 && s.height > 0
      ? { width: s.width / max, height: s.height / max }
      : undefined;
  const b = box(before);
  return { ...(b === undefined ? {} : { before: b }), after: after.map(box) };
}

/**
 * The original's size: the input's `Size` COS header (workflow callbacks), else its `Content-Length`, when it
 * holds digits; OriginalInfo carries no size in either published shape.
 */
function withOriginalSize(side: ImageSide, job: Job): ImageSide {
  for (const name of ['Size', 'Content-Length'] as const) {
    const text = findCosHeader(job, name)?.value?.trim();
    if (text !== undefined && /^\d{1,16}$/.test(text))
      return { ...side, sizeBytes: Number(text), sizeSource: `cos-header-${name}` };
  }
  return side;
}

export function compareImages(job: Job): ImageComparison | undefined {
  const result = job.operation?.picProcessResult;
  if (result === undefined) return undefined;
  const upload = result.uploadResult;
  const isShapeA = result.originalInfo !== undefined || result.processResult !== undefined;
  const shape = isShapeA ? 'A' : upload !== undefined ? 'B' : 'A';

  const original = result.originalInfo ?? upload?.originalInfo;
  const before = withOriginalSize(toImageSide(original, job.input?.object), job);

  let after: ImageSide[];
  if (result.processResult !== undefined) after = [toImageSide(result.processResult, result.objectName)];
  else if (upload?.processResults && upload.processResults.objects.length > 0)
    after = upload.processResults.objects.map((o) => toImageSide(o));
  else after = result.objectName === undefined ? [] : [{ key: result.objectName }];

  const processRule = job.operation?.picProcess?.processRule;
  const rotation = rotationFromRule(processRule);
  return {
    shape,
    before,
    after,
    changes: after.map((a) => changesBetween(before, a, processRule)),
    ...(processRule === undefined ? {} : { processRule }),
    boxes: boxesOf(before, after),
    figures: {
      before: imageFigures(before),
      after: after.map((a) => outputFigures(before, a, rotation)),
    },
  };
}
