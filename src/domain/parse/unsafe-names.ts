/**
 * The one list of element and key names that must not become properties of a plain object, shared by the XML fast
 * path, the XML library path and the JSON parsers. It is fast-xml-parser's own rule (its `src/util.js`):
 * - `REFUSED_NAMES` are its `criticalProperties`: an element or attribute so named makes its parser throw
 *   (`[SECURITY] Invalid name`), which the app reports as `unsafe-name`; the JSON parsers refuse such keys too.
 * - `RENAMED_NAMES` are its `DANGEROUS_PROPERTY_NAMES`: its parser renames them (`toString` becomes `__toString`,
 *   through `onDangerousProperty`), so the fast path leaves them to it.
 * `unsafe-names.test.ts` reads these lists out of the installed library and asks it about every name the fast path
 * might meet, so an upgrade that changes the rule fails a test instead of drifting.
 */
export const REFUSED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const RENAMED_NAMES: readonly string[] = [
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];

const REFUSED = new Set(REFUSED_NAMES);
const LEFT_TO_LIBRARY = new Set([
  ...REFUSED_NAMES,
  ...RENAMED_NAMES,
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** A name the app refuses (`unsafe-name`), as fast-xml-parser does. */
export function isRefusedName(name: string): boolean {
  return REFUSED.has(name);
}

/**
 * A name the XML fast path leaves to the library: a refused or renamed one, or any other name a plain object
 * inherits (`isPrototypeOf`, `toLocaleString`…), which the library keeps as it is but a careless reader could
 * mistake for an own property.
 */
export function isLeftToLibrary(name: string): boolean {
  return LEFT_TO_LIBRARY.has(name);
}

/** The refused names as a regular expression alternative (`__proto__|constructor|prototype`). */
export const REFUSED_ALTERNATIVES = REFUSED_NAMES.join('|');

/** Lengths of the refused names, so a scan compares only strings of those lengths. */
export const REFUSED_LENGTHS: ReadonlySet<number> = new Set(REFUSED_NAMES.map((name) => name.length));
