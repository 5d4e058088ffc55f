import { describe, expect, it } from 'vitest';
import { readSavedState } from './saved-state';

describe('readSavedState', () => {
  it('reads a saved state back as it was written', () => {
    const state = {
      v: 2,
      sources: [
        { id: 's1', origin: { kind: 'file', fileName: '回调.xml' }, removed: [1, 4] },
        { id: 's2', origin: { kind: 'paste', n: 3 } },
        { id: 's4', origin: { kind: 'sample', sampleId: 'seed/case2-workflow.xml' } },
        { id: 's5', origin: { kind: 'shared', name: 'callbacks.jsonl' } },
      ],
      draft: '<Response>',
      pasteCount: 3,
      selectedKey: 's1:2',
    } as const;
    expect(readSavedState(structuredClone(state))).toEqual(state);
  });

  it('gives undefined for anything that is not a saved state, and keeps only well-formed sources', () => {
    expect(readSavedState(undefined)).toBeUndefined();
    expect(readSavedState('x')).toBeUndefined();
    expect(readSavedState({ v: 1, sources: [], draft: '' })).toBeUndefined();
    expect(
      readSavedState({
        v: 2,
        draft: '',
        pasteCount: -1,
        selectedKey: '__proto__',
        sources: [
          { id: 's1', origin: { kind: 'file', fileName: 'a' }, removed: [2, -1, 'x', 1.5] },
          { id: 's1', origin: { kind: 'file', fileName: 'again' } },
          { id: '__proto__', origin: { kind: 'file', fileName: 'a' } },
          { id: 's2', origin: { kind: 'url', href: 'x' } },
          { id: 's3', origin: { kind: 'paste', n: 1.5 } },
        ],
      }),
    ).toEqual({
      v: 2,
      draft: '',
      pasteCount: 0,
      sources: [{ id: 's1', origin: { kind: 'file', fileName: 'a' }, removed: [2] }],
    });
  });
});
