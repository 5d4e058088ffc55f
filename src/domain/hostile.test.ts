import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { parsePayload } from './parse-payload';
import { HOSTILE_INPUTS } from './test-support/hostile-inputs';

describe(`hostile inputs (${HOSTILE_INPUTS.length})`, () => {
  it('has at least 25', () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  for (const input of HOSTILE_INPUTS) {
    it(input.name, () => {
      const result = parsePayload(input.make(), input.isFile ? { maxInputLength: LIMITS.file } : {});
      const codes = [...result.diagnostics, ...result.documents.flatMap((d) => d.diagnostics)].map(
        (d) => d.code,
      );
      if (input.code) expect(codes).toContain(input.code);
      else expect(codes.filter((c) => c !== 'no-event-name')).toEqual([]);
      for (const doc of result.documents) {
        if (input.readable) expect(doc.state).not.toBe('Invalid');
        else expect(doc.state).toBe('Invalid');
        for (const d of doc.diagnostics) {
          expect(d.message.en.length).toBeGreaterThan(10);
          expect(d.message.zh.length).toBeGreaterThan(3);
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
