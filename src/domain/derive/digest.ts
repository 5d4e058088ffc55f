/**
 * A document's digest: the little of its model that the views over the whole loaded set need (the list's title,
 * sort keys, Tags and search text; the overview's counts, times and RunIds; the combined timeline's rows).
 * The parse worker sends it beside each model, so the page can list, count and draw 10,000 documents without
 * reading their models; a model is read only when its document is shown (`worker/wire.ts`).
 */
import type { CallbackDocument, CallbackModel, TimeValue, WorkflowExecution } from '../model';
import { definedOnly } from './compact';
import { moderationState } from '../normalize/to-moderation-model';
import { moderationEvent, moderationVerdict } from './moderation';
import { hashText } from './hash-text';
import { MANY_NAMES, type OutputNames } from './output-names';
import { documentProblem } from './problems';

export type {
  DocumentDigest,
  DocumentSortKeys,
  DocumentTimes,
  DocumentTitle,
  ExecutionDigest,
  JobDigest,
  TaskDigest,
} from './digest-types';
import type {
  DocumentDigest,
  DocumentSortKeys,
  DocumentTimes,
  DocumentTitle,
  JobDigest,
  TaskDigest,
} from './digest-types';

const digests = new WeakMap<CallbackDocument, DocumentDigest>();

/**
 * Where a document the page made from the worker's message keeps the digest that came with it (`keepDigest`): a
 * property of its own, not enumerable, instead of an entry in a WeakMap (a page holds one per callback of a large
 * file, and a WeakMap's entries are garbage collection's work for as long as they live).
 */
const KEPT_DIGEST = Symbol('digest');

/**
 * The document's digest, derived from its model once (or as the worker sent it: `keepDigest`). `keep: false` (the
 * worker, which sends it and lets the document go): not remembered, no weak entry per callback.
 */
export function digestOf(doc: CallbackDocument, keep = true): DocumentDigest {
  const kept = (doc as { readonly [KEPT_DIGEST]?: DocumentDigest })[KEPT_DIGEST];
  if (kept !== undefined) return kept;
  let digest = digests.get(doc);
  if (!digest) {
    digest = digestOfDocument(doc);
    if (keep) digests.set(doc, digest);
  }
  return digest;
}

/**
 * Keeps the digest of a document whose model is read later (the page gets both from the worker), on the document
 * (a document just made, before anyone else holds it).
 */
export function keepDigest(doc: CallbackDocument, digest: DocumentDigest): void {
  Object.defineProperty(doc, KEPT_DIGEST, { value: digest });
}

export function documentTitle(doc: CallbackDocument): DocumentTitle {
  return digestOf(doc).title;
}

export function documentSortKeys(doc: CallbackDocument): DocumentSortKeys {
  return { state: doc.state, index: doc.index, ...digestOf(doc).times };
}

const NOTHING: DocumentDigest = { title: { jobCount: 0 }, times: {}, tags: [], searchText: '', jobs: [] };

/** The values a content hash covers, in a fixed order (JSON of the parts, so no separator is ambiguous). */
function contentHashOf(parts: readonly unknown[]): string {
  return hashText(JSON.stringify(parts));
}

/** The digest of a document: its model's, with the problem its State and model give together. */
export function digestOfDocument(doc: Pick<CallbackDocument, 'model' | 'state'>): DocumentDigest {
  const digest = digestOfModel(doc.model);
  const problem = documentProblem(doc.model, doc.state);
  return problem === undefined ? digest : { ...digest, problem };
}

export function digestOfModel(model: CallbackModel | undefined): DocumentDigest {
  if (model === undefined) return NOTHING;
  if (model.kind === 'unrecognised') return { ...NOTHING, kind: 'unrecognised' };
  if (model.kind === 'moderation') return moderationDigest(model);
  const eventName = model.eventName;
  if (model.kind === 'workflow') {
    const e = model.execution;
    if (e === undefined)
      return { ...NOTHING, kind: 'workflow', title: definedOnly({ eventName, jobCount: 0 }) };
    const lastTaskEnd = latestTaskEnd(e);
    const tasks = e.tasks.map((t) =>
      definedOnly<TaskDigest>({ jobId: t.jobId, type: t.type, state: t.state }),
    );
    const created = finite(e.createTime);
    const end = finite(lastTaskEnd);
    return {
      kind: 'workflow',
      title: definedOnly<DocumentTitle>({
        id: e.runId,
        idKind: e.runId === undefined ? undefined : 'run',
        workflowName: e.workflowName,
        endTimeText: lastTaskEnd?.text,
        endTime: lastTaskEnd,
        object: e.object,
        eventName,
        jobCount: 0,
      }),
      times: definedOnly<DocumentTimes>({
        createdEpochMs: created,
        endEpochMs: end,
        runTimeMs: created !== undefined && end !== undefined ? end - created : undefined,
      }),
      tags: [],
      searchText: searchText([
        e.runId,
        e.object,
        e.workflowId,
        e.workflowName,
        ...e.tasks.flatMap((t) => [t.jobId, t.templateId, t.templateName, t.type]),
      ]),
      jobs: [],
      execution: {
        ...definedOnly({
          runId: e.runId,
          state: e.state,
          createTime: e.createTime,
          lastTaskEnd,
          workflowId: e.workflowId,
          workflowName: e.workflowName,
          object: e.object,
        }),
        tasks,
      },
      contentHash: contentHashOf([
        'w',
        e.runId,
        e.state,
        e.createTime?.text,
        e.object,
        tasks,
        e.tasks.map((t) => [t.startTime?.text, t.endTime?.text]),
      ]),
    };
  }
  const jobs: JobDigest[] = [];
  const tags = new Set<string>();
  const parts: (string | undefined)[] = [];
  const outputs: OutputNames[] = [];
  for (const job of model.jobs) {
    jobs.push(
      definedOnly<JobDigest>({
        jobId: job.jobId,
        tag: job.tag,
        state: job.state,
        code: job.code,
        message: job.message,
        runId: job.workflows[0]?.runId,
        workflowName: job.workflows[0]?.workflowName,
        userData: job.operation?.userData,
        templateId: job.operation?.templateId,
        templateName: job.operation?.templateName,
        queueId: job.queueId,
        object: job.input?.object,
        creationTime: job.creationTime,
        startTime: job.startTime,
        endTime: job.endTime,
      }),
    );
    if (job.tag) tags.add(job.tag);
    parts.push(
      job.jobId,
      job.input?.object,
      job.operation?.output?.object,
      job.workflows[0]?.runId,
      job.workflows[0]?.workflowName,
      job.code,
      job.message,
      job.operation?.userData,
      job.operation?.templateId,
      job.operation?.templateName,
      job.queueId,
      job.tag,
    );
    const outputFile = job.operation?.mediaResult?.outputFile;
    const prefix = outputFile?.objectPrefix ?? '';
    if (outputFile && prefix !== '' && outputFile.objectNames.length >= MANY_NAMES) {
      parts.push(prefix);
      outputs.push({
        prefix: prefix.toLowerCase(),
        names: `\n${outputFile.objectNames.join('\n').toLowerCase()}`,
      });
    } else if (outputFile) for (const name of outputFile.objectNames) parts.push(`${prefix}${name}`);
    parts.push(job.operation?.picProcessResult?.objectName);
  }
  const first = model.jobs[0];
  return {
    kind: 'jobs',
    title: definedOnly<DocumentTitle>({
      id: first?.jobId,
      idKind: first?.jobId === undefined ? undefined : 'job',
      tag: first?.tag,
      workflowName: first?.workflows[0]?.workflowName,
      endTimeText: first?.endTime?.text,
      endTime: first?.endTime,
      object: first?.input?.object,
      eventName,
      jobCount: model.jobs.length,
    }),
    times: timesOfFirstJob(first),
    tags: [...tags],
    searchText: searchText(parts),
    ...(outputs.length > 0 ? { outputs } : {}),
    jobs,
    contentHash: contentHashOf([
      'j',
      jobs.map((j) => [
        j.jobId,
        j.tag,
        j.state,
        j.code,
        j.message,
        j.runId,
        j.object,
        j.userData,
        j.creationTime?.text,
        j.startTime?.text,
        j.endTime?.text,
      ]),
      model.jobs.map((j) => j.progress?.text),
    ]),
  };
}

function moderationDigest(model: Extract<CallbackModel, { kind: 'moderation' }>): DocumentDigest {
  const first = model.jobs[0];
  const id = first?.jobId ?? first?.traceId;
  const idKind = first?.jobId !== undefined ? 'job' : id !== undefined ? 'trace' : undefined;
  const created = finite(first?.creationTime);
  const verdict = moderationVerdict(model);
  // What the list's filter says it finds (ids, object key, Code, Message), and the moderation's event and labels.
  const parts: (string | undefined)[] = [model.code, model.message, moderationEvent(model)];
  for (const job of model.jobs)
    parts.push(
      job.jobId,
      job.traceId,
      job.dataId,
      job.object,
      job.url,
      job.code,
      job.message,
      job.label,
      job.subLabel,
      job.category,
    );
  return {
    kind: 'moderation',
    title: definedOnly<DocumentTitle>({
      id,
      idKind,
      eventName: moderationEvent(model),
      jobCount: model.jobs.length,
    }),
    times: definedOnly<DocumentTimes>({ createdEpochMs: created }),
    tags: [],
    searchText: searchText(parts),
    jobs: [],
    contentHash: contentHashOf([
      'moderation',
      model.shape,
      model.code,
      model.message,
      model.jobs.map((j) => [
        j.jobId,
        j.traceId,
        j.state,
        j.code,
        (j.result ?? j.suggestion)?.text,
        j.label,
        j.object,
        j.url,
      ]),
    ]),
    ...(verdict === undefined ? {} : { verdict }),
    ...(model.isTestRequest ? { testRequest: true as const } : {}),
    ...moderationFailure(model),
  };
}

/** The Code and Message a failed moderation callback gives (`DocumentDigest.failure`), if it failed. */
function moderationFailure(model: Extract<CallbackModel, { kind: 'moderation' }>): {
  failure?: DocumentDigest['failure'];
} {
  if (moderationState(model) !== 'Failed') return {};
  const job = model.jobs.find(
    (j) => j.state === 'Failed' || (j.code !== undefined && j.code !== 'Success' && j.code !== '0'),
  );
  const code = job?.code ?? model.code;
  const message = job?.message ?? model.message;
  return { failure: definedOnly({ code, message }) };
}

/**
 * A job list response's times: its first job's creation and end, and its run time (start to end). The stored index
 * makes them again from the job digests it keeps (`worker/index-digest.ts`).
 */
export function timesOfFirstJob(
  first: Pick<JobDigest, 'creationTime' | 'startTime' | 'endTime'> | undefined,
): DocumentTimes {
  const created = finite(first?.creationTime);
  const start = finite(first?.startTime);
  const end = finite(first?.endTime);
  return definedOnly<DocumentTimes>({
    createdEpochMs: created,
    endEpochMs: end,
    runTimeMs: start !== undefined && end !== undefined ? end - start : undefined,
  });
}

function finite(value: TimeValue | undefined): number | undefined {
  const ms = value?.epochMs;
  return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
}

function latestTaskEnd(e: WorkflowExecution): TimeValue | undefined {
  let latest: TimeValue | undefined;
  for (const t of e.tasks) {
    const ms = finite(t.endTime);
    if (ms !== undefined && (latest === undefined || ms > (latest.epochMs as number))) latest = t.endTime;
  }
  return latest;
}

function searchText(parts: readonly (string | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join('\n')
    .toLowerCase();
}

/**
 * The document numbered `index` (documents of several sources share numbers; the overview names them by their place
 * in the whole set). Its properties are copied as they are defined, so a model read on demand (`worker/wire.ts`)
 * is not read by the copy, and the copy keeps the digest.
 */
export function withIndex(doc: CallbackDocument, index: number): CallbackDocument {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(doc)) as CallbackDocument;
  Object.defineProperty(copy, 'index', {
    value: index,
    enumerable: true,
    writable: false,
    configurable: true,
  });
  digests.set(copy, digestOf(doc));
  return copy;
}
