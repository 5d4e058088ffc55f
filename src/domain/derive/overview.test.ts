import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { compareDocuments } from './compare-documents';
import { buildOverview, histogram, percentile } from './overview';

const docs = (...names: string[]) => {
  let first = 0;
  return names.flatMap((n) => {
    const d = parsePayload(readFixture(n), { firstIndex: first }).documents;
    first += d.length;
    return d;
  });
};

describe('overview of the loaded set', () => {
  it('counts, percentiles, failed, duplicates and workflow runs', () => {
    const set = docs(
      'seed/case1-job-api.xml', // PicProcess, 1 s wait, 0 s run
      'seed/case2-workflow.xml', // same JobId: delivered twice; RunId ic90…
      'derived/picprocess_failed_job.xml', // Failed, same JobId again
      'docs/sdrtohdr_callback_workflow.xml', // 1 s wait, 20 s run, RunId ic90…
      'docs/workflowfinish_callback.xml', // a WorkflowFinish, RunId i166…
    );
    const o = buildOverview(set);
    expect(o.documentCount).toBe(5);
    expect(o.jobCount).toBe(4);
    expect(Object.fromEntries(o.byState)).toEqual({ Success: 4, Failed: 1 });
    expect(Object.fromEntries(o.byTag)).toEqual({ PicProcess: 3, SDRtoHDR: 1, Workflow: 1 });
    expect(o.queueWait).toEqual({ count: 4, p50: 1000, p95: 1000, max: 1000 });
    expect(o.runTime).toEqual({ count: 4, p50: 0, p95: 20_000, max: 20_000 });
    expect(o.slowest[0]).toMatchObject({
      documentIndex: 3,
      jobId: 'jafa709a2f86611ec9452c1c27f56a659',
      runTimeMs: 20_000,
    });
    expect(o.failed.map((f) => f.documentIndex)).toEqual([2]);
    expect([...o.duplicates]).toEqual([['c93984788066911ed89ed352d4d9d2084', [0, 1, 2]]]);
    expect(o.workflowRuns).toEqual([
      {
        runId: 'ic90edd59f84f11ec9d4f525400a3c59f',
        executionDocuments: [],
        jobs: [expect.objectContaining({ documentIndex: 1 }), expect.objectContaining({ documentIndex: 3 })],
      },
      { runId: 'i166ee19017b011eda8a5525400c540df', executionDocuments: [4], jobs: [] },
    ]);
  });

  it('percentile by nearest rank, histogram from 0 to the max', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeUndefined();
    const h = histogram([0, 5, 10, -3], 2);
    expect(h).toEqual([
      { fromMs: 0, toMs: 5, count: 1 },
      { fromMs: 5, toMs: 10, count: 2 },
    ]);
  });
});

describe('compare two documents by model path', () => {
  it('seed cases 2 (XML) and 3 (JSON) compare as equal', () => {
    const [xml, json] = docs('seed/case2-workflow.xml', 'seed/case3-workflow-trailing-comma.json');
    expect(compareDocuments(xml!, json!)).toMatchObject({ equal: true, differences: [] });
  });

  it('a failed retry against the original: what changed and what is only on one side', () => {
    const [ok, failed] = docs('seed/case1-job-api.xml', 'derived/picprocess_failed_job.xml');
    const { differences, equal } = compareDocuments(ok!, failed!);
    expect(equal).toBe(false);
    expect(differences).toContainEqual({
      path: 'jobs[0].state',
      kind: 'changed',
      left: 'Success',
      right: 'Failed',
    });
    expect(differences).toContainEqual({
      path: 'jobs[0].code',
      kind: 'changed',
      left: 'Success',
      right: 'InvalidInput',
    });
    expect(differences).toContainEqual({
      path: 'jobs[0].message',
      kind: 'only-right',
      right: 'The input image format is not supported',
    });
    expect(differences).toContainEqual({
      path: 'jobs[0].operation.picProcessResult.processResult.width',
      kind: 'only-left',
      left: '417',
    });
  });

  it('marks times written differently for the same instant', () => {
    const [a, b] = docs('seed/case1-job-api.xml', 'derived/picprocess_colon_offsets.xml');
    const { differences } = compareDocuments(a!, b!);
    expect(differences).toEqual([
      {
        path: 'jobs[0].creationTime',
        kind: 'changed',
        left: '2022-07-18T15:16:43+0800',
        right: '2022-07-18T15:16:43+08:00',
        sameInstant: true,
      },
      {
        path: 'jobs[0].startTime',
        kind: 'changed',
        left: '2022-07-18T15:16:44+0800',
        right: '2022-07-18 15:16:44+08:00',
        sameInstant: true,
      },
    ]);
  });
});
