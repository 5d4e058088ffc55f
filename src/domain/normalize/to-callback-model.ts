import { diagnostic, type Diagnostic } from '../diagnostics';
import { JOB_STATES, type CallbackModel, type DocumentState, type Job, type SourceFormat } from '../model';
import {
  child,
  isRecord,
  pathToString,
  readRecord,
  toTree,
  unrecognisedModel,
  type Path,
  type ReadContext,
  type TraceEntry,
} from './read-schema';
import { jobsBodySchema, workflowBodySchema } from './schema';
import { isDetailModeration, isSimpleModeration, readModeration } from './to-moderation-model';
import type { TimeValue } from './values';

export interface NormalizeResult {
  readonly model: CallbackModel;
  readonly state: DocumentState;
  readonly diagnostics: readonly Diagnostic[];
}

export interface NormalizeOptions {
  /** Called for every leaf of the source with the model field it went to ("nothing lost", source lookups). */
  readonly trace?: (entry: TraceEntry) => void;
  /** Several XML roots without a `Response` wrapper. */
  readonly hasSeveralRoots?: boolean;
}

const KNOWN_STATES = new Set<string>(JOB_STATES);
/** No CI job queues or runs for a month: such a span is a clock or payload error. */
const IMPLAUSIBLE_MS = 30 * 24 * 3600 * 1000;

/**
 * Turns a parsed tree (XML or JSON) into the shared model. Classified by shape, not by `EventName`: a content
 * moderation callback (Simple `{code, data}`, or `JobsDetail` shaped as a moderation job) makes a moderation document,
 * `JobsDetail` a job document, `WorkflowExecution` a workflow document, anything else an unrecognised one kept whole.
 * Never throws on any tree the parsers produce.
 */
export function toCallbackModel(
  root: unknown,
  format: SourceFormat,
  options: NormalizeOptions = {},
): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const ctx: ReadContext = options.trace ? { diagnostics, trace: options.trace } : { diagnostics };

  let body: unknown = root;
  let src: Path | undefined;
  if (isRecord(root)) {
    if (isOnlyKey(root, 'Response') && isRecord(root.Response)) {
      body = root.Response;
      src = child(undefined, 'Response');
    } else if (format === 'xml' && options.hasSeveralRoots) {
      diagnostics.push(diagnostic('no-response-root'));
    }
  }

  if (isSimpleModeration(body)) {
    const { model, state } = readModeration(body, src, 'simple', ctx);
    return { model, state, diagnostics };
  }
  if (isRecord(body) && isDetailModeration(body)) {
    const { model, state } = readModeration(body, src, 'detail', ctx);
    return { model, state, diagnostics };
  }

  if (isRecord(body) && 'JobsDetail' in body) {
    const read = readRecord(jobsBodySchema, body, src, undefined, ctx) ?? { jobs: [], extras: [] };
    const model = { kind: 'jobs', ...read } as Extract<CallbackModel, { kind: 'jobs' }>;
    if (model.eventName === undefined) diagnostics.push(diagnostic('no-event-name'));
    if (format === 'json' && !Array.isArray(body.JobsDetail))
      diagnostics.push(diagnostic('jobs-detail-object'));
    const jobsPath = child(src, 'JobsDetail');
    if (model.jobs.length === 0)
      diagnostics.push(diagnostic('missing-node', { path: pathToString(jobsPath), detail: 'JobsDetail' }));
    model.jobs.forEach((job, i) => {
      checkJob(job, Array.isArray(body.JobsDetail) ? child(jobsPath, i) : jobsPath, diagnostics);
    });
    return { model, state: jobsState(model.jobs), diagnostics };
  }

  if (isRecord(body) && 'WorkflowExecution' in body) {
    const read = readRecord(workflowBodySchema, body, src, undefined, ctx) ?? { extras: [] };
    const model = { kind: 'workflow', ...read } as Extract<CallbackModel, { kind: 'workflow' }>;
    if (model.eventName === undefined) diagnostics.push(diagnostic('no-event-name'));
    const execPath = child(src, 'WorkflowExecution');
    const exec = model.execution;
    if (!exec) {
      diagnostics.push(
        diagnostic('missing-node', { path: pathToString(execPath), detail: 'WorkflowExecution' }),
      );
      return { model, state: 'Unknown', diagnostics };
    }
    requireNodes(
      exec,
      ['runId', 'RunId'],
      ['workflowId', 'WorkflowId'],
      ['state', 'State'],
    )(execPath, diagnostics);
    checkState(exec.state, child(execPath, 'State'), diagnostics);
    exec.tasks.forEach((task, i) => {
      const taskPath = child(child(execPath, 'Tasks'), i);
      checkState(task.state, child(taskPath, 'State'), diagnostics);
      checkOrder(task.createTime, task.startTime, child(taskPath, 'StartTime'), diagnostics);
      checkOrder(task.startTime ?? task.createTime, task.endTime, child(taskPath, 'EndTime'), diagnostics);
    });
    return { model, state: exec.state ?? 'Unknown', diagnostics };
  }

  // Without a trace the tree is made when first read (`unrecognisedModel`); a trace needs it made now.
  if (!options.trace) return { model: unrecognisedModel(root), state: 'Unknown', diagnostics };
  const tree = toTree(root, undefined, child(undefined, 'tree'), ctx);
  return { model: { kind: 'unrecognised', tree }, state: 'Unknown', diagnostics };
}

/** Whether `key` is the record's one key (`Object.keys` of a wide object would be a copy). */
function isOnlyKey(record: Record<string, unknown>, key: string): boolean {
  // First by lookup: for…in lists (and V8 sorts) every key of the record before the first, which for a wide root
  // (1.2 million members in 16 MiB) cost as much as reading it.
  if (!Object.hasOwn(record, key)) return false;
  let count = 0;
  let only: string | undefined;
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue;
    if (++count > 1) return false;
    only = k;
  }
  return only === key;
}

function requireNodes(node: object, ...fields: [key: string, wire: string][]) {
  return (path: Path, diagnostics: Diagnostic[]) => {
    for (const [key, wire] of fields) {
      if ((node as Record<string, unknown>)[key] === undefined)
        diagnostics.push(diagnostic('missing-node', { path: pathToString(child(path, wire)), detail: wire }));
    }
  };
}

function checkJob(job: Job, path: Path, diagnostics: Diagnostic[]): void {
  requireNodes(job, ['jobId', 'JobId'], ['tag', 'Tag'], ['state', 'State'])(path, diagnostics);
  checkState(job.state, child(path, 'State'), diagnostics);
  checkOrder(job.creationTime, job.startTime, child(path, 'StartTime'), diagnostics);
  checkOrder(job.startTime ?? job.creationTime, job.endTime, child(path, 'EndTime'), diagnostics);
}

function checkState(state: string | undefined, path: Path, diagnostics: Diagnostic[]): void {
  if (state !== undefined && !KNOWN_STATES.has(state))
    diagnostics.push(diagnostic('unknown-state', { path: pathToString(path), detail: state }));
}

function checkOrder(
  before: TimeValue | undefined,
  after: TimeValue | undefined,
  path: Path,
  diagnostics: Diagnostic[],
) {
  if (before?.epochMs === undefined || after?.epochMs === undefined) return;
  if (after.epochMs < before.epochMs)
    diagnostics.push(
      diagnostic('end-before-start', { path: pathToString(path), detail: `${after.text} < ${before.text}` }),
    );
  else if (after.epochMs - before.epochMs > IMPLAUSIBLE_MS)
    diagnostics.push(
      diagnostic('implausible-duration', {
        path: pathToString(path),
        detail: `${before.text} → ${after.text}`,
      }),
    );
}

/** With several jobs: `Failed` if any failed, else the first that is not `Success`, else `Success` (DESIGN.md). */
export function jobsState(jobs: readonly Job[]): DocumentState {
  if (jobs.some((j) => j.state === 'Failed')) return 'Failed';
  const other = jobs.find((j) => j.state !== 'Success');
  if (other) return other.state ?? 'Unknown';
  return jobs.length > 0 ? 'Success' : 'Unknown';
}
