import type { SourcePosition } from './diagnostics';

/**
 * Line starts of a text, computed once when first needed (most documents never ask for a position), so any offset
 * maps to a line and column in O(log n). Columns are 1-based UTF-16 code units, as editors count them.
 */
export class LineIndex {
  private lineStarts: number[] | undefined;

  /**
   * `origin`: where `text` starts in a larger text it is a part of, at the start of a line there (a file read in
   * chunks): positions are then given in that larger text.
   */
  constructor(
    readonly text: string,
    private readonly origin: { readonly line: number; readonly offset: number } = { line: 1, offset: 0 },
  ) {}

  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    let i = this.text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = this.text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionOf(offset: number): SourcePosition {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const { line, offset: base } = this.origin;
    if (o === 0) return { line, column: 1, offset: base };
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + line, column: o - (starts[lo] ?? 0) + 1, offset: o + base };
  }

  /** Offset of a 1-based line and column; clamps to the text. */
  offsetOf(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
