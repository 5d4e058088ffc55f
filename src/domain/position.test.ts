import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from './position';

/** The plain rule: the lines of the text split at its line feeds. */
function reference(text: string) {
  const lines = text.split('\n');
  const starts = lines.map((_, k) => lines.slice(0, k).reduce((n, l) => n + l.length + 1, 0));
  const lineOf = (offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] as number) <= offset) k++;
    return k;
  };
  return { lines, starts, lineOf };
}

describe('LineIndex', () => {
  it('gives what the plain rule gives, whatever it is asked first (its line starts are found as far as asked)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', '\n', '\r\n', '中'), { maxLength: 60 })
      .map((a) => a.join(''));
    const ask = fc.oneof(
      fc.record({ kind: fc.constant('position' as const), at: fc.nat(70) }),
      fc.record({
        kind: fc.constant('offset' as const),
        line: fc.integer({ min: 1, max: 30 }),
        column: fc.nat(10),
      }),
      fc.record({ kind: fc.constant('line' as const), line: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('count' as const) }),
    );
    fc.assert(
      fc.property(text, fc.array(ask, { maxLength: 8 }), (t, asks) => {
        const index = new LineIndex(t, { line: 3, offset: 100 });
        const ref = reference(t);
        for (const a of asks) {
          if (a.kind === 'position') {
            const o = Math.min(a.at, t.length);
            const k = ref.lineOf(o);
            expect(index.positionOf(a.at)).toEqual({
              line: k + 3,
              column: o - (ref.starts[k] as number) + 1,
              offset: o + 100,
            });
          } else if (a.kind === 'offset') {
            const start = ref.starts[Math.min(a.line, ref.starts.length) - 1] as number;
            expect(index.offsetOf(a.line, a.column)).toBe(
              Math.min(t.length, start + Math.max(0, a.column - 1)),
            );
          } else if (a.kind === 'line') {
            expect(index.lineText(a.line)).toBe((ref.lines[a.line - 1] ?? '').replace(/\r$/, ''));
          } else expect(index.lineCount).toBe(ref.lines.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a position near the start of a text of millions of lines without finding every line', () => {
    const text = 'x\n'.repeat(4_000_000);
    const index = new LineIndex(text);
    expect(index.positionOf(5)).toEqual({ line: 3, column: 2, offset: 5 });
    // Only the lines through the one asked for were found.
    expect((index as unknown as { lineStarts: number[] }).lineStarts.length).toBeLessThan(10);
    expect(index.lineCount).toBe(4_000_001);
  });
});
