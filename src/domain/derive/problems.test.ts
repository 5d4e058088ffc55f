import { describe, expect, it } from 'vitest';
import type { WorkflowExecution } from '../model';
import { executionProblems, findFailedStates, jobProblems, stateProblem } from './problems';
import { seedCase1Job } from './test-models';

describe('stateProblem', () => {
  it.each([
    ['Success', undefined],
    ['Failed', 'job-failed'],
    ['Cancel', 'cancelled'],
    ['Submitted', 'not-finished'],
    ['Running', 'not-finished'],
    ['Pause', 'not-finished'],
    ['success', 'unknown-state'],
    [undefined, 'unknown-state'],
  ])('%s → %s', (state, kind) => {
    expect(stateProblem(state)).toBe(kind);
  });
});

describe('findFailedStates', () => {
  it('only State nodes that say Failed, with paths from the base', () => {
    expect(
      findFailedStates(
        [
          {
            name: 'DigitalWatermark',
            value: {
              entries: [
                { name: 'Message', value: 'hi' },
                { name: 'State', value: 'Failed' },
              ],
            },
          },
          {
            name: 'Other',
            value: {
              entries: [
                { name: 'State', value: 'Success' },
                { name: 'Note', value: 'Failed' },
              ],
            },
          },
          { name: 'State', value: 'Failed' },
        ],
        'Operation',
      ),
    ).toEqual([
      {
        kind: 'failed-substep',
        state: 'Failed',
        path: 'Operation.DigitalWatermark.State',
        name: 'DigitalWatermark',
      },
    ]);
  });
});

describe('jobProblems', () => {
  it('seed case 1 has none', () => {
    expect(jobProblems(seedCase1Job, 0)).toEqual([]);
  });
});

describe('executionProblems', () => {
  it('a Failed run, a task not finished, an object whose Code is not Success', () => {
    const execution: WorkflowExecution = {
      state: 'Failed',
      cosHeaders: [],
      tasks: [
        { name: 'T1', state: 'Running', extras: [] },
        {
          name: 'T2',
          state: 'Success',
          resultInfo: {
            objectInfo: [
              { objectName: 'a.jpg', code: 'Success', extras: [] },
              { objectName: 'b.jpg', code: 'InvalidInput', message: 'no', extras: [] },
            ],
            spriteObjectInfo: [],
            extras: [],
          },
          extras: [],
        },
      ],
      extras: [],
    };
    expect(executionProblems(execution)).toEqual([
      { kind: 'job-failed', state: 'Failed' },
      { kind: 'not-finished', taskIndex: 0, state: 'Running', path: 'Tasks[0]', name: 'T1' },
      {
        kind: 'code-not-success',
        taskIndex: 1,
        code: 'InvalidInput',
        message: 'no',
        path: 'Tasks[1].ResultInfo.ObjectInfo[1]',
        name: 'b.jpg',
      },
    ]);
  });
});
