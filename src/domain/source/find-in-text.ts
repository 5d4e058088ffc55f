/**
 * "Find in source": every place a query occurs in a text, ignoring case, as offsets into the text. Plain text,
 * never a pattern (a `.` or `(` in the query is a character to find). Capped, so a one-letter query in megabytes
 * cannot build a million marks: past `limit` the result says `capped`.
 */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
}

export interface FindResult {
  readonly matches: readonly TextMatch[];
  readonly capped: boolean;
}

export const DEFAULT_FIND_LIMIT = 5000;

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

export function findInText(text: string, query: string, limit: number = DEFAULT_FIND_LIMIT): FindResult {
  if (query === '') return { matches: [], capped: false };
  // Without the `u` flag, `i` folds case one UTF-16 unit at a time: offsets stay those of the text.
  const pattern = new RegExp(query.replace(SPECIAL, '\\$&'), 'gi');
  const matches: TextMatch[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (matches.length >= limit) return { matches, capped: true };
    matches.push({ start: m.index, end: m.index + m[0].length });
  }
  return { matches, capped: false };
}

/** The next (or previous) match's index, wrapping around; -1 when there is none. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
