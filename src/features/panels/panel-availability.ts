/**
 * Which panels have data for a document (DESIGN.md: "a panel without data for the selected document is absent,
 * not empty"), and the derived data each one renders, computed once per document and job.
 */
import { compareImages, type ImageComparison } from '../../domain/derive/compare-images';
import {
  buildExecutionHeaderRows,
  buildHeaderRows,
  buildModerationHeaderRows,
  type HeaderLocation,
  type HeaderRow,
} from '../../domain/derive/cos-headers';
import { buildIo, type IoView } from '../../domain/derive/cos-url';
import { buildResultViews, buildTaskOcrViews, type ResultView } from '../../domain/derive/result-views';
import { moderationView, type ModerationView } from '../../domain/derive/moderation';
import type {
  CallbackDocument,
  Job,
  ModerationJob,
  Tree,
  TreeEntry,
  WorkflowExecution,
  WorkflowRef,
} from '../../domain/model';
import { collectDocumentExtras, collectJobExtras, type ExtraGroup } from './result/collect-extras';

export interface PanelData {
  readonly isReadable: boolean;
  readonly jobs: readonly Job[];
  readonly jobIndex: number;
  readonly job?: Job;
  /** `JobsDetail[i]`: the job's wire path (the locator accepts it with or without the Response wrapper). */
  readonly jobPath: string;
  readonly hasTimeline: boolean;
  readonly image?: ImageComparison;
  readonly io?: IoView;
  readonly headers: readonly HeaderRow[];
  readonly headerPaths: Partial<Readonly<Record<HeaderLocation, string>>>;
  /** JobsDetail.Workflow: the SDK types it as a list; every one given, in source order (empty when none). */
  readonly workflows: readonly WorkflowRef[];
  readonly execution?: WorkflowExecution;
  readonly parameters: readonly TreeEntry[];
  readonly results: readonly TreeEntry[];
  /** Purpose-made views of the results (derive/result-views). */
  readonly resultViews: readonly ResultView[];
  readonly extras: readonly ExtraGroup[];
  readonly tree?: Tree;
  /** A content moderation callback: the moderation panel's view of the selected job, and its jobs for the tabs. */
  readonly moderation?: ModerationView;
  readonly moderationJobs?: readonly ModerationJob[];
}

function hasIo(io: IoView, job: Job): boolean {
  const input = job.input;
  return (
    io.input.bucket !== undefined ||
    io.input.region !== undefined ||
    io.input.object !== undefined ||
    input?.lang !== undefined ||
    input?.url !== undefined ||
    input?.vod !== undefined ||
    io.output.bucket !== undefined ||
    io.output.object !== undefined ||
    io.mediaFiles.length + io.spriteFiles.length + io.pictureFiles.length > 0 ||
    io.mediaInfo !== undefined
  );
}

export function panelData(doc: CallbackDocument, requestedJob: number): PanelData {
  const model = doc.model;
  const isReadable = model !== undefined && doc.state !== 'Invalid';
  const jobs = isReadable && model.kind === 'jobs' ? model.jobs : [];
  const jobIndex = requestedJob >= 0 && requestedJob < jobs.length ? requestedJob : 0;
  const job = jobs[jobIndex];
  const jobPath = `JobsDetail[${jobIndex}]`;
  const empty = {
    headers: [],
    headerPaths: {},
    parameters: [],
    results: [],
    resultViews: [],
    extras: [],
    workflows: [],
  };
  if (!isReadable) return { isReadable, jobs, jobIndex, jobPath, hasTimeline: false, ...empty };

  if (model.kind === 'unrecognised')
    return { isReadable, jobs, jobIndex, jobPath, hasTimeline: false, ...empty, tree: model.tree };

  if (model.kind === 'moderation') {
    const index = requestedJob >= 0 && requestedJob < model.jobs.length ? requestedJob : 0;
    const view = moderationView(model, index);
    const simple = model.shape === 'simple';
    return {
      isReadable,
      jobs,
      jobIndex: index,
      jobPath: simple ? 'data' : `JobsDetail[${index}]`,
      hasTimeline: false,
      ...empty,
      headers: buildModerationHeaderRows(model.jobs[index]?.cosHeaders ?? []),
      extras: collectDocumentExtras(model),
      moderation: view,
      moderationJobs: model.jobs,
    };
  }

  if (model.kind === 'workflow') {
    const execution = model.execution;
    return {
      isReadable,
      jobs,
      jobIndex,
      jobPath,
      hasTimeline: false,
      ...empty,
      headers: execution ? buildExecutionHeaderRows(execution) : [],
      headerPaths: { execution: 'WorkflowExecution.CosHeaders' },
      resultViews: execution ? buildTaskOcrViews(execution) : [],
      extras: collectDocumentExtras(model),
      ...(execution && execution.tasks.length > 0 ? { execution } : {}),
    };
  }

  if (job === undefined)
    return {
      isReadable,
      jobs,
      jobIndex,
      jobPath,
      hasTimeline: false,
      ...empty,
      extras: collectDocumentExtras(model),
    };
  const io = buildIo(job);
  const image = compareImages(job);
  return {
    isReadable,
    jobs,
    jobIndex,
    job,
    jobPath,
    hasTimeline: job.creationTime !== undefined || job.startTime !== undefined || job.endTime !== undefined,
    ...(image ? { image } : {}),
    ...(hasIo(io, job) ? { io } : {}),
    headers: buildHeaderRows(job),
    headerPaths: {
      input: `${jobPath}.Input.CosHeaders`,
      'operation.input': `${jobPath}.Operation.Input.CosHeaders`,
    },
    workflows: job.workflows,
    parameters: job.operation?.taskParameters ?? [],
    results: job.operation?.results ?? [],
    resultViews: buildResultViews(job),
    extras: [...collectDocumentExtras(model), ...collectJobExtras(job, jobPath)],
  };
}
