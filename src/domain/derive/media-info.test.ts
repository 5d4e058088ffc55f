import { describe, expect, it } from 'vitest';
import { summarizeMediaInfo } from './media-info';
import { num } from './test-models';

describe('summarizeMediaInfo', () => {
  it('absent or empty: undefined', () => {
    expect(summarizeMediaInfo(undefined)).toBeUndefined();
    expect(summarizeMediaInfo({ extras: [] })).toBeUndefined();
    expect(summarizeMediaInfo({ stream: { audio: [], video: [], extras: [] }, extras: [] })).toBeUndefined();
  });

  it('falls back to AvgFps, and counts streams', () => {
    const video = { avgFps: num(24.5), codecName: 'h264', extras: [] };
    expect(
      summarizeMediaInfo({ stream: { audio: [], video: [video, { extras: [] }], extras: [] }, extras: [] }),
    ).toEqual({ video: { codec: 'h264', fps: 24.5 }, videoStreams: 2, audioStreams: 0 });
  });

  it('keeps a number that does not parse out', () => {
    expect(
      summarizeMediaInfo({
        format: { duration: { text: 'N/A', value: undefined }, formatName: 'mp3', extras: [] },
        extras: [],
      }),
    ).toEqual({ formatName: 'mp3', videoStreams: 0, audioStreams: 0 });
  });
});
