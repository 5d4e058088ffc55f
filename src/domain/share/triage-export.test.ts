import { describe, expect, it } from 'vitest';
import { digestOf } from '../derive/digest';
import { buildOverview } from '../derive/overview';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { csvCell, CSV_COLUMNS, listToCsv, overviewToJson } from './triage-export';

const doc = (name: string) => parsePayload(readFixture(name)).documents[0]!;

describe('CSV of the list', () => {
  it('starts with a BOM, one header and one CRLF row per callback, times ISO 8601 with the offset', () => {
    const failed = doc('derived/picprocess_failed_job.xml');
    const csv = listToCsv([
      { source: '失败.xml', state: failed.state, digest: digestOf(failed), deliveries: 1 },
    ]);
    expect(csv.startsWith('\uFEFFSource,Kind,State,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const cells = lines[1]!.split(',');
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    const at = (name: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(name)];
    expect(at('Source')).toBe('失败.xml');
    expect(at('State')).toBe('Failed');
    expect(at('Code')).toBe('InvalidInput');
    expect(at('Message')).toBe('The input image format is not supported');
    expect(at('EndTime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(at('Deliveries')).toBe('1');
  });

  it('a failed moderation callback gives its Code and Message, as a failed job does', () => {
    const failed = doc('derived/moderation_simple_failed.json');
    const csv = listToCsv([
      { source: 'm.json', state: failed.state, digest: digestOf(failed), deliveries: 1 },
    ]);
    const cells = csv.slice(1).split('\r\n')[1]!.split(',');
    const at = (name: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(name)];
    expect([at('Kind'), at('State'), at('Code'), at('Message')]).toEqual([
      'moderation',
      'Failed',
      '1001',
      'illustrative failure: the video could not be downloaded',
    ]);
  });

  it('neutralises formulas and quotes what must be quoted', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const lead of ['+', '-', '@', '\t'])
      expect(csvCell(`${lead}1`).replace(/^"/, '').startsWith(`'${lead}`)).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('overview as JSON', () => {
  it('is plain JSON with the counts, failures by Code and ISO times', () => {
    const set = parsePayload(
      `${readFixture('derived/picprocess_failed_job.xml')}\n${readFixture('seed/case1-job-api.xml')}`,
    ).documents;
    const json = JSON.parse(overviewToJson(buildOverview(set))) as Record<string, unknown>;
    expect(json).toMatchObject({
      callbacks: 2,
      jobs: 1,
      callbacksByState: { Failed: 1, Success: 1 },
      failuresByCode: [{ code: 'InvalidInput', callbacks: 1, jobs: 1 }],
      deliveredMoreThanOnce: { jobIds: 1, extraCallbacks: 1, differingContent: 1 },
    });
    expect(json.firstEndTime).toMatch(/\+08:00$/);
  });
});
