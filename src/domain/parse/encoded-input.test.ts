import { describe, expect, it } from 'vitest';
import { parsePayload } from '../parse-payload';
import { readFixture } from '../test-support/fixtures';
import { decodeInput } from './encoded-input';

const json = readFixture('docs/picprocess_callback_workflow.json');
const xml = readFixture('seed/case1-job-api.xml');
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The codes of the one document of `text`, and what its text decodes to. */
function read(text: string) {
  const docs = parsePayload(text).documents;
  expect(docs).toHaveLength(1);
  return {
    codes: docs[0]?.diagnostics.map((d) => d.code),
    message: docs[0]?.diagnostics.find((d) => d.code === 'encoded-input')?.message.en,
  };
}

describe('a payload still encoded: said, and decoded to load', () => {
  it('URL-encoded, alone or as a form field, decodes to the payload', () => {
    const encoded = encodeURIComponent(json);
    expect(read(encoded)).toEqual({
      codes: ['no-payload', 'encoded-input'],
      message: 'The text looks encoded; decoded, it holds a payload: URL-encoded',
    });
    expect(decodeInput(encoded)).toEqual({ encoding: 'url', text: json });
    const form = `sign=abc&body=${encodeURIComponent(xml)}`;
    const decoded = decodeInput(form);
    expect(decoded?.encoding).toBe('url');
    // What is loaded is read: the field's name is a prefix on its line.
    expect(parsePayload(decoded?.text ?? '').documents.map((d) => d.state)).toEqual(['Success']);
  });

  it('base64 (also over lines, and URL-safe) decodes to the payload, Chinese included', () => {
    const zh = json.replace('"test"', '"测试"');
    expect(read(base64(zh)).codes).toEqual(['no-payload', 'encoded-input']);
    expect(decodeInput(base64(zh))).toEqual({ encoding: 'base64', text: zh });
    expect(decodeInput(base64(xml).replace(/(.{76})/g, '$1\n'))?.text).toBe(xml);
    const urlSafe = base64(xml).replace(/\+/g, '-').replace(/\//g, '_');
    expect(decodeInput(urlSafe)?.text).toBe(xml);
  });

  it('none for words, for base64 of something else, or a lone percent sign', () => {
    expect(read('no callback here, just words').codes).toEqual(['no-payload']);
    expect(decodeInput('SGVsbG8sIHdvcmxkIQ==')).toBeUndefined();
    expect(decodeInput('100% sure %7B but not encoded %E0%A4%A')).toBeUndefined();
    expect(decodeInput(base64('\u0000\u0001binary'))).toBeUndefined();
  });
});
