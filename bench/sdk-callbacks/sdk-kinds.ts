/**
 * The job kinds the generator emits, as the Go SDK (tencentyun/cos-go-sdk-v5) defines them: each Tag's job detail
 * and operation structs, and which nodes of a shared operation struct (`MediaProcessJobOperation` holds the nodes
 * of ~40 Tags) belong to the Tag. Tags: FIELDS.md §3 (the SDK's `example/CI/**`, the callback docs, the file
 * processing API).
 */
export interface SdkKind {
  /** File name stem and test name. */
  readonly name: string;
  /** `JobsDetail.Tag` (empty for WorkflowFinish). */
  readonly tag: string;
  /** The family the note's table groups it in. */
  readonly family: Family;
  readonly event: 'TaskFinish' | 'WorkflowFinish';
  /** The struct of `Response`. */
  readonly root: string;
  /** `Parent.Field` → the struct that replaces the field's own type (the job detail and operation of the kind). */
  readonly override: Readonly<Record<string, string>>;
  /** Parent wire name → the only fields kept under it (absent: every field). */
  readonly keep: Readonly<Record<string, readonly string[]>>;
}

export type Family =
  | 'media processing'
  | 'media AI'
  | 'speech and text'
  | 'image'
  | 'document'
  | 'file processing'
  | 'batch'
  | 'workflow';

/** The leaf and output fields every media job's operation carries (MediaProcessJobOperation). */
const MEDIA_COMMON = [
  'Tag',
  'Output',
  'TemplateId',
  'WatermarkTemplateId',
  'TranscodeTemplateId',
  'UserData',
  'JobLevel',
  'FreeTranscode',
  'SnapshotPrefix',
  'CustomId',
] as const;

const media = (tag: string, family: Family, ...nodes: string[]): SdkKind => ({
  name: tag,
  tag,
  family,
  event: 'TaskFinish',
  root: 'JobsNotifyBody',
  override: {},
  keep: { Operation: [...MEDIA_COMMON, ...nodes] },
});

const own = (
  tag: string,
  family: Family,
  detail: string,
  operation?: string,
  ...nodes: string[]
): SdkKind => ({
  name: tag,
  tag,
  family,
  event: 'TaskFinish',
  root: 'JobsNotifyBody',
  override: {
    'Response.JobsDetail': detail,
    ...(operation ? { 'JobsDetail.Operation': operation } : {}),
  },
  keep:
    nodes.length > 0 ? { Operation: ['Tag', 'Output', 'TemplateId', 'UserData', 'JobLevel', ...nodes] } : {},
});

export const SDK_KINDS: readonly SdkKind[] = [
  media(
    'Transcode',
    'media processing',
    'Transcode',
    'Watermark',
    'DigitalWatermark',
    'MediaInfo',
    'MediaResult',
  ),
  media('TranscodePro', 'media processing', 'Transcode', 'MediaInfo', 'MediaResult'),
  media('HighSpeedHd', 'media processing', 'Transcode', 'MediaInfo', 'MediaResult'),
  media('Snapshot', 'media processing', 'Snapshot', 'MediaInfo', 'MediaResult'),
  media('Animation', 'media processing', 'Animation', 'MediaInfo', 'MediaResult'),
  media('Concat', 'media processing', 'ConcatTemplate', 'MediaInfo', 'MediaResult'),
  media('SmartCover', 'media processing', 'SmartCover', 'MediaResult'),
  media('VoiceSeparate', 'media processing', 'VoiceSeparate', 'MediaInfo', 'MediaResult'),
  media('VideoMontage', 'media processing', 'VideoMontage', 'MediaInfo', 'MediaResult'),
  media('Segment', 'media processing', 'Segment', 'MediaInfo', 'MediaResult'),
  media('DigitalWatermark', 'media processing', 'DigitalWatermark', 'MediaResult'),
  media('ExtractDigitalWatermark', 'media processing', 'ExtractDigitalWatermark'),
  media('VideoEnhance', 'media processing', 'VideoEnhance', 'MediaInfo', 'MediaResult'),
  media('SuperResolution', 'media processing', 'SuperResolution', 'MediaResult'),
  media('SDRtoHDR', 'media processing', 'SDRtoHDR', 'MediaResult'),
  media('VideoProcess', 'media processing', 'VideoProcess', 'MediaResult'),
  media('StreamExtract', 'media processing', 'MediaResult'),
  media('Watermark', 'media processing', 'Watermark', 'MediaResult'),
  media('MediaInfo', 'media processing', 'MediaInfo'),
  media('NoiseReduction', 'media processing', 'NoiseReduction', 'MediaResult'),
  media('FillConcat', 'media processing', 'FillConcat', 'MediaResult'),
  media('VideoSynthesis', 'media processing', 'VideoSynthesis', 'MediaResult'),
  own('GeneratePlayList', 'media processing', 'MediaProcessJobDetail', 'GeneratePlayListJobOperation'),
  media('VideoTag', 'media AI', 'VideoTag', 'VideoTagResult'),
  media('QualityEstimate', 'media AI', 'QualityEstimateConfig', 'QualityEstimate'),
  media('SegmentVideoBody', 'media AI', 'SegmentVideoBody', 'MediaResult'),
  media('SplitVideoParts', 'media AI', 'SplitVideoParts', 'SplitVideoInfoResult'),
  media('VideoTargetRec', 'media AI', 'VideoTargetRec', 'VideoTargetRecResult'),
  media('DNA', 'media AI', 'DnaConfig', 'DnaResult'),
  media('VocalScore', 'media AI', 'VocalScore', 'VocalScoreResult'),
  own('SoundHound', 'speech and text', 'ASRJobDetail', 'ASRJobOperation', 'SoundHoundResult'),
  own(
    'SpeechRecognition',
    'speech and text',
    'ASRJobDetail',
    'ASRJobOperation',
    'SpeechRecognition',
    'SpeechRecognitionResult',
  ),
  media('Tts', 'speech and text', 'TtsTpl', 'TtsConfig', 'MediaResult'),
  media('Translation', 'speech and text', 'Translation'),
  media('WordsGeneralize', 'speech and text', 'WordsGeneralize', 'WordsGeneralizeResult'),
  own('PicProcess', 'image', 'MediaProcessJobDetail', 'PicProcessJobOperation'),
  media('PosterProduction', 'image', 'PosterProduction', 'MediaResult'),
  media('ImageOCR', 'image', 'ImageOCR', 'Detection'),
  media('ImageInspect', 'image', 'ImageInspect', 'ImageInspectResult'),
  own('DocProcess', 'document', 'DocProcessJobDetail', undefined, 'DocProcess', 'DocProcessResult'),
  own('DocWatermark', 'document', 'DocProcessJobDetail', undefined, 'DocWatermark', 'DocWatermarkResult'),
  own('DocAIGCMetadata', 'document', 'DocProcessJobDetail', undefined, 'DocAIGCMetadata'),
  own(
    'FileCompress',
    'file processing',
    'FileProcessJobsDetail',
    undefined,
    'FileCompressConfig',
    'FileCompressResult',
  ),
  own(
    'FileUncompress',
    'file processing',
    'FileProcessJobsDetail',
    undefined,
    'FileUncompressConfig',
    'FileUncompressResult',
  ),
  own(
    'FileHashCode',
    'file processing',
    'FileProcessJobsDetail',
    undefined,
    'FileHashCodeConfig',
    'FileHashCodeResult',
  ),
  {
    name: 'InventoryTrigger-Workflow',
    tag: 'Workflow',
    family: 'batch',
    event: 'TaskFinish',
    root: 'JobsNotifyBody',
    override: { 'Response.JobsDetail': 'InventoryTriggerJobDetail' },
    keep: { Operation: ['WorkflowIds', 'TimeInterval', 'QueueId', 'UserData', 'JobLevel', 'CallBackFormat'] },
  },
  {
    name: 'InventoryTrigger-Job',
    tag: 'Transcode',
    family: 'batch',
    event: 'TaskFinish',
    root: 'JobsNotifyBody',
    override: { 'Response.JobsDetail': 'InventoryTriggerJobDetail' },
    keep: {
      JobParam: [
        'TemplateId',
        'Transcode',
        'Watermark',
        'WatermarkTemplateId',
        'MediaResult',
        'DnaConfig',
        'DocAIGCMetadata',
      ],
    },
  },
  {
    name: 'WorkflowFinish',
    tag: '',
    family: 'workflow',
    event: 'WorkflowFinish',
    root: 'WorkflowExecutionNotifyBody',
    override: {},
    keep: {},
  },
];
