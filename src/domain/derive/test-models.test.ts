import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { seedCase1Job, seedCase2Job } from './test-models';

const fixture = (path: string): string =>
  readFileSync(new URL(`../__fixtures__/${path}`, import.meta.url), 'utf8');

function firstJob(path: string) {
  const model = parsePayload(fixture(path)).documents[0]?.model;
  return model?.kind === 'jobs' ? model.jobs[0] : undefined;
}

describe('hand-built seed models', () => {
  it('equal what parsePayload gives for seed case 1', () => {
    expect(firstJob('seed/case1-job-api.xml')).toEqual(seedCase1Job);
  });

  it('equal what parsePayload gives for seed cases 2 and 3', () => {
    expect(firstJob('seed/case2-workflow.xml')).toEqual(seedCase2Job);
    expect(firstJob('seed/case3-workflow-trailing-comma.json')).toEqual(seedCase2Job);
  });
});
