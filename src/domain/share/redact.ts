/**
 * Redaction before sharing. Sensitive values are found in the parsed model, then replaced in the *source text*
 * (what a link carries), consistently: the same value gets the same mask everywhere, also where it is embedded in
 * a URL, a `Location`, an `ObjectUrl` or a bucket host name, percent-encoded or escaped.
 */
import type { CallbackDocument, CosHeader, Job, Tree, TreeRecord, WorkflowExecution } from '../model';
import { parsePayload } from '../parse-payload';

export interface RedactionOptions {
  /** The APPID suffix of bucket names (`examplebucket-1250000000`). */
  readonly appId: boolean;
  /** `x-cos-request-id` header values. */
  readonly requestId: boolean;
  readonly userData: boolean;
  /** Values of `x-cos-meta-*` headers. */
  readonly metaValues: boolean;
  /** Object keys, prefixes and names, wherever they appear. */
  readonly objectKeys: boolean;
}

export const NO_REDACTION: RedactionOptions = {
  appId: false,
  requestId: false,
  userData: false,
  metaValues: false,
  objectKeys: false,
};
export const FULL_REDACTION: RedactionOptions = {
  appId: true,
  requestId: true,
  userData: true,
  metaValues: true,
  objectKeys: true,
};

export interface Secret {
  readonly kind: keyof RedactionOptions;
  readonly value: string;
  readonly mask: string;
}

const APPID_IN_BUCKET = /-(\d{5,})$/;
const APPID_IN_HOST = /^[a-z0-9-]+-(\d{5,})\.cos\./i;

/** Every value to mask in these texts, each with its mask. */
export function collectSecrets(texts: readonly string[], options: RedactionOptions): Secret[] {
  const found = new Map<string, Secret>();
  const counters = new Map<string, number>();
  const add = (kind: keyof RedactionOptions, value: string | undefined): void => {
    if (!options[kind] || value === undefined || value.trim() === '' || value === '-' || found.has(value))
      return;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    found.set(value, { kind, value, mask: maskFor(kind, value, n) });
  };
  const addBucket = (bucket: string | undefined) => add('appId', bucket && APPID_IN_BUCKET.exec(bucket)?.[1]);
  const addUrl = (url: string | undefined) => {
    if (!url) return;
    const parsed = splitUrl(url);
    add('appId', APPID_IN_HOST.exec(parsed.host)?.[1]);
    if (parsed.path) add('objectKeys', safeDecode(parsed.path));
  };
  const addKey = (key: string | undefined) => {
    if (key && /^(https?:\/\/|[a-z0-9-]+\.cos\.)/i.test(key)) addUrl(key);
    else add('objectKeys', key);
  };
  const addHeaders = (headers: readonly CosHeader[]) => {
    for (const h of headers) {
      const k = h.key?.toLowerCase() ?? '';
      if (k === 'x-cos-request-id') add('requestId', h.value);
      else if (k.startsWith('x-cos-meta-')) add('metaValues', h.value);
    }
  };

  for (const text of texts) {
    for (const doc of parsePayload(text).documents) {
      if (doc.model?.kind === 'jobs')
        doc.model.jobs.forEach((job) => collectJob(job, { addBucket, addUrl, addKey, addHeaders, add }));
      else if (doc.model?.kind === 'workflow' && doc.model.execution)
        collectExecution(doc.model.execution, { addBucket, addKey, addUrl, addHeaders });
      else if (doc.model?.kind === 'unrecognised') collectTree(doc.model.tree, addBucket, addUrl);
    }
  }
  // Longest first, so a key inside a longer URL is masked as part of the URL's path, consistently.
  return [...found.values()].sort((a, b) => b.value.length - a.value.length);
}

interface Collectors {
  addBucket(bucket: string | undefined): void;
  addUrl(url: string | undefined): void;
  addKey(key: string | undefined): void;
  addHeaders(headers: readonly CosHeader[]): void;
}

function collectJob(
  job: Job,
  c: Collectors & { add(kind: keyof RedactionOptions, value: string | undefined): void },
): void {
  const input = job.input;
  const op = job.operation;
  c.addBucket(input?.bucketId);
  c.addKey(input?.object);
  c.addHeaders(input?.cosHeaders ?? []);
  c.addHeaders(op?.input?.cosHeaders ?? []);
  c.add('userData', op?.userData);
  const out = op?.output;
  c.addBucket(out?.bucket);
  for (const k of [out?.object, out?.spriteObject, out?.auObject, out?.bassObject, out?.drumObject])
    c.addKey(k);
  out?.streamExtract.forEach((s) => c.addKey(s.object));
  const pic = op?.picProcessResult;
  c.addKey(pic?.objectName);
  for (const side of [
    pic?.originalInfo,
    pic?.processResult,
    pic?.uploadResult?.originalInfo,
    ...(pic?.uploadResult?.processResults?.objects ?? []),
  ]) {
    c.addKey(side?.key);
    c.addUrl(side?.location ? `https://${side.location.replace(/^https?:\/\//, '')}` : undefined);
  }
  for (const file of [op?.mediaResult?.outputFile, op?.mediaResult?.outputFile?.spriteOutputFile]) {
    if (!file) continue;
    c.addBucket(file.bucket);
    c.addKey(file.objectPrefix);
    file.objectNames.forEach((n) => {
      c.addKey(n);
      c.addKey((file.objectPrefix ?? '') + n);
    });
    file.objectUrls.forEach((u) => c.addUrl(u));
    file.md5Info.forEach((m) => c.addKey(m.objectName));
  }
}

function collectExecution(e: WorkflowExecution, c: Collectors): void {
  c.addBucket(e.bucketId);
  c.addKey(e.object);
  c.addHeaders(e.cosHeaders);
  for (const task of e.tasks) {
    for (const info of [
      ...(task.resultInfo?.objectInfo ?? []),
      ...(task.resultInfo?.spriteObjectInfo ?? []),
    ]) {
      c.addKey(info.objectName);
      c.addKey(info.inputObjectName);
      c.addUrl(info.objectUrl);
    }
  }
}

/** Unrecognised shapes: mask what looks like a bucket or a COS URL. */
function collectTree(tree: Tree, addBucket: (b: string) => void, addUrl: (u: string) => void): void {
  if (typeof tree === 'string') {
    if (APPID_IN_BUCKET.test(tree)) addBucket(tree);
    if (/^https?:\/\//.test(tree)) addUrl(tree);
  } else if (Array.isArray(tree)) tree.forEach((t) => collectTree(t, addBucket, addUrl));
  else (tree as TreeRecord).entries.forEach((e) => collectTree(e.value, addBucket, addUrl));
}

function maskFor(kind: keyof RedactionOptions, value: string, n: number): string {
  switch (kind) {
    case 'appId':
      return '0'.repeat(value.length);
    case 'requestId':
      return `REDACTED-REQUEST-ID-${n}`;
    case 'userData':
      return `REDACTED-USERDATA-${n}`;
    case 'metaValues':
      return `REDACTED-META-${n}`;
    case 'objectKeys':
      // No extension or other text of the original: a mask must never contain a masked value ("1.jpg").
      return `redacted-key-${n}`;
  }
}

/** The forms a value may take in a source text: as is, percent-encoded, XML- or JSON-escaped. */
function variants(value: string, mask: string): [string, string][] {
  const pairs: [string, string][] = [[value, mask]];
  const push = (v: string, m: string) => {
    if (v !== value && !pairs.some(([x]) => x === v)) pairs.push([v, m]);
  };
  const perSegment = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  push(perSegment(value), perSegment(mask));
  push(encodeURI(value), encodeURI(mask));
  push(encodeURIComponent(value), encodeURIComponent(mask));
  push(escapeXml(value), mask);
  push(JSON.stringify(value).slice(1, -1), mask);
  push(value.replace(/\//g, '\\/'), mask);
  return pairs;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Masks every secret in one text. Values shorter than 4 characters are only replaced where they are a whole
 * element or string value, so masking a short UserData such as `1` cannot touch the digits of a time.
 */
export function redactText(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const { value, mask } of secrets) {
    for (const [v, m] of variants(value, mask)) {
      if (v.length >= 4) out = out.split(v).join(m);
      else {
        out = out.split(`>${v}<`).join(`>${m}<`);
        out = out.split(`"${v}"`).join(`"${m}"`);
      }
    }
  }
  return out;
}

export interface Redacted {
  readonly texts: readonly string[];
  readonly secrets: readonly Secret[];
}

export function redactTexts(texts: readonly string[], options: RedactionOptions): Redacted {
  const secrets = collectSecrets(texts, options);
  return { texts: texts.map((t) => redactText(t, secrets)), secrets };
}

function splitUrl(url: string): { host: string; path: string } {
  const m = /^(?:https?:\/\/)?([^/?#]+)\/?([^?#]*)/i.exec(url);
  return { host: m?.[1] ?? '', path: m?.[2] ?? '' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type { CallbackDocument };
