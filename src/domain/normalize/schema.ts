/**
 * The wire schema of CI callbacks, as tables: each model key names its wire node(s) and kind. The normaliser
 * reads payloads through these tables, and `model.ts` derives the model's types from them, so a node added here
 * is typed, normalised and accounted for ("nothing lost") in one place. Sources: ../shared/FIELDS.md.
 */
export type FieldSpec =
  | { readonly kind: 'text'; readonly wire: readonly string[] }
  | { readonly kind: 'num'; readonly wire: readonly string[] }
  | { readonly kind: 'time'; readonly wire: readonly string[] }
  | { readonly kind: 'texts'; readonly wire: readonly string[] }
  | { readonly kind: 'tree'; readonly wire: readonly string[] }
  | { readonly kind: 'record'; readonly wire: readonly string[]; readonly schema: Schema }
  | { readonly kind: 'records'; readonly wire: readonly string[]; readonly schema: Schema }
  /** Every child whose name is in `wire` is kept as a named generic tree (task parameter and result nodes). */
  | { readonly kind: 'named'; readonly wire: readonly string[] }
  /**
   * Key/Value pairs (`CosHeaders`): a list of `{Key, Value}` records as in TaskFinish, or an object whose keys are the
   * header names (`"cos_headers": {"x-cos-meta-id": "1"}`, moderation callbacks); both become `{key, value}` items.
   */
  | { readonly kind: 'pairs'; readonly wire: readonly string[] };

export type Schema = { readonly [key: string]: FieldSpec };

const text = <const W extends readonly string[]>(...wire: W) => ({ kind: 'text', wire }) as const;
const num = <const W extends readonly string[]>(...wire: W) => ({ kind: 'num', wire }) as const;
const time = <const W extends readonly string[]>(...wire: W) => ({ kind: 'time', wire }) as const;
const texts = <const W extends readonly string[]>(...wire: W) => ({ kind: 'texts', wire }) as const;
const tree = <const W extends readonly string[]>(...wire: W) => ({ kind: 'tree', wire }) as const;
const record = <const S extends Schema, const W extends string>(wire: W, schema: S) =>
  ({ kind: 'record', wire: [wire], schema }) as const;
const records = <const S extends Schema, const W extends string>(wire: W, schema: S) =>
  ({ kind: 'records', wire: [wire], schema }) as const;
const named = <const W extends readonly string[]>(...wire: W) => ({ kind: 'named', wire }) as const;
export const pairs = <const W extends readonly string[]>(...wire: W) => ({ kind: 'pairs', wire }) as const;

/** `{Key, Value}` pairs, kept in source order with duplicates (JobInput.CosHeaders in the Go SDK). */
export const cosHeaderSchema = { key: text('Key'), value: text('Value') } as const;

/** Go SDK `ErrorDetail` (file processing): how many files failed and which. */
export const errorDetailSchema = { errorCount: num('ErrorCount'), errorFiles: texts('ErrorFile') } as const;

export const jobInputSchema = {
  bucketId: text('BucketId'),
  /** File processing jobs name the input bucket `Bucket` (Go SDK `FileProcessInput`), not `BucketId`. */
  bucket: text('Bucket'),
  object: text('Object'),
  region: text('Region'),
  cosHeaders: records('CosHeaders', cosHeaderSchema),
  /** Go SDK `FileProcessInput` = `FileCompressResult`: the counts are typed there, so here too. */
  compressFileCount: num('CompressFileCount'),
  errorCount: num('ErrorCount'),
  errorDetail: record('ErrorDetail', errorDetailSchema),
  /** Batch (inventory trigger) jobs: the objects they run on (Go SDK `InventoryTriggerJobInput`). */
  manifest: text('Manifest'),
  urlFile: text('UrlFile'),
  prefix: text('Prefix'),
  /** Translation input (Translation sample). */
  lang: text('Lang'),
  type: text('Type'),
  basicType: text('BasicType'),
  url: text('Url'),
  vod: record('Vod', { fileId: text('FileId'), subAppId: text('SubAppId') }),
} as const;

export const outputSchema = {
  region: text('Region'),
  bucket: text('Bucket'),
  /** May hold `${ext}`, `${Number}`, `${RunId}` placeholders: never a URL by itself. */
  object: text('Object'),
  spriteObject: text('SpriteObject'),
  auObject: text('AuObject'),
  bassObject: text('BassObject'),
  drumObject: text('DrumObject'),
  streamExtract: records('StreamExtract', { index: text('Index'), object: text('Object') }),
  /** Go SDK `JobOutput.Force`. */
  force: text('Force'),
  /** Go SDK `FileProcessOutput` = `FileCompressResult`. */
  compressFileCount: num('CompressFileCount'),
  errorCount: num('ErrorCount'),
  errorDetail: record('ErrorDetail', errorDetailSchema),
} as const;

export const md5InfoSchema = { md5: text('Md5'), objectName: text('ObjectName') } as const;

const outputFileFields = {
  region: text('Region'),
  bucket: text('Bucket'),
  /** Full key = ObjectPrefix + ObjectName (FIELDS.md §2.1). */
  objectPrefix: text('ObjectPrefix'),
  objectNames: texts('ObjectName'),
  objectUrls: texts('ObjectUrl'),
  md5Info: records('Md5Info', md5InfoSchema),
} as const;

export const outputFileSchema = {
  ...outputFileFields,
  spriteOutputFile: record('SpriteOutputFile', outputFileFields),
} as const;

export const mediaFormatSchema = {
  bitrate: num('Bitrate'),
  duration: num('Duration'),
  formatLongName: text('FormatLongName'),
  formatName: text('FormatName'),
  numProgram: num('NumProgram'),
  numStream: num('NumStream'),
  size: num('Size'),
  startTime: num('StartTime'),
} as const;

export const audioStreamSchema = {
  bitrate: num('Bitrate'),
  channel: num('Channel'),
  channelLayout: text('ChannelLayout'),
  codecLongName: text('CodecLongName'),
  codecName: text('CodecName'),
  codecTag: text('CodecTag'),
  codecTagString: text('CodecTagString'),
  codecTimeBase: text('CodecTimeBase'),
  duration: num('Duration'),
  index: num('Index'),
  language: text('Language'),
  sampleFmt: text('SampleFmt'),
  sampleRate: num('SampleRate'),
  startTime: num('StartTime'),
  timebase: text('Timebase'),
} as const;

export const videoStreamSchema = {
  avgFps: num('AvgFps'),
  bitrate: num('Bitrate'),
  codecLongName: text('CodecLongName'),
  codecName: text('CodecName'),
  codecTag: text('CodecTag'),
  codecTagString: text('CodecTagString'),
  codecTimeBase: text('CodecTimeBase'),
  colorPrimaries: text('ColorPrimaries'),
  colorRange: text('ColorRange'),
  colorTransfer: text('ColorTransfer'),
  dar: text('Dar'),
  duration: num('Duration'),
  fieldOrder: text('FieldOrder'),
  fps: num('Fps'),
  hasBFrame: num('HasBFrame'),
  height: num('Height'),
  index: num('Index'),
  language: text('Language'),
  /** Can be `-99`. */
  level: num('Level'),
  numFrames: num('NumFrames'),
  pixFormat: text('PixFormat'),
  profile: text('Profile'),
  refFrames: num('RefFrames'),
  rotation: num('Rotation'),
  sar: text('Sar'),
  startTime: num('StartTime'),
  timebase: text('Timebase'),
  width: num('Width'),
} as const;

export const mediaInfoSchema = {
  format: record('Format', mediaFormatSchema),
  stream: record('Stream', {
    audio: records('Audio', audioStreamSchema),
    video: records('Video', videoStreamSchema),
    subtitle: tree('Subtitle'),
  }),
} as const;

export const mediaResultSchema = { outputFile: record('OutputFile', outputFileSchema) } as const;

export const imageInfoSchema = {
  format: text('Format'),
  width: num('Width'),
  height: num('Height'),
  quality: num('Quality'),
  /** Average colour, `0xRRGGBB` (validated before any use in CSS). */
  ave: text('Ave'),
  orientation: num('Orientation'),
} as const;

/** `Etag` in callback samples, `ETag` in the API table and Go SDK: both read into `etag`. */
const imageObjectFields = {
  key: text('Key'),
  location: text('Location'),
  etag: text('Etag', 'ETag'),
  format: text('Format'),
  width: num('Width'),
  height: num('Height'),
  quality: num('Quality'),
  size: num('Size'),
} as const;

/**
 * Both published shapes (DESIGN.md "PicProcessResult"): A `{ObjectName, OriginalInfo, ProcessResult}` from the
 * callback samples, B `{UploadResult{OriginalInfo, ProcessResults{Object[]}}}` from the API table and Go SDK.
 * `derive/compare-images.ts` reads either into one before/after comparison.
 */
export const picProcessResultSchema = {
  objectName: text('ObjectName'),
  originalInfo: record('OriginalInfo', {
    ...imageObjectFields,
    imageInfo: record('ImageInfo', imageInfoSchema),
  }),
  processResult: record('ProcessResult', imageObjectFields),
  uploadResult: record('UploadResult', {
    originalInfo: record('OriginalInfo', {
      ...imageObjectFields,
      imageInfo: record('ImageInfo', imageInfoSchema),
    }),
    processResults: record('ProcessResults', {
      objects: records('Object', { ...imageObjectFields, aigcMetadata: tree('AIGCMetadata') }),
    }),
  }),
} as const;

/** Task parameter nodes echoed from the request (GO `MediaProcessJobOperation`, FIELDS.md §1.3). */
export const TASK_PARAMETER_NODES = [
  'Transcode',
  'Snapshot',
  'Animation',
  'ConcatTemplate',
  'Segment',
  'SmartCover',
  'VoiceSeparate',
  'VideoMontage',
  'VideoProcess',
  'SDRtoHDR',
  'SuperResolution',
  'DigitalWatermark',
  'ExtractDigitalWatermark',
  'TtsConfig',
  'TtsTpl',
  'Translation',
  'SpeechRecognition',
  'VideoTag',
  'NoiseReduction',
  'VideoEnhance',
  'QualityEstimateConfig',
  'WordsGeneralize',
  'DocProcess',
  'Watermark',
  'RemoveWatermark',
  'Subtitles',
  'FillConcat',
  'VideoSynthesis',
  'PosterProduction',
  'GeneratePlayList',
  'SegmentVideoBody',
  'DNA',
  'VocalScore',
  'SoundHound',
  'ImageOCR',
  'ImageInspect',
  'StreamExtract',
  'SplitVideoParts',
  'VideoTargetRec',
  'TranscodePro',
  'HighSpeedHd',
  'FileCompressConfig',
  'FileUncompressConfig',
  'FileHashCodeConfig',
  'DnaConfig',
  'DocWatermark',
  'DocAIGCMetadata',
] as const;

/** Result nodes of the other job types (GO, DOC-CB; FIELDS.md §2.4). */
export const RESULT_NODES = [
  'VideoTagResult',
  'SpeechRecognitionResult',
  'WordsGeneralizeResult',
  'QualityEstimate',
  'SplitVideoInfoResult',
  'VideoTargetRecResult',
  'DnaResult',
  'VocalScoreResult',
  'SoundHoundResult',
  'ImageInspectResult',
  'Detection',
  'DocProcessResult',
  'DocWatermarkResult',
  'AIGCMetadata',
  'TtsResult',
  'TranslationResult',
] as const;

/** File processing results (Go SDK ci_fileprocess.go), typed: hash codes, sizes, counts and file lists. */
export const fileHashCodeResultSchema = {
  md5: text('MD5'),
  sha1: text('SHA1'),
  sha256: text('SHA256'),
  fileSize: num('FileSize'),
  lastModified: text('LastModified'),
  etag: text('Etag'),
} as const;

export const fileCompressResultSchema = {
  region: text('Region'),
  bucket: text('Bucket'),
  object: text('Object'),
  compressFileCount: num('CompressFileCount'),
  errorCount: num('ErrorCount'),
  errorDetail: record('ErrorDetail', errorDetailSchema),
} as const;

export const fileUncompressResultSchema = {
  region: text('Region'),
  bucket: text('Bucket'),
  fileCount: num('FileCount'),
} as const;

/** The nodes of a job's operation that a batch job's `JobParam` repeats (Go SDK `InventoryTriggerJobOperationJobParam`). */
const operationFields = {
  templateId: text('TemplateId'),
  templateName: text('TemplateName'),
  transcodeTemplateId: text('TranscodeTemplateId'),
  watermarkTemplateIds: texts('WatermarkTemplateId'),
  output: record('Output', outputSchema),
  userData: text('UserData'),
  /** 0, 1 or 2; a JSON number in some samples. */
  jobLevel: num('JobLevel'),
  freeTranscode: text('FreeTranscode'),
  customId: text('CustomId'),
  snapshotPrefix: text('SnapshotPrefix'),
  picProcess: record('PicProcess', { isPicInfo: text('IsPicInfo'), processRule: text('ProcessRule') }),
  picProcessResult: record('PicProcessResult', picProcessResultSchema),
  mediaInfo: record('MediaInfo', mediaInfoSchema),
  mediaResult: record('MediaResult', mediaResultSchema),
  taskParameters: named(...TASK_PARAMETER_NODES),
  results: named(...RESULT_NODES),
} as const;

export const operationSchema = {
  ...operationFields,
  /** The job's Tag, echoed (Go SDK `MediaProcessJobOperation.Tag`); for a batch job, the Tag of the jobs it submits. */
  tag: text('Tag'),
  /** Tts workflow sample only: CosHeaders under Operation.Input. */
  input: record('Input', { cosHeaders: records('CosHeaders', cosHeaderSchema) }),
  fileHashCodeResult: record('FileHashCodeResult', fileHashCodeResultSchema),
  fileCompressResult: record('FileCompressResult', fileCompressResultSchema),
  fileUncompressResult: record('FileUncompressResult', fileUncompressResultSchema),
  /** Batch (inventory trigger) jobs: Go SDK `InventoryTriggerJobOperation`. */
  workflowIds: text('WorkflowIds'),
  timeInterval: record('TimeInterval', { start: text('Start'), end: text('End') }),
  queueId: text('QueueId'),
  callBackFormat: text('CallBackFormat'),
  callBackType: text('CallBackType'),
  callBack: text('CallBack'),
  callBackMqConfig: record('CallBackMqConfig', {
    mqMode: text('MqMode'),
    mqRegion: text('MqRegion'),
    mqName: text('MqName'),
  }),
  jobParam: record('JobParam', operationFields),
} as const;

export const workflowRefSchema = {
  /** The workflow node's name, e.g. `PicProcess_1581665960537`. */
  name: text('Name'),
  runId: text('RunId'),
  workflowId: text('WorkflowId'),
  workflowName: text('WorkflowName'),
} as const;

export const jobSchema = {
  code: text('Code'),
  message: text('Message'),
  jobId: text('JobId'),
  tag: text('Tag'),
  subTag: text('SubTag'),
  state: text('State'),
  progress: num('Progress'),
  creationTime: time('CreationTime'),
  startTime: time('StartTime'),
  endTime: time('EndTime'),
  queueId: text('QueueId'),
  queueType: text('QueueType'),
  /** Java SDK `MediaJobObject` only. */
  name: text('Name'),
  type: text('Type'),
  input: record('Input', jobInputSchema),
  operation: record('Operation', operationSchema),
  /** A list in the Go SDK (`MediaProcessJobDetail.Workflow []struct`). */
  workflows: records('Workflow', workflowRefSchema),
} as const;

const objectInfoSchema = {
  objectName: text('ObjectName'),
  objectUrl: text('ObjectUrl'),
  inputObjectName: text('InputObjectName'),
  code: text('Code'),
  message: text('Message'),
  imageOcrResult: tree('ImageOcrResult'),
} as const;

export const workflowTaskSchema = {
  type: text('Type'),
  name: text('Name'),
  state: text('State'),
  jobId: text('JobId'),
  templateId: text('TemplateId'),
  templateName: text('TemplateName'),
  transcodeTemplateId: text('TranscodeTemplateId'),
  transcodeTemplateName: text('TranscodeTemplateName'),
  hdrMode: text('HdrMode'),
  /** The doc table spells it `Createtime`. */
  createTime: time('CreateTime', 'Createtime'),
  startTime: time('StartTime'),
  endTime: time('EndTime'),
  resultInfo: record('ResultInfo', {
    objectCount: num('ObjectCount'),
    spriteObjectCount: num('SpriteObjectCount'),
    objectInfo: records('ObjectInfo', objectInfoSchema),
    spriteObjectInfo: records('SpriteObjectInfo', objectInfoSchema),
  }),
} as const;

export const workflowExecutionSchema = {
  workflowId: text('WorkflowId'),
  workflowName: text('WorkflowName'),
  runId: text('RunId'),
  state: text('State'),
  bucketId: text('BucketId'),
  object: text('Object'),
  createTime: time('CreateTime'),
  cosHeaders: records('CosHeaders', cosHeaderSchema),
  tasks: records('Tasks', workflowTaskSchema),
  /** DescribeWorkflowExecution responses only. */
  topology: tree('Topology'),
} as const;

/** The body of a callback (inside `Response`, or the roots themselves when there is no wrapper). */
export const jobsBodySchema = {
  eventName: text('EventName'),
  jobs: records('JobsDetail', jobSchema),
} as const;

export const workflowBodySchema = {
  eventName: text('EventName'),
  execution: record('WorkflowExecution', workflowExecutionSchema),
} as const;

/**
 * Nodes that may repeat, as `Parent.Name` (or `Name` for a callback body's own lists), so XML always parses them as
 * arrays (fast-xml-parser `isArray`). Derived from the tables: a node is forced to a list exactly where the model
 * reads a list (`texts`, `records`), so the XML tree and the JSON tree agree on it (`ObjectUrl` is a list under
 * `OutputFile`, a single value under `ObjectInfo`).
 */
export const REPEATING_PATHS: readonly string[] = repeatingPaths([jobsBodySchema, workflowBodySchema]);

function repeatingPaths(bodies: readonly Schema[]): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const ids = new Map<Schema, number>();
  const visit = (schema: Schema, parents: readonly string[]) => {
    for (const spec of Object.values(schema)) {
      for (const wire of spec.wire) {
        if (spec.kind === 'texts' || spec.kind === 'records')
          for (const parent of parents) out.add(parent === '' ? wire : `${parent}.${wire}`);
        if (spec.kind === 'record' || spec.kind === 'records') {
          const id = `${ids.get(spec.schema) ?? ids.set(spec.schema, ids.size).size - 1}:${wire}`;
          if (seen.has(id)) continue;
          seen.add(id);
          visit(spec.schema, [wire]);
        }
      }
    }
  };
  for (const body of bodies) visit(body, ['']);
  return [...out].sort();
}
