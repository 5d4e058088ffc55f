import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfCompressed, isGzip } from './gunzip';

const text = '{"EventName":"TaskFinish","JobsDetail":[{"Code":"Success"}]}\n'.repeat(200);

describe('a gzip-compressed file is read as the text it holds', () => {
  it('inflates gzip; leaves other bytes as they are', async () => {
    const gz = new Blob([gzipSync(text)]);
    expect(await isGzip(gz)).toBe(true);
    const out = await gunzipIfCompressed(gz, 1 << 20);
    expect(out.kind).toBe('inflated');
    expect(out.kind === 'inflated' ? await out.blob.text() : '').toBe(text);
    expect(await gunzipIfCompressed(new Blob([text]), 1 << 20)).toEqual({ kind: 'plain' });
    expect(await gunzipIfCompressed(new Blob([]), 1 << 20)).toEqual({ kind: 'plain' });
  });

  it('stops at the limit (a small file may inflate to gigabytes), and says a broken one is broken', async () => {
    const bomb = new Blob([gzipSync(Buffer.alloc(8 << 20))]);
    expect(bomb.size).toBeLessThan(64 << 10);
    expect(await gunzipIfCompressed(bomb, 1 << 20)).toEqual({ kind: 'tooLarge' });
    const cut = gzipSync(text).subarray(0, 40);
    expect(await gunzipIfCompressed(new Blob([cut]), 1 << 20)).toEqual({ kind: 'corrupt' });
  });
});
