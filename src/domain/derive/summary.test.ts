import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallbackDocument, Job } from '../model';
import { parsePayload } from '../parse-payload';
import { documentSortKeys, documentTitle } from './digest';
import { buildSummary } from './summary';
import { jobsDocument, num, operation, seedCase1Job, seedCase2Job } from './test-models';

const docsOf = (text: string): readonly CallbackDocument[] => parsePayload(text).documents;
const fixtureDoc = (path: string): CallbackDocument => {
  const doc = docsOf(readFileSync(new URL(`../__fixtures__/${path}`, import.meta.url), 'utf8'))[0];
  if (doc === undefined) throw new Error(`no document in ${path}`);
  return doc;
};

const SEED_JOB_SUMMARY = {
  index: 0,
  state: 'Success',
  tag: 'PicProcess',
  jobId: 'c93984788066911ed89ed352d4d9d2084',
  code: 'Success',
  queueId: 'p2911917386e148639319e13c285cc774',
  templateId: 't10461fe2bd5a649db9022452ec71e0381',
  templateName: 'test',
  userData: 'This is my PicProcess job.',
  jobLevel: { text: '0', value: 0 },
};

describe('buildSummary, jobs', () => {
  it('seed case 2: a successful workflow-triggered job, no problem', () => {
    expect(buildSummary(jobsDocument([seedCase2Job], 'Success'))).toEqual({
      kind: 'jobs',
      eventName: 'TaskFinish',
      state: 'Success',
      isProblem: false,
      problems: [],
      jobCount: 1,
      job: {
        ...SEED_JOB_SUMMARY,
        workflow: {
          name: 'PicProcess_1581665960537',
          runId: 'ic90edd59f84f11ec9d4f525400a3c59f',
          workflowId: 'web6ac56c1ef54dbfa44d7f4103203be9',
          workflowName: 'workflow-test',
        },
      },
    });
  });

  it('real fixture: seed case 1', () => {
    expect(buildSummary(fixtureDoc('seed/case1-job-api.xml'))).toEqual({
      kind: 'jobs',
      eventName: 'TaskFinish',
      state: 'Success',
      isProblem: false,
      problems: [],
      jobCount: 1,
      job: SEED_JOB_SUMMARY,
    });
  });

  it('a Failed job: its Code and Message, once', () => {
    const s = buildSummary(fixtureDoc('derived/picprocess_failed_job.xml'));
    expect(s.state).toBe('Failed');
    expect(s.isProblem).toBe(true);
    expect(s.problems).toEqual([
      {
        kind: 'job-failed',
        jobIndex: 0,
        state: 'Failed',
        code: 'InvalidInput',
        message: 'The input image format is not supported',
      },
    ]);
  });

  it('a Success job whose Code is not Success', () => {
    const s = buildSummary(
      jobsDocument([{ ...seedCase1Job, code: 'InternalError', message: 'oops' }], 'Success'),
    );
    expect(s.problems).toEqual([
      { kind: 'code-not-success', jobIndex: 0, code: 'InternalError', message: 'oops', path: 'Code' },
    ]);
  });

  it('a failed sub-step inside a successful job (Go SDK sample: DigitalWatermark.State = Failed)', () => {
    const xml = `<Response><EventName>TaskFinish</EventName><JobsDetail><Code>Success</Code><JobId>j1</JobId>
      <Operation><DigitalWatermark><Message>123</Message><Type>Text</Type><Version>V1</Version>
      <IgnoreError>false</IgnoreError><State>Failed</State></DigitalWatermark></Operation>
      <State>Success</State><SubTag>DigitalWatermark</SubTag><Tag>SuperResolution</Tag></JobsDetail></Response>`;
    const s = buildSummary(docsOf(xml)[0] as CallbackDocument);
    expect(s.state).toBe('Success');
    expect(s.isProblem).toBe(true);
    expect(s.job).toMatchObject({ tag: 'SuperResolution', subTag: 'DigitalWatermark' });
    expect(s.problems).toEqual([
      {
        kind: 'failed-substep',
        jobIndex: 0,
        state: 'Failed',
        path: 'Operation.DigitalWatermark.State',
        name: 'DigitalWatermark',
      },
    ]);
  });

  it('finds failed States deep in result nodes and extras, with a sibling Code', () => {
    const job: Job = {
      ...seedCase1Job,
      operation: operation({
        results: [
          {
            name: 'ImageInspectResult',
            value: {
              entries: [
                { name: 'State', value: 'Failed' },
                { name: 'Code', value: 'E1' },
                { name: 'Message', value: 'bad' },
              ],
            },
          },
        ],
      }),
      extras: [
        {
          name: 'Steps',
          value: [
            { entries: [{ name: 'State', value: 'Success' }] },
            { entries: [{ name: 'State', value: 'Failed' }] },
          ],
        },
      ],
    };
    expect(buildSummary(jobsDocument([job], 'Success')).problems).toEqual([
      {
        kind: 'failed-substep',
        jobIndex: 0,
        state: 'Failed',
        code: 'E1',
        message: 'bad',
        path: 'Operation.ImageInspectResult.State',
        name: 'ImageInspectResult',
      },
      { kind: 'failed-substep', jobIndex: 0, state: 'Failed', path: 'Steps[1].State', name: 'Steps' },
    ]);
  });

  it('several jobs (Describe list, both Submitted): each not finished; the selected job summarised', () => {
    const doc = fixtureDoc('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml');
    const s = buildSummary(doc, 1);
    expect(s.kind).toBe('jobs');
    expect(s.eventName).toBeUndefined();
    expect(s.state).toBe('Submitted');
    expect(s.jobCount).toBe(2);
    expect(s.job).toMatchObject({ index: 1, jobId: 'c93984788066911ed89ed352d4d9d2084', state: 'Submitted' });
    expect(s.problems.map((p) => [p.kind, p.jobIndex, p.state])).toEqual([
      ['not-finished', 0, 'Submitted'],
      ['not-finished', 1, 'Submitted'],
    ]);
    expect(buildSummary(doc, 7).job?.index).toBe(0);
  });

  it('progress and an unknown State', () => {
    const s = buildSummary(jobsDocument([{ ...seedCase1Job, state: 'Weird', progress: num(40) }], 'Weird'));
    expect(s.job?.progress).toEqual({ text: '40', value: 40 });
    expect(s.problems).toEqual([{ kind: 'unknown-state', jobIndex: 0, state: 'Weird', code: 'Success' }]);
  });
});

describe('buildSummary, other kinds', () => {
  it('a Success run with a Failed task (DescribeWorkflowExecution)', () => {
    const s = buildSummary(fixtureDoc('docs/workflowexecution_describe_api_with_failed_task.xml'));
    expect(s).toEqual({
      kind: 'workflow',
      state: 'Success',
      isProblem: true,
      problems: [
        {
          kind: 'failed-task',
          taskIndex: 2,
          state: 'Failed',
          path: 'Tasks[2]',
          name: 'Animation_1581665960538',
        },
      ],
      // The run's own State is Success, but a task failed: not a plain success.
      innerProblem: 'failed-task',
      jobCount: 0,
      execution: {
        workflowId: 'we65e4d260e1042debdfb7e4560a19d3d',
        runId: '37145b2919714156bd97f91dc03fa2b4',
        state: 'Success',
        object: 'https://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/mars_white_test.mp4',
        createTimeText: '2019-07-07T12:12:12+0800',
        taskCount: 3,
        failedTaskCount: 1,
      },
    });
  });

  it('WorkflowFinish without problems', () => {
    const s = buildSummary(fixtureDoc('docs/workflowfinish_callback.xml'));
    expect(s).toMatchObject({
      kind: 'workflow',
      eventName: 'WorkflowFinish',
      isProblem: false,
      problems: [],
    });
  });

  it('unreadable and unrecognised payloads', () => {
    const invalid = docsOf('<Response><JobsDetail></Response>')[0] as CallbackDocument;
    expect(buildSummary(invalid)).toEqual({
      kind: 'invalid',
      state: 'Invalid',
      isProblem: true,
      problems: [{ kind: 'unreadable' }],
      jobCount: 0,
    });
    const other = docsOf('<Moderation><Result>1</Result></Moderation>')[0] as CallbackDocument;
    expect(buildSummary(other)).toEqual({
      kind: 'unrecognised',
      state: 'Unknown',
      isProblem: false,
      problems: [],
      jobCount: 0,
    });
  });
});

describe('documentTitle and documentSortKeys', () => {
  it('jobs: JobId, Tag, EndTime; run time EndTime − StartTime', () => {
    expect(documentTitle(jobsDocument([seedCase2Job], 'Success'))).toEqual({
      id: 'c93984788066911ed89ed352d4d9d2084',
      idKind: 'job',
      tag: 'PicProcess',
      workflowName: 'workflow-test',
      endTimeText: '2022-07-18T15:16:44+0800',
      endTime: { text: '2022-07-18T15:16:44+0800', epochMs: 1658128604000, offsetMinutes: 480 },
      object: 'input/deer.jpg',
      eventName: 'TaskFinish',
      jobCount: 1,
    });
    expect(documentSortKeys(fixtureDoc('seed/case1-job-api.xml'))).toEqual({
      state: 'Success',
      index: 0,
      createdEpochMs: 1658128603000,
      endEpochMs: 1658128604000,
      runTimeMs: 0,
    });
  });

  it('workflow: RunId and the latest task EndTime', () => {
    const doc = fixtureDoc('docs/workflowfinish_callback.xml');
    expect(documentTitle(doc)).toEqual({
      id: 'i166ee19017b011eda8a5525400c540df',
      idKind: 'run',
      workflowName: 'workflow-3',
      endTimeText: '2022-08-09 14:54:42+0800',
      endTime: { text: '2022-08-09 14:54:42+0800', epochMs: 1660028082000, offsetMinutes: 480 },
      object: 'wk-test/game.mp4',
      eventName: 'WorkflowFinish',
      jobCount: 0,
    });
    expect(documentSortKeys(doc)).toEqual({
      state: 'Success',
      index: 0,
      createdEpochMs: Date.UTC(2022, 7, 9, 6, 54, 17),
      endEpochMs: Date.UTC(2022, 7, 9, 6, 54, 42),
      runTimeMs: 25_000,
    });
  });

  it('nothing to say about an unreadable or empty document', () => {
    const invalid = docsOf('{"JobsDetail": [')[0] as CallbackDocument;
    expect(documentTitle(invalid)).toEqual({ jobCount: 0 });
    expect(documentSortKeys(invalid)).toEqual({ state: 'Invalid', index: 0 });
    expect(documentTitle(jobsDocument([], 'Unknown'))).toEqual({ eventName: 'TaskFinish', jobCount: 0 });
    expect(
      documentSortKeys(jobsDocument([{ extras: [], workflows: [], operation: operation() }], 'Unknown')),
    ).toEqual({
      state: 'Unknown',
      index: 0,
    });
  });
});
