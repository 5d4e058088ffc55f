import { describe, expect, it } from 'vitest';
import { unchangedNotWritten } from './app-store';

/** A storage that counts its writes. */
function countingStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    writes,
    values,
    storage: {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => {
        writes.push(`${key}=${value}`);
        values.set(key, value);
      },
      removeItem: (key: string) => void values.delete(key),
    },
  };
}

describe('the preferences are written only when they change', () => {
  it('leaves out a write of the value last written, and writes a changed one', () => {
    const { storage, writes, values } = countingStorage();
    const kept = unchangedNotWritten(storage);
    kept.setItem('p', '{"theme":"dark"}');
    kept.setItem('p', '{"theme":"dark"}');
    kept.setItem('p', '{"theme":"light"}');
    kept.setItem('p', '{"theme":"dark"}');
    expect(writes).toEqual(['p={"theme":"dark"}', 'p={"theme":"light"}', 'p={"theme":"dark"}']);
    expect(values.get('p')).toBe('{"theme":"dark"}');
  });

  it('knows the value read, and writes again after a removal', () => {
    const { storage, writes } = countingStorage({ p: 'a' });
    const kept = unchangedNotWritten(storage);
    expect(kept.getItem('p')).toBe('a');
    kept.setItem('p', 'a');
    expect(writes).toEqual([]);
    kept.removeItem('p');
    kept.setItem('p', 'a');
    expect(writes).toEqual(['p=a']);
    // Another key is its own.
    kept.setItem('q', 'a');
    expect(writes).toEqual(['p=a', 'q=a']);
  });
});
