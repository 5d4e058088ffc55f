import { describe, expect, it } from 'vitest';
import type { Job } from '../model';
import { parsePayload } from '../parse-payload';
import { generatedPairs } from '../test-support/sdk-generated';
import { readFixture } from '../test-support/fixtures';
import { buildResultViews, buildTaskOcrViews, isBatchJob } from './result-views';

const jobOf = (text: string): Job => {
  const m = parsePayload(text).documents[0]?.model;
  if (m?.kind !== 'jobs' || !m.jobs[0]) throw new Error('no job');
  return m.jobs[0];
};
const pair = (name: string) => {
  const p = generatedPairs().find((g) => g.name === name);
  if (!p) throw new Error(name);
  return p;
};
const viewsOf = (name: string) => buildResultViews(jobOf(pair(name).xml));

describe('buildResultViews', () => {
  it('gives the same views for the XML and the JSON form of every generated kind, lists of one and two', () => {
    for (const p of generatedPairs()) {
      if (p.kind === 'WorkflowFinish') continue;
      expect(buildResultViews(jobOf(p.json)), p.name).toEqual(buildResultViews(jobOf(p.xml)));
    }
  });

  it('speech recognition: each Result line, with its time range when it has one', () => {
    expect(viewsOf('SpeechRecognition.list2')).toEqual([
      expect.objectContaining({
        kind: 'speech',
        lines: [{ text: expect.stringMatching(/^Result-/) }, { text: expect.stringMatching(/^Result-/) }],
      }),
    ]);
    const xml =
      '<Response><JobsDetail><JobId>j</JobId><Tag>SpeechRecognition</Tag><State>Success</State><Operation>' +
      '<SpeechRecognitionResult><AudioTime>19.71</AudioTime><Result>[0:0.020,0:3.320] 你好。</Result>' +
      '</SpeechRecognitionResult></Operation></JobsDetail></Response>';
    expect(buildResultViews(jobOf(xml))).toEqual([
      { kind: 'speech', audioTime: '19.71', lines: [{ range: '0:0.020,0:3.320', text: '你好。' }] },
    ]);
  });

  it('OCR: the detected text lines with their confidence', () => {
    const [view] = viewsOf('ImageOCR.list2');
    expect(view).toMatchObject({ kind: 'ocr', language: expect.any(String) });
    expect(view?.kind === 'ocr' && view.lines).toHaveLength(2);
  });

  it('video tags: one group per kind of tag, items with their confidence', () => {
    const [view] = viewsOf('VideoTag.list1');
    expect(view?.kind).toBe('videoTags');
    if (view?.kind !== 'videoTags') return;
    expect(view.groups.map((g) => g.group)).toEqual([
      'Tags',
      'PersonTags',
      'PlaceTags',
      'ActionTags',
      'ObjectTags',
      'Labels',
    ]);
    expect(view.groups[0]?.items[0]).toEqual({
      name: expect.stringMatching(/^Tag-/),
      detail: expect.stringMatching(/^TagCls-/),
      confidence: expect.stringMatching(/^\d+\.5$/),
    });
  });

  it('quality: the score and the detailed result types', () => {
    const [view] = viewsOf('QualityEstimate.list2');
    expect(view).toMatchObject({ kind: 'quality', noAudio: 'true', noVideo: 'true' });
    expect(view?.kind === 'quality' && view.details.map((d) => d.count)).toEqual([2, 2]);
  });

  it('file hash: MD5, SHA1, SHA256 and the file size as a number', () => {
    const [view] = viewsOf('FileHashCode.list1');
    expect(view).toMatchObject({
      kind: 'hash',
      hashes: [
        { name: 'MD5', value: expect.stringMatching(/^MD5-/) },
        { name: 'SHA1', value: expect.stringMatching(/^SHA1-/) },
        { name: 'SHA256', value: expect.stringMatching(/^SHA256-/) },
      ],
      fileSize: { value: expect.any(Number) },
    });
  });

  it('file compress: the archive, its file count and the files that failed', () => {
    const [view] = viewsOf('FileCompress.list2');
    expect(view).toMatchObject({
      kind: 'compress',
      archive: { bucket: expect.stringMatching(/^Bucket-/), object: expect.stringMatching(/^Object-/) },
      fileCount: { value: expect.any(Number) },
      errorCount: { value: expect.any(Number) },
      errorFiles: [expect.stringMatching(/^ErrorFile-/), expect.stringMatching(/^ErrorFile-/)],
    });
  });

  it('file uncompress: where the files went and how many', () => {
    expect(viewsOf('FileUncompress.list1')[0]).toMatchObject({
      kind: 'uncompress',
      target: { bucket: expect.stringMatching(/^Bucket-/) },
      fileCount: { value: expect.any(Number) },
    });
  });

  it('translation: source and target language, document type, the output object and its URL', () => {
    expect(buildResultViews(jobOf(readFixture('docs/translation_callback_job_api.xml')))).toEqual([
      {
        kind: 'translation',
        from: 'en',
        to: 'en',
        docType: 'txt',
        output: {
          bucket: 'test-123456789',
          region: 'ap-chongqing',
          object: 'output/zh.pdf',
          url: 'https://test-123456789.cos.ap-chongqing.myqcloud.com/output/zh.pdf',
        },
        text: [],
      },
    ]);
  });

  it('batch (inventory trigger) jobs are recognised and summarised', () => {
    const workflowBatch = jobOf(pair('InventoryTrigger-Workflow.list1').xml);
    expect(isBatchJob(workflowBatch)).toBe(true);
    expect(buildResultViews(workflowBatch)[0]).toMatchObject({
      kind: 'batch',
      source: { wire: 'Prefix' },
      workflowIds: [expect.stringMatching(/^WorkflowIds-/)],
      timeInterval: { start: expect.stringMatching(/^Start-/), end: expect.stringMatching(/^End-/) },
    });
    expect(buildResultViews(jobOf(pair('InventoryTrigger-Job.list1').xml))[0]).toMatchObject({
      kind: 'batch',
      tag: expect.stringMatching(/^Tag-/),
      templateId: expect.stringMatching(/^TemplateId-/),
    });
    expect(isBatchJob(jobOf(pair('Transcode.list1').xml))).toBe(false);
  });

  it('no view for a job without these results', () => {
    expect(buildResultViews(jobOf(readFixture('seed/case1-job-api.xml')))).toEqual([]);
  });
});

describe('buildTaskOcrViews', () => {
  const executionOf = (text: string) => {
    const m = parsePayload(text).documents[0]?.model;
    if (m?.kind !== 'workflow' || !m.execution) throw new Error('no execution');
    return m.execution;
  };

  it('WorkflowFinish: an ObjectInfo ImageOcrResult gets the OCR view, with its task and object, XML ≡ JSON', () => {
    for (const name of ['WorkflowFinish.list1', 'WorkflowFinish.list2']) {
      const p = pair(name);
      const views = buildTaskOcrViews(executionOf(p.xml));
      expect(buildTaskOcrViews(executionOf(p.json)), name).toEqual(views);
      expect(views.length, name).toBeGreaterThan(0);
      for (const v of views) {
        expect(v).toMatchObject({
          kind: 'ocr',
          task: expect.stringMatching(/^Name-/),
          object: expect.stringMatching(/^ObjectName-/),
          language: expect.stringMatching(/^Language-/),
        });
        expect(v.kind === 'ocr' && v.lines.every((l) => /^DetectedText-/.test(l.text))).toBe(true);
      }
    }
    const one = buildTaskOcrViews(executionOf(pair('WorkflowFinish.list1').xml));
    expect(one).toHaveLength(1);
    expect(one[0]?.kind === 'ocr' && one[0].lines).toHaveLength(1);
  });

  it('no OCR view for a run whose objects carry no ImageOcrResult', () => {
    expect(buildTaskOcrViews(executionOf(readFixture('docs/workflowfinish_callback.xml')))).toEqual([]);
  });
});
