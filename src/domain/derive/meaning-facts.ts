/**
 * What a callback means, as a flat list of facts built from the same views the panels show (summary, timeline,
 * input/output, image before/after, COS headers, workflow, tasks, results), so that a comparison by meaning
 * (`compare-documents.ts`) and the panels cannot disagree, and two wire shapes or formats of one result give the
 * same facts (DESIGN.md, "Compare by meaning").
 */
import type {
  CallbackDocument,
  Job,
  ModerationJob,
  NumberValue,
  TimeValue,
  Tree,
  WorkflowExecution,
} from '../model';
import { jobVerdict } from './moderation';
import { compareImages } from './compare-images';
import { buildExecutionHeaderRows, buildHeaderRows } from './cos-headers';
import { buildIo } from './cos-url';
import { formatDuration, formatTimeValue } from './format-time';
import { formatFactor, normaliseEtag } from './image-figures';
import { modelLeaves } from './model-leaves';
import { buildTaskTimeline, buildTimeline } from './timeline';

export type FactGroup = 'outcome' | 'times' | 'io' | 'image' | 'headers' | 'workflow' | 'tasks' | 'result';

/** The label's parts the interface translates: `id` names the thing (`quality`), the rest says which one. */
export interface FactLabel {
  readonly id: string;
  /** 1-based job number, when a document holds several jobs. */
  readonly job?: number;
  /** 1-based output number (image outputs, output files). */
  readonly output?: number;
  /** 1-based task number of a workflow run. */
  readonly task?: number;
  /** A header's Key, a result node's path: shown as it is. */
  readonly name?: string;
}

export interface Fact {
  /** Matches a fact of the other document: `job1.image.out1.quality`. */
  readonly key: string;
  readonly group: FactGroup;
  readonly label: FactLabel;
  /** The wire name(s), shown on hover. */
  readonly wire: string;
  /** The value as shown. */
  readonly value: string;
  /** The payload's own text when `value` is a rendering of it (a time by the display rule). */
  readonly verbatim?: string;
  /** What equality is decided on when it is not `value` (an instant, an ETag without its quotes). */
  readonly compareAs?: string;
  /** Follows from other facts (durations, URLs, scale): shown, not counted as a difference of its own. */
  readonly derived?: boolean;
  /**
   * Only one published wire shape carries it (shape B's `Location`, which shape A lets the app derive): compared
   * when both documents carry it, never a difference when only one does.
   */
  readonly shapeOnly?: boolean;
}

type Add = (fact: Omit<Fact, 'value'> & { readonly value: string | undefined }) => void;

const numText = (v: NumberValue | undefined): string | undefined =>
  v === undefined ? undefined : v.value !== undefined && Number.isFinite(v.value) ? String(v.value) : v.text;

function time(add: Add, key: string, group: FactGroup, label: FactLabel, wire: string, v?: TimeValue): void {
  if (v === undefined) return;
  const shown = formatTimeValue(v) ?? v.text;
  add({
    key,
    group,
    label,
    wire,
    value: shown,
    verbatim: v.text,
    compareAs: v.epochMs === undefined ? v.text : `@${v.epochMs}`,
  });
}

/** Leaves of a generic tree, by wire path (`Snapshot.Count`); repeated names get an index. */
function treeLeaves(tree: Tree, path: string, out: [string, string][], depth = 0): void {
  if (depth > 50) return;
  if (typeof tree === 'string') {
    out.push([path, tree]);
    return;
  }
  if (Array.isArray(tree)) {
    const list = tree as readonly Tree[];
    list.forEach((t, i) => treeLeaves(t, list.length > 1 ? `${path}[${i + 1}]` : path, out, depth + 1));
    return;
  }
  const seen = new Map<string, number>();
  for (const e of (tree as { entries: readonly { name: string; value: Tree }[] }).entries) {
    const n = (seen.get(e.name) ?? 0) + 1;
    seen.set(e.name, n);
    treeLeaves(e.value, `${path ? `${path}.` : ''}${e.name}${n > 1 ? `[${n}]` : ''}`, out, depth + 1);
  }
}

function entriesFacts(
  add: Add,
  prefix: string,
  label: Omit<FactLabel, 'id' | 'name'>,
  entries: readonly { name: string; value: Tree }[],
): void {
  const leaves: [string, string][] = [];
  treeLeaves({ entries }, '', leaves);
  for (const [path, value] of leaves)
    add({
      key: `${prefix}.${path}`,
      group: 'result',
      label: { id: 'field', ...label, name: path },
      wire: path,
      value,
    });
}

function jobFacts(add: Add, job: Job, index: number, many: boolean): void {
  const p = `job${index + 1}`;
  const j = many ? { job: index + 1 } : {};
  const op = job.operation;
  const outcome = (id: string, wire: string, value: string | undefined) =>
    add({ key: `${p}.${id}`, group: 'outcome', label: { id, ...j }, wire, value });
  outcome('state', 'State', job.state);
  outcome('code', 'Code', job.code);
  outcome('message', 'Message', job.message);
  outcome('tag', 'Tag', job.tag);
  outcome('subTag', 'SubTag', job.subTag);
  outcome('jobId', 'JobId', job.jobId);
  outcome('progress', 'Progress', numText(job.progress));
  outcome('queueId', 'QueueId', job.queueId);
  outcome('queueType', 'QueueType', job.queueType);
  outcome('templateId', 'Operation.TemplateId', op?.templateId);
  outcome('templateName', 'Operation.TemplateName', op?.templateName);
  outcome('userData', 'Operation.UserData', op?.userData);
  outcome('jobLevel', 'Operation.JobLevel', numText(op?.jobLevel));
  outcome('processRule', 'Operation.PicProcess.ProcessRule', op?.picProcess?.processRule);

  time(add, `${p}.creationTime`, 'times', { id: 'creationTime', ...j }, 'CreationTime', job.creationTime);
  time(add, `${p}.startTime`, 'times', { id: 'startTime', ...j }, 'StartTime', job.startTime);
  time(add, `${p}.endTime`, 'times', { id: 'endTime', ...j }, 'EndTime', job.endTime);
  const t = buildTimeline(job);
  const duration = (id: string, wire: string, ms: number | undefined) =>
    add({
      key: `${p}.${id}`,
      group: 'times',
      label: { id, ...j },
      wire,
      value: formatDuration(ms),
      derived: true,
    });
  duration('queueWait', 'StartTime − CreationTime', t.queueWaitMs);
  duration('runTime', 'EndTime − StartTime', t.runTimeMs);

  const io = buildIo(job);
  const loc = (id: string, wire: string, value: string | undefined, derived = false) =>
    add({
      key: `${p}.${id}`,
      group: 'io',
      label: { id, ...j },
      wire,
      value,
      ...(derived ? { derived } : {}),
    });
  loc('inputBucket', 'Input.BucketId', io.input.bucket);
  loc('inputRegion', 'Input.Region', io.input.region);
  loc('inputObject', 'Input.Object', io.input.object);
  loc('inputUrl', 'Input (COS URL)', io.input.url, true);
  loc('outputBucket', 'Operation.Output.Bucket', io.output.bucket);
  loc('outputRegion', 'Operation.Output.Region', io.output.region);
  loc('outputObject', 'Operation.Output.Object', io.output.object);
  loc('outputUrl', 'Operation.Output (COS URL)', io.output.url, true);
  const files = [
    ...io.pictureFiles.map((f) => ({ f, kind: 'pictureFile' })),
    ...io.mediaFiles.map((f) => ({ f, kind: 'mediaFile' })),
    ...io.spriteFiles.map((f) => ({ f, kind: 'spriteFile' })),
  ];
  const counts = new Map<string, number>();
  for (const { f, kind } of files) {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const label = { id: kind, ...j, output: n };
    const wire = kind === 'pictureFile' ? 'ObjectName · Key' : 'ObjectPrefix + ObjectName';
    add({ key: `${p}.${kind}${n}`, group: 'io', label, wire, value: f.key });
    add({
      key: `${p}.${kind}${n}.url`,
      group: 'io',
      label: { ...label, id: `${kind}Url` },
      wire,
      value: f.url,
      derived: true,
    });
    add({
      key: `${p}.${kind}${n}.md5`,
      group: 'io',
      label: { ...label, id: 'md5' },
      wire: 'Md5Info.Md5',
      value: f.md5,
    });
  }

  const image = compareImages(job);
  if (image) {
    const img = (
      part: string,
      n: number | undefined,
      id: string,
      wire: string,
      value: string | undefined,
      extra: Partial<Fact> = {},
    ) =>
      add({
        key: `${p}.image.${part}.${id}`,
        group: 'image',
        label: { id: `image.${id}`, ...j, ...(n === undefined ? {} : { output: n }) },
        wire,
        value,
        ...extra,
      });
    const sides = [
      { part: 'original', n: undefined, side: image.before },
      ...image.after.map((side, i) => ({ part: `out${i + 1}`, n: i + 1, side })),
    ];
    for (const { part, n, side } of sides) {
      const isOriginal = n === undefined;
      img(part, n, 'object', isOriginal ? 'OriginalInfo (Input.Object)' : 'ObjectName · Key', side.key);
      img(part, n, 'location', 'Location', isOriginal ? undefined : side.location, { shapeOnly: true });
      img(part, n, 'format', 'Format', side.format);
      img(
        part,
        n,
        'dimensions',
        'Width × Height',
        side.width !== undefined && side.height !== undefined ? `${side.width} × ${side.height}` : undefined,
      );
      img(part, n, 'quality', 'Quality', side.quality === undefined ? undefined : String(side.quality));
      // The original's size comes from a COS header, compared there already.
      img(
        part,
        n,
        'size',
        'Size',
        side.sizeBytes === undefined ? undefined : String(side.sizeBytes),
        isOriginal ? { derived: true } : {},
      );
      img(
        part,
        n,
        'etag',
        'ETag · Etag',
        side.etag,
        side.etag === undefined ? {} : { compareAs: normaliseEtag(side.etag) },
      );
      img(part, n, 'ave', 'Ave', side.aveText);
      img(
        part,
        n,
        'exifOrientation',
        'ImageInfo.Orientation',
        side.exifOrientation === undefined ? undefined : String(side.exifOrientation),
      );
    }
    image.figures.after.forEach((f, i) => {
      const part = `out${i + 1}`;
      const s = f.scale;
      img(
        part,
        i + 1,
        'scale',
        'Width, Height ÷ original',
        s === undefined
          ? undefined
          : Math.abs(s.width - s.height) < 0.005
            ? formatFactor(s.width)
            : `${formatFactor(s.width)} / ${formatFactor(s.height)}`,
        { derived: true },
      );
      img(
        part,
        i + 1,
        'percentOfOriginal',
        'Size ÷ original Size',
        f.percentOfOriginal === undefined ? undefined : `${Number(f.percentOfOriginal.toPrecision(3))}%`,
        { derived: true },
      );
      img(
        part,
        i + 1,
        'bitsPerPixel',
        'Size × 8 ÷ (Width × Height)',
        f.bitsPerPixel === undefined ? undefined : f.bitsPerPixel.toFixed(2),
        { derived: true },
      );
    });
  }

  buildHeaderRows(job).forEach((h, i, all) => {
    const nth = all.slice(0, i).filter((o) => o.key === h.key && o.where === h.where).length;
    add({
      key: `${p}.header.${h.where}.${h.key}${nth > 0 ? `#${nth + 1}` : ''}`,
      group: 'headers',
      label: { id: 'header', ...j, name: h.key },
      wire: `CosHeaders (${h.key})`,
      value: h.value,
    });
  });

  // JobsDetail.Workflow may repeat (a job list); the first is keyed as before, the others numbered.
  job.workflows.forEach((w, k) => {
    const wf = (id: string, wire: string, value: string | undefined) =>
      add({
        key: `${p}.workflow${k > 0 ? k + 1 : ''}.${id}`,
        group: 'workflow',
        label: { id: `workflow.${id}`, ...j },
        wire,
        value,
      });
    wf('name', 'Workflow.Name', w.name);
    wf('workflowName', 'Workflow.WorkflowName', w.workflowName);
    wf('workflowId', 'Workflow.WorkflowId', w.workflowId);
    wf('runId', 'Workflow.RunId', w.runId);
  });

  if (op) {
    entriesFacts(add, `${p}.taskParameters`, j, op.taskParameters);
    entriesFacts(add, `${p}.results`, j, op.results);
    entriesFacts(add, `${p}.operation`, j, op.extras);
    if (op.watermarkTemplateIds.length > 0)
      add({
        key: `${p}.watermarkTemplateIds`,
        group: 'outcome',
        label: { id: 'watermarkTemplateIds', ...j },
        wire: 'WatermarkTemplateId',
        value: op.watermarkTemplateIds.join(', '),
      });
    for (const [path, leaf] of modelLeaves(op.mediaInfo, 'MediaInfo'))
      add({
        key: `${p}.${path}`,
        group: 'result',
        label: { id: 'field', ...j, name: path },
        wire: path,
        value: leaf.text,
      });
  }
  entriesFacts(add, `${p}.job`, j, job.extras);
  if (job.input) entriesFacts(add, `${p}.input`, j, job.input.extras);
}

function executionFacts(add: Add, e: WorkflowExecution): void {
  const wf = (id: string, wire: string, value: string | undefined, group: FactGroup = 'workflow') =>
    add({ key: `execution.${id}`, group, label: { id: `workflow.${id}` }, wire, value });
  wf('state', 'WorkflowExecution.State', e.state, 'outcome');
  wf('workflowName', 'WorkflowName', e.workflowName);
  wf('workflowId', 'WorkflowId', e.workflowId);
  wf('runId', 'RunId', e.runId);
  wf('bucketId', 'BucketId', e.bucketId, 'io');
  wf('object', 'Object', e.object, 'io');
  time(add, 'execution.createTime', 'times', { id: 'createTime' }, 'CreateTime', e.createTime);
  buildExecutionHeaderRows(e).forEach((h, i, all) => {
    const nth = all.slice(0, i).filter((o) => o.key === h.key).length;
    add({
      key: `execution.header.${h.key}${nth > 0 ? `#${nth + 1}` : ''}`,
      group: 'headers',
      label: { id: 'header', name: h.key },
      wire: `CosHeaders (${h.key})`,
      value: h.value,
    });
  });
  const timeline = buildTaskTimeline(e);
  e.tasks.forEach((task, i) => {
    const p = `task${i + 1}`;
    const label = (id: string) => ({
      id: `task.${id}`,
      task: i + 1,
      ...(task.name ? { name: task.name } : {}),
    });
    const tf = (id: string, wire: string, value: string | undefined, extra: Partial<Fact> = {}) =>
      add({ key: `${p}.${id}`, group: 'tasks', label: label(id), wire: `Tasks.${wire}`, value, ...extra });
    tf('name', 'Name', task.name);
    tf('type', 'Type', task.type);
    tf('state', 'State', task.state);
    tf('jobId', 'JobId', task.jobId);
    tf('templateId', 'TemplateId', task.templateId);
    tf('templateName', 'TemplateName', task.templateName);
    time(add, `${p}.createTime`, 'tasks', label('createTime'), 'Tasks.CreateTime', task.createTime);
    time(add, `${p}.startTime`, 'tasks', label('startTime'), 'Tasks.StartTime', task.startTime);
    time(add, `${p}.endTime`, 'tasks', label('endTime'), 'Tasks.EndTime', task.endTime);
    tf('duration', 'EndTime − StartTime', formatDuration(timeline.tasks[i]?.durationMs), { derived: true });
    task.resultInfo?.objectInfo.forEach((o, k) => {
      const obj = (id: string, wire: string, value: string | undefined) =>
        add({
          key: `${p}.object${k + 1}.${id}`,
          group: 'tasks',
          label: { ...label(id), output: k + 1 },
          wire: `Tasks.ResultInfo.ObjectInfo.${wire}`,
          value,
        });
      obj('object', 'ObjectName', o.objectName);
      obj('objectUrl', 'ObjectUrl', o.objectUrl);
      obj('objectCode', 'Code', o.code);
      obj('objectMessage', 'Message', o.message);
    });
  });
  entriesFacts(add, 'execution', {}, e.extras);
}

/** The facts of one document, in the order the panels show them. */
export function meaningFacts(doc: CallbackDocument): Fact[] {
  const facts: Fact[] = [];
  const add: Add = (f) => {
    if (f.value === undefined || f.value === '') return;
    facts.push(f as Fact);
  };
  const m = doc.model;
  if (m === undefined || doc.state === 'Invalid') {
    add({
      key: 'document.state',
      group: 'outcome',
      label: { id: 'documentState' },
      wire: 'State',
      value: doc.state,
    });
    return facts;
  }
  if (m.kind === 'unrecognised') {
    const leaves: [string, string][] = [];
    treeLeaves(m.tree, '', leaves);
    for (const [path, value] of leaves)
      add({ key: `tree.${path}`, group: 'result', label: { id: 'field', name: path }, wire: path, value });
    return facts;
  }
  add({
    key: 'eventName',
    group: 'outcome',
    label: { id: 'eventName' },
    wire: 'EventName',
    value: m.eventName,
  });
  if (m.kind === 'workflow') {
    if (m.execution) executionFacts(add, m.execution);
    return facts;
  }
  if (m.kind === 'moderation') {
    m.jobs.forEach((job, i) => moderationFacts(add, job, i, m.jobs.length > 1));
    return facts;
  }
  m.jobs.forEach((job, i) => jobFacts(add, job, i, m.jobs.length > 1));
  return facts;
}

/** A moderation job by what it decided: the verdict, its label and score, the outcome and what was checked. */
function moderationFacts(add: Add, job: ModerationJob, index: number, many: boolean): void {
  const j = many ? { job: index + 1 } : {};
  const k = `job${index + 1}.moderation`;
  const field = (name: string, wire: string, value: string | undefined, group: FactGroup = 'result') =>
    add({ key: `${k}.${name}`, group, label: { id: 'field', ...j, name: wire }, wire, value });
  field('verdict', 'Result', jobVerdict(job));
  field('state', 'State', job.state, 'outcome');
  field('code', 'Code', job.code, 'outcome');
  field('message', 'Message', job.message, 'outcome');
  field('label', 'Label', job.label);
  field('subLabel', 'SubLabel', job.subLabel);
  field('category', 'Category', job.category);
  field('score', 'Score', numText(job.score));
  field('forbidState', 'ForbidState', numText(job.forbidState));
  field('object', 'Object', job.object, 'io');
  field('url', 'Url', job.url, 'io');
}
