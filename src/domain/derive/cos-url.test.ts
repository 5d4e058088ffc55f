import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Job, OutputFile } from '../model';
import { parsePayload } from '../parse-payload';
import { buildIo, cosObjectUrl, encodeCosKey, hasPlaceholder } from './cos-url';
import { operation, seedCase1Job } from './test-models';

const fixtureJob = (path: string): Job => {
  const m = parsePayload(readFileSync(new URL(`../__fixtures__/${path}`, import.meta.url), 'utf8'))
    .documents[0]?.model;
  if (m?.kind !== 'jobs' || m.jobs[0] === undefined) throw new Error(`no job in ${path}`);
  return m.jobs[0];
};

const HOST = 'https://test-1234567890.cos.ap-chongqing.myqcloud.com';

describe('cosObjectUrl', () => {
  it('builds the virtual-hosted URL', () => {
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', 'input/deer.jpg')).toBe(`${HOST}/input/deer.jpg`);
  });

  it('percent-encodes each path segment and keeps the slashes', () => {
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', 'dir one/鹿 #1?.jpg')).toBe(
      `${HOST}/dir%20one/%E9%B9%BF%20%231%3F.jpg`,
    );
    expect(encodeCosKey('a/../b/./c%')).toBe('a/%2E%2E/b/%2E/c%25');
  });

  it('drops the leading "/" of Tts names', () => {
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', '/output/aixiaonan.mp3')).toBe(
      `${HOST}/output/aixiaonan.mp3`,
    );
  });

  it('refuses a missing part, a placeholder, or a host part outside [A-Za-z0-9-]', () => {
    expect(cosObjectUrl(undefined, 'ap-chongqing', 'a.jpg')).toBeUndefined();
    expect(cosObjectUrl('test-1234567890', undefined, 'a.jpg')).toBeUndefined();
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', undefined)).toBeUndefined();
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', '/')).toBeUndefined();
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', 'output/snapshot-${Number}.jpg')).toBeUndefined();
    expect(cosObjectUrl('test-1234567890', 'ap-chongqing', 'abc/${RunId}/x.gif')).toBeUndefined();
    for (const bad of ['javascript:alert(1)//', 'evil.com/x', 'a b', '', 'x@evil', 'b\u0430d']) {
      expect(cosObjectUrl(bad, 'ap-chongqing', 'a.jpg')).toBeUndefined();
      expect(cosObjectUrl('test-1234567890', bad, 'a.jpg')).toBeUndefined();
    }
  });

  it('hasPlaceholder', () => {
    expect(hasPlaceholder('output/out.${ext}')).toBe(true);
    expect(hasPlaceholder('output/out.jpg')).toBe(false);
    expect(hasPlaceholder(undefined)).toBe(false);
  });
});

describe('buildIo', () => {
  it('seed case 1: input URL; the picture output named by PicProcessResult.ObjectName', () => {
    expect(buildIo(seedCase1Job)).toEqual({
      input: {
        bucket: 'test-1234567890',
        region: 'ap-chongqing',
        object: 'input/deer.jpg',
        url: `${HOST}/input/deer.jpg`,
      },
      output: {
        bucket: 'test-1234567890',
        region: 'ap-chongqing',
        object: 'output/out.jpg',
        hasPlaceholder: false,
      },
      mediaFiles: [],
      spriteFiles: [],
      pictureFiles: [
        {
          key: 'output/out.jpg',
          bucket: 'test-1234567890',
          region: 'ap-chongqing',
          url: `${HOST}/output/out.jpg`,
        },
      ],
    });
  });

  it('Snapshot: media files are ObjectPrefix + ObjectName, never the templated Output.Object', () => {
    const io = buildIo(fixtureJob('docs/snapshot_callback_job_api.xml'));
    const host = 'https://test-123456789.cos.ap-chongqing.myqcloud.com';
    expect(io.output).toEqual({
      bucket: 'test-123456789',
      region: 'ap-chongqing',
      object: 'output/snapshot-${Number}.jpg',
      hasPlaceholder: true,
    });
    expect(io.mediaFiles.map((f) => [f.key, f.url, f.md5])).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => [
        `output/snapshot-${i}.jpg`,
        `${host}/output/snapshot-${i}.jpg`,
        undefined,
      ]),
    );
    expect(io.spriteFiles).toEqual([
      {
        key: 'output/sprite-0.jpg',
        bucket: 'test-123456789',
        region: 'ap-chongqing',
        url: `${host}/output/sprite-0.jpg`,
      },
    ]);
    expect(io.mediaInfo).toBeUndefined();
  });

  it('SDRtoHDR: MD5 matched by ObjectName, and MediaInfo in short', () => {
    const io = buildIo(fixtureJob('docs/sdrtohdr_callback_workflow.xml'));
    expect(io.mediaFiles).toEqual([
      {
        key: 'output/sdr2hdr.mp4',
        bucket: 'test-123456789',
        region: 'ap-chongqing',
        url: 'https://test-123456789.cos.ap-chongqing.myqcloud.com/output/sdr2hdr.mp4',
        md5: 'ed8b5615687d789d6293bd58fa1ea1c0',
      },
    ]);
    expect(io.output.url).toBeUndefined();
    expect(io.mediaInfo).toEqual({
      durationS: 13.654,
      sizeBytes: 16238478,
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      bitrateKbps: 9514.268,
      video: { codec: 'hevc', width: 544, height: 960, fps: 25 },
      audio: { codec: 'aac', sampleRate: 44100, channels: 2 },
      videoStreams: 1,
      audioStreams: 1,
    });
  });

  it('Translation: no input URL without a bucket; the output object is a plain key', () => {
    const io = buildIo(fixtureJob('docs/translation_callback_job_api.xml'));
    expect(io.input).toEqual({ object: 'input/en.pdf' });
    expect(io.output.url).toBe('https://test-123456789.cos.ap-chongqing.myqcloud.com/output/zh.pdf');
  });

  it('a failed job gets no output URL: nothing was written', () => {
    const io = buildIo(fixtureJob('derived/picprocess_failed_job.xml'));
    expect(io.output).toEqual({
      bucket: 'test-1234567890',
      region: 'ap-chongqing',
      object: 'output/out.jpg',
      hasPlaceholder: false,
    });
    expect(io.pictureFiles).toEqual([]);
  });

  it('shape B: picture outputs from ProcessResults.Object keys', () => {
    const io = buildIo(fixtureJob('derived/picprocess_shape_b_uploadresult.xml'));
    expect(io.pictureFiles.map((f) => f.url)).toEqual([`${HOST}/output/out.jpg`]);
  });

  it('media files fall back to the Output bucket and region, and accept Md5Info named by full key', () => {
    const outputFile: OutputFile = {
      objectPrefix: 'a/',
      objectNames: ['x.mp3', 'y ${x}.mp3'],
      objectUrls: [],
      md5Info: [{ md5: 'm1', objectName: 'a/x.mp3', extras: [] }],
      extras: [],
    };
    const job: Job = {
      workflows: [],
      extras: [],
      operation: operation({
        output: { bucket: 'b-1', region: 'ap-guangzhou', streamExtract: [], extras: [] },
        mediaResult: { outputFile, extras: [] },
      }),
    };
    expect(buildIo(job).mediaFiles).toEqual([
      {
        key: 'a/x.mp3',
        bucket: 'b-1',
        region: 'ap-guangzhou',
        url: 'https://b-1.cos.ap-guangzhou.myqcloud.com/a/x.mp3',
        md5: 'm1',
      },
      { key: 'a/y ${x}.mp3', bucket: 'b-1', region: 'ap-guangzhou' },
    ]);
  });

  it('file processing: the input bucket is Input.Bucket (Go SDK FileProcessInput), not BucketId', () => {
    const job: Job = {
      workflows: [],
      extras: [],
      input: {
        bucket: 'src-1250000000',
        region: 'ap-guangzhou',
        object: 'a/b.zip',
        cosHeaders: [],
        extras: [],
      },
    };
    expect(buildIo(job).input).toEqual({
      bucket: 'src-1250000000',
      region: 'ap-guangzhou',
      object: 'a/b.zip',
      url: 'https://src-1250000000.cos.ap-guangzhou.myqcloud.com/a/b.zip',
    });
  });

  it('an empty job: empty sides, no URLs', () => {
    expect(buildIo({ extras: [], workflows: [] })).toEqual({
      input: {},
      output: { hasPlaceholder: false },
      mediaFiles: [],
      spriteFiles: [],
      pictureFiles: [],
    });
  });
});
