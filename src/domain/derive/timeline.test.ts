import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Job, WorkflowExecution, WorkflowTask } from '../model';
import { parsePayload } from '../parse-payload';
import { CREATED, ENDED, STARTED, seedCase1Job, time } from './test-models';
import { buildTaskTimeline, buildTimeline, endTimeGap, startTimeGap, toTimePoint } from './timeline';

const fixture = (path: string) =>
  parsePayload(readFileSync(new URL(`../__fixtures__/${path}`, import.meta.url), 'utf8'));

describe('buildTimeline', () => {
  it('seed case 1: queued 1 s, ran 0 ms', () => {
    expect(buildTimeline(seedCase1Job)).toEqual({
      created: { text: '2022-07-18T15:16:43+0800', epochMs: 1658128603000, offsetMinutes: 480, status: 'ok' },
      started: { text: '2022-07-18T15:16:44+0800', epochMs: 1658128604000, offsetMinutes: 480, status: 'ok' },
      ended: { text: '2022-07-18T15:16:44+0800', epochMs: 1658128604000, offsetMinutes: 480, status: 'ok' },
      queueWaitMs: 1000,
      runTimeMs: 0,
      totalMs: 1000,
      spanStartMs: 1658128603000,
      spanEndMs: 1658128604000,
      segments: [
        { kind: 'queue', start: 0, width: 1 },
        { kind: 'run', start: 1, width: 0 },
      ],
      notStarted: false,
      notFinished: false,
      anomalies: [],
    });
  });

  it('a job not started (StartTime and EndTime `-`) has no durations and no 1970 date', () => {
    const job: Job = { ...seedCase1Job, state: 'Submitted', startTime: undefined, endTime: undefined };
    const t = buildTimeline(job);
    expect(t.started).toEqual({ status: 'missing' });
    expect(t.ended).toEqual({ status: 'missing' });
    expect(t.notStarted).toBe(true);
    expect(t.notFinished).toBe(true);
    expect(t.queueWaitMs).toBeUndefined();
    expect(t.runTimeMs).toBeUndefined();
    expect(t.totalMs).toBeUndefined();
    expect(t.segments).toEqual([]);
  });

  it('a running job is started but not finished', () => {
    const t = buildTimeline({ ...seedCase1Job, state: 'Running', endTime: undefined });
    expect(t.notStarted).toBe(false);
    expect(t.notFinished).toBe(true);
    expect(t.endGap).toBe('not-finished');
    expect(t.queueWaitMs).toBe(1000);
    expect(t.segments).toEqual([{ kind: 'queue', start: 0, width: 1 }]);
  });

  it('a job whose State says it ended but has no EndTime: EndTime not given, not "not finished"', () => {
    for (const state of ['Success', 'Failed', 'Cancel']) {
      const t = buildTimeline({ ...seedCase1Job, state, endTime: undefined });
      expect([state, t.notFinished, t.endGap, t.notStarted]).toEqual([state, false, 'not-given', false]);
    }
    const noStart = buildTimeline({ ...seedCase1Job, startTime: undefined, endTime: undefined });
    expect([noStart.notStarted, noStart.startGap, noStart.endGap]).toEqual([false, 'not-given', 'not-given']);
    const noState = buildTimeline({ ...seedCase1Job, state: undefined, endTime: undefined });
    expect([noState.notFinished, noState.endGap]).toEqual([true, 'not-finished']);
    expect(buildTimeline(seedCase1Job).endGap).toBeUndefined();
  });

  it('endTimeGap and startTimeGap by State', () => {
    const missing = { status: 'missing' } as const;
    const ok = toTimePoint(ENDED);
    expect(
      ['Submitted', 'Running', 'Pause', 'Success', 'Failed', 'Cancel', undefined].map((s) =>
        endTimeGap(s, missing),
      ),
    ).toEqual([
      'not-finished',
      'not-finished',
      'not-finished',
      'not-given',
      'not-given',
      'not-given',
      'not-finished',
    ]);
    expect(endTimeGap('Running', ok)).toBeUndefined();
    expect(endTimeGap('Success', { text: 'x', status: 'invalid' })).toBeUndefined();
    expect(startTimeGap('Submitted', missing, missing)).toBe('not-started');
    expect(startTimeGap('Running', missing, ok)).toBe('not-given');
    expect(startTimeGap('Success', missing, missing)).toBe('not-given');
    expect(startTimeGap('Success', ok, missing)).toBeUndefined();
  });

  it('flags an end before the start and never draws a negative width', () => {
    const job: Job = { ...seedCase1Job, endTime: time('2022-07-18T15:16:42+0800', 1658128602000) };
    const t = buildTimeline(job);
    expect(t.runTimeMs).toBe(-2000);
    expect(t.totalMs).toBe(-1000);
    expect(t.anomalies).toEqual(['end-before-start', 'end-before-creation']);
    expect(t.segments).toEqual([
      { kind: 'queue', start: 0.5, width: 0.5 },
      { kind: 'run', start: 1, width: 0 },
    ]);
  });

  it('keeps an unreadable time as invalid, with its text', () => {
    const t = buildTimeline({
      ...seedCase1Job,
      startTime: { text: '2022-02-30T10:00:00+0800', epochMs: undefined, offsetMinutes: undefined },
    });
    expect(t.started).toEqual({ text: '2022-02-30T10:00:00+0800', status: 'invalid' });
    expect(t.notStarted).toBe(false);
    expect(t.queueWaitMs).toBeUndefined();
    expect(t.totalMs).toBe(1000);
    expect(t.segments).toEqual([{ kind: 'total', start: 0, width: 1 }]);
  });

  it('real fixtures: seed case 1, and the Describe list with `-` times', () => {
    const seed = fixture('seed/case1-job-api.xml').documents[0]?.model;
    expect(seed?.kind === 'jobs' && buildTimeline(seed.jobs[0] as Job)).toMatchObject({
      queueWaitMs: 1000,
      runTimeMs: 0,
      totalMs: 1000,
    });
    const list = fixture('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml').documents[0]?.model;
    expect(list?.kind).toBe('jobs');
    for (const job of list?.kind === 'jobs' ? list.jobs : []) {
      expect(buildTimeline(job)).toMatchObject({
        notStarted: true,
        notFinished: true,
        segments: [],
        created: { epochMs: 1658128603000 },
      });
    }
    const legacy = fixture('docs/transcode_callback_workflow_legacy_no_eventname.xml').documents[0]?.model;
    const t = legacy?.kind === 'jobs' ? buildTimeline(legacy.jobs[0] as Job) : undefined;
    expect(t?.notStarted).toBe(false);
    expect(t?.segments.map((s) => s.kind)).toEqual(['total']);
  });

  it('uses the shared seed times', () => {
    expect([CREATED.epochMs, STARTED.epochMs, ENDED.epochMs]).toEqual([
      Date.UTC(2022, 6, 18, 7, 16, 43),
      Date.UTC(2022, 6, 18, 7, 16, 44),
      Date.UTC(2022, 6, 18, 7, 16, 44),
    ]);
  });
});

const at = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number) as [number, number, number];
  return time(`2022-08-09 ${hms}+0800`, Date.UTC(2022, 7, 9, h - 8, m, s));
};
const task = (fields: Partial<WorkflowTask>): WorkflowTask => ({ extras: [], ...fields });

/** docs/workflowfinish_callback.xml */
const workflowFinish: WorkflowExecution = {
  workflowId: 'web6ac56c1ef54dbfa44d7f4103203be9',
  workflowName: 'workflow-3',
  runId: 'i166ee19017b011eda8a5525400c540df',
  state: 'Success',
  bucketId: 'test-1234567890',
  object: 'wk-test/game.mp4',
  createTime: at('14:54:17'),
  cosHeaders: [],
  tasks: [
    task({
      type: 'Snapshot',
      createTime: at('14:54:40'),
      endTime: at('14:54:42'),
      state: 'Success',
      jobId: 'j23c11e1e17b011edaab4ab15ec33d076',
      name: 'Snapshot_1581665960536',
    }),
    task({
      type: 'Transcode',
      createTime: at('14:54:18'),
      endTime: at('14:54:39'),
      state: 'Success',
      jobId: 'j168668b217b011ed8efb27bb229e2d11',
      name: 'Transcode_1581665960537',
    }),
  ],
  extras: [],
};

describe('buildTaskTimeline', () => {
  it('WorkflowFinish: bars to scale over the run', () => {
    const t = buildTaskTimeline(workflowFinish);
    expect(t.spanStartMs).toBe(Date.UTC(2022, 7, 9, 6, 54, 17));
    expect(t.totalMs).toBe(25_000);
    expect(t.tasks.map((x) => [x.name, x.type, x.state, x.durationMs, x.notFinished])).toEqual([
      ['Snapshot_1581665960536', 'Snapshot', 'Success', 2000, false],
      ['Transcode_1581665960537', 'Transcode', 'Success', 21_000, false],
    ]);
    expect(t.tasks[0]?.bar?.start).toBeCloseTo(23 / 25);
    expect(t.tasks[0]?.bar?.width).toBeCloseTo(2 / 25);
    expect(t.tasks[1]?.bar?.start).toBeCloseTo(1 / 25);
    expect(t.tasks[1]?.bar?.width).toBeCloseTo(21 / 25);
  });

  it('the hand-built execution equals the parsed fixture’s', () => {
    const m = fixture('docs/workflowfinish_callback.xml').documents[0]?.model;
    const execution = m?.kind === 'workflow' ? m.execution : undefined;
    expect(execution && buildTaskTimeline(execution)).toEqual(
      buildTaskTimeline({ ...workflowFinish, cosHeaders: execution?.cosHeaders ?? [] }),
    );
  });

  it('tasks with an empty EndTime have no duration; ended by their State, their EndTime is not given', () => {
    const m = fixture('docs/workflowexecution_describe_api_with_failed_task.xml').documents[0]?.model;
    const t = m?.kind === 'workflow' && m.execution ? buildTaskTimeline(m.execution) : undefined;
    expect(t?.tasks.map((x) => [x.name, x.state, x.durationMs, x.notFinished, x.endGap])).toEqual([
      ['Start', 'Success', undefined, false, 'not-given'],
      ['Snapshot_1581665960536', 'Success', undefined, false, 'not-given'],
      ['Animation_1581665960538', 'Failed', undefined, false, 'not-given'],
    ]);
    expect(t?.totalMs).toBe(0);
    expect(t?.tasks[2]?.bar).toEqual({ kind: 'run', start: 0, width: 0 });
  });

  it('an execution without any time has no span and no bars', () => {
    const t = buildTaskTimeline({ ...workflowFinish, createTime: undefined, tasks: [task({ name: 'x' })] });
    expect(t).toEqual({
      created: { status: 'missing' },
      tasks: [
        expect.objectContaining({ name: 'x', notFinished: true, endGap: 'not-finished', anomalies: [] }),
      ],
    });
    expect(t.tasks[0]?.bar).toBeUndefined();
  });
});

describe('time points', () => {
  it('a time without offset is shown in +08:00, as the normaliser read it, and says so', () => {
    const t = buildTimeline({
      ...seedCase1Job,
      creationTime: { text: '2022-07-18 15:16:43', epochMs: 1658128603000, offsetMinutes: undefined },
    });
    expect(t.created).toEqual({
      text: '2022-07-18 15:16:43',
      epochMs: 1658128603000,
      offsetMinutes: 480,
      offsetAssumed: true,
      status: 'ok',
    });
  });
});
