/**
 * Wire tables of content-moderation (内容审核) callbacks and job responses. One table reads both shapes: the Simple
 * callback's snake_case `data{…}` and the Detail callback's (or a job query's) PascalCase `JobsDetail{…}`, so a field
 * has one model key whatever the shape. Sources: the moderation callback docs (图片/视频/音频/文本/文档/网页审核回调内容)
 * and the Go SDK's auditing structs (`ci.go`: ImageAuditingResult, AuditingJobDetail, AudioAuditingJobDetail,
 * TextAuditingJobDetail, DocumentAuditingJobDetail, WebpageAuditingJobDetail, RecognitionInfo, TextRecognitionInfo).
 */
import { pairs, type Schema } from './schema';

const text = <const W extends readonly string[]>(...wire: W) => ({ kind: 'text', wire }) as const;
const num = <const W extends readonly string[]>(...wire: W) => ({ kind: 'num', wire }) as const;
const time = <const W extends readonly string[]>(...wire: W) => ({ kind: 'time', wire }) as const;
const texts = <const W extends readonly string[]>(...wire: W) => ({ kind: 'texts', wire }) as const;
const tree = <const W extends readonly string[]>(...wire: W) => ({ kind: 'tree', wire }) as const;
const record = <const S extends Schema, const W extends readonly string[]>(schema: S, ...wire: W) =>
  ({ kind: 'record', wire, schema }) as const;
const records = <const S extends Schema, const W extends readonly string[]>(schema: S, ...wire: W) =>
  ({ kind: 'records', wire, schema }) as const;

/** One moderation scene's result (`PornInfo`, `porn_info`, …): RecognitionInfo and TextRecognitionInfo in the Go SDK. */
export const moderationCategorySchema = {
  /** 0 not hit, 1 hit (violation), 2 suspected. */
  hitFlag: num('HitFlag', 'hit_flag'),
  /** Confidence 0–100. */
  score: num('Score', 'score'),
  /** Video and text: how many snapshots or text segments hit this scene. */
  count: num('Count', 'count'),
  label: text('Label', 'label'),
  category: text('Category', 'category'),
  subLabel: text('SubLabel', 'sub_label'),
  /** A list of words (RecognitionInfo) or one comma-separated text (TextRecognitionInfo). */
  keywords: texts('Keywords', 'keywords'),
  code: text('Code'),
  msg: text('Msg'),
  ocrResults: tree('OcrResults'),
  objectResults: tree('ObjectResults'),
  libResults: tree('LibResults'),
  hitInfos: tree('HitInfos'),
  speakerResults: tree('SpeakerResults'),
  recognitionResults: tree('RecognitionResults'),
} as const;

/** The moderation scenes, in the order the panel lists them; each model key with its wire names. */
export const moderationCategoryFields = {
  pornInfo: record(moderationCategorySchema, 'PornInfo', 'porn_info'),
  terrorismInfo: record(
    moderationCategorySchema,
    'TerrorismInfo',
    'TerroristInfo',
    'terrorism_info',
    'terrorist_info',
  ),
  politicsInfo: record(moderationCategorySchema, 'PoliticsInfo', 'politics_info'),
  adsInfo: record(moderationCategorySchema, 'AdsInfo', 'ads_info'),
  illegalInfo: record(moderationCategorySchema, 'IllegalInfo', 'illegal_info'),
  abuseInfo: record(moderationCategorySchema, 'AbuseInfo', 'abuse_info'),
  teenagerInfo: record(moderationCategorySchema, 'TeenagerInfo', 'teenager_info'),
  valueInfo: record(moderationCategorySchema, 'ValueInfo', 'value_info'),
  spamInfo: record(moderationCategorySchema, 'SpamInfo', 'spam_info'),
  meaninglessInfo: record(moderationCategorySchema, 'MeaninglessInfo', 'meaningless_info'),
  qualityInfo: record(moderationCategorySchema, 'QualityInfo', 'quality_info'),
} as const;

export type ModerationCategoryKey = keyof typeof moderationCategoryFields;
export const MODERATION_CATEGORY_KEYS = Object.keys(moderationCategoryFields) as ModerationCategoryKey[];

/**
 * A segment: a video snapshot (`Snapshot`), an audio section (`AudioSection`, `Section` of an audio job), a text
 * section (`Section` of a text job), a document page (`PageSegment.Results`), a web page's image or text
 * (`ImageResults.Results`, `TextResults.Results`).
 */
export const moderationSegmentSchema = {
  url: text('Url'),
  text: text('Text'),
  /** Milliseconds from the start of the video (a live stream: a timestamp in ms). */
  snapshotTime: num('SnapshotTime'),
  /** Milliseconds from the start (a live stream: a timestamp in ms). */
  offsetTime: num('OffsetTime'),
  /** Milliseconds. */
  duration: num('Duration'),
  startByte: num('StartByte'),
  pageNumber: num('PageNumber'),
  sheetNumber: num('SheetNumber'),
  label: text('Label'),
  subLabel: text('SubLabel'),
  result: num('Result'),
  /** Document and web page results say `Suggestion` for what the others call `Result`. */
  suggestion: num('Suggestion'),
  ...moderationCategoryFields,
  languageResults: tree('LanguageResults'),
} as const;

const segmentList = { results: records(moderationSegmentSchema, 'Results') } as const;

export const moderationJobSchema = {
  /** Detail: the job's Code and Message, given when State is Failed. */
  code: text('Code'),
  message: text('Message'),
  jobId: text('JobId'),
  /** Simple: the request's id; the JobId when the job was created through the API. */
  traceId: text('trace_id'),
  /** Simple: `ReviewImage`, `ReviewVideo`, … (Detail gives it as `EventName` beside `JobsDetail`). */
  event: text('event'),
  /** Submitted, Snapshoting, Auditing, Success, Failed. */
  state: text('State'),
  creationTime: time('CreationTime'),
  dataId: text('DataId', 'data_id'),
  object: text('Object'),
  url: text('Url', 'url'),
  text: text('Text'),
  content: text('Content'),
  contextText: text('ContextText'),
  audioText: text('AudioText'),
  /** The label of the highest priority: Normal, Porn, Ads, … */
  label: text('Label'),
  subLabel: text('SubLabel'),
  category: text('Category'),
  /** 0 normal, 1 sensitive, 2 suspicious. */
  result: num('Result', 'result'),
  /** Document and web page jobs: as Result. */
  suggestion: num('Suggestion'),
  score: num('Score'),
  /** 0 not frozen, 1 frozen, 2 moved. */
  forbidState: num('ForbidState', 'forbidden_status'),
  compressionResult: num('CompressionResult'),
  snapshotCount: num('SnapshotCount'),
  sectionCount: num('SectionCount'),
  pageCount: num('PageCount'),
  /** `live_video` for a live stream. */
  type: text('Type'),
  bucketId: text('BucketId'),
  region: text('Region'),
  cosHeaders: pairs('CosHeaders', 'cos_headers'),
  ...moderationCategoryFields,
  /** Document and web page jobs: the categories of the whole document. */
  labels: record(moderationCategoryFields, 'Labels'),
  snapshots: records(moderationSegmentSchema, 'Snapshot'),
  audioSections: records(moderationSegmentSchema, 'AudioSection'),
  sections: records(moderationSegmentSchema, 'Section'),
  pageSegment: record(segmentList, 'PageSegment'),
  imageResults: record(segmentList, 'ImageResults'),
  textResults: record(segmentList, 'TextResults'),
  highlightHtml: text('HighlightHtml'),
  languageResults: tree('LanguageResults'),
  userInfo: tree('UserInfo'),
  listInfo: tree('ListInfo'),
  maskInfo: tree('MaskInfo'),
  encryption: tree('Encryption'),
} as const;

/**
 * The body of a moderation callback. Simple: `{code, message, data}` (`data` is its one job); Detail:
 * `{EventName, JobsDetail}`; a job query's XML response: `Response{JobsDetail…, RequestId}`.
 */
export const moderationBodySchema = {
  eventName: text('EventName'),
  /** Simple: 0 success, another value an error code (内容审核错误码). */
  code: text('code'),
  message: text('message'),
  requestId: text('RequestId'),
  jobs: records(moderationJobSchema, 'JobsDetail', 'data'),
} as const;
