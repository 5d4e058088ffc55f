/**
 * Purpose-made views of the results people read most, beyond the generic tree (result panel): speech recognition
 * text, OCR text, video tags, a quality score, file hash codes, file lists of compress/uncompress jobs, the
 * translation's languages and output, and a batch (inventory trigger) job's summary. Read from the typed model and
 * from the result trees, whose node names come from the Go SDK structs (ci_media.go, ci_fileprocess.go). A tree's
 * list of one is its item (one callback, one model), so every list is read through `items`.
 */
import type { Job, NumberValue, Tree, TreeEntry, WorkflowExecution } from '../model';
import { cosObjectUrl } from './cos-url';

export interface SpeechLine {
  /** `0:3.320,0:19.712` from a `[0:3.320,0:19.712] text` line, when the line has one. */
  readonly range?: string;
  readonly text: string;
}
export interface TagItem {
  readonly name: string;
  /** TagCls, a label's first level, or the time range a place/action tag covers. */
  readonly detail?: string;
  readonly confidence?: string;
}
export interface TagGroup {
  /** Wire name of the group: Tags, PersonTags, PlaceTags, ActionTags, ObjectTags, Labels. */
  readonly group: string;
  readonly items: readonly TagItem[];
}
export interface FileLocation {
  readonly bucket?: string;
  readonly region?: string;
  readonly object?: string;
  readonly url?: string;
}

export type ResultView =
  | { readonly kind: 'speech'; readonly audioTime?: string; readonly lines: readonly SpeechLine[] }
  | {
      readonly kind: 'ocr';
      /** WorkflowFinish: where the ImageOcrResult sits (the task's name, the object it read). */
      readonly task?: string;
      readonly object?: string;
      readonly language?: string;
      readonly lines: readonly { readonly text: string; readonly confidence?: string }[];
    }
  | { readonly kind: 'videoTags'; readonly groups: readonly TagGroup[] }
  | {
      readonly kind: 'quality';
      readonly score: string;
      readonly noAudio?: string;
      readonly noVideo?: string;
      readonly details: readonly { readonly type: string; readonly count: number }[];
    }
  | {
      readonly kind: 'hash';
      readonly hashes: readonly { readonly name: 'MD5' | 'SHA1' | 'SHA256'; readonly value: string }[];
      readonly fileSize?: NumberValue;
      readonly lastModified?: string;
      readonly etag?: string;
    }
  | {
      readonly kind: 'compress';
      readonly archive: FileLocation;
      readonly fileCount?: NumberValue;
      readonly errorCount?: NumberValue;
      readonly errorFiles: readonly string[];
    }
  | { readonly kind: 'uncompress'; readonly target: FileLocation; readonly fileCount?: NumberValue }
  | {
      readonly kind: 'translation';
      readonly from?: string;
      readonly to?: string;
      readonly docType?: string;
      readonly output?: FileLocation;
      readonly text: readonly string[];
    }
  | {
      readonly kind: 'batch';
      readonly name?: string;
      /** `Workflow` or `Job`. */
      readonly type?: string;
      /** Which objects it runs on: the input's Prefix, Manifest, UrlFile or Object. */
      readonly source?: {
        readonly wire: 'Prefix' | 'Manifest' | 'UrlFile' | 'Object';
        readonly value: string;
      };
      readonly workflowIds: readonly string[];
      /** The Tag of the jobs it submits. */
      readonly tag?: string;
      readonly templateId?: string;
      readonly timeInterval?: { readonly start?: string; readonly end?: string };
    };

/** The entries of a record tree (none for a leaf or a list). */
function entriesOf(tree: Tree | undefined): readonly TreeEntry[] {
  return tree !== undefined && typeof tree === 'object' && !Array.isArray(tree)
    ? (tree as { entries: readonly TreeEntry[] }).entries
    : [];
}

/** The value of a record tree's first child called `name`. */
function get(tree: Tree | undefined, name: string): Tree | undefined {
  return entriesOf(tree).find((e) => e.name === name)?.value;
}

/** A list's items; a single value (a list of one) is one item. */
function items(tree: Tree | undefined): readonly Tree[] {
  if (tree === undefined) return [];
  return Array.isArray(tree) ? (tree as readonly Tree[]) : [tree];
}

function text(tree: Tree | undefined): string | undefined {
  return typeof tree === 'string' && tree.trim() !== '' ? tree : undefined;
}

function at(tree: Tree | undefined, ...names: string[]): Tree | undefined {
  let node = tree;
  for (const name of names) node = get(node, name);
  return node;
}

function node(entries: readonly TreeEntry[], name: string): Tree | undefined {
  return entries.find((e) => e.name === name)?.value;
}

function speechView(result: Tree): ResultView | undefined {
  const lines: SpeechLine[] = [];
  for (const item of items(get(result, 'Result'))) {
    const line = text(item);
    if (line === undefined) continue;
    const m = /^\[([^\]]*)\]\s*([\s\S]*)$/.exec(line);
    lines.push(m ? { range: m[1] as string, text: m[2] as string } : { text: line });
  }
  // Flash recognition gives sentences instead of lines.
  if (lines.length === 0) {
    for (const flash of items(get(result, 'FlashResult'))) {
      const sentences = items(get(flash, 'sentence_list'));
      for (const s of sentences) {
        const t = text(get(s, 'text'));
        const start = text(get(s, 'start_time'));
        const end = text(get(s, 'end_time'));
        if (t !== undefined)
          lines.push({
            text: t,
            ...(start !== undefined && end !== undefined ? { range: `${start},${end}` } : {}),
          });
      }
      const whole = text(get(flash, 'text'));
      if (sentences.length === 0 && whole !== undefined) lines.push({ text: whole });
    }
  }
  const audioTime = text(get(result, 'AudioTime'));
  if (lines.length === 0) return undefined;
  return { kind: 'speech', lines, ...(audioTime !== undefined ? { audioTime } : {}) };
}

function ocrView(detection: Tree): ResultView | undefined {
  const lines = items(get(detection, 'TextDetections')).flatMap((d) => {
    const t = text(get(d, 'DetectedText'));
    const confidence = text(get(d, 'Confidence'));
    return t === undefined ? [] : [{ text: t, ...(confidence !== undefined ? { confidence } : {}) }];
  });
  const language = text(get(detection, 'Language'));
  if (lines.length === 0) return undefined;
  return { kind: 'ocr', lines, ...(language !== undefined ? { language } : {}) };
}

/**
 * OCR views of a workflow run's tasks: each `Tasks[].ResultInfo.ObjectInfo[].ImageOcrResult` with detected text
 * (Go SDK `ImageOcrResult`: TextDetections, Language), labelled with its task and object.
 */
export function buildTaskOcrViews(execution: WorkflowExecution): ResultView[] {
  return execution.tasks.flatMap((task) =>
    (task.resultInfo?.objectInfo ?? []).flatMap((info) => {
      const result = info.imageOcrResult;
      const view = result === undefined ? undefined : ocrView(result);
      if (view === undefined) return [];
      const object = info.objectName ?? text(get(result, 'ObjectName'));
      return [
        {
          ...view,
          ...(task.name !== undefined ? { task: task.name } : {}),
          ...(object !== undefined ? { object } : {}),
        },
      ];
    }),
  );
}

function tagItem(name: string | undefined, detail?: string, confidence?: string): TagItem[] {
  if (name === undefined) return [];
  return [
    {
      name,
      ...(detail !== undefined ? { detail } : {}),
      ...(confidence !== undefined ? { confidence } : {}),
    },
  ];
}

const span = (start?: string, end?: string) =>
  start !== undefined || end !== undefined ? `${start ?? '?'}–${end ?? '?'}` : undefined;

function videoTagsView(result: Tree): ResultView | undefined {
  const data = at(result, 'StreamData', 'Data');
  const plain = (t: Tree) => tagItem(text(get(t, 'Tag')), text(get(t, 'TagCls')), text(get(t, 'Confidence')));
  const timed = (t: Tree) =>
    items(get(t, 'Tags')).flatMap((tag) =>
      tagItem(
        text(get(tag, 'Tag')),
        span(text(get(t, 'StartTime')), text(get(t, 'EndTime'))),
        text(get(tag, 'Confidence')),
      ),
    );
  const groups: TagGroup[] = [
    { group: 'Tags', items: items(get(data, 'Tags')).flatMap(plain) },
    {
      group: 'PersonTags',
      items: items(get(data, 'PersonTags')).flatMap((t) =>
        tagItem(text(get(t, 'Name')), text(get(t, 'Count')), text(get(t, 'Confidence'))),
      ),
    },
    { group: 'PlaceTags', items: items(get(data, 'PlaceTags')).flatMap(timed) },
    { group: 'ActionTags', items: items(get(data, 'ActionTags')).flatMap(timed) },
    {
      group: 'ObjectTags',
      items: items(get(data, 'ObjectTags')).flatMap((t) =>
        items(get(t, 'Objects')).flatMap((o) =>
          tagItem(text(get(o, 'Name')), text(get(t, 'TimeStamp')), text(get(o, 'Confidence'))),
        ),
      ),
    },
    {
      group: 'Labels',
      items: items(get(data, 'Labels')).flatMap((l) =>
        tagItem(
          text(get(l, 'Second')) ?? text(get(l, 'First')),
          text(get(l, 'First')),
          text(get(l, 'Confidence')),
        ),
      ),
    },
  ].filter((g) => g.items.length > 0);
  return groups.length > 0 ? { kind: 'videoTags', groups } : undefined;
}

function qualityView(result: Tree): ResultView | undefined {
  const score = text(get(result, 'Score'));
  if (score === undefined) return undefined;
  const vqa = get(result, 'VqaPlusResult');
  const noAudio = text(get(vqa, 'NoAudio'));
  const noVideo = text(get(vqa, 'NoVideo'));
  const details = items(get(vqa, 'DetailedResult')).flatMap((d) => {
    const type = text(get(d, 'Type'));
    return type === undefined ? [] : [{ type, count: items(get(d, 'Items')).length }];
  });
  return {
    kind: 'quality',
    score,
    details,
    ...(noAudio !== undefined ? { noAudio } : {}),
    ...(noVideo !== undefined ? { noVideo } : {}),
  };
}

function location(bucket?: string, region?: string, object?: string): FileLocation {
  const url = cosObjectUrl(bucket, region, object);
  return {
    ...(bucket !== undefined ? { bucket } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(object !== undefined ? { object } : {}),
    ...(url !== undefined ? { url } : {}),
  };
}

/** Every non-empty leaf of a tree, in source order. */
function leaves(tree: Tree | undefined): string[] {
  if (tree === undefined) return [];
  if (typeof tree === 'string') return tree.trim() === '' ? [] : [tree];
  if (Array.isArray(tree)) return (tree as readonly Tree[]).flatMap(leaves);
  return entriesOf(tree).flatMap((e) => leaves(e.value));
}

/** Whether a job is a batch (inventory trigger) job: Go SDK `InventoryTriggerJobInput` / `…Operation` nodes. */
export function isBatchJob(job: Job): boolean {
  const op = job.operation;
  const input = job.input;
  return (
    op?.workflowIds !== undefined ||
    op?.jobParam !== undefined ||
    op?.timeInterval !== undefined ||
    input?.manifest !== undefined ||
    input?.urlFile !== undefined ||
    input?.prefix !== undefined
  );
}

function batchView(job: Job): ResultView {
  const op = job.operation;
  const input = job.input;
  const source =
    input?.prefix !== undefined
      ? ({ wire: 'Prefix', value: input.prefix } as const)
      : input?.manifest !== undefined
        ? ({ wire: 'Manifest', value: input.manifest } as const)
        : input?.urlFile !== undefined
          ? ({ wire: 'UrlFile', value: input.urlFile } as const)
          : input?.object !== undefined
            ? ({ wire: 'Object', value: input.object } as const)
            : undefined;
  const interval = op?.timeInterval;
  const templateId = op?.jobParam?.templateId ?? op?.templateId;
  return {
    kind: 'batch',
    workflowIds: (op?.workflowIds ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    ...(job.name !== undefined ? { name: job.name } : {}),
    ...(job.type !== undefined ? { type: job.type } : {}),
    ...(source ? { source } : {}),
    ...(op?.tag !== undefined ? { tag: op.tag } : {}),
    ...(templateId !== undefined ? { templateId } : {}),
    ...(interval && (interval.start !== undefined || interval.end !== undefined)
      ? {
          timeInterval: {
            ...(interval.start !== undefined ? { start: interval.start } : {}),
            ...(interval.end !== undefined ? { end: interval.end } : {}),
          },
        }
      : {}),
  };
}

/** The purpose-made views of a job's results, in a fixed order; none when the job has none of these results. */
export function buildResultViews(job: Job): ResultView[] {
  const op = job.operation;
  const views: ResultView[] = [];
  if (isBatchJob(job)) views.push(batchView(job));
  const results = op?.results ?? [];
  const params = op?.taskParameters ?? [];

  const speech = node(results, 'SpeechRecognitionResult');
  const speechView_ = speech && speechView(speech);
  if (speechView_) views.push(speechView_);
  const detection = node(results, 'Detection');
  const ocr = detection && ocrView(detection);
  if (ocr) views.push(ocr);
  const tags = node(results, 'VideoTagResult');
  const tagsView = tags && videoTagsView(tags);
  if (tagsView) views.push(tagsView);
  const quality = node(results, 'QualityEstimate');
  const qualityView_ = quality && qualityView(quality);
  if (qualityView_) views.push(qualityView_);

  const hash = op?.fileHashCodeResult;
  if (hash) {
    const hashes = (
      [
        ['MD5', hash.md5],
        ['SHA1', hash.sha1],
        ['SHA256', hash.sha256],
      ] as const
    ).flatMap(([name, value]) => (value !== undefined ? [{ name, value }] : []));
    views.push({
      kind: 'hash',
      hashes,
      ...(hash.fileSize !== undefined ? { fileSize: hash.fileSize } : {}),
      ...(hash.lastModified !== undefined ? { lastModified: hash.lastModified } : {}),
      ...(hash.etag !== undefined ? { etag: hash.etag } : {}),
    });
  }
  const compress = op?.fileCompressResult;
  if (compress) {
    const errorCount = compress.errorCount ?? compress.errorDetail?.errorCount;
    views.push({
      kind: 'compress',
      archive: location(compress.bucket, compress.region, compress.object),
      errorFiles: compress.errorDetail?.errorFiles ?? [],
      ...(compress.compressFileCount !== undefined ? { fileCount: compress.compressFileCount } : {}),
      ...(errorCount !== undefined ? { errorCount } : {}),
    });
  }
  const uncompress = op?.fileUncompressResult;
  if (uncompress) {
    views.push({
      kind: 'uncompress',
      target: location(uncompress.bucket ?? op?.output?.bucket, uncompress.region ?? op?.output?.region),
      ...(uncompress.fileCount !== undefined ? { fileCount: uncompress.fileCount } : {}),
    });
  }

  const translation = node(params, 'Translation');
  if (translation !== undefined || job.tag === 'Translation') {
    const out = op?.output;
    const to = text(get(translation, 'Lang'));
    const docType = text(get(translation, 'Type'));
    const output = out ? location(out.bucket, out.region, out.object) : undefined;
    views.push({
      kind: 'translation',
      text: leaves(node(results, 'TranslationResult')),
      ...(job.input?.lang !== undefined ? { from: job.input.lang } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(docType !== undefined ? { docType } : {}),
      ...(output && output.object !== undefined && job.state !== 'Failed' ? { output } : {}),
    });
  }
  return views;
}
