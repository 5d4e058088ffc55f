import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { parseRawTree } from '../parse/raw-tree';
import { REPEATING_PATHS } from './schema';

const modelOf = (text: string) => parsePayload(text).documents[0]?.model;

const job = (operation: string) =>
  `<Response><EventName>TaskFinish</EventName><JobsDetail><JobId>j</JobId><Tag>X</Tag><State>Success</State>` +
  `<Operation>${operation}</Operation></JobsDetail></Response>`;
const jobJson = (operation: object) =>
  JSON.stringify({
    Response: {
      EventName: 'TaskFinish',
      JobsDetail: [{ JobId: 'j', Tag: 'X', State: 'Success', Operation: operation }],
    },
  });

describe('one callback, one model: XML and JSON agree whatever the list lengths', () => {
  it('in a generic tree, one XML element ≡ a JSON array of one ≡ a JSON value', () => {
    const xml = modelOf(job('<SpeechRecognitionResult><Result>a</Result></SpeechRecognitionResult>'));
    expect(modelOf(jobJson({ SpeechRecognitionResult: { Result: ['a'] } }))).toEqual(xml);
    expect(modelOf(jobJson({ SpeechRecognitionResult: { Result: 'a' } }))).toEqual(xml);
    expect(xml).toMatchObject({
      jobs: [
        {
          operation: {
            results: [
              { name: 'SpeechRecognitionResult', value: { entries: [{ name: 'Result', value: 'a' }] } },
            ],
          },
        },
      ],
    });
  });

  it('repeated XML elements ≡ a JSON array, kept as a list', () => {
    const xml = modelOf(
      job('<VideoTagResult><Tags><Tag>a</Tag></Tags><Tags><Tag>b</Tag></Tags></VideoTagResult>'),
    );
    expect(modelOf(jobJson({ VideoTagResult: { Tags: [{ Tag: 'a' }, { Tag: 'b' }] } }))).toEqual(xml);
  });

  it('an empty element ≡ an empty JSON object or array ≡ nothing, inside a tree', () => {
    const xml = modelOf(job('<Transcode><Container/><Video><Codec>H.264</Codec></Video></Transcode>'));
    expect(modelOf(jobJson({ Transcode: { Container: {}, Video: [{ Codec: 'H.264' }] } }))).toEqual(xml);
    expect(modelOf(jobJson({ Transcode: { Container: [], Video: { Codec: 'H.264' } } }))).toEqual(xml);
    expect(modelOf(jobJson({ Transcode: { Video: { Codec: 'H.264' } } }))).toEqual(xml);
  });

  it('a task parameter node with no value reads the same in both forms', () => {
    const xml = modelOf(job('<Snapshot/>'));
    expect(modelOf(jobJson({ Snapshot: {} }))).toEqual(xml);
    expect(modelOf(jobJson({ Snapshot: '' }))).toEqual(xml);
  });

  it('a repeated Workflow (a list in the Go SDK) is a list, not a duplicate', () => {
    const wf = (id: string) => `<Workflow><RunId>${id}</RunId></Workflow>`;
    const doc = parsePayload(job('').replace('<Operation></Operation>', wf('i1') + wf('i2'))).documents[0];
    expect(doc?.diagnostics).toEqual([]);
    expect(doc?.model).toMatchObject({
      jobs: [{ workflows: [{ runId: 'i1' }, { runId: 'i2' }], extras: [] }],
    });
  });
});

describe('XML lists forced by the schema tables', () => {
  it('force a node to a list exactly where the model reads a list', () => {
    expect(REPEATING_PATHS).toContain('OutputFile.ObjectUrl');
    expect(REPEATING_PATHS).toContain('JobsDetail.Workflow');
    expect(REPEATING_PATHS).not.toContain('ObjectUrl');
    expect(REPEATING_PATHS).not.toContain('ObjectInfo.ObjectUrl');
  });

  it('leave ObjectInfo.ObjectUrl single in the XML tree, as JSON has it', () => {
    const xml =
      '<Response><WorkflowExecution><Tasks><ResultInfo><ObjectInfo><ObjectUrl>u</ObjectUrl></ObjectInfo>' +
      '</ResultInfo></Tasks></WorkflowExecution></Response>';
    expect(parseRawTree(xml, 'xml')).toEqual({
      Response: { WorkflowExecution: { Tasks: [{ ResultInfo: { ObjectInfo: [{ ObjectUrl: 'u' }] } }] } },
    });
  });
});
