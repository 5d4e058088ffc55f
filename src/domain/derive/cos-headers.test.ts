import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Job } from '../model';
import { parsePayload } from '../parse-payload';
import { buildExecutionHeaderRows, buildHeaderRows, explanationKeyOf, findCosHeader } from './cos-headers';
import { header, operation, seedCase1Job, seedCase2Job } from './test-models';

const fixtureModel = (path: string) =>
  parsePayload(readFileSync(new URL(`../__fixtures__/${path}`, import.meta.url), 'utf8')).documents[0]?.model;

const SEED_CASE2_ROWS = [
  { index: 0, key: 'Content-Type', value: 'image/jpeg', where: 'input', explanationKey: 'content-type' },
  {
    index: 1,
    key: 'x-cos-request-id',
    value: 'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5',
    where: 'input',
    explanationKey: 'x-cos-request-id',
  },
  {
    index: 2,
    key: 'EventName',
    value: 'cos:ObjectCreated:Put',
    where: 'input',
    explanationKey: 'event-name',
  },
  {
    index: 3,
    key: 'Size',
    value: '1024',
    where: 'input',
    bytes: 1024,
    humanSize: '1 KiB',
    explanationKey: 'size',
  },
];

describe('buildHeaderRows', () => {
  it('seed case 2: four rows in source order, sizes readable, known headers explained', () => {
    expect(buildHeaderRows(seedCase2Job)).toEqual(SEED_CASE2_ROWS);
  });

  it('seed case 1 has none', () => {
    expect(buildHeaderRows(seedCase1Job)).toEqual([]);
  });

  it('real fixture: seed case 3 (JSON) gives the same rows', () => {
    const m = fixtureModel('seed/case3-workflow-trailing-comma.json');
    expect(m?.kind === 'jobs' && buildHeaderRows(m.jobs[0] as Job)).toEqual(SEED_CASE2_ROWS);
  });

  it('keeps duplicates, reads Operation.Input.CosHeaders after Input’s, and explains x-cos-meta-*', () => {
    const job: Job = {
      workflows: [],
      extras: [],
      input: { cosHeaders: [header('x-cos-meta-author', 'a'), header('x-cos-meta-author', 'b')], extras: [] },
      operation: operation({
        input: {
          cosHeaders: [header('Content-Length', '24911'), header('Content-Length', '12 KB'), { extras: [] }],
          extras: [],
        },
      }),
    };
    expect(buildHeaderRows(job)).toEqual([
      { index: 0, key: 'x-cos-meta-author', value: 'a', where: 'input', explanationKey: 'x-cos-meta' },
      { index: 1, key: 'x-cos-meta-author', value: 'b', where: 'input', explanationKey: 'x-cos-meta' },
      {
        index: 2,
        key: 'Content-Length',
        value: '24911',
        where: 'operation.input',
        bytes: 24911,
        humanSize: '24.3 KiB',
        explanationKey: 'content-length',
      },
      {
        index: 3,
        key: 'Content-Length',
        value: '12 KB',
        where: 'operation.input',
        explanationKey: 'content-length',
      },
      { index: 4, key: '', value: '', where: 'operation.input' },
    ]);
  });

  it('a job without Input has no rows', () => {
    expect(buildHeaderRows({ extras: [], workflows: [] })).toEqual([]);
  });
});

describe('buildExecutionHeaderRows', () => {
  it('WorkflowFinish: the execution’s CosHeaders', () => {
    const m = fixtureModel('docs/workflowfinish_callback.xml');
    const rows = m?.kind === 'workflow' && m.execution ? buildExecutionHeaderRows(m.execution) : [];
    expect(rows).toEqual([
      {
        index: 0,
        key: 'Content-Type',
        value: 'video/mp4',
        where: 'execution',
        explanationKey: 'content-type',
      },
      {
        index: 1,
        key: 'x-cos-request-id',
        value: 'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5',
        where: 'execution',
        explanationKey: 'x-cos-request-id',
      },
    ]);
  });
});

describe('helpers', () => {
  it('explanationKeyOf is case-insensitive and knows nothing it should not', () => {
    expect(explanationKeyOf('ETag')).toBe('etag');
    expect(explanationKeyOf('Last-Modified')).toBe('last-modified');
    expect(explanationKeyOf('X-COS-META-Foo')).toBe('x-cos-meta');
    expect(explanationKeyOf('x-cos-meta')).toBeUndefined();
    expect(explanationKeyOf('__proto__')).toBeUndefined();
    expect(explanationKeyOf('constructor')).toBeUndefined();
    expect(explanationKeyOf('X-Custom')).toBeUndefined();
  });

  it('findCosHeader matches the key case-insensitively', () => {
    expect(findCosHeader(seedCase2Job, 'size')?.value).toBe('1024');
    expect(findCosHeader(seedCase1Job, 'Size')).toBeUndefined();
  });
});
