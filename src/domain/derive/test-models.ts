/**
 * Models as the normaliser produces them for the seed cases, built by hand for the derive tests (test-only:
 * `test-models.test.ts` checks they equal what `parsePayload` gives for the fixtures).
 */
import type {
  CallbackDocument,
  CosHeader,
  Job,
  NumberValue,
  Operation,
  TimeValue,
  WorkflowExecution,
} from '../model';

export const num = (n: number): NumberValue => ({ text: String(n), value: n });

/** A `+0800` time; `epochMs` is computed here only from the literal fields below. */
export const time = (text: string, epochMs: number, offsetMinutes: number | undefined = 480): TimeValue => ({
  text,
  epochMs,
  offsetMinutes,
});

/** 2022-07-18T15:16:43+0800 = 07:16:43 UTC. */
export const CREATED = time('2022-07-18T15:16:43+0800', 1658128603000);
export const STARTED = time('2022-07-18T15:16:44+0800', 1658128604000);
export const ENDED = time('2022-07-18T15:16:44+0800', 1658128604000);

export const header = (key: string, value: string): CosHeader => ({ key, value, extras: [] });

export const SEED_CASE2_HEADERS: readonly CosHeader[] = [
  header('Content-Type', 'image/jpeg'),
  header('x-cos-request-id', 'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5'),
  header('EventName', 'cos:ObjectCreated:Put'),
  header('Size', '1024'),
];

export function operation(fields: Partial<Operation> = {}): Operation {
  return { watermarkTemplateIds: [], taskParameters: [], results: [], extras: [], ...fields };
}

const seedOperation = operation({
  output: {
    streamExtract: [],
    bucket: 'test-1234567890',
    object: 'output/out.jpg',
    region: 'ap-chongqing',
    extras: [],
  },
  picProcessResult: {
    objectName: 'output/out.jpg',
    originalInfo: {
      etag: '"d5a491cd3d8d071e3212c3478e8e35a1"',
      imageInfo: {
        ave: '0xc64847',
        format: 'JPEG',
        height: num(417),
        orientation: num(0),
        quality: num(68),
        width: num(500),
        extras: [],
      },
      extras: [],
    },
    processResult: {
      format: 'JPEG',
      height: num(500),
      quality: num(68),
      size: num(24911),
      width: num(417),
      extras: [],
    },
    extras: [],
  },
  templateId: 't10461fe2bd5a649db9022452ec71e0381',
  templateName: 'test',
  userData: 'This is my PicProcess job.',
  jobLevel: num(0),
});

/** seed/case1-job-api.xml */
export const seedCase1Job: Job = {
  code: 'Success',
  creationTime: CREATED,
  endTime: ENDED,
  input: {
    cosHeaders: [],
    bucketId: 'test-1234567890',
    object: 'input/deer.jpg',
    region: 'ap-chongqing',
    extras: [],
  },
  jobId: 'c93984788066911ed89ed352d4d9d2084',
  operation: seedOperation,
  queueId: 'p2911917386e148639319e13c285cc774',
  startTime: STARTED,
  state: 'Success',
  tag: 'PicProcess',
  workflows: [],
  extras: [],
};

/** seed/case2-workflow.xml: case 1 plus four CosHeaders and a Workflow. */
export const seedCase2Job: Job = {
  ...seedCase1Job,
  input: { ...(seedCase1Job.input as NonNullable<Job['input']>), cosHeaders: SEED_CASE2_HEADERS },
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

/** A document around jobs, as `parsePayload` would give it (source left empty: derive never reads it). */
export function jobsDocument(jobs: readonly Job[], state: string, index = 0): CallbackDocument {
  return {
    index,
    format: 'xml',
    state,
    model: { kind: 'jobs', eventName: 'TaskFinish', jobs, extras: [] },
    diagnostics: [],
    source: { text: '', start: { line: 1, column: 1, offset: 0 } },
  };
}

export function workflowDocument(execution: WorkflowExecution, index = 0): CallbackDocument {
  return {
    index,
    format: 'xml',
    state: execution.state ?? 'Unknown',
    model: { kind: 'workflow', eventName: 'WorkflowFinish', execution, extras: [] },
    diagnostics: [],
    source: { text: '', start: { line: 1, column: 1, offset: 0 } },
  };
}
