/**
 * Input / output panel data: buckets, regions, objects and the COS object URLs derived from them, to copy (the
 * app never fetches them). URLs are `https://{Bucket}.cos.{Region}.myqcloud.com/{key}` with the key
 * percent-encoded per path segment (https://cloud.tencent.com/document/product/436/13324). None is built from a
 * missing bucket or region, from a key holding a `${…}` placeholder, or from a host part outside [A-Za-z0-9-]
 * (DESIGN.md, "Panels" and "Security"); media outputs come from MediaResult, not from the templated Output.Object.
 */
import type { Job, OutputFile } from '../model';
import { summarizeMediaInfo, type MediaInfoSummary } from './media-info';

export type { MediaInfoSummary } from './media-info';

const HOST_PART = /^[A-Za-z0-9-]{1,128}$/;
const PLACEHOLDER = /\$\{[^}]*\}/;

/** `true` when the key still holds a `${ext}`-style placeholder (Output.Object of a template). */
export function hasPlaceholder(key: string | undefined): boolean {
  return key !== undefined && PLACEHOLDER.test(key);
}

/** Each `/`-separated segment through `encodeURIComponent`; `.` and `..` encoded so no URL parser collapses them. */
export function encodeCosKey(key: string): string {
  return key
    .split('/')
    .map((seg) => (seg === '.' ? '%2E' : seg === '..' ? '%2E%2E' : encodeURIComponent(seg)))
    .join('/');
}

export function cosObjectUrl(
  bucket: string | undefined,
  region: string | undefined,
  key: string | undefined,
): string | undefined {
  if (bucket === undefined || region === undefined || key === undefined) return undefined;
  if (!HOST_PART.test(bucket) || !HOST_PART.test(region)) return undefined;
  if (hasPlaceholder(key)) return undefined;
  // A key is relative to the bucket: Tts names start with "/" (`/output/aixiaonan.mp3`), the SDKs strip it.
  const relative = key.replace(/^\/+/, '');
  if (relative === '') return undefined;
  return `https://${bucket}.cos.${region}.myqcloud.com/${encodeCosKey(relative)}`;
}

export interface IoLocation {
  readonly bucket?: string;
  readonly region?: string;
  readonly object?: string;
  readonly url?: string;
}

export interface IoOutput extends IoLocation {
  /** Output.Object holds `${…}` placeholders, so it names a pattern, not an object. */
  readonly hasPlaceholder: boolean;
}

export interface OutputObject {
  /** Full key: ObjectPrefix + ObjectName for media results. */
  readonly key: string;
  readonly bucket?: string;
  readonly region?: string;
  readonly url?: string;
  readonly md5?: string;
}

export interface IoView {
  readonly input: IoLocation;
  readonly output: IoOutput;
  /** MediaResult.OutputFile: ObjectPrefix + each ObjectName. */
  readonly mediaFiles: readonly OutputObject[];
  /** MediaResult.OutputFile.SpriteOutputFile, likewise. */
  readonly spriteFiles: readonly OutputObject[];
  /** PicProcessResult.ObjectName (shape A) or ProcessResults.Object[].Key (shape B). */
  readonly pictureFiles: readonly OutputObject[];
  readonly mediaInfo?: MediaInfoSummary;
}

type OutputFileFields = Omit<OutputFile, 'spriteOutputFile'>;

function outputFiles(file: OutputFileFields | undefined, bucket?: string, region?: string): OutputObject[] {
  if (file === undefined) return [];
  const b = file.bucket ?? bucket;
  const r = file.region ?? region;
  const prefix = file.objectPrefix ?? '';
  return file.objectNames.map((name) => {
    const key = prefix + name;
    // Md5Info.ObjectName is the bare name in the docs' samples and the full key in others: accept either.
    const md5 = file.md5Info.find((m) => m.objectName === name || m.objectName === key)?.md5;
    return object(key, b, r, md5);
  });
}

function object(
  key: string,
  bucket: string | undefined,
  region: string | undefined,
  md5?: string,
): OutputObject {
  const url = cosObjectUrl(bucket, region, key);
  return {
    key,
    ...(bucket === undefined ? {} : { bucket }),
    ...(region === undefined ? {} : { region }),
    ...(url === undefined ? {} : { url }),
    ...(md5 === undefined ? {} : { md5 }),
  };
}

function location(bucket?: string, region?: string, obj?: string, url?: string): IoLocation {
  return {
    ...(bucket === undefined ? {} : { bucket }),
    ...(region === undefined ? {} : { region }),
    ...(obj === undefined ? {} : { object: obj }),
    ...(url === undefined ? {} : { url }),
  };
}

export function buildIo(job: Job): IoView {
  const input = job.input;
  const op = job.operation;
  const out = op?.output;
  const outputFile = op?.mediaResult?.outputFile;
  const pic = op?.picProcessResult;

  const pictureKeys: string[] = [];
  if (pic?.objectName !== undefined) pictureKeys.push(pic.objectName);
  for (const o of pic?.uploadResult?.processResults?.objects ?? []) {
    if (o.key !== undefined && !pictureKeys.includes(o.key)) pictureKeys.push(o.key);
  }
  const pictureFiles = pictureKeys.map((k) => object(k, out?.bucket, out?.region));

  // Output.Object is a URL only when it names one object that was made: not a template, not a media job (whose
  // real names are in MediaResult), not a picture job (named by its result), not a failed job.
  const isTemplate = hasPlaceholder(out?.object);
  const isNamedElsewhere = outputFile !== undefined || pictureFiles.length > 0 || job.state === 'Failed';
  const outputUrl =
    isTemplate || isNamedElsewhere ? undefined : cosObjectUrl(out?.bucket, out?.region, out?.object);
  const mediaInfo = summarizeMediaInfo(op?.mediaInfo);

  // File processing jobs name the input bucket `Bucket` (Go SDK `FileProcessInput`), the others `BucketId`.
  const inputBucket = input?.bucketId ?? input?.bucket;
  return {
    input: location(
      inputBucket,
      input?.region,
      input?.object,
      cosObjectUrl(inputBucket, input?.region, input?.object),
    ),
    output: { ...location(out?.bucket, out?.region, out?.object, outputUrl), hasPlaceholder: isTemplate },
    mediaFiles: outputFiles(outputFile, out?.bucket, out?.region),
    spriteFiles: outputFiles(
      outputFile?.spriteOutputFile,
      outputFile?.bucket ?? out?.bucket,
      outputFile?.region ?? out?.region,
    ),
    pictureFiles,
    ...(mediaInfo === undefined ? {} : { mediaInfo }),
  };
}
