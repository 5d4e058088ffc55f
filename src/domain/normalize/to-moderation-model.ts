/**
 * Content-moderation (内容审核) callbacks, recognised by shape (DESIGN.md "The shared model"): the Simple callback
 * `{code, message, data{event, trace_id, result, …}}` and the Detail callback `{EventName: Review*, JobsDetail}`
 * (or a moderation job's query response, XML, without EventName).
 */
import { diagnostic } from '../diagnostics';
import type { DocumentState, ModerationCallback, ModerationJob } from '../model';
import { moderationBodySchema } from './moderation-schema';
import {
  child,
  isRecord,
  leafText,
  pathToString,
  readRecord,
  type Path,
  type ReadContext,
} from './read-schema';

/** The message of the request Tencent sends when a moderation callback URL is saved in the console. */
export const TEST_REQUEST_MESSAGE = 'Test request when setting callback url';

/** States a moderation job publishes (视频审核回调: Submitted, Snapshoting, Success, Failed, Auditing). */
const MODERATION_STATES = new Set(['Submitted', 'Snapshoting', 'Auditing', 'Success', 'Failed', 'Cancel']);

/** Nodes only a moderation job has directly under `JobsDetail` (a media or image job has a `Tag` instead). */
const DETAIL_MARKERS = [
  'Result',
  'Suggestion',
  'ForbidState',
  'Label',
  'PornInfo',
  'TerrorismInfo',
  'PoliticsInfo',
  'AdsInfo',
  'Snapshot',
  'AudioSection',
  'PageSegment',
  'Labels',
];

const SIMPLE_MARKERS = ['event', 'trace_id', 'result', 'forbidden_status'];

/** `root` is a Simple moderation callback: `{code, data{…}}` with a data node that looks like one. */
export function isSimpleModeration(root: unknown): root is Record<string, unknown> {
  if (!isRecord(root) || !('code' in root) || !isRecord(root.data)) return false;
  const data = root.data;
  if (SIMPLE_MARKERS.some((m) => m in data)) return true;
  return Object.keys(data).some((k) => k.endsWith('_info'));
}

/** `body` (inside `Response`, or the root) holds moderation jobs: `EventName` Review*, or JobsDetail shaped as one. */
export function isDetailModeration(body: Record<string, unknown>): boolean {
  if (!('JobsDetail' in body)) return false;
  const event = leafText(body.EventName);
  if (event !== undefined && event.startsWith('Review')) return true;
  const jobs = body.JobsDetail;
  const first: unknown = Array.isArray(jobs) ? jobs[0] : jobs;
  if (!isRecord(first) || 'Tag' in first) return false;
  return DETAIL_MARKERS.some((m) => m in first);
}

export function readModeration(
  body: Record<string, unknown>,
  src: Path | undefined,
  shape: ModerationCallback['shape'],
  ctx: ReadContext,
): { model: ModerationCallback; state: DocumentState } {
  const read = readRecord(moderationBodySchema, body, src, undefined, ctx) ?? { jobs: [], extras: [] };
  const partial = read as Omit<ModerationCallback, 'kind' | 'shape' | 'isTestRequest'>;
  const model: ModerationCallback = {
    kind: 'moderation',
    shape,
    isTestRequest: partial.message?.trim() === TEST_REQUEST_MESSAGE,
    ...partial,
  };
  const diagnostics = ctx.diagnostics;
  const jobsPath = child(src, shape === 'simple' ? 'data' : 'JobsDetail');
  model.jobs.forEach((job, i) => {
    const path = Array.isArray(body.JobsDetail) ? child(jobsPath, i) : jobsPath;
    if (job.state !== undefined && !MODERATION_STATES.has(job.state))
      diagnostics.push(
        diagnostic('unknown-state', { path: pathToString(child(path, 'State')), detail: job.state }),
      );
  });
  if (shape === 'simple' && model.code === undefined)
    diagnostics.push(diagnostic('missing-node', { path: pathToString(child(src, 'code')), detail: 'code' }));
  return { model, state: moderationState(model) };
}

/**
 * Simple: `code` 0 is Success, another code Failed (the callback has no State). Detail: as for jobs, Failed if any
 * job failed, else the first that is not Success. A job without State that carries a verdict (a synchronous image
 * moderation, the batch response) has finished: Success, unless its Code says otherwise.
 */
export function moderationState(model: ModerationCallback): DocumentState {
  if (model.shape === 'simple') {
    if (model.code === undefined) return 'Unknown';
    return model.code.trim() === '0' ? 'Success' : 'Failed';
  }
  const states = model.jobs.map(jobState);
  if (states.length === 0) return 'Unknown';
  if (states.includes('Failed')) return 'Failed';
  return states.find((s) => s !== 'Success') ?? 'Success';
}

function jobState(job: ModerationJob): string {
  if (job.state !== undefined) return job.state;
  const hasVerdict = job.result !== undefined || job.suggestion !== undefined;
  if (!hasVerdict) return 'Unknown';
  return job.code === undefined || job.code === 'Success' || job.code === '0' ? 'Success' : 'Failed';
}
