/** Size caps (DESIGN.md "Security and robustness"), in UTF-16 code units of text, ≈ bytes for callbacks. */
export const MiB = 1024 * 1024;
export const LIMITS = {
  /** One payload. */
  payload: 16 * MiB,
  /** Text pasted or typed. */
  pastedText: 64 * MiB,
  /** One file (bytes, checked before reading): read in chunks, never as one string (`parse-blob.ts`). */
  file: 2048 * MiB,
  /** A file read as one text (a saved set, which is one JSON value): a string this long still fits the engines. */
  wholeFile: 256 * MiB,
  /** A share link's decompressed data. */
  shareLink: 8 * MiB,
} as const;
