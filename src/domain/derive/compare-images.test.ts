import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Job, PicProcessResult } from '../model';
import { parsePayload } from '../parse-payload';
import { compareImages, rotationFromRule } from './compare-images';
import { aveColour } from './image-side';
import { header, num, operation, seedCase1Job, seedCase2Job } from './test-models';

const fixtureJob = (path: string): Job | undefined => {
  const m = parsePayload(readFileSync(new URL(`../__fixtures__/${path}`, import.meta.url), 'utf8'))
    .documents[0]?.model;
  return m?.kind === 'jobs' ? m.jobs[0] : undefined;
};

const withResult = (result: PicProcessResult, rule?: string): Job => ({
  ...seedCase1Job,
  operation: operation({
    picProcessResult: result,
    ...(rule === undefined ? {} : { picProcess: { processRule: rule, extras: [] } }),
  }),
});

const BEFORE_CASE1 = {
  key: 'input/deer.jpg',
  etag: '"d5a491cd3d8d071e3212c3478e8e35a1"',
  format: 'JPEG',
  width: 500,
  height: 417,
  aspectRatio: { text: '500:417', value: 500 / 417 },
  orientation: 'landscape',
  exifOrientation: 0,
  quality: 68,
  ave: '#c64847',
  aveText: '0xc64847',
};

describe('compareImages, shape A (callback samples)', () => {
  it('seed case 1: 500 × 417 JPEG q68 → 417 × 500, 24911 bytes; swapped, not guessed as a rotation', () => {
    expect(compareImages(seedCase1Job)).toEqual({
      shape: 'A',
      before: BEFORE_CASE1,
      after: [
        {
          key: 'output/out.jpg',
          format: 'JPEG',
          width: 417,
          height: 500,
          aspectRatio: { text: '417:500', value: 417 / 500 },
          orientation: 'portrait',
          quality: 68,
          sizeBytes: 24911,
          sizeSource: 'result',
        },
      ],
      changes: [[{ kind: 'dimensions-swapped', from: '500 × 417', to: '417 × 500' }]],
      boxes: { before: { width: 1, height: 417 / 500 }, after: [{ width: 417 / 500, height: 1 }] },
      figures: {
        before: { pixels: 208_500 },
        after: [
          {
            pixels: 208_500,
            bitsPerPixel: (24911 * 8) / 208_500,
            scale: { width: 417 / 500, height: 500 / 417 },
            aspectChanged: true,
            swapped: true,
            formatChanged: false,
            quality: { kind: 'same', value: 68 },
          },
        ],
      },
    });
  });

  it('seed case 2: the original’s size comes from the Size COS header', () => {
    const c = compareImages(seedCase2Job);
    expect(c?.before).toEqual({ ...BEFORE_CASE1, sizeBytes: 1024, sizeSource: 'cos-header-Size' });
    expect(c?.changes[0]).toEqual([
      { kind: 'dimensions-swapped', from: '500 × 417', to: '417 × 500' },
      {
        kind: 'size',
        fromBytes: 1024,
        toBytes: 24911,
        deltaBytes: 23887,
        percent: ((24911 - 1024) / 1024) * 100,
      },
    ]);
    expect(c?.changes[0]?.[1]).toMatchObject({ percent: 2332.71484375 });
    // The same as a share of the original: 24911 / 1024.
    expect(c?.figures.after[0]?.percentOfOriginal).toBeCloseTo(2432.71484375, 8);
  });

  it('a workflow original without Size takes its size from Content-Length', () => {
    const job: Job = {
      ...seedCase2Job,
      input: { cosHeaders: [header('Content-Length', '3145728')], extras: [] },
    };
    expect(compareImages(job)?.before).toMatchObject({
      sizeBytes: 3_145_728,
      sizeSource: 'cos-header-Content-Length',
    });
    const both: Job = {
      ...seedCase2Job,
      input: { cosHeaders: [header('Content-Length', '9'), header('Size', '1024')], extras: [] },
    };
    expect(compareImages(both)?.before).toMatchObject({ sizeBytes: 1024, sizeSource: 'cos-header-Size' });
  });

  it('three outputs of one original (shape B): each against the original', () => {
    const job = fixtureJob('derived/picprocess_shape_b_three_outputs.xml');
    const c = job && compareImages(job);
    expect(c?.shape).toBe('B');
    expect(c?.before).toMatchObject({ width: 4000, height: 3000, exifOrientation: 6, sizeBytes: 3_145_728 });
    expect(c?.figures.before).toEqual({ pixels: 12_000_000, bitsPerPixel: (3_145_728 * 8) / 12_000_000 });
    const [webp, small, png] = c?.figures.after ?? [];
    expect(webp).toMatchObject({
      scale: { width: 0.25, height: 0.25 },
      formatChanged: true,
      quality: { kind: 'not-comparable', from: 90, to: 80 },
      percentOfOriginal: 3.125,
      etagEqual: false,
    });
    expect(small).toMatchObject({
      scale: { width: 0.1, height: 0.1 },
      formatChanged: false,
      quality: { kind: 'changed', from: 90, to: 75, delta: -15 },
      percentOfOriginal: 0.78125,
    });
    expect(png).toMatchObject({
      swapped: true,
      aspectChanged: true,
      etagEqual: true,
      percentOfOriginal: 300,
    });
  });

  it('reads the Size header case-insensitively, under Operation.Input too, and only when it is digits', () => {
    const tts: Job = {
      ...seedCase1Job,
      operation: {
        ...(seedCase1Job.operation as NonNullable<Job['operation']>),
        input: { cosHeaders: [header('size', '2048')], extras: [] },
      },
    };
    expect(compareImages(tts)?.before).toMatchObject({ sizeBytes: 2048, sizeSource: 'cos-header-Size' });
    const odd: Job = { ...seedCase2Job, input: { cosHeaders: [header('Size', '1 KB')], extras: [] } };
    expect(compareImages(odd)?.before.sizeBytes).toBeUndefined();
  });

  it('real fixtures: seed case 3 (JSON) gives the same comparison as case 2', () => {
    const job = fixtureJob('seed/case3-workflow-trailing-comma.json');
    expect(job && compareImages(job)).toEqual(compareImages(seedCase2Job));
  });
});

describe('compareImages, shape B (UploadResult)', () => {
  it('derived/picprocess_shape_b_uploadresult.xml: rotation 90 from the ProcessRule', () => {
    const job = fixtureJob('derived/picprocess_shape_b_uploadresult.xml');
    const c = job && compareImages(job);
    expect(c?.shape).toBe('B');
    expect(c?.processRule).toBe('imageMogr2/rotate/90');
    expect(c?.before).toEqual({
      ...BEFORE_CASE1,
      location: 'test-1234567890.cos.ap-chongqing.myqcloud.com/input/deer.jpg',
    });
    expect(c?.after).toEqual([
      {
        key: 'output/out.jpg',
        location: 'test-1234567890.cos.ap-chongqing.myqcloud.com/output/out.jpg',
        etag: '"0d3b3c9d9c2e4e1f8a7b6c5d4e3f2a1b"',
        format: 'JPEG',
        width: 417,
        height: 500,
        aspectRatio: { text: '417:500', value: 0.834 },
        orientation: 'portrait',
        quality: 68,
        sizeBytes: 24911,
        sizeSource: 'result',
      },
    ]);
    expect(c?.changes).toEqual([[{ kind: 'rotation', degrees: 90, rule: 'imageMogr2/rotate/90' }]]);
  });

  it('several processed objects: one change list per object', () => {
    const obj = (w: number, h: number, format: string) => ({
      key: `out-${w}.${format}`,
      format,
      width: num(w),
      height: num(h),
      extras: [],
    });
    const c = compareImages(
      withResult({
        uploadResult: {
          originalInfo: {
            imageInfo: { format: 'JPEG', width: num(1000), height: num(800), quality: num(90), extras: [] },
            extras: [],
          },
          processResults: { objects: [obj(500, 400, 'JPEG'), obj(1000, 800, 'PNG')], extras: [] },
          extras: [],
        },
        extras: [],
      }),
    );
    expect(c?.after.map((a) => a.key)).toEqual(['out-500.JPEG', 'out-1000.PNG']);
    expect(c?.changes).toEqual([
      [{ kind: 'resized', from: '1000 × 800', to: '500 × 400', scaleWidth: 0.5, scaleHeight: 0.5 }],
      [{ kind: 'format', from: 'JPEG', to: 'PNG' }],
    ]);
    expect(c?.boxes).toEqual({
      before: { width: 1, height: 0.8 },
      after: [
        { width: 0.5, height: 0.4 },
        { width: 1, height: 0.8 },
      ],
    });
  });
});

describe('changes', () => {
  const A = (
    before: [number, number, string, number],
    after: [number, number, string, number],
  ): PicProcessResult => ({
    originalInfo: {
      imageInfo: {
        width: num(before[0]),
        height: num(before[1]),
        format: before[2],
        quality: num(before[3]),
        extras: [],
      },
      extras: [],
    },
    processResult: {
      width: num(after[0]),
      height: num(after[1]),
      format: after[2],
      quality: num(after[3]),
      extras: [],
    },
    extras: [],
  });

  it('a quarter turn that also scales is a rotation and a resize against the turned original', () => {
    const c = compareImages(
      withResult(A([500, 417, 'JPEG', 68], [417, 500, 'PNG', 80]), 'imageMogr2/rotate/270'),
    );
    expect(c?.changes[0]).toEqual([
      { kind: 'rotation', degrees: 270, rule: 'imageMogr2/rotate/270' },
      { kind: 'format', from: 'JPEG', to: 'PNG' },
    ]);
    // JPEG 68 → PNG 80: two scales, not a change of 12.
    expect(c?.figures.after[0]?.quality).toEqual({ kind: 'not-comparable', from: 68, to: 80 });
    expect(c?.figures.after[0]).toMatchObject({ scale: { width: 1, height: 1 }, aspectChanged: false });
    const scaled = compareImages(
      withResult(A([1000, 500, 'jpg', 68], [250, 500, 'JPEG', 68]), 'imageMogr2/rotate/90'),
    );
    expect(scaled?.changes[0]).toEqual([
      { kind: 'rotation', degrees: 90, rule: 'imageMogr2/rotate/90' },
      { kind: 'resized', from: '1000 × 500', to: '250 × 500', scaleWidth: 0.5, scaleHeight: 0.5 },
    ]);
  });

  it('a rule without rotation leaves swapped dimensions reported as swapped', () => {
    const c = compareImages(
      withResult(A([500, 417, 'JPEG', 68], [417, 500, 'JPEG', 68]), 'imageMogr2/format/png'),
    );
    expect(c?.changes[0]).toEqual([{ kind: 'dimensions-swapped', from: '500 × 417', to: '417 × 500' }]);
  });

  it('nothing changed: no changes', () => {
    expect(compareImages(withResult(A([10, 10, 'PNG', 75], [10, 10, 'png', 75])))?.changes).toEqual([[]]);
  });
});

describe('odd input', () => {
  it('no PicProcessResult: undefined', () => {
    expect(compareImages({ ...seedCase1Job, operation: operation() })).toBeUndefined();
    expect(compareImages({ extras: [], workflows: [] })).toBeUndefined();
    const failed = fixtureJob('derived/picprocess_failed_job.xml');
    expect(failed && compareImages(failed)).toBeUndefined();
  });

  it('a result with only ObjectName, and numbers that are not numbers', () => {
    expect(compareImages(withResult({ objectName: 'o.jpg', extras: [] }))).toEqual({
      shape: 'A',
      before: { key: 'input/deer.jpg' },
      after: [{ key: 'o.jpg' }],
      changes: [[]],
      boxes: { after: [undefined] },
      figures: { before: {}, after: [{}] },
    });
    const bad = { text: 'abc', value: undefined };
    const c = compareImages(
      withResult({ processResult: { width: bad, height: num(0), size: bad, extras: [] }, extras: [] }),
    );
    // A zero height is what the payload says: kept, but it makes no ratio, orientation or box.
    expect(c?.after).toEqual([{ height: 0 }]);
    expect(c?.boxes.after).toEqual([undefined]);
  });

  it('Ave becomes a colour only when it is 0x + six hex digits', () => {
    expect(aveColour('0xc64847')).toBe('#c64847');
    expect(aveColour('0xC64847')).toBe('#c64847');
    for (const t of ['0xc6484', 'c64847', '#c64847', '0xc64847;background:url(x)', 'red', '', undefined]) {
      expect(aveColour(t)).toBeUndefined();
    }
    const info = { imageInfo: { ave: 'red;}', extras: [] }, extras: [] };
    expect(compareImages(withResult({ originalInfo: info, extras: [] }))?.before).toEqual({
      key: 'input/deer.jpg',
      aveText: 'red;}',
    });
  });

  it('rotationFromRule reads every rotate of every imageMogr2 step', () => {
    expect(rotationFromRule('imageMogr2/rotate/90')).toBe(90);
    expect(rotationFromRule('imageMogr2/auto-orient/rotate/180/format/png')).toBe(180);
    expect(rotationFromRule('imageMogr2/rotate/90|imageMogr2/rotate/270')).toBe(0);
    expect(rotationFromRule('imageMogr2/rotate/-90')).toBe(270);
    expect(rotationFromRule('imageMogr2/thumbnail/!50p')).toBeUndefined();
    expect(rotationFromRule('watermark/1/rotate/90')).toBeUndefined();
    expect(rotationFromRule('imageMogr2/rotate/abc')).toBeUndefined();
    expect(rotationFromRule(undefined)).toBeUndefined();
  });
});
