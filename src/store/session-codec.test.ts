import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, readSnapshot, type SessionSnapshot } from './session-codec';

const snapshot: SessionSnapshot = {
  v: 1,
  sources: [
    {
      id: 's1',
      origin: { kind: 'file', fileName: '回调.xml' },
      text: '<Response><JobsDetail><JobId>j1</JobId></JobsDetail></Response>'.repeat(50),
    },
    { id: 's2', origin: { kind: 'paste', n: 3 }, text: '{"a": "é ✓ 😀"}' },
    { id: 's4', origin: { kind: 'sample', sampleId: 'seed/case2-workflow.xml' }, text: '' },
  ],
  draft: '<Response>',
  pasteCount: 3,
};

describe('session codec', () => {
  it('round-trips through gzip and base64, smaller than the texts', async () => {
    const encoded = await encodeSession(snapshot);
    expect(encoded).toMatch(/^H4sI[A-Za-z0-9+/]+=*$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(snapshot).length / 4);
    expect(await decodeSession(encoded)).toEqual(snapshot);
  });

  it('gives undefined for anything that is not a snapshot', async () => {
    expect(await decodeSession('not base64!')).toBeUndefined();
    expect(await decodeSession(btoa('plain text, not gzip'))).toBeUndefined();
    expect(
      await decodeSession(await encodeSession({ ...snapshot, v: 2 } as unknown as SessionSnapshot)),
    ).toBeUndefined();
  });

  it('keeps only well-formed sources', () => {
    expect(
      readSnapshot({
        v: 1,
        draft: '',
        pasteCount: -1,
        sources: [
          { id: 's1', origin: { kind: 'file', fileName: 'a' }, text: 'x' },
          { id: '__proto__', origin: { kind: 'file', fileName: 'a' }, text: 'x' },
          { id: 's2', origin: { kind: 'url', href: 'x' }, text: 'x' },
          { id: 's3', origin: { kind: 'paste', n: 1 }, text: 7 },
        ],
      }),
    ).toEqual({
      v: 1,
      draft: '',
      pasteCount: 0,
      sources: [{ id: 's1', origin: { kind: 'file', fileName: 'a' }, text: 'x' }],
    });
  });
});
