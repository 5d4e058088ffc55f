/**
 * A compact reading of `Operation.MediaInfo` (FIELDS.md §2.2) for the input / output panel: duration, size,
 * container, bitrate, and the first video and audio streams. Bitrates in MediaInfo are in kbit/s.
 */
import type { MediaInfo } from '../model';
import { definedOnly } from './compact';
import { numberOf } from './image-side';

export interface VideoSummary {
  readonly codec?: string;
  readonly width?: number;
  readonly height?: number;
  /** `Fps`, or `AvgFps` when there is no `Fps`. */
  readonly fps?: number;
}

export interface AudioSummary {
  readonly codec?: string;
  readonly sampleRate?: number;
  readonly channels?: number;
}

export interface MediaInfoSummary {
  readonly durationS?: number;
  readonly sizeBytes?: number;
  readonly formatName?: string;
  readonly bitrateKbps?: number;
  readonly video?: VideoSummary;
  readonly audio?: AudioSummary;
  /** How many streams of each kind the payload lists (only the first is summarised). */
  readonly videoStreams: number;
  readonly audioStreams: number;
}

/** The defined values only; `undefined` when there are none. */
function defined<T extends object>(o: T): T | undefined {
  const out = definedOnly(o);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `undefined` when MediaInfo is absent or holds nothing (Snapshot callbacks send `<Format/>`, `<Audio/>`…). */
export function summarizeMediaInfo(info: MediaInfo | undefined): MediaInfoSummary | undefined {
  if (info === undefined) return undefined;
  const format = info.format;
  const videos = info.stream?.video ?? [];
  const audios = info.stream?.audio ?? [];
  const v = videos[0];
  const a = audios[0];
  const video =
    v &&
    defined<VideoSummary>({
      codec: v.codecName,
      width: numberOf(v.width),
      height: numberOf(v.height),
      fps: numberOf(v.fps) ?? numberOf(v.avgFps),
    });
  const audio =
    a &&
    defined<AudioSummary>({
      codec: a.codecName,
      sampleRate: numberOf(a.sampleRate),
      channels: numberOf(a.channel),
    });
  const top = defined({
    durationS: numberOf(format?.duration),
    sizeBytes: numberOf(format?.size),
    formatName: format?.formatName,
    bitrateKbps: numberOf(format?.bitrate),
    video,
    audio,
  });
  if (top === undefined && videos.length === 0 && audios.length === 0) return undefined;
  return { ...top, videoStreams: videos.length, audioStreams: audios.length };
}
