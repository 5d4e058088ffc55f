import { describe, expect, it } from 'vitest';
import type { CallbackModel, NumberValue, TimeValue } from './model';
import { parsePayload } from './parse-payload';
import { readFixture } from './test-support/fixtures';

const num = (text: string): NumberValue => ({ text, value: Number(text) });
const time = (text: string, epochIso: string): TimeValue => ({
  text,
  epochMs: Date.parse(epochIso),
  offsetMinutes: 480,
});

function modelOf(name: string): CallbackModel | undefined {
  const { documents } = parsePayload(readFixture(name));
  expect(documents).toHaveLength(1);
  return documents[0]?.model;
}

/** Seed case 1, node by node, as its text reads (../shared/spec/task-callback.zh.md, 案例 1). */
const case1Job = {
  code: 'Success',
  creationTime: time('2022-07-18T15:16:43+0800', '2022-07-18T07:16:43Z'),
  endTime: time('2022-07-18T15:16:44+0800', '2022-07-18T07:16:44Z'),
  input: {
    bucketId: 'test-1234567890',
    object: 'input/deer.jpg',
    region: 'ap-chongqing',
    cosHeaders: [],
    extras: [],
  },
  jobId: 'c93984788066911ed89ed352d4d9d2084',
  operation: {
    output: {
      bucket: 'test-1234567890',
      object: 'output/out.jpg',
      region: 'ap-chongqing',
      streamExtract: [],
      extras: [],
    },
    picProcessResult: {
      objectName: 'output/out.jpg',
      originalInfo: {
        etag: '"d5a491cd3d8d071e3212c3478e8e35a1"',
        imageInfo: {
          ave: '0xc64847',
          format: 'JPEG',
          height: num('417'),
          orientation: num('0'),
          quality: num('68'),
          width: num('500'),
          extras: [],
        },
        extras: [],
      },
      processResult: {
        format: 'JPEG',
        height: num('500'),
        quality: num('68'),
        size: num('24911'),
        width: num('417'),
        extras: [],
      },
      extras: [],
    },
    templateId: 't10461fe2bd5a649db9022452ec71e0381',
    templateName: 'test',
    userData: 'This is my PicProcess job.',
    jobLevel: num('0'),
    watermarkTemplateIds: [],
    taskParameters: [],
    results: [],
    extras: [],
  },
  queueId: 'p2911917386e148639319e13c285cc774',
  startTime: time('2022-07-18T15:16:44+0800', '2022-07-18T07:16:44Z'),
  state: 'Success',
  tag: 'PicProcess',
  workflows: [],
  extras: [],
};

const case2Job = {
  ...case1Job,
  input: {
    ...case1Job.input,
    cosHeaders: [
      { key: 'Content-Type', value: 'image/jpeg', extras: [] },
      { key: 'x-cos-request-id', value: 'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5', extras: [] },
      { key: 'EventName', value: 'cos:ObjectCreated:Put', extras: [] },
      { key: 'Size', value: '1024', extras: [] },
    ],
  },
  workflows: [
    {
      name: 'PicProcess_1581665960537',
      runId: 'ic90edd59f84f11ec9d4f525400a3c59f',
      workflowId: 'web6ac56c1ef54dbfa44d7f4103203be9',
      workflowName: 'workflow-test',
      extras: [],
    },
  ],
};

describe('seed cases, field by field', () => {
  it('case 1 (job API, XML)', () => {
    expect(modelOf('seed/case1-job-api.xml')).toEqual({
      kind: 'jobs',
      eventName: 'TaskFinish',
      jobs: [case1Job],
      extras: [],
    });
  });

  it('case 2 (workflow, XML): CosHeaders in source order and the Workflow node', () => {
    expect(modelOf('seed/case2-workflow.xml')).toEqual({
      kind: 'jobs',
      eventName: 'TaskFinish',
      jobs: [case2Job],
      extras: [],
    });
  });

  it('case 3 (workflow, JSON with a trailing comma and "JobLevel": 0 as a number)', () => {
    expect(modelOf('seed/case3-workflow-trailing-comma.json')).toEqual({
      kind: 'jobs',
      eventName: 'TaskFinish',
      jobs: [case2Job],
      extras: [],
    });
  });

  it('keeps values verbatim: the Ave colour, the quoted Etag, the JSON number 0 as "0"', () => {
    const model = modelOf('seed/case3-workflow-trailing-comma.json');
    const op = model?.kind === 'jobs' ? model.jobs[0]?.operation : undefined;
    expect(op?.picProcessResult?.originalInfo?.imageInfo?.ave).toBe('0xc64847');
    expect(op?.picProcessResult?.originalInfo?.etag).toBe('"d5a491cd3d8d071e3212c3478e8e35a1"');
    expect(op?.jobLevel).toEqual({ text: '0', value: 0 });
  });
});

describe('the XML and JSON forms of a callback give the same model', () => {
  const model = (name: string) => parsePayload(readFixture(name)).documents.map((d) => d.model);

  it('seed case 2 (XML) equals case 3 (JSON)', () => {
    const xml = parsePayload(readFixture('seed/case2-workflow.xml')).documents[0];
    const json = parsePayload(readFixture('seed/case3-workflow-trailing-comma.json')).documents[0];
    expect(xml?.format).toBe('xml');
    expect(json?.format).toBe('json');
    expect(json?.model).toEqual(xml?.model);
  });

  it('case 1 without the Response root equals case 1', () => {
    expect(model('derived/taskfinish_without_response_root.xml')).toEqual(model('seed/case1-job-api.xml'));
  });

  it('the HTTP request dump of case 2 equals case 2, and records its Content-Type', () => {
    const dump = parsePayload(readFixture('derived/http_request_dump.txt')).documents;
    expect(dump.map((d) => d.model)).toEqual(model('seed/case2-workflow.xml'));
    expect(dump[0]?.contentType).toBe('application/xml');
  });

  it('case 1 with +08:00 offsets and a space before the time: the same instants and offsets', () => {
    // The times' verbatim texts differ by construction; everything else, and every instant, is equal.
    const instants = (m: unknown) =>
      JSON.parse(JSON.stringify(m), (_k, v: unknown) =>
        v && typeof v === 'object' && 'epochMs' in v
          ? { epochMs: v.epochMs, offsetMinutes: (v as TimeValue).offsetMinutes }
          : v,
      ) as unknown;
    const colon = model('derived/picprocess_colon_offsets.xml');
    expect(instants(colon)).toEqual(instants(model('seed/case1-job-api.xml')));
    const job = colon[0]?.kind === 'jobs' ? colon[0].jobs[0] : undefined;
    expect(job?.creationTime?.text).toBe('2022-07-18T15:16:43+08:00');
    expect(job?.startTime?.text).toBe('2022-07-18 15:16:44+08:00');
  });

  it('the other published XML/JSON pairs give equal models', () => {
    for (const [xml, json] of [
      ['docs/picprocess_callback_workflow.xml', 'docs/picprocess_callback_workflow.json'],
      ['docs/sdrtohdr_callback_workflow.xml', 'docs/sdrtohdr_callback_workflow.json'],
      ['docs/workflowfinish_callback.xml', 'docs/workflowfinish_callback.json'],
      [
        'docs/translation_callback_job_api.xml',
        'docs/translation_callback_job_api_INVALID_trailing_comma.json',
      ],
    ] as const) {
      expect(model(json), `${xml} vs ${json}`).toEqual(model(xml));
    }
  });
});
