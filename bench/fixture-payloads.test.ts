// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES_DIR,
  loadFixturePayloads,
  minifyXml,
  oneLineJson,
  removeTrailingCommas,
} from './fixture-payloads';

describe('removeTrailingCommas', () => {
  it('removes a comma before } or ], with any whitespace between', () => {
    expect(removeTrailingCommas('{"a": 0,}')).toBe('{"a": 0}');
    expect(removeTrailingCommas('[1, 2 ,\n\t ]')).toBe('[1, 2 \n\t ]');
    expect(removeTrailingCommas('{"a": [1,], "b": {"c": 2,},}')).toBe('{"a": [1], "b": {"c": 2}}');
  });

  it('leaves commas inside strings alone, escapes included', () => {
    const text = '{"a": ",}", "b": "x\\",]", "c": "\\\\", "d": ",",}';
    const fixed = removeTrailingCommas(text);
    expect(fixed).toBe('{"a": ",}", "b": "x\\",]", "c": "\\\\", "d": ","}');
    expect(JSON.parse(fixed)).toEqual({ a: ',}', b: 'x",]', c: '\\', d: ',' });
  });

  it('returns valid JSON unchanged', () => {
    const text = '{"a": [1, 2], "b": {"c": "d,}"}}';
    expect(removeTrailingCommas(text)).toBe(text);
  });

  it('makes both published trailing-comma fixtures valid, with the same values', () => {
    for (const file of [
      'seed/case3-workflow-trailing-comma.json',
      'docs/translation_callback_job_api_INVALID_trailing_comma.json',
    ]) {
      const text = readFileSync(join(FIXTURES_DIR, file), 'utf8');
      expect(() => JSON.parse(text)).toThrow();
      const fixed = removeTrailingCommas(text);
      expect(fixed.length).toBe(text.length - 1);
      const value = JSON.parse(fixed) as { JobsDetail: { Operation: { JobLevel: unknown } }[] };
      expect(value.JobsDetail[0]?.Operation.JobLevel).toBe(0);
    }
  });
});

describe('minifyXml', () => {
  it('collapses whitespace between tags only, never inside text', () => {
    expect(minifyXml('\n<a>\n  <b> x  y </b>\r\n  <c/>\n</a>\n')).toBe('<a><b> x  y </b><c/></a>');
    expect(minifyXml('<Workflow>   \n  <Name>Transcode 1</Name>  \n</Workflow>')).toBe(
      '<Workflow><Name>Transcode 1</Name></Workflow>',
    );
  });
});

describe('loadFixturePayloads', () => {
  it('takes every fixture file, one line per payload, each distinct payload once', () => {
    const payloads = loadFixturePayloads();
    for (const p of payloads) {
      expect(p.text).not.toContain('\n');
      if (p.format === 'json') expect(oneLineJson(p.text)).toBe(p.text);
      else expect(p.text.startsWith('<')).toBe(true);
    }
    const keys = payloads.map((p) => `${p.format}\n${p.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sources = payloads.map((p) => p.source);
    expect(sources).toContain('seed/case2-workflow.xml');
    expect(sources).toContain('seed/case3-workflow-trailing-comma.json');
    expect(sources).toContain('docs/translation_callback_job_api_INVALID_trailing_comma.json');
    expect(sources).toContain('derived/taskfinish_without_response_root.xml');
  });
});
