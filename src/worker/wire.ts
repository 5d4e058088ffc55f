import {
  digestOf,
  keepDigest,
  type DocumentDigest,
  type DocumentTitle,
  type JobDigest,
} from '../domain/derive/digest';
import type { CallbackDocument, CallbackModel, SourceFormat } from '../domain/model';
import type { WireDocument } from './protocol';
import { isSourceRead, sourceInBlob } from './source-text';

/**
 * Payloads up to this long (callbacks are a few KB) have their models read again on the page when shown, not sent
 * with them: a few milliseconds at most on the main thread. A larger one's model is sent.
 */
export const READ_ON_DEMAND_MAX = 64 * 1024;

/** Reads a document's model from its source (`domain/read-model.ts`, loaded by the page when it needs it). */
export type ModelReader = (text: string, format: SourceFormat) => CallbackModel | undefined;

/**
 * A document as the worker sends it (`WireDocument`). A document's source is always a stretch of the text it was
 * parsed from, starting at `source.start.offset` (parse-payload's invariant, tested on every fixture and hostile
 * input): the worker sends where, the page takes the text from its own copy.
 */
export function toWire(
  doc: CallbackDocument,
  {
    modelsOnDemand = false,
    bytes,
  }: { modelsOnDemand?: boolean; bytes?: { start: number; length: number } | 'inline' } = {},
): WireDocument {
  const { source, model, ...rest } = doc;
  const onDemand = modelsOnDemand && model !== undefined && source.text.length <= READ_ON_DEMAND_MAX;
  const where =
    bytes === undefined
      ? { start: source.start, length: source.text.length }
      : bytes === 'inline'
        ? { start: source.start, length: source.text.length, text: source.text }
        : { start: source.start, length: source.text.length, bytes };
  return {
    ...rest,
    source: where,
    ...(model === undefined ? {} : onDemand ? { modelOnDemand: true } : { model }),
    digest: packDigest(digestOf(doc, false)),
  };
}

/**
 * The document again: its source text sliced from `text` (which shares its memory, not a copy of it), its digest
 * remembered, and a model sent on demand read by `readModel` the first time it is asked for (then kept).
 */
export function fromWire(wire: WireDocument, text: string | Blob, readModel?: ModelReader): CallbackDocument {
  const { source, digest, modelOnDemand, ...rest } = wire;
  const from = source.start.offset;
  const pageSource: CallbackDocument['source'] =
    typeof text === 'string'
      ? { start: source.start, text: text.slice(from, from + source.length) }
      : source.text !== undefined || source.bytes === undefined
        ? { start: source.start, text: source.text ?? '' }
        : sourceInBlob(source.start, text, source.bytes);
  let doc: CallbackDocument;
  if (modelOnDemand) {
    if (!readModel) throw new Error('A model sent on demand needs a reader');
    doc = new DocumentReadOnDemand(rest, pageSource, readModel);
  } else doc = { ...rest, source: pageSource };
  keepDigest(doc, unpackDigest(digest));
  return doc;
}

/**
 * A document whose model is read from its source the first time it is asked for (then kept). A class with the
 * getter on its prototype: a getter defined on each document (a closure and an accessor of its own) made every one
 * of a large file's documents an object of its own shape, with garbage collection's work to match.
 */
const READER = Symbol('model reader');
const MODEL = Symbol('model');

class DocumentReadOnDemand implements CallbackDocument {
  readonly index: number;
  readonly format: CallbackDocument['format'];
  readonly state: CallbackDocument['state'];
  readonly diagnostics: CallbackDocument['diagnostics'];
  readonly source: CallbackDocument['source'];
  readonly contentType?: string;
  readonly contentVersion?: string;
  declare private [READER]: ModelReader | undefined;
  declare private [MODEL]: CallbackModel | undefined;

  constructor(
    fields: Omit<CallbackDocument, 'source' | 'model'>,
    source: CallbackDocument['source'],
    readModel: ModelReader,
  ) {
    this.index = fields.index;
    this.format = fields.format;
    this.state = fields.state;
    this.diagnostics = fields.diagnostics;
    this.source = source;
    if (fields.contentType !== undefined) this.contentType = fields.contentType;
    if (fields.contentVersion !== undefined) this.contentVersion = fields.contentVersion;
    // Not enumerable: what the document says is its fields and its model, as for any other document.
    Object.defineProperty(this, READER, { value: readModel, writable: true });
    Object.defineProperty(this, MODEL, { value: undefined, writable: true });
  }

  get model(): CallbackModel | undefined {
    // Its source still in the file: no model yet (the page reads the source before it shows the document).
    const read = this[READER];
    if (read && isSourceRead(this)) {
      this[MODEL] = read(this.source.text, this.format);
      this[READER] = undefined;
    }
    return this[MODEL];
  }
}

/**
 * The title of a job list response's digest, but for its job count, is its first job's (`digestOfModel`): sent
 * once, in the job. A structured clone copies every string it meets, so each would arrive twice.
 */
function packDigest(digest: DocumentDigest): DocumentDigest {
  if (digest.kind !== 'jobs' || digest.jobs.length === 0) return digest;
  const { eventName, jobCount } = digest.title;
  return { ...digest, title: eventName === undefined ? { jobCount } : { eventName, jobCount } };
}

/**
 * The digest as the page keeps it: the title made again from the first job (sharing its strings), and the strings
 * that repeat from one callback to the next (State, Tag, Code, Message, template, queue, workflow names) shared,
 * one copy each, instead of a copy per callback: at 100,000 callbacks the page holds tens of MB less.
 */
export function unpackDigest(digest: DocumentDigest): DocumentDigest {
  // In place: the digest came in a message, only this page holds it (and a copy per callback is garbage).
  const tags = digest.tags as string[];
  for (let i = 0; i < tags.length; i++) tags[i] = shared(tags[i] as string);
  if (digest.kind !== 'jobs' || digest.jobs.length === 0) return digest;
  for (const job of digest.jobs) sharedJob(job);
  const first = digest.jobs[0] as JobDigest;
  const title: { -readonly [K in keyof DocumentTitle]: DocumentTitle[K] } = { jobCount: 0 };
  if (first.jobId !== undefined) {
    title.id = first.jobId;
    title.idKind = 'job';
  }
  if (first.tag !== undefined) title.tag = first.tag;
  if (first.workflowName !== undefined) title.workflowName = first.workflowName;
  if (first.endTime !== undefined) {
    title.endTimeText = first.endTime.text;
    title.endTime = first.endTime;
  }
  if (first.object !== undefined) title.object = first.object;
  if (digest.title.eventName !== undefined) title.eventName = shared(digest.title.eventName);
  title.jobCount = digest.title.jobCount;
  (digest as { title: DocumentTitle }).title = title;
  return digest;
}

const REPEATING: readonly (keyof JobDigest)[] = [
  'tag',
  'state',
  'code',
  'message',
  'workflowName',
  'templateId',
  'templateName',
  'queueId',
];

/** The job with its repeating strings shared: in place (it came in a message: only this page holds it). */
function sharedJob(job: JobDigest): JobDigest {
  const writable = job as Record<string, unknown>;
  for (const key of REPEATING) {
    const value = job[key];
    if (typeof value === 'string') writable[key] = shared(value);
  }
  return job;
}

/** One copy of each short string seen (up to a number of them: past it, strings are kept as they come). */
const strings = new Map<string, string>();
const MAX_SHARED = 100_000;
const MAX_SHARED_LENGTH = 256;

function shared(value: string): string {
  if (value.length > MAX_SHARED_LENGTH) return value;
  const known = strings.get(value);
  if (known !== undefined) return known;
  if (strings.size < MAX_SHARED) strings.set(value, value);
  return value;
}
