import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { compareModels } from './compare-documents';
import { buildOverview, histogram, percentile, roundBinWidth } from './overview';
import { firstK } from './overview-stats';

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
    // Three callbacks of one JobId are one job.
    expect(o.jobCount).toBe(2);
    expect(o.jobDeliveries).toBe(4);
    expect(o.workflowRunCount).toBe(2);
    expect(Object.fromEntries(o.byKind)).toEqual({ jobs: 4, workflow: 1 });
    expect(Object.fromEntries(o.byState)).toEqual({ Success: 4, Failed: 1 });
    // No "Workflow" pseudo-Tag.
    expect(Object.fromEntries(o.byTag)).toEqual({ PicProcess: 3, SDRtoHDR: 1 });
    expect(o.failuresByCode).toEqual([
      {
        code: 'InvalidInput',
        callbacks: 1,
        jobs: 1,
        sampleMessage: 'The input image format is not supported',
        messages: 1,
        tags: ['PicProcess'],
        firstMs: expect.any(Number),
        lastMs: expect.any(Number),
        offsetMinutes: 480,
      },
    ]);
    // Durations of distinct jobs (the last delivery of each).
    expect(o.queueWait.count).toBe(2);
    expect(o.runTime).toMatchObject({ count: 2, max: 20_000 });
    expect(o.slowest.map((j) => j.jobId)).toEqual([
      'jafa709a2f86611ec9452c1c27f56a659',
      'c93984788066911ed89ed352d4d9d2084',
    ]);
    expect(o.failed.map((f) => [f.documentIndex, f.code])).toEqual([[2, 'InvalidInput']]);
    expect(o.duplicates).toEqual([
      { jobId: 'c93984788066911ed89ed352d4d9d2084', documents: [0, 1, 2], variants: 3 },
    ]);
    expect(o.extraDeliveries).toBe(2);
    const [ic90, i166] = o.workflowRuns;
    expect(ic90).toMatchObject({
      runId: 'ic90edd59f84f11ec9d4f525400a3c59f',
      executionDocuments: [],
      missingTaskJobIds: [],
      hasFailedTask: false,
    });
    expect(ic90?.jobs.map((j) => j.documentIndex)).toEqual([1, 3]);
    expect(i166).toMatchObject({
      runId: 'i166ee19017b011eda8a5525400c540df',
      executionDocuments: [4],
      jobs: [],
    });
    expect(i166?.missingTaskJobIds.length).toBeGreaterThan(0);
    expect(o.runHealth).toEqual({
      runs: 2,
      withoutFinish: 1,
      withMissingTasks: 1,
      missingTasks: i166?.missingTaskJobIds.length,
      withFailedTask: 0,
    });
  });

  it('tells one callback delivered five times from a JobId whose callbacks differ', () => {
    const text = readFixture('seed/case1-job-api.xml');
    const five = Array.from({ length: 5 }, () => text).join('\n');
    const changed = text.replace('<State>Success</State>', '<State>Running</State>');
    const set = parsePayload(`${five}\n${changed}`).documents;
    const o = buildOverview(set.slice(0, 5));
    expect(o.duplicates).toEqual([
      { jobId: 'c93984788066911ed89ed352d4d9d2084', documents: [0, 1, 2, 3, 4], variants: 1 },
    ]);
    expect(o.jobCount).toBe(1);
    expect(buildOverview(set).duplicates[0]?.variants).toBe(2);
  });

  it('percentile by nearest rank, histogram from 0 to the max', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeUndefined();
    expect(histogram([0, 5000, 10_000, -3000], 2)).toEqual([
      { fromMs: 0, toMs: 10_000, count: 2 },
      { fromMs: 10_000, toMs: 20_000, count: 1 },
    ]);
    expect(histogram([-1])).toEqual([]);
    expect(histogram([0])).toEqual([{ fromMs: 0, toMs: 1000, count: 1 }]);
  });

  it('firstK keeps the first k by an order in one pass, as a full sort would', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i * 7919) % 97);
    const before = (a: number, b: number) => values[a]! > values[b]! || (values[a] === values[b] && a < b);
    const sorted = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
    for (const k of [0, 1, 10, 499, 500, 600])
      expect(firstK(values.length, k, before)).toEqual(sorted.slice(0, k));
  });

  it('bins have round widths on whole seconds', () => {
    expect(roundBinWidth(37_000, 20)).toBe(2000);
    expect(roundBinWidth(59_000, 20)).toBe(5000);
    expect(roundBinWidth(7 * 60_000, 20)).toBe(30_000);
    expect(roundBinWidth(4 * 3_600_000, 20)).toBe(900_000);
    const bins = histogram([0, 1000, 37_000, 12_345]);
    expect(bins).toHaveLength(19);
    for (const b of bins) expect(b.fromMs % 2000).toBe(0);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
  });
});

describe('compare two documents by model path (the comparison’s raw detail)', () => {
  it('seed cases 2 (XML) and 3 (JSON) compare as equal', () => {
    const [xml, json] = docs('seed/case2-workflow.xml', 'seed/case3-workflow-trailing-comma.json');
    expect(compareModels(xml!, json!)).toMatchObject({ differences: [] });
  });

  it('a failed retry against the original: what changed and what is only on one side', () => {
    const [ok, failed] = docs('seed/case1-job-api.xml', 'derived/picprocess_failed_job.xml');
    const { differences } = compareModels(ok!, failed!);
    expect(differences.length).toBeGreaterThan(0);
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
    const { differences } = compareModels(a!, b!);
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

describe('moderation callbacks in the overview (issue 13a documents)', () => {
  it('are counted apart from jobs, by verdict, with the settings test request on its own', () => {
    const set = docs(
      'seed/case1-job-api.xml',
      'docs/moderation_image_simple_callback.json',
      'docs/moderation_image_simple_test_request.json',
      'docs/moderation_image_detail_callback.json',
      'docs/moderation_video_detail_callback.json',
    );
    const o = buildOverview(set);
    expect(o.documentCount).toBe(5);
    // The moderation callbacks are neither jobs nor in By State.
    expect(o.jobCount).toBe(1);
    expect(Object.fromEntries(o.byState)).toEqual({ Success: 1 });
    expect(Object.fromEntries(o.byKind)).toEqual({ jobs: 1, moderation: 4 });
    // Every moderation callback but the test request has a verdict (these fixtures are all normal).
    expect(o.moderation).toEqual({ callbacks: 4, byVerdict: { normal: 3 }, testRequests: 1 });
  });
});
