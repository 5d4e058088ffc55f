import { describe, expect, it } from 'vitest';
import type { CallbackDocument, ModerationCallback } from '../model';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { digestOf } from './digest';
import { moderationVerdict, moderationView } from './moderation';
import { buildSummary } from './summary';

function doc(name: string): CallbackDocument {
  const d = parsePayload(readFixture(name)).documents[0];
  if (!d) throw new Error(name);
  return d;
}

function moderation(name: string): ModerationCallback {
  const model = doc(name).model;
  if (model?.kind !== 'moderation') throw new Error(`${name} is ${model?.kind}`);
  return model;
}

describe('moderation callbacks: classified by shape', () => {
  it('reads a Simple callback: code 0 is Success, data is its one job, cos_headers a Key/Value list', () => {
    const d = doc('docs/moderation_image_simple_callback.json');
    expect(d.state).toBe('Success');
    expect(d.diagnostics).toEqual([]);
    const m = moderation('docs/moderation_image_simple_callback.json');
    expect(m).toMatchObject({
      kind: 'moderation',
      shape: 'simple',
      isTestRequest: false,
      code: '0',
      message: 'success',
      jobs: [
        {
          event: 'ReviewImage',
          traceId: 'ixzt90jl2dfscxxxxxxxxxxxxxxxxx',
          url: 'https://examplebucket-1250000000.cos.ap-shanghai.myqcloud.com/test.jpg',
          result: { text: '0', value: 0 },
          forbidState: { text: '0', value: 0 },
          pornInfo: { hitFlag: { text: '0', value: 0 }, score: { text: '9', value: 9 } },
          cosHeaders: [{ key: 'x-cos-meta-id', value: '666666', extras: [] }],
          extras: [],
        },
      ],
      extras: [],
    });
    // An empty label is no value, as everywhere.
    expect(m.jobs[0]?.pornInfo?.label).toBeUndefined();
  });

  it('reads a Detail callback: EventName Review*, JobsDetail with a CosHeaders map', () => {
    const m = moderation('docs/moderation_image_detail_callback.json');
    expect(m.shape).toBe('detail');
    expect(m.eventName).toBe('ReviewImage');
    expect(m.jobs[0]).toMatchObject({
      jobId: 'xxxx',
      state: 'Success',
      object: '1.jpg',
      label: 'Normal',
      bucketId: 'examplebucket-1250000000',
      region: 'ap-chongqing',
      cosHeaders: [{ key: 'x-cos-meta-id', value: 'xxxx', extras: [] }],
      extras: [],
    });
    expect(m.jobs[0]?.creationTime?.text).toBe('2021-08-10T21:01:10+08:00');
  });

  it('reads a job query response in XML without EventName (Go SDK test), and a batch response of two jobs', () => {
    const m = moderation('docs/moderation_image_job_gosdk_test.xml');
    expect(m.shape).toBe('detail');
    expect(m.requestId).toBe('NjNlMjQ2YzJfNDE3OTgyMDlfNGI5NV9jZjU=');
    const job = m.jobs[0];
    expect(job?.label).toBe('Politics');
    expect(job?.dataId).toBe('99999999999999977777777777777777');
    // `<PornInfo></PornInfo>` is no value.
    expect(job?.pornInfo).toBeUndefined();
    expect(job?.politicsInfo).toMatchObject({
      hitFlag: { value: 1 },
      score: { value: 99 },
      category: 'PolityOCR',
    });
    expect(job?.politicsInfo?.ocrResults).toBeDefined();
    expect(moderationVerdict(m)).toBe('sensitive');

    const batch = moderation('docs/moderation_batch_image_auditing_response.xml');
    expect(batch.jobs.map((j) => j.jobId)).toEqual(['xxxxxxxxxx', 'yyyyyyyyyy']);
    expect(batch.jobs[1]?.url).toBe('http://exsample.com/b.jpg');
    expect(batch.jobs[0]?.pornInfo).toMatchObject({ code: '0', msg: 'OK', subLabel: 'xxx' });
  });

  it('does not take a TaskFinish job for a moderation job', () => {
    expect(doc('seed/case1-job-api.xml').model?.kind).toBe('jobs');
    expect(doc('docs/workflowfinish_callback.json').model?.kind).toBe('workflow');
    const notSimple = parsePayload('{"code":0,"data":{"items":[1]}}').documents[0];
    expect(notSimple?.model?.kind).toBe('unrecognised');
  });

  it('gives the XML and JSON forms of one callback equal models (segments once and twice)', () => {
    const xml = moderation('derived/moderation_video_detail_suspicious.xml');
    const json = moderation('derived/moderation_video_detail_suspicious.json');
    expect(xml).toEqual(json);
  });
});

describe('the list finds a moderation callback by what its filter names', () => {
  it('its code, message, event, label and ids are in its search text', () => {
    const failed = digestOf(doc('derived/moderation_simple_failed.json')).searchText;
    for (const word of ['1001', 'illustrative failure', 'reviewvideo', 'vxzt90jl2dfsc'])
      expect(failed).toContain(word);
    // A job's Label (the Go SDK's test response: Politics).
    expect(moderation('docs/moderation_image_job_gosdk_test.xml').jobs[0]?.label).toBe('Politics');
    expect(digestOf(doc('docs/moderation_image_job_gosdk_test.xml')).searchText).toContain('politics');
  });
});

describe('a failed moderation callback gives its Code and Message, as a failed job does', () => {
  it('a Simple callback: its own code and message; a successful one gives none', () => {
    expect(digestOf(doc('derived/moderation_simple_failed.json')).failure).toEqual({
      code: '1001',
      message: 'illustrative failure: the video could not be downloaded',
    });
    expect(digestOf(doc('docs/moderation_image_simple_callback.json')).failure).toBeUndefined();
    expect(digestOf(doc('docs/moderation_image_detail_callback.json')).failure).toBeUndefined();
  });

  it('a Detail callback: the first failed job’s', () => {
    const text = readFixture('docs/moderation_image_detail_callback.json').replace(
      '"State": "Success"',
      '"State": "Failed", "Code": "InvalidInput", "Message": "cannot download"',
    );
    const d = parsePayload(text).documents[0];
    expect(d?.state).toBe('Failed');
    expect(d && digestOf(d).failure).toEqual({ code: 'InvalidInput', message: 'cannot download' });
  });
});

describe('verdict, problem and the settings test request', () => {
  it('reads result 0/1/2 as normal, sensitive, suspicious, worst of several jobs', () => {
    const cases: [string, string | undefined][] = [
      ['docs/moderation_image_simple_callback.json', 'normal'],
      ['derived/moderation_simple_sensitive.json', 'sensitive'],
      ['derived/moderation_video_detail_suspicious.json', 'suspicious'],
      ['docs/moderation_batch_image_auditing_response.xml', 'sensitive'],
      // Documents say Suggestion.
      ['docs/moderation_document_detail_callback.json', 'normal'],
    ];
    for (const [name, verdict] of cases) expect(digestOf(doc(name)).verdict, name).toBe(verdict);
  });

  it('marks a sensitive or suspicious verdict as the problem of a Success document, not a normal one', () => {
    expect(digestOf(doc('derived/moderation_simple_sensitive.json')).problem).toBe('moderation-sensitive');
    expect(digestOf(doc('derived/moderation_video_detail_suspicious.xml')).problem).toBe(
      'moderation-suspicious',
    );
    expect(digestOf(doc('docs/moderation_video_detail_callback.json')).problem).toBeUndefined();
    const summary = buildSummary(doc('derived/moderation_simple_sensitive.json'));
    expect(summary).toMatchObject({
      kind: 'moderation',
      state: 'Success',
      verdict: 'sensitive',
      innerProblem: 'moderation-sensitive',
      isProblem: true,
    });
  });

  it('recognises the settings test request by its message: said to be one, no verdict, no problem', () => {
    const d = doc('docs/moderation_image_simple_test_request.json');
    expect(d.state).toBe('Success');
    const digest = digestOf(d);
    expect(digest.testRequest).toBe(true);
    expect(digest.verdict).toBeUndefined();
    expect(digest.problem).toBeUndefined();
    const view = moderationView(moderation('docs/moderation_image_simple_test_request.json'));
    expect(view).toMatchObject({ isTestRequest: true });
    expect(view.verdict).toBeUndefined();
    expect(digestOf(doc('docs/moderation_image_simple_callback.json')).testRequest).toBeUndefined();
  });

  it('reads a Simple code other than 0 as Failed with its message, and gives no verdict', () => {
    const d = doc('derived/moderation_simple_failed.json');
    expect(d.state).toBe('Failed');
    expect(digestOf(d).verdict).toBeUndefined();
    expect(digestOf(d).problem).toBeUndefined();
    expect(buildSummary(d).problems).toEqual([
      {
        kind: 'job-failed',
        code: '1001',
        message: 'illustrative failure: the video could not be downloaded',
        path: 'code',
      },
    ]);
  });
});

describe('the moderation panel view', () => {
  it('puts the verdict first, then the scenes, then the segments with offsets and results', () => {
    const view = moderationView(moderation('derived/moderation_video_detail_suspicious.xml'));
    expect(view).toMatchObject({
      verdict: 'suspicious',
      resultText: '2',
      label: 'Porn',
      subLabel: 'SexyBehavior',
      blocked: false,
      jobId: 'av8e6586b0a6e411edb8db525400a28986',
    });
    expect(view.categories.map((c) => [c.name, c.hit, c.count?.text])).toEqual([
      ['PornInfo', 'suspicious', '1'],
      ['AdsInfo', undefined, '0'],
    ]);
    expect(
      view.segments.map((s) => [
        s.kind,
        s.index,
        s.offsetMs?.text,
        s.durationMs?.text,
        s.verdict,
        s.hits.length,
      ]),
    ).toEqual([
      ['snapshot', 0, '0', undefined, 'normal', 0],
      ['snapshot', 1, '5000', undefined, 'suspicious', 1],
      ['audio', 0, '0', '30000', 'normal', 0],
    ]);
    expect(view.segments[1]?.hits[0]).toMatchObject({
      name: 'PornInfo',
      label: 'Sexy',
      score: { value: 75 },
    });
  });

  it('says blocked when forbidden_status is 1, and lists Simple scenes with hit flag, score and label', () => {
    const view = moderationView(moderation('derived/moderation_simple_sensitive.json'));
    expect(view.blocked).toBe(true);
    expect(view.categories.map((c) => [c.name, c.hit, c.score?.text, c.label])).toEqual([
      ['PornInfo', 'sensitive', '99', 'SexBehavior'],
      ['AdsInfo', undefined, '3', undefined],
    ]);
  });

  it('gives pages of a document and byte offsets of a text', () => {
    const page = moderationView(moderation('docs/moderation_document_detail_callback.json'));
    expect(page.segments.map((s) => [s.kind, s.pageNumber?.text, s.verdict])).toEqual([
      ['page', '1', 'normal'],
    ]);
    // Document-wide scenes sit under Labels.
    expect(page.categories.map((c) => c.name)).toEqual(['PornInfo', 'AdsInfo']);
    const text = moderationView(moderation('docs/moderation_text_detail_callback.json'));
    expect(text.segments.map((s) => [s.kind, s.startByte?.text])).toEqual([['section', '0']]);
    const audio = moderationView(moderation('docs/moderation_audio_detail_callback.json'));
    expect(audio.segments.map((s) => [s.kind, s.offsetMs?.text, s.durationMs?.text])).toEqual([
      ['audio', '0', '30000'],
    ]);
  });
});

describe('X-Ci-Content-Version in an HTTP dump', () => {
  it('is kept with the document, and a header that does not match the shape is a warning', () => {
    const simple = doc('derived/moderation_simple_http_dump.txt');
    expect(simple.contentVersion).toBe('Simple');
    expect(simple.diagnostics.map((d) => d.code)).toEqual(['http-request']);
    expect(doc('derived/moderation_detail_http_dump.txt').contentVersion).toBe('Detail');

    const wrong = readFixture('derived/moderation_simple_http_dump.txt').replace(
      'X-Ci-Content-Version: Simple',
      'X-Ci-Content-Version: Detail',
    );
    const d = parsePayload(wrong).documents[0];
    expect(d?.diagnostics.find((x) => x.code === 'content-version-mismatch')).toMatchObject({
      severity: 'warning',
    });
  });
});

describe('problems inside a successful document (data-problem)', () => {
  it('a failed workflow task, a failed sub-step', () => {
    expect(digestOf(doc('docs/workflowexecution_describe_api_with_failed_task.xml')).problem).toBe(
      'failed-task',
    );
    const xml = `<Response><EventName>TaskFinish</EventName><JobsDetail><JobId>j1</JobId><Tag>DigitalWatermark</Tag>
      <State>Success</State><Code>Success</Code><Operation><DigitalWatermark><State>Failed</State></DigitalWatermark>
      </Operation></JobsDetail></Response>`;
    expect(digestOf(parsePayload(xml).documents[0] as CallbackDocument).problem).toBe('failed-substep');
    // A Failed job says so by its State, not by a problem code.
    expect(digestOf(doc('derived/picprocess_failed_job.xml')).problem).toBeUndefined();
    expect(digestOf(doc('seed/case1-job-api.xml')).problem).toBeUndefined();
  });
});
