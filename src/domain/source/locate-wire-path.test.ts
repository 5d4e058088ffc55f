import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-support/fixtures';
import { locateWirePath, parseWirePath } from './locate-wire-path';

const fixture = (path: string): string => readFixture(path);
const at = (text: string, span: { start: number; end: number } | undefined): string =>
  span === undefined ? '<none>' : text.slice(span.start, span.end);

describe('parseWirePath', () => {
  it('reads names, indexes and tree-view duplicates', () => {
    expect(parseWirePath('Response.JobsDetail[1].Input.CosHeaders[0].Key')).toEqual([
      { name: 'Response' },
      { name: 'JobsDetail', index: 1 },
      { name: 'Input' },
      { name: 'CosHeaders', index: 0 },
      { name: 'Key' },
    ]);
    expect(parseWirePath('Tags#2.Tag')).toEqual([{ name: 'Tags', index: 1 }, { name: 'Tag' }]);
    expect(parseWirePath('[3].Name')).toEqual([{ index: 3 }, { name: 'Name' }]);
  });
});

describe('locateWirePath, XML', () => {
  const case2 = fixture('seed/case2-workflow.xml');

  it('finds a leaf with or without the Response wrapper', () => {
    expect(at(case2, locateWirePath(case2, 'xml', 'Response.JobsDetail[0].JobId'))).toBe(
      '<JobId>c93984788066911ed89ed352d4d9d2084</JobId>',
    );
    expect(at(case2, locateWirePath(case2, 'xml', 'JobsDetail[0].JobId'))).toBe(
      '<JobId>c93984788066911ed89ed352d4d9d2084</JobId>',
    );
    expect(locateWirePath(case2, 'xml', 'JobsDetail.JobId')?.exact).toBe(true);
  });

  it('tells Input.Object from Output.Object, and picks the n-th repeated node', () => {
    expect(at(case2, locateWirePath(case2, 'xml', 'JobsDetail[0].Input.Object'))).toBe(
      '<Object>input/deer.jpg</Object>',
    );
    expect(at(case2, locateWirePath(case2, 'xml', 'JobsDetail[0].Operation.Output.Object'))).toBe(
      '<Object>output/out.jpg</Object>',
    );
    expect(at(case2, locateWirePath(case2, 'xml', 'JobsDetail[0].Input.CosHeaders[3].Value'))).toBe(
      '<Value>1024</Value>',
    );
  });

  it('finds self-closing elements', () => {
    expect(at(case2, locateWirePath(case2, 'xml', 'JobsDetail[0].Message'))).toBe('<Message/>');
  });

  it('finds the second job of a list response', () => {
    const list = fixture('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml');
    const span = locateWirePath(list, 'xml', 'Response.JobsDetail[1].JobId');
    const first = locateWirePath(list, 'xml', 'Response.JobsDetail[0].JobId');
    expect(span?.exact).toBe(true);
    expect(span && first && span.start > first.start).toBe(true);
    expect(at(list, span)).toMatch(/^<JobId>/);
  });

  it('gives the deepest node found, inexact, for a missing one', () => {
    const span = locateWirePath(case2, 'xml', 'JobsDetail[0].Operation.NoSuchNode');
    expect(span?.exact).toBe(false);
    expect(at(case2, span)).toMatch(/^<Operation>[\s\S]*<\/Operation>$/);
  });

  it('reads several roots without a wrapper', () => {
    const text = fixture('derived/taskfinish_without_response_root.xml');
    expect(at(text, locateWirePath(text, 'xml', 'JobsDetail[0].Tag'))).toBe('<Tag>PicProcess</Tag>');
  });
});

describe('locateWirePath, JSON', () => {
  const case3 = fixture('seed/case3-workflow-trailing-comma.json');

  it('finds keys through arrays and objects, with or without an index', () => {
    expect(at(case3, locateWirePath(case3, 'json', 'Response.JobsDetail[0].JobId'))).toBe(
      '"JobId": "c93984788066911ed89ed352d4d9d2084"',
    );
    expect(at(case3, locateWirePath(case3, 'json', 'JobsDetail.JobId'))).toBe(
      '"JobId": "c93984788066911ed89ed352d4d9d2084"',
    );
    expect(at(case3, locateWirePath(case3, 'json', 'JobsDetail[0].Input.CosHeaders[1].Key'))).toBe(
      '"Key": "x-cos-request-id"',
    );
    expect(at(case3, locateWirePath(case3, 'json', 'JobsDetail[0].Operation.JobLevel'))).toBe(
      '"JobLevel": 0',
    );
  });

  it('reads JobsDetail given as an object as its only item', () => {
    const text = fixture('docs/picprocess_callback_workflow.json');
    expect(locateWirePath(text, 'json', 'Response.JobsDetail[0].Tag')?.exact).toBe(true);
    expect(at(text, locateWirePath(text, 'json', 'Response.JobsDetail[0].Tag'))).toMatch(
      /^"Tag":\s*"PicProcess"$/,
    );
  });

  it('never throws on broken text', () => {
    expect(() => locateWirePath('{"a": [1, {"b": ', 'json', 'a[1].b')).not.toThrow();
    expect(() => locateWirePath('<a><b x=">', 'xml', 'a.b')).not.toThrow();
  });
});
