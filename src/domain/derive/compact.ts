/**
 * Copies an object without its `undefined` values, so derived values compare equal (`toEqual`, memo checks)
 * whatever the payload left out, and a UI can use `'key' in value` to ask whether the payload said something.
 */
export function definedOnly<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  // for…in, not `Object.entries`: this runs several times for every callback, and entries makes an array a key.
  // The same keys in the same order: the objects given here are literals, with no inherited enumerable keys.
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
