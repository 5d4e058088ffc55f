import { describe, expect, it } from 'vitest';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { decodeShareFragment, encodeShareFragment, toBase64Url } from './share-link';

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('share links', () => {
  it('round-trips every fixture exactly, with names, in order', async () => {
    const texts = fixtureNames().map((name) => ({ name, text: readFixture(name) }));
    const fragment = await encodeShareFragment(texts);
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, texts });
  });

  it('keeps any character: quotes, $( ), backticks, CJK, emoji, CRLF', async () => {
    const text = `<a>'"$(rm -rf /)\`x\` 数据万象 🙂\r\n</a>`;
    expect(await decodeShareFragment(await encodeShareFragment([{ name: 'x', text }]))).toEqual({
      ok: true,
      texts: [{ name: 'x', text }],
    });
  });

  it('refuses an unknown version, bad characters, corrupt or truncated data', async () => {
    const good = await encodeShareFragment([{ name: 'a', text: '<Response/>' }]);
    expect(await decodeShareFragment('v9.abc')).toMatchObject({ ok: false, error: 'share-version' });
    expect(await decodeShareFragment('')).toMatchObject({ ok: false, error: 'share-empty' });
    expect(await decodeShareFragment('v1.<script>')).toMatchObject({ ok: false, error: 'share-corrupt' });
    expect(await decodeShareFragment(good.slice(0, good.length - 12))).toMatchObject({
      ok: false,
      error: 'share-corrupt',
    });
    expect(
      await decodeShareFragment(`v1.${toBase64Url(new TextEncoder().encode('not gzip at all'))}`),
    ).toMatchObject({
      ok: false,
      error: 'share-corrupt',
    });
  });

  it('refuses hostile contents: not JSON, wrong shapes, __proto__', async () => {
    for (const json of [
      'nope',
      '{"d": 1}',
      '{"d": []}',
      '{"d": [{"t": 5}]}',
      '{"d": [null]}',
      '{"__proto__": {"d": [{"t": "x"}]}}',
    ]) {
      const fragment = `v1.${toBase64Url(await gzip(json))}`;
      expect(await decodeShareFragment(fragment), json).toMatchObject({ ok: false, error: 'share-corrupt' });
    }
    expect(({} as Record<string, unknown>).d).toBeUndefined();
  });

  it('stops decompressing past 8 MB (a small link that inflates to a bomb)', async () => {
    const bomb = `{"d":[{"n":"x","t":"${'A'.repeat(9 * 1024 * 1024)}"}]}`;
    const fragment = `v1.${toBase64Url(await gzip(bomb))}`;
    expect(fragment.length).toBeLessThan(40_000);
    expect(await decodeShareFragment(fragment)).toMatchObject({ ok: false, error: 'share-too-large' });
  });
});
