/**
 * Copies an object without its `undefined` values, so derived values compare equal (`toEqual`, memo checks)
 * whatever the payload left out, and a UI can use `'key' in value` to ask whether the payload said something.
 */
export function definedOnly<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
