/**
 * What a content-moderation callback concluded, for the moderation panel, the list's `data-verdict` and the
 * document's problem: the verdict (`Result`, or `Suggestion` for documents and web pages: 0 normal, 1 sensitive,
 * 2 suspicious), each scene's hit flag, score or count and label, and the segments (snapshots, audio and text
 * sections, pages) with their offsets and results.
 */
import type {
  ModerationCallback,
  ModerationCategory,
  ModerationJob,
  ModerationSegment,
  NumberValue,
} from '../model';
import { MODERATION_CATEGORY_KEYS, type ModerationCategoryKey } from '../normalize/moderation-schema';
import { definedOnly } from './compact';

export type Verdict = 'normal' | 'sensitive' | 'suspicious';

const VERDICTS: readonly (Verdict | undefined)[] = ['normal', 'sensitive', 'suspicious'];
/** Worst first, to pick one verdict for a document of several jobs. */
const SEVERITY: Readonly<Record<Verdict, number>> = { sensitive: 2, suspicious: 1, normal: 0 };

/** 0 normal, 1 sensitive, 2 suspicious; anything else is no verdict. */
export function verdictOf(value: NumberValue | undefined): Verdict | undefined {
  const n = value?.value;
  return n === undefined || !Number.isInteger(n) ? undefined : VERDICTS[n];
}

export function jobVerdict(job: ModerationJob): Verdict | undefined {
  return verdictOf(job.result ?? job.suggestion);
}

/**
 * The document's verdict: the worst of its jobs'. None for the settings test request (its values are examples), nor
 * for a moderation that failed (a Simple callback's code other than 0, a job whose State is Failed).
 */
export function moderationVerdict(model: ModerationCallback): Verdict | undefined {
  if (model.isTestRequest || hasFailed(model)) return undefined;
  let worst: Verdict | undefined;
  for (const job of model.jobs) {
    if (job.state === 'Failed') continue;
    const v = jobVerdict(job);
    if (v !== undefined && (worst === undefined || SEVERITY[v] > SEVERITY[worst])) worst = v;
  }
  return worst;
}

function hasFailed(model: ModerationCallback): boolean {
  return model.shape === 'simple' && model.code !== undefined && model.code.trim() !== '0';
}

/** Simple callbacks give the event inside `data`, Detail ones beside `JobsDetail`. */
export function moderationEvent(model: ModerationCallback): string | undefined {
  return model.eventName ?? model.jobs.find((j) => j.event !== undefined)?.event;
}

export interface CategoryRow {
  readonly key: ModerationCategoryKey;
  /** The wire name as Tencent spells it in Detail callbacks (`PornInfo`). */
  readonly name: string;
  readonly hit?: Verdict;
  readonly hitFlag?: NumberValue;
  readonly score?: NumberValue;
  readonly count?: NumberValue;
  readonly label?: string;
  readonly category?: string;
  readonly subLabel?: string;
  readonly keywords: readonly string[];
}

export type SegmentKind = 'snapshot' | 'audio' | 'section' | 'page' | 'image' | 'text';

export interface SegmentRow {
  readonly kind: SegmentKind;
  /** 0-based place in its list. */
  readonly index: number;
  /** Milliseconds from the start (SnapshotTime or OffsetTime). */
  readonly offsetMs?: NumberValue;
  readonly durationMs?: NumberValue;
  readonly pageNumber?: NumberValue;
  readonly sheetNumber?: NumberValue;
  readonly startByte?: NumberValue;
  readonly verdict?: Verdict;
  readonly label?: string;
  readonly subLabel?: string;
  readonly url?: string;
  readonly text?: string;
  /** The scenes this segment hit (hit flag 1 or 2). */
  readonly hits: readonly CategoryRow[];
}

export interface ModerationView {
  readonly shape: ModerationCallback['shape'];
  readonly isTestRequest: boolean;
  readonly eventName?: string;
  readonly jobIndex: number;
  readonly jobCount: number;
  readonly verdict?: Verdict;
  /** The verdict's source, verbatim, and its node (`Result`, `result` or `Suggestion`). */
  readonly resultText?: string;
  readonly resultField?: 'Result' | 'result' | 'Suggestion';
  readonly label?: string;
  readonly subLabel?: string;
  readonly category?: string;
  readonly score?: NumberValue;
  readonly forbidState?: NumberValue;
  /** Frozen (1) or moved (2) by automatic freezing; `undefined` when the callback does not say. */
  readonly blocked?: boolean;
  readonly jobId?: string;
  readonly traceId?: string;
  readonly dataId?: string;
  readonly object?: string;
  readonly url?: string;
  readonly text?: string;
  readonly state?: string;
  readonly code?: string;
  readonly message?: string;
  readonly categories: readonly CategoryRow[];
  readonly segments: readonly SegmentRow[];
}

function categoryRows(node: Partial<Record<ModerationCategoryKey, ModerationCategory>>): CategoryRow[] {
  const rows: CategoryRow[] = [];
  for (const key of MODERATION_CATEGORY_KEYS) {
    const c = node[key];
    if (c === undefined) continue;
    rows.push(
      definedOnly<CategoryRow>({
        key,
        name: key.charAt(0).toUpperCase() + key.slice(1),
        hit: verdictOf(c.hitFlag) === 'normal' ? undefined : verdictOf(c.hitFlag),
        hitFlag: c.hitFlag,
        score: c.score,
        count: c.count,
        label: c.label,
        category: c.category,
        subLabel: c.subLabel,
        keywords: c.keywords,
      }),
    );
  }
  return rows;
}

function segmentRow(kind: SegmentKind, s: ModerationSegment, index: number): SegmentRow {
  return definedOnly<SegmentRow>({
    kind,
    index,
    offsetMs: s.snapshotTime ?? s.offsetTime,
    durationMs: s.duration,
    pageNumber: s.pageNumber,
    sheetNumber: s.sheetNumber,
    startByte: s.startByte,
    verdict: verdictOf(s.result ?? s.suggestion),
    label: s.label,
    subLabel: s.subLabel,
    url: s.url,
    text: s.text,
    hits: categoryRows(s).filter((c) => c.hit !== undefined),
  });
}

export function moderationSegments(job: ModerationJob): SegmentRow[] {
  return [
    ...job.snapshots.map((s, i) => segmentRow('snapshot', s, i)),
    ...job.audioSections.map((s, i) => segmentRow('audio', s, i)),
    ...job.sections.map((s, i) => segmentRow(s.startByte !== undefined ? 'section' : 'audio', s, i)),
    ...(job.pageSegment?.results ?? []).map((s, i) => segmentRow('page', s, i)),
    ...(job.imageResults?.results ?? []).map((s, i) => segmentRow('image', s, i)),
    ...(job.textResults?.results ?? []).map((s, i) => segmentRow('text', s, i)),
  ];
}

/** The panel's view of one job (`jobIndex`, the first when out of range). */
export function moderationView(model: ModerationCallback, jobIndex = 0): ModerationView {
  const index = Number.isInteger(jobIndex) && jobIndex >= 0 && jobIndex < model.jobs.length ? jobIndex : 0;
  const job = model.jobs[index];
  const forbid = job?.forbidState?.value;
  const verdictSource = job?.result ?? job?.suggestion;
  const noVerdict = model.isTestRequest || hasFailed(model) || !job || job.state === 'Failed';
  return definedOnly<ModerationView>({
    shape: model.shape,
    isTestRequest: model.isTestRequest,
    eventName: moderationEvent(model),
    jobIndex: index,
    jobCount: model.jobs.length,
    verdict: noVerdict ? undefined : jobVerdict(job),
    resultText: noVerdict ? undefined : verdictSource?.text,
    resultField:
      job?.result !== undefined
        ? model.shape === 'simple'
          ? 'result'
          : 'Result'
        : job?.suggestion !== undefined
          ? 'Suggestion'
          : undefined,
    label: job?.label,
    subLabel: job?.subLabel,
    category: job?.category,
    score: job?.score,
    forbidState: job?.forbidState,
    blocked: forbid === undefined ? undefined : forbid === 1 || forbid === 2,
    jobId: job?.jobId,
    traceId: job?.traceId,
    dataId: job?.dataId,
    object: job?.object,
    url: job?.url,
    text: job?.text ?? job?.audioText ?? job?.content,
    state: job?.state,
    code: model.shape === 'simple' ? model.code : job?.code,
    message: model.shape === 'simple' ? model.message : job?.message,
    categories: job ? [...categoryRows(job), ...(job.labels ? categoryRows(job.labels) : [])] : [],
    segments: job ? moderationSegments(job) : [],
  });
}
