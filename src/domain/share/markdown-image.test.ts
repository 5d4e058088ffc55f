import { describe, expect, it } from 'vitest';
import { compareImages } from '../derive/compare-images';
import type { Job } from '../model';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { toMarkdownSummary } from './markdown';
import { imageMarkdownTable } from './markdown-image';

const jobOf = (text: string): Job => {
  const m = parsePayload(text).documents[0]?.model;
  if (m?.kind !== 'jobs' || !m.jobs[0]) throw new Error('no job');
  return m.jobs[0];
};

describe('the Markdown summary’s image table', () => {
  it('one column per output, the original once, figures as notes', () => {
    const c = compareImages(jobOf(readFixture('derived/picprocess_shape_b_three_outputs.xml')));
    const t = c && imageMarkdownTable(c);
    expect(t?.headers).toEqual(['', 'Original', 'Output 1', 'Output 2', 'Output 3']);
    const row = (label: string) => t?.rows.find((r) => r.label === label)?.cells;
    expect(row('Width × Height')).toEqual([
      { value: '4000 × 3000' },
      { value: '1000 × 750', note: '×0.25' },
      { value: '400 × 300', note: '×0.1' },
      { value: '3000 × 4000', note: '×0.75 / ×1.33' },
    ]);
    expect(row('Quality')).toEqual([
      { value: '90' },
      { value: '80', note: 'not comparable: another format' },
      { value: '75', note: '−15' },
      { value: '100', note: 'not comparable: another format' },
    ]);
    expect(row('Size (bytes)')?.[0]).toEqual({ value: '3145728', note: 'Content-Length COS header' });
    expect(row('Size (bytes)')?.[1]).toEqual({ value: '98304', note: '3.13% of the original' });
    expect(row('ETag')?.[3]).toMatchObject({ note: 'same as the original' });
    expect(row('EXIF Orientation')?.[0]).toEqual({ value: '6' });
  });

  it('is in the summary, payload values escaped', () => {
    const md = toMarkdownSummary(parsePayload(readFixture('seed/case2-workflow.xml')).documents[0]!);
    expect(md).toContain('**Image before / after**');
    // Payload values as code spans, the app's notes as escaped labels (markdown-escape.ts).
    expect(md).toContain('| Width × Height | `500 × 417` | `417 × 500` \\(×0\\.834 \\/ ×1\\.2\\) |');
    expect(md).toContain(
      '| Size \\(bytes\\) | `1024` \\(Size COS header\\) | `24911` \\(2430\\% of the original\\) |',
    );
    const hostile = readFixture('seed/case2-workflow.xml').replace(
      '<ObjectName>output/out.jpg</ObjectName>',
      '<ObjectName>a|b](javascript:x)</ObjectName>',
    );
    const line = toMarkdownSummary(parsePayload(hostile).documents[0]!)
      .split('\n')
      .find((l) => l.startsWith('| Object |'));
    // The pipe cannot open a column (an escaped pipe between code spans), the link is inside a code span.
    expect(line).toBe('| Object | `input/deer.jpg` | `a`\\|`b](javascript:x)` |');
  });
});
