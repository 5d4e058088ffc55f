import type { SourcePosition } from './diagnostics';

/**
 * Line starts of a text, found when first needed and only as far as needed (most documents never ask for a
 * position), so any offset maps to a line and column in O(log n). Columns are 1-based UTF-16 code units, as editors
 * count them.
 */
export class LineIndex {
  /** The line starts found so far, in order: every one up to `found` (a line feed's offset + 1, or past the end). */
  private readonly lineStarts: number[] = [0];
  private found = 0;

  /**
   * `origin`: where `text` starts in a larger text it is a part of, at the start of a line there (a file read in
   * chunks): positions are then given in that larger text.
   */
  constructor(
    readonly text: string,
    private readonly origin: { readonly line: number; readonly offset: number } = { line: 1, offset: 0 },
  ) {}

  /**
   * The line starts, found as far as asked: through `offset`, or until there are `lines + 1` (a diagnostic near the
   * start of a text of millions of lines does not have them all found).
   */
  private startsThrough(offset: number, lines = Number.POSITIVE_INFINITY): number[] {
    const starts = this.lineStarts;
    const text = this.text;
    while (this.found <= offset && starts.length <= lines && this.found <= text.length) {
      const nl = text.indexOf('\n', this.found);
      if (nl === -1) this.found = text.length + 1;
      else {
        starts.push(nl + 1);
        this.found = nl + 1;
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.startsThrough(Number.POSITIVE_INFINITY).length;
  }

  positionOf(offset: number): SourcePosition {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const { line, offset: base } = this.origin;
    if (o === 0) return { line, column: 1, offset: base };
    const starts = this.startsThrough(o);
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
    const starts = this.startsThrough(Number.POSITIVE_INFINITY, line);
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] ?? 0;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  lineText(line: number): string {
    const starts = this.startsThrough(Number.POSITIVE_INFINITY, line);
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
