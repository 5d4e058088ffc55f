/**
 * Output files given as one prefix and many names (a snapshot job's frames), as a document's digest keeps them for
 * the list's text filter (`DocumentDigest.outputs`).
 */
/** An output file's prefix and names, in lower case; `names` has each name after a line feed. */
export interface OutputNames {
  readonly prefix: string;
  readonly names: string;
}

/**
 * Whether `needle` (lower case, one line) is in one of the keys `prefix + name`: within the prefix (the search
 * text holds it), within a name, or from the prefix's end into a name's start.
 */
export function outputsInclude(outputs: readonly OutputNames[], needle: string): boolean {
  for (const { prefix, names } of outputs) {
    if (names.includes(needle)) return true;
    for (let k = Math.min(needle.length - 1, prefix.length); k >= 1; k--)
      if (prefix.endsWith(needle.slice(0, k)) && names.includes(`\n${needle.slice(k)}`)) return true;
  }
  return false;
}

/** Output files of this many names or more are matched apart (`DocumentDigest.outputs`). */
export const MANY_NAMES = 4;
