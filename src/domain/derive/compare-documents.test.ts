import { describe, expect, it } from 'vitest';
import type { CallbackDocument } from '../model';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { compareDocuments, compareModels } from './compare-documents';
import { meaningFacts } from './meaning-facts';

const doc = (text: string): CallbackDocument => {
  const d = parsePayload(text).documents[0];
  if (!d) throw new Error('no document');
  return d;
};
const fixture = (name: string) => doc(readFixture(name));

const CASE2 = readFixture('seed/case2-workflow.xml');

describe('compare by meaning', () => {
  it('one result in two wire shapes and two formats is the same result', () => {
    const forms = [
      'seed/case2-workflow.xml',
      'seed/case3-workflow-trailing-comma.json',
      'derived/picprocess_case2_shape_b.xml',
      'derived/picprocess_case2_shape_b.json',
    ].map(fixture);
    for (const a of forms)
      for (const b of forms) {
        const c = compareDocuments(a, b);
        expect(c.rows.filter((r) => r.kind !== 'same')).toEqual([]);
        expect(c).toMatchObject({ equal: true, differenceCount: 0 });
      }
    // By model path the two shapes differ all over: that is what the comparison by meaning is for.
    expect(compareModels(forms[0]!, forms[2]!).differences.length).toBeGreaterThan(10);
    // The output's Location is shape B's own (shape A lets the app derive it): not a row at all against shape A.
    const ab = compareDocuments(forms[0]!, forms[2]!);
    expect(ab.rows.find((r) => r.key === 'job1.image.out1.location')).toBeUndefined();
  });

  it('a re-run with another quality: exactly its differences, derived figures shown apart', () => {
    const rerun = CASE2.replace(
      '<Quality>68</Quality>\n                    <Size>24911</Size>',
      '<Quality>80</Quality>\n                    <Size>30000</Size>',
    ).replace('<EndTime>2022-07-18T15:16:44+0800</EndTime>', '<EndTime>2022-07-18T15:16:46+0800</EndTime>');
    expect(rerun).not.toBe(CASE2);
    const c = compareDocuments(doc(CASE2), doc(rerun));
    expect(c.equal).toBe(false);
    expect(c.differenceCount).toBe(3);
    const counted = c.rows.filter((r) => r.counts);
    expect(counted.map((r) => [r.key, r.left, r.right])).toEqual([
      ['job1.endTime', '2022-07-18 15:16:44 +08:00', '2022-07-18 15:16:46 +08:00'],
      ['job1.image.out1.quality', '68', '80'],
      ['job1.image.out1.size', '24911', '30000'],
    ]);
    // Counted rows come first, then what follows from them.
    expect(c.rows.slice(0, 3)).toEqual(counted);
    const derived = c.rows.filter((r) => r.kind === 'changed' && !r.counts).map((r) => r.key);
    expect(derived).toEqual([
      'job1.runTime',
      'job1.image.out1.percentOfOriginal',
      'job1.image.out1.bitsPerPixel',
    ]);
    expect(c.rows.slice(3, 6).map((r) => r.key)).toEqual(derived);
    expect(c.rows.slice(6).every((r) => r.kind === 'same')).toBe(true);
  });

  it('a failed retry against the original: outcome changed, results only on one side', () => {
    const c = compareDocuments(
      fixture('seed/case1-job-api.xml'),
      fixture('derived/picprocess_failed_job.xml'),
    );
    const byKey = new Map(c.rows.map((r) => [r.key, r]));
    expect(byKey.get('job1.state')).toMatchObject({
      kind: 'changed',
      left: 'Success',
      right: 'Failed',
      counts: true,
    });
    expect(byKey.get('job1.code')).toMatchObject({ kind: 'changed', left: 'Success', right: 'InvalidInput' });
    expect(byKey.get('job1.message')).toMatchObject({
      kind: 'only-right',
      right: 'The input image format is not supported',
      counts: true,
    });
    expect(byKey.get('job1.image.out1.dimensions')).toMatchObject({ kind: 'only-left', left: '417 × 500' });
    // Changed rows come before rows only one side has.
    const kinds = c.rows.filter((r) => r.counts).map((r) => r.kind);
    expect(kinds.indexOf('changed')).toBeLessThan(kinds.indexOf('only-left'));
  });

  it('times written differently for one instant are the same', () => {
    const c = compareDocuments(
      fixture('seed/case1-job-api.xml'),
      fixture('derived/picprocess_colon_offsets.xml'),
    );
    expect(c.equal).toBe(true);
    expect(c.rows.find((r) => r.key === 'job1.creationTime')).toMatchObject({
      kind: 'same',
      sameInstant: true,
    });
  });

  it('shape B with a rotation rule and an ETag against case 1: what it adds, nothing else', () => {
    const c = compareDocuments(
      fixture('seed/case1-job-api.xml'),
      fixture('derived/picprocess_shape_b_uploadresult.xml'),
    );
    expect(c.rows.filter((r) => r.counts).map((r) => [r.key, r.kind])).toEqual([
      ['job1.processRule', 'only-right'],
      ['job1.image.out1.etag', 'only-right'],
    ]);
  });

  it('facts carry the panels’ values: times by the display rule, the image per output, the headers', () => {
    const facts = new Map(meaningFacts(fixture('seed/case2-workflow.xml')).map((f) => [f.key, f]));
    expect(facts.get('job1.creationTime')).toMatchObject({
      value: '2022-07-18 15:16:43 +08:00',
      group: 'times',
    });
    expect(facts.get('job1.queueWait')).toMatchObject({ value: '1 s', derived: true });
    expect(facts.get('job1.image.out1.scale')).toMatchObject({ value: '×0.834 / ×1.2', derived: true });
    expect(facts.get('job1.image.original.etag')).toMatchObject({
      value: '"d5a491cd3d8d071e3212c3478e8e35a1"',
      compareAs: 'd5a491cd3d8d071e3212c3478e8e35a1',
    });
    expect(facts.get('job1.header.input.Size')).toMatchObject({
      value: '1024',
      label: { id: 'header', name: 'Size' },
    });
    expect(facts.get('job1.workflow.runId')?.value).toBe('ic90edd59f84f11ec9d4f525400a3c59f');
    expect(facts.get('job1.inputUrl')).toMatchObject({
      value: 'https://test-1234567890.cos.ap-chongqing.myqcloud.com/input/deer.jpg',
      derived: true,
    });
  });

  it('workflow runs compare task by task', () => {
    const xml = fixture('docs/workflowfinish_callback.xml');
    const json = fixture('docs/workflowfinish_callback.json');
    const c = compareDocuments(xml, json);
    expect(c.rows.filter((r) => r.counts)).toEqual([]);
    expect(c.rows.some((r) => r.group === 'tasks')).toBe(true);
  });

  it('compares moderation callbacks by their verdict, label and score', () => {
    const simple = fixture('docs/moderation_image_simple_callback.json');
    expect(compareDocuments(simple, simple)).toMatchObject({ equal: true, differenceCount: 0 });
    const sensitive = fixture('derived/moderation_simple_sensitive.json');
    const c = compareDocuments(simple, sensitive);
    expect(c.equal).toBe(false);
    const changed = c.rows.filter((r) => r.kind !== 'same').map((r) => r.key);
    expect(changed).toContain('job1.moderation.verdict');
    expect(c.differenceCount).toBe(c.rows.filter((r) => r.kind !== 'same' && !r.derived).length);
  });
});
