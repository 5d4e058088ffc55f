import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { buildCombinedTimeline } from './combined-timeline';
import { jobsDocument, seedCase1Job, time } from './test-models';

describe('buildCombinedTimeline', () => {
  it('puts jobs of several documents on one scale', () => {
    const later = {
      ...seedCase1Job,
      jobId: 'j2',
      creationTime: time('2022-07-18T15:16:45+0800', 1658128605000),
      startTime: time('2022-07-18T15:16:45+0800', 1658128605000),
      endTime: time('2022-07-18T15:16:47+0800', 1658128607000),
    };
    const c = buildCombinedTimeline([
      jobsDocument([seedCase1Job], 'Success', 0),
      jobsDocument([later], 'Success', 1),
    ]);
    expect(c.spanStartMs).toBe(1658128603000);
    expect(c.spanEndMs).toBe(1658128607000);
    expect(c.rows.map((r) => [r.documentIndex, r.jobIndex, r.id, r.segments])).toEqual([
      [
        0,
        0,
        'c93984788066911ed89ed352d4d9d2084',
        [
          { kind: 'queue', start: 0, width: 0.25 },
          { kind: 'run', start: 0.25, width: 0 },
        ],
      ],
      [
        1,
        0,
        'j2',
        [
          { kind: 'queue', start: 0.5, width: 0 },
          { kind: 'run', start: 0.5, width: 0.5 },
        ],
      ],
    ]);
  });

  it('real fixtures: a log of callbacks, a workflow run, and an unreadable one', () => {
    const read = (p: string) => readFileSync(new URL(`../__fixtures__/${p}`, import.meta.url), 'utf8');
    const docs = [
      ...parsePayload(read('derived/callbacks.jsonl')).documents,
      ...parsePayload(read('docs/workflowfinish_callback.xml'), { firstIndex: 3 }).documents,
      ...parsePayload('<Response>', { firstIndex: 4 }).documents,
    ];
    const c = buildCombinedTimeline(docs);
    expect(c.rows.map((r) => r.documentIndex)).toEqual([0, 1, 2, 3]);
    const run = c.rows[3];
    expect(run).toMatchObject({
      id: 'i166ee19017b011eda8a5525400c540df',
      started: { status: 'missing' },
      ended: { text: '2022-08-09 14:54:42+0800' },
    });
    expect(run?.segments.map((s) => s.kind)).toEqual(['total']);
    for (const row of c.rows) for (const s of row.segments) expect(s.width).toBeGreaterThanOrEqual(0);
  });

  it('no times at all: rows without segments', () => {
    expect(
      buildCombinedTimeline([jobsDocument([{ extras: [], workflows: [], jobId: 'x' }], 'Unknown')]),
    ).toEqual({
      rows: [
        {
          documentIndex: 0,
          jobIndex: 0,
          id: 'x',
          created: { status: 'missing' },
          started: { status: 'missing' },
          ended: { status: 'missing' },
          segments: [],
        },
      ],
    });
  });
});
