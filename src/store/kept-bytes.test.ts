import { describe, expect, it } from 'vitest';
import { keptBytes, stateBytes } from './kept-bytes';

describe('what the tab keeps, in bytes: texts, files’ indexes and the state', () => {
  it('counts a file’s index with its text and the state (the line showed the texts only)', () => {
    const kept = keptBytes();
    kept.setText('a', 8_000_000);
    expect(kept.total()).toBe(8_000_000);
    kept.setIndex('a', 5_000_000);
    kept.setState(1200);
    expect(kept.total()).toBe(13_001_200);
    expect(kept.indexCount).toBe(1);
    expect(kept.hasText('a') && kept.hasIndex('a')).toBe(true);
  });

  it('a source gone takes its text and its index; an index alone can go', () => {
    const kept = keptBytes();
    kept.setText('a', 100);
    kept.setIndex('a', 60);
    kept.setText('b', 10);
    kept.setIndex('c', 7);
    expect(kept.ids().sort()).toEqual(['a', 'b', 'c']);
    kept.deleteIndex('a');
    expect(kept.total()).toBe(117);
    expect(kept.hasText('a')).toBe(true);
    kept.delete('c');
    kept.delete('a');
    expect(kept.total()).toBe(10);
    expect(kept.indexCount).toBe(0);
    expect(kept.ids()).toEqual(['b']);
  });

  it('an index stored again replaces its size; clear forgets everything', () => {
    const kept = keptBytes();
    kept.setIndex('a', 60);
    kept.setIndex('a', 20);
    kept.setState(5);
    expect(kept.total()).toBe(25);
    kept.clear();
    expect(kept.total()).toBe(0);
    expect(kept.ids()).toEqual([]);
  });

  it('a state’s bytes are those of its JSON', () => {
    expect(stateBytes({ v: 2, sources: [] })).toBe('{"v":2,"sources":[]}'.length);
    expect(stateBytes(undefined)).toBe(0);
  });
});
