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

/**
 * Limits on the structure of one payload, decided by the pass that reads its structure before any tree is built
 * (DESIGN.md "Security and robustness"), so no payload within the size cap takes the engine seconds to build: a
 * payload of 16 MiB can hold 8 million arrays (`JSON.parse` alone: 2-5 s), or 1.2 million distinct key names
 * (1.2-10 s: V8 interns each name, and objects of new names each make new hidden classes). Each limit is over ten
 * times the largest real structure measured (the fixtures, and 16 MiB of the benchmark generator's callbacks in one
 * JSON array or one XML document: notes/issue-18-s7.md).
 */
export const STRUCTURE_LIMITS = {
  /**
   * JSON objects and arrays in one payload; XML elements made objects (those with child elements or attributes).
   * Largest measured: 471 in one fixture payload (the callbacks of a top-level array are counted one by one); a
   * long speech or video job's word or segment lists would make tens of thousands. Past this, a payload of small
   * objects is mostly the collector's work: 16 MiB of 880,000 XML elements of two children took 0.95-1.45 s to
   * build (1.9-2.3 times `JSON.parse` on the same tree, more under load), and nested at the depth limit 2.4 million
   * objects 0.8-1.1 s (`npm run fuzz`). It was 1,500,000.
   */
  containers: 500_000,
  /**
   * Distinct names in one payload: JSON keys as spelled, XML element and attribute names. Largest measured: 182 in
   * one fixture payload (JSON and XML); 100 (JSON) and 116 (XML) in 16 MiB of generated callbacks.
   */
  names: 2_000,
  /**
   * Distinct object shapes in one payload: each object's keys in the order they are added, and every beginning of
   * such a list (one per key added to an object, the first time that list is seen). V8 makes a hidden class per
   * shape: 16 MiB of two-key objects drawn from 2,000 names costs `JSON.parse` alone 0.8-1.5 s, of one shape 0.2 s.
   * JSON: an object's keys as spelled; XML: an element's object as the parser builds it (its children's names in
   * first-seen order, `#text`, then its attributes). Largest measured: 228 in one fixture payload; 189 (JSON) and
   * 252 (XML) in 16 MiB of generated callbacks.
   */
  shapes: 2_600,
  /**
   * Keys in one object (JSON members of distinct spellings; XML children of distinct names, `#text` and
   * attributes). V8 builds an object of 128 keys or more as a dictionary: 16 MiB of such objects costs `JSON.parse`
   * alone 0.6-1.7 s in Node 20 and 0.25-0.35 s in Chromium, against 0.05 s for objects of 127 keys. Largest
   * measured: 27 in one fixture payload, 26 in 16 MiB of generated callbacks (46 in a fixture that is not a
   * payload); the limit is the engine's, under ten times those.
   */
  width: 127,
  /**
   * XML attributes in one payload. CI callbacks carry none (fixtures and generated callbacks: 0); the most in one
   * input of fast-xml-parser's own spec corpus is 140. Each attribute is a key and a string value in an object of
   * its own shape: 16 MiB of elements of two attributes (1.3 million) cost 0.8-2.5 s to build, against 0.6 s for
   * the same text as elements of two children (`npm run fuzz`).
   */
  attributes: 10_000,
} as const;

/**
 * A JSON text with at most this many keys is within the names and shapes limits (each key adds at most one distinct
 * name and one shape): only a text with more, or with more keys in one object than the width allows, needs them
 * counted.
 */
export const KEYS_UNDER_LIMITS = Math.min(STRUCTURE_LIMITS.names, STRUCTURE_LIMITS.shapes);
