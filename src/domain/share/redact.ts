/**
 * Redaction before sharing: masks values, not spellings.
 *
 * 1. Collect: the values to mask are found in the typed model (as before) and, by name and shape, in every value
 *    region of the text (redact-lexer.ts, redact-collect.ts), so wrappers, unknown nodes, topology `Output.Object`,
 *    moderation `cos_headers` objects, dump headers and payloads that do not parse are covered. Credentials
 *    (Authorization, Cookie, tokens, signed query strings, URL passwords) are always masked.
 * 2. Rewrite: every value region (never a name, a key or markup) is decoded (entities, CDATA, JSON escapes), then
 *    searched in every form it can hold a secret in (redact-forms.ts: CRLF, percent-encoding either case and `+`,
 *    entities, JSON escapes); where one is found the region is written again from its decoded value with masks in
 *    place, in its own syntax, so the payload stays well-formed. A value under 4 characters is masked only where it
 *    is a region's whole (trimmed) value.
 * 3. The link checks itself (redact-check.ts) before it is shown.
 */
import { unwrapLogRecords } from '../parse/wrapped-callback';
import type { CosHeader, Job, TreeRecord, Tree, WorkflowExecution } from '../model';
import { parsePayload } from '../parse-payload';
import { collectFromRegions, type SecretKind } from './redact-collect';
import { formsOf, normalizeSecret } from './redact-forms';
import { lexRegions, type Region } from './redact-lexer';

export type { SecretKind } from './redact-collect';

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

export const SECRET_KINDS: readonly SecretKind[] = [
  'appId',
  'requestId',
  'userData',
  'metaValues',
  'objectKeys',
  'credential',
];

export interface Secret {
  readonly kind: SecretKind;
  readonly value: string;
  readonly mask: string;
  /** Where it was first found (a field or header name), for the dialog. */
  readonly where: string;
}

/** Below this length a value is masked only where it is a whole value (a `1` must not touch the digits of a time). */
export const SHORT_VALUE = 4;
/** What may follow a short value that stands as a whole parameter. */
const SHORT_END = /[&;#\s"',]/;

const APPID_IN_BUCKET = /-(\d{5,})$/;
const APPID_IN_HOST = /^[a-z0-9-]+-(\d{5,})\.cos\./i;

function enabledKinds(options: RedactionOptions): Set<SecretKind> {
  return new Set(SECRET_KINDS.filter((k) => k === 'credential' || options[k as keyof RedactionOptions]));
}

/** Every value to mask in these texts, each with its mask; longest first. */
export function collectSecrets(texts: readonly string[], options: RedactionOptions): Secret[] {
  const enabled = enabledKinds(options);
  const found = new Map<string, Secret>();
  const counters = new Map<SecretKind, number>();
  const add = (kind: SecretKind, raw: string | undefined, where: string): void => {
    if (raw === undefined || !enabled.has(kind)) return;
    const value = normalizeSecret(raw).trim();
    if (value === '' || value === '-' || found.has(value)) return;
    // A mask must never be taken for a value to mask (a second pass over a redacted text).
    if (/^(REDACTED-[A-Z-]+-\d+|redacted-key-\d+|0+)$/.test(value)) return;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    found.set(value, { kind, value, mask: maskFor(kind, value, n), where });
  };
  const addModel = (kind: keyof RedactionOptions, value: string | undefined) => add(kind, value, kind);
  const addBucket = (bucket: string | undefined) =>
    addModel('appId', bucket && APPID_IN_BUCKET.exec(bucket)?.[1]);
  const addUrl = (url: string | undefined) => {
    if (!url) return;
    const parsed = splitUrl(url);
    addModel('appId', APPID_IN_HOST.exec(parsed.host)?.[1]);
    if (parsed.path) addModel('objectKeys', safeDecode(parsed.path));
  };
  const addKey = (key: string | undefined) => {
    if (key && /^(https?:\/\/|[a-z0-9-]+\.cos\.)/i.test(key)) addUrl(key);
    else addModel('objectKeys', key);
  };
  const addHeaders = (headers: readonly CosHeader[]) => {
    for (const h of headers) {
      const k = h.key?.toLowerCase() ?? '';
      if (k === 'x-cos-request-id') addModel('requestId', h.value);
      else if (k.startsWith('x-cos-meta-')) addModel('metaValues', h.value);
    }
  };

  // A callback inside a log's own JSON records (Docker's `log`, a logger's `body`) is one string value there: its
  // secrets are found in the text the records carry, and masked wherever they stand in the records.
  const withUnwrapped = texts.flatMap((text) => {
    const unwrapped = unwrapLogRecords(text);
    return unwrapped ? [text, unwrapped.text] : [text];
  });
  for (const text of withUnwrapped) {
    // By name and shape in the text itself: every document, read or not.
    for (const f of collectFromRegions(lexRegions(text), enabled)) add(f.kind, f.value, f.where);
    if (![...enabled].some((k) => k !== 'credential')) continue;
    for (const doc of parsePayload(text).documents) {
      if (doc.model?.kind === 'jobs')
        doc.model.jobs.forEach((job) =>
          collectJob(job, { addBucket, addUrl, addKey, addHeaders, add: addModel }),
        );
      else if (doc.model?.kind === 'workflow' && doc.model.execution)
        collectExecution(doc.model.execution, { addBucket, addKey, addUrl, addHeaders });
      else if (doc.model?.kind === 'unrecognised') collectTree(doc.model.tree, addBucket, addUrl);
    }
  }
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

function maskFor(kind: SecretKind, value: string, n: number): string {
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
    case 'credential':
      return `REDACTED-CREDENTIAL-${n}`;
  }
}

/** Counts per kind of the distinct values masked in one text. */
export type KindCounts = Readonly<Record<SecretKind, number>>;

export function emptyCounts(): Record<SecretKind, number> {
  return { appId: 0, requestId: 0, userData: 0, metaValues: 0, objectKeys: 0, credential: 0 };
}

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly secret: Secret;
}

/** Where secrets stand in one decoded value (ranges of `value`), longest secret first, never overlapping. */
function findHits(value: string, secrets: readonly Secret[]): Hit[] {
  const hits: Hit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => s < h.end && h.start < e);
  const forms = formsOf(value);
  for (const secret of secrets) {
    for (const form of forms) {
      const t = form.text;
      if (secret.value.length < SHORT_VALUE) {
        // A short value only as a whole value, or as a whole parameter (`=abc&`, `: abc`).
        const lead = t.length - t.trimStart().length;
        if (t.trim() === secret.value) {
          const s = form.map[lead] as number;
          const e = form.map[lead + secret.value.length] as number;
          if (!taken(s, e)) hits.push({ start: s, end: e, secret });
        }
        for (let at = t.indexOf(secret.value); at !== -1; at = t.indexOf(secret.value, at + 1)) {
          const after = t[at + secret.value.length];
          if (!/[=:]/.test(t[at - 1] ?? '') || (after !== undefined && !SHORT_END.test(after))) continue;
          const s = form.map[at] as number;
          const e = form.map[at + secret.value.length] as number;
          if (!taken(s, e)) hits.push({ start: s, end: e, secret });
        }
        continue;
      }
      for (let at = t.indexOf(secret.value); at !== -1; at = t.indexOf(secret.value, at + 1)) {
        const s = form.map[at] as number;
        const e = form.map[at + secret.value.length] as number;
        if (!taken(s, e)) hits.push({ start: s, end: e, secret });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A decoded value written back in its region's syntax. */
function encode(region: Region, value: string): string {
  switch (region.kind) {
    case 'xml-text':
      return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    case 'xml-attr':
      return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
    case 'json-string':
      return JSON.stringify(value).slice(1, -1);
    case 'json-bare':
      // A number stays a number when only digits were masked (an APPID); anything else becomes a string.
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$|^(true|false|null)$/.test(value) ? value : JSON.stringify(value);
    case 'xml-comment':
      return value.replace(/--/g, '- -');
    case 'plain':
      return value;
  }
}

export interface RedactedText {
  readonly text: string;
  readonly counts: KindCounts;
  /** The secrets masked in this text (a value found only inside a larger masked one is not among them). */
  readonly masked: ReadonlySet<Secret>;
}

/** Masks every secret in one text, in value regions only, and counts what it masked. */
export function redactOne(text: string, secrets: readonly Secret[]): RedactedText {
  const counts = emptyCounts();
  const seen = new Set<Secret>();
  if (secrets.length === 0) return { text, counts, masked: seen };
  const parts: string[] = [];
  let at = 0;
  for (const region of lexRegions(text)) {
    const hits = findHits(region.value, secrets);
    if (hits.length === 0) continue;
    let value = '';
    let k = 0;
    for (const h of hits) {
      value += region.value.slice(k, h.start) + h.secret.mask;
      k = h.end;
      if (!seen.has(h.secret)) {
        seen.add(h.secret);
        counts[h.secret.kind]++;
      }
    }
    value += region.value.slice(k);
    parts.push(text.slice(at, region.start), encode(region, value));
    at = region.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), counts, masked: seen };
}

/** Masks every secret in one text (see `redactOne`). */
export function redactText(text: string, secrets: readonly Secret[]): string {
  return redactOne(text, secrets).text;
}

export interface Redacted {
  readonly texts: readonly string[];
  /** Every value searched for (the link's self-check searches them all). */
  readonly secrets: readonly Secret[];
  /**
   * The values masked somewhere: what the dialog counts, the same way as per text. A value found only inside a
   * larger masked one (the `q-ak` of a masked `Authorization`) was never there to mask on its own.
   */
  readonly masked: readonly Secret[];
  /** Per text: how many distinct values of each kind were masked in it. */
  readonly counts: readonly KindCounts[];
  /** Per text: it holds a document that cannot be read (masked by the name-and-shape pass over its values). */
  readonly unreadable: readonly boolean[];
}

export function redactTexts(texts: readonly string[], options: RedactionOptions): Redacted {
  const secrets = collectSecrets(texts, options);
  const done = texts.map((t) => redactOne(t, secrets));
  return {
    texts: done.map((d) => d.text),
    secrets,
    masked: secrets.filter((secret) => done.some((d) => d.masked.has(secret))),
    counts: done.map((d) => d.counts),
    unreadable: texts.map((t) => parsePayload(t).documents.some((d) => d.state === 'Invalid')),
  };
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
