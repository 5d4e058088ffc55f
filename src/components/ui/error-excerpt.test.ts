import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../domain/parse-payload';
import { errorExcerpt, readError } from './error-excerpt';

function excerptOf(text: string) {
  const doc = parsePayload(text).documents[0];
  const error = doc && readError(doc);
  return error && errorExcerpt(text, error);
}

describe('errorExcerpt', () => {
  it('cuts the offending line and puts the caret under the column', () => {
    expect(
      excerptOf('<Response>\r\n  <JobsDetail>\r\n    <JobId>abc</JobIdx>\r\n  </JobsDetail>\r\n</Response>'),
    ).toMatchObject({
      lineText: '    <JobId>abc</JobIdx>',
      beforeCaret: '    <JobId>abc',
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('reads the position in the whole input, for the second payload of a text', () => {
    const text = `${'{"Response":{"JobsDetail":{"JobId":"a"}}}'}\n{"Response": {"JobsDetail": [1 2]}}`;
    const doc = parsePayload(text).documents[1];
    const error = doc && readError(doc);
    const excerpt = error && errorExcerpt(text, error);
    expect(excerpt?.line).toBe(2);
    expect(excerpt?.lineText).toBe('{"Response": {"JobsDetail": [1 2]}}');
    expect(excerpt?.beforeCaret).toBe('{"Response": {"JobsDetail": [1 ');
  });

  it('shows only the part of a very long line around the column', () => {
    const long = `{"Response":{"UserData":"${'x'.repeat(500)}","JobsDetail":{"JobId":"a"}},,}`;
    const excerpt = excerptOf(long);
    expect(excerpt?.clippedStart).toBe(true);
    expect(excerpt?.lineText.length).toBeLessThanOrEqual(120);
    expect(excerpt && long.includes(excerpt.lineText)).toBe(true);
  });

  it('gives nothing for an error without a position', () => {
    expect(
      errorExcerpt('abc', { severity: 'error', code: 'xml-syntax', message: { en: 'x', zh: 'x' } }),
    ).toBeUndefined();
  });
});
