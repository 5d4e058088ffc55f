import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from './diagnostics';
import { LIMITS } from './limits';
import { parsePayload } from './parse-payload';
import { readFixture } from './test-support/fixtures';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: DiagnosticCode;
  readonly line: number;
  readonly column: number;
}

const CASES: readonly Case[] = [
  // A truncated payload: JobsDetail (line 3, column 3) is the innermost tag left open.
  {
    name: 'unclosed tag',
    text: '<Response>\n  <EventName>TaskFinish</EventName>\n  <JobsDetail>\n    <JobId>j1</JobId>',
    code: 'xml-unclosed-tag',
    line: 3,
    column: 3,
  },
  // `</Jobid>` starts at line 3, column 14.
  {
    name: 'mismatched tag',
    text: '<Response>\n  <JobsDetail>\n    <JobId>j1</Jobid>\n  </JobsDetail>\n</Response>',
    code: 'xml-mismatched-tag',
    line: 3,
    column: 14,
  },
  {
    name: 'closing tag never opened',
    text: '<Response>\n  <JobsDetail></JobsDetail>\n  </Tag>\n</Response>',
    code: 'xml-mismatched-tag',
    line: 3,
    column: 3,
  },
  {
    name: 'bare ampersand',
    text: '<Response>\n  <JobsDetail><UserData>a & b</UserData></JobsDetail>\n</Response>',
    code: 'xml-bad-entity',
    line: 2,
    column: 27,
  },
  {
    name: 'stray text after the root',
    text: '<Response><JobsDetail><JobId>j</JobId></JobsDetail></Response> junk',
    code: 'xml-stray-text',
    line: 1,
    column: 64,
  },
  {
    name: 'DOCTYPE with an entity',
    text: '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x "y">]>\n<Response><JobsDetail/></Response>',
    code: 'doctype-refused',
    line: 2,
    column: 1,
  },
  {
    name: 'ENTITY declaration alone',
    text: '<Response><!ENTITY x "y"><JobsDetail/></Response>',
    code: 'doctype-refused',
    line: 1,
    column: 11,
  },
  {
    name: '__proto__ element',
    text: '<Response>\n  <JobsDetail>\n    <__proto__>x</__proto__>\n  </JobsDetail>\n</Response>',
    code: 'unsafe-name',
    line: 3,
    column: 6,
  },
  {
    name: 'constructor element',
    text: '<Response><JobsDetail><constructor>x</constructor></JobsDetail></Response>',
    code: 'unsafe-name',
    line: 1,
    column: 24,
  },
  {
    name: 'invalid tag name',
    text: '<Response>\n<JobsDetail><1abc>x</1abc></JobsDetail></Response>',
    code: 'xml-syntax',
    line: 2,
    column: 18,
  },
  {
    name: 'XML nested 300 deep',
    text: '<a>'.repeat(300) + '</a>'.repeat(300),
    code: 'nesting-too-deep',
    line: 1,
    column: 769,
  },
  // JSON
  {
    name: 'truncated JSON',
    text: '{\n  "EventName": "TaskFinish",\n  "JobsDetail": [{\n    "JobId": "j1"',
    code: 'json-truncated',
    line: 4,
    column: 18,
  },
  {
    name: 'missing comma',
    text: '{\n  "EventName": "TaskFinish"\n  "JobsDetail": {}\n}',
    code: 'json-unexpected-char',
    line: 3,
    column: 3,
  },
  {
    name: 'raw newline in a string',
    text: '{"EventName": "Task\nFinish"}',
    code: 'json-bad-string',
    line: 1,
    column: 20,
  },
  {
    name: 'bad number',
    text: '{"JobsDetail": {"Progress": -x}}',
    code: 'json-bad-number',
    line: 1,
    column: 29,
  },
  {
    name: '__proto__ key',
    text: '{\n  "JobsDetail": {\n    "__proto__": {"polluted": 1}\n  }\n}',
    code: 'unsafe-name',
    line: 3,
    column: 5,
  },
  {
    name: 'stray text after JSON',
    text: '{"JobsDetail": {}} }',
    code: 'json-unexpected-char',
    line: 1,
    column: 20,
  },
  {
    name: 'JSON nested 300 deep',
    text: '['.repeat(300) + ']'.repeat(300),
    code: 'nesting-too-deep',
    line: 1,
    column: 257,
  },
  // Anything else
  {
    name: 'no payload at all',
    text: 'hello world\nthis is not a callback',
    code: 'no-payload',
    line: 1,
    column: 1,
  },
  {
    name: 'binary data',
    text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
    code: 'binary-input',
    line: 1,
    column: 1,
  },
];

describe('malformed input: one Invalid document with the exact code and position', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { documents } = parsePayload(c.text);
      expect(documents).toHaveLength(1);
      const [doc] = documents;
      expect(doc?.state).toBe('Invalid');
      expect(doc?.model).toBeUndefined();
      const error = doc?.diagnostics.find((d) => d.severity === 'error');
      expect({ code: error?.code, line: error?.position?.line, column: error?.position?.column }).toEqual({
        code: c.code,
        line: c.line,
        column: c.column,
      });
      expect(error?.message.en).toMatch(/\S/);
      expect(error?.message.zh).toMatch(/\S/);
    });
  }

  it('never reaches Object.prototype', () => {
    parsePayload('{"JobsDetail": {"__proto__": {"polluted": 1}}}');
    parsePayload('<Response><__proto__><polluted>1</polluted></__proto__></Response>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an input over the cap before reading it', () => {
    const { documents } = parsePayload('x'.repeat(101), { maxInputLength: 100 });
    expect(documents[0]?.diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([
      ['input-too-large', 1, 1],
    ]);
  });

  it('refuses one payload over 16 MB, and still reads the payload beside it', () => {
    const big = `{"JobsDetail": {"UserData": "${'x'.repeat(LIMITS.payload)}"}}`;
    const text = `${readFixture('seed/case1-job-api.xml').replace(/\n\s*/g, '')}\n${big}\n`;
    const { documents } = parsePayload(text, { maxInputLength: LIMITS.file });
    expect(documents.map((d) => d.state)).toEqual(['Success', 'Invalid']);
    expect(documents[1]?.diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([
      ['payload-too-large', 2, 1],
    ]);
  });

  it('reports an empty input without inventing a document', () => {
    expect(parsePayload('  \n\t ')).toEqual({
      documents: [],
      diagnostics: [expect.objectContaining({ code: 'empty-input' })],
    });
  });
});

describe('a broken payload does not disturb the others', () => {
  it('in a log, only the broken line is Invalid', () => {
    const good = readFixture('seed/case1-job-api.xml').replace(/>\s+</g, '><').trim();
    const text = [
      `2022-07-18 INFO body=${good}`,
      `2022-07-18 INFO body=${good.slice(0, 200)}`,
      `2022-07-18 INFO body=${good}`,
    ].join('\n');
    const { documents } = parsePayload(text);
    expect(documents.map((d) => d.state)).toEqual(['Success', 'Invalid', 'Success']);
    expect(documents[1]?.diagnostics[0]).toMatchObject({ code: 'xml-unclosed-tag', position: { line: 2 } });
  });

  it('in JSON Lines, only the broken line is Invalid', () => {
    const lines = readFixture('derived/callbacks.jsonl').trim().split('\n');
    lines[1] = (lines[1] as string).slice(0, 100);
    const { documents } = parsePayload(lines.join('\n'));
    expect(documents.map((d) => d.state)).toEqual(['Success', 'Invalid', 'Success']);
    expect(documents[1]?.diagnostics[0]).toMatchObject({
      code: 'json-truncated',
      position: { line: 2, column: 101 },
    });
  });
});

describe('values are never coerced', () => {
  it('keeps the exact digits of numbers beyond 2^53 and trailing zeros', () => {
    const doc = parsePayload(
      '{"JobsDetail": {"JobId":"j","State":"Success","Tag":"T","Progress": 12345678901234567890, "Operation": {"JobLevel": 1.50}}}',
    ).documents[0];
    const job = doc?.model?.kind === 'jobs' ? doc.model.jobs[0] : undefined;
    expect(job?.progress?.text).toBe('12345678901234567890');
    expect(job?.operation?.jobLevel?.text).toBe('1.50');
  });

  it('warns about times it cannot read and times out of order, without failing the document', () => {
    const xml =
      '<Response><EventName>TaskFinish</EventName><JobsDetail><JobId>j</JobId><State>Success</State><Tag>T</Tag>' +
      '<CreationTime>2022-02-30T10:00:00+0800</CreationTime><StartTime>2022-07-18T15:16:44+0800</StartTime>' +
      '<EndTime>2022-07-18T15:16:40+0800</EndTime><Progress>abc</Progress></JobsDetail></Response>';
    const doc = parsePayload(xml).documents[0];
    expect(doc?.state).toBe('Success');
    expect(doc?.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['invalid-time', 'warning', 'Response.JobsDetail[0].CreationTime'],
      ['not-a-number', 'warning', 'Response.JobsDetail[0].Progress'],
      ['end-before-start', 'warning', 'Response.JobsDetail[0].EndTime'],
    ]);
  });
});
