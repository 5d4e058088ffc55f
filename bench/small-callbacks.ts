/**
 * Small callbacks (≈ 300–450 bytes each, JSON and XML alternately), as a share link or a saved set of thousands
 * carries them (DESIGN.md "Targets": a link of 10,000 small callbacks opens in ≤ 2 s). Deterministic: callback `i`
 * is always the same text.
 */
import type { SharedText } from '../src/domain/share/share-link';

const STATES = ['Success', 'Success', 'Success', 'Failed'] as const;
const TAGS = ['Snapshot', 'Transcode', 'PicProcess', 'Animation'] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function smallCallback(i: number): string {
  const state = STATES[i % STATES.length] ?? 'Success';
  const tag = TAGS[(i >> 2) % TAGS.length] ?? 'Snapshot';
  const jobId = `j${pad(i, 8)}a1b2c3d4e5f60718293a4b5c6d`;
  const second = pad(i % 60, 2);
  const minute = pad(Math.floor(i / 60) % 60, 2);
  const code = state === 'Success' ? 'Success' : 'InternalError';
  const object = `input/${pad(i, 6)}.mp4`;
  if (i % 2 === 0)
    return JSON.stringify({
      EventName: 'TaskFinish',
      JobsDetail: {
        Code: code,
        Message: state === 'Success' ? '' : 'internal error',
        JobId: jobId,
        State: state,
        Tag: tag,
        CreationTime: `2026-11-30T10:${minute}:${second}+0800`,
        StartTime: `2026-11-30T10:${minute}:${second}+0800`,
        EndTime: `2026-11-30T10:${minute}:${second}+0800`,
        Input: { BucketId: 'test-1234567890', Object: object, Region: 'ap-chongqing' },
      },
    });
  return (
    `<Response><EventName>TaskFinish</EventName><JobsDetail><Code>${code}</Code><JobId>${jobId}</JobId>` +
    `<State>${state}</State><Tag>${tag}</Tag><CreationTime>2026-11-30T10:${minute}:${second}+0800</CreationTime>` +
    `<EndTime>2026-11-30T10:${minute}:${second}+0800</EndTime><Input><BucketId>test-1234567890</BucketId>` +
    `<Object>${object}</Object><Region>ap-chongqing</Region></Input></JobsDetail></Response>`
  );
}

/** `count` small callbacks, each its own shared text (as "share all" makes them of separately loaded ones). */
export function smallSharedTexts(count: number): SharedText[] {
  return Array.from({ length: count }, (_, i) => ({ name: `callback-${i + 1}`, text: smallCallback(i) }));
}
