import { describe, expect, it, vi } from 'vitest';
import { fixtureNames, readFixture } from '../test-support/fixtures';
import { decodeShareFragment, encodeShareFragment, fromBase64Url, toBase64Url } from './share-link';

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

describe('fromBase64Url with the platform decoder', () => {
  const platform = vi.fn((s: string, options: { readonly alphabet: 'base64url' }) => {
    expect(options.alphabet).toBe('base64url');
    return new Uint8Array(Buffer.from(s, 'base64url'));
  });

  it('gives what the fallback gives, for every length of input', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(Array.from({ length: n }, (_, i) => (i * 97 + n * 31) % 256));
      const text = toBase64Url(bytes);
      expect(fromBase64Url(text, platform)).toEqual(bytes);
      expect(fromBase64Url(text, undefined)).toEqual(bytes);
    }
  });

  it('refuses what is not base64url before the platform decoder sees it (it would skip white space)', () => {
    platform.mockClear();
    for (const bad of ['ab cd', 'ab\ncd', 'ab+c', 'ab/c', 'abc='])
      expect(fromBase64Url(bad, platform)).toBeUndefined();
    expect(platform).not.toHaveBeenCalled();
  });

  it('says corrupt, not throws, when the platform decoder refuses', () => {
    const refusing = () => {
      throw new SyntaxError('bad');
    };
    expect(fromBase64Url('abcde', refusing)).toBeUndefined();
  });
});
