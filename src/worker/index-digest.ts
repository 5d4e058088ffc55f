import {
  timesOfFirstJob,
  type DocumentDigest,
  type DocumentTimes,
  type JobDigest,
} from '../domain/derive/digest';
import type { OutputNames } from '../domain/derive/output-names';
import type { TimeValue } from '../domain/model';
import { packLines, packSearch, unpackLines, unpackSearch, type StringTable } from './index-text';

/**
 * A digest as a stored index record keeps it (`stored-index.ts`), in fewer bytes than its JSON: writing ~2 KB of
 * JSON per callback was most of what an index cost a first load (IndexedDB hands every byte to the browser
 * process), and reading it back most of a reload.
 *
 * - Every string is kept once per record, in its table (`StringTable`): a value is its position. A Tag, State,
 *   template or queue repeats in every callback; JobIds and object keys repeat in the search text.
 * - The search text is kept as its lines, each one either a line of the digest's own fields in lower case
 *   (`searchLines`: most of it repeats the JobId, object key, UserData, … of the same digest) or a string of the
 *   table (an output key, which the digest does not hold). Made again, it is the same string, character for
 *   character, so the list's filter matches exactly what it matched before the reload.
 * - A job list response's digest (nearly every callback) is kept as arrays of values in a fixed order, without
 *   its keys, and without what its jobs give again (its times, Tags and job count: `digestOfModel` takes them from
 *   the jobs). One that does not have exactly the shape it is made with is kept whole (`[digest, …]`).
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The string fields of a job digest, in the order its keys are made (`digestOfModel`). */
const JOB_TEXTS = [
  'jobId',
  'tag',
  'state',
  'code',
  'message',
  'runId',
  'workflowName',
  'userData',
  'templateId',
  'templateName',
  'queueId',
  'object',
] as const;
const JOB_TIMES = ['creationTime', 'startTime', 'endTime'] as const;
const JOB_KEYS = new Set<string>([...JOB_TEXTS, ...JOB_TIMES]);
/** The keys of a job list response's digest. */
const JOBS_DIGEST_KEYS = new Set([
  'kind',
  'title',
  'times',
  'tags',
  'searchText',
  'outputs',
  'jobs',
  'contentHash',
  'problem',
]);

/** Marks a job list response's entry (`[JOBS, …]`); any other digest's entry starts with the digest itself. */
const JOBS = 1;

/** Whether `n` is a number JSON holds as it is (not NaN or infinite). */
function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * The text CI writes for a time with an offset (`2022-07-18T00:00:01+0800`): a time whose text is exactly this is
 * kept as its two numbers (`[CANONICAL, epochMs, offsetMinutes]`), its text made again.
 */
function canonicalTimeText(epochMs: number, offsetMinutes: number): string | undefined {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) return undefined;
  const d = new Date(epochMs + offsetMinutes * 60_000);
  const year = d.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const abs = Math.abs(offsetMinutes);
  // Joined, not concatenated: V8 keeps a text made with `+` or a template as a tree of its parts (~6 nodes for
  // this one); kept in every restored or packed document, 3 times a job, that was ~40 MB of a page's heap at 100,000.
  return [
    year,
    '-',
    two(d.getUTCMonth() + 1),
    '-',
    two(d.getUTCDate()),
    'T',
    two(d.getUTCHours()),
    ':',
    two(d.getUTCMinutes()),
    ':',
    two(d.getUTCSeconds()),
    offsetMinutes < 0 ? '-' : '+',
    two(Math.floor(abs / 60)),
    two(abs % 60),
  ].join('');
}
const CANONICAL = -2;

/**
 * A time as `[text, epochMs?, offsetMinutes?]` (or `[CANONICAL, epochMs, offsetMinutes]`); `undefined` when it has
 * another shape (kept whole).
 */
function packTime(time: TimeValue, table: StringTable): number[] | undefined {
  for (const key in time)
    if (key !== 'text' && key !== 'epochMs' && key !== 'offsetMinutes') return undefined;
  const { text, epochMs, offsetMinutes } = time;
  if (typeof text !== 'string') return undefined;
  if (epochMs === undefined) return offsetMinutes === undefined ? [table.ref(text)] : undefined;
  if (!isFiniteNumber(epochMs)) return undefined;
  if (offsetMinutes === undefined) return [table.ref(text), epochMs];
  if (!isFiniteNumber(offsetMinutes)) return undefined;
  if (text === canonicalTimeText(epochMs, offsetMinutes)) return [CANONICAL, epochMs, offsetMinutes];
  return [table.ref(text), epochMs, offsetMinutes];
}

function unpackTime(v: unknown, table: readonly unknown[]): TimeValue | undefined {
  if (!Array.isArray(v)) return undefined;
  const text: unknown =
    v[0] === CANONICAL ? canonicalTimeText(v[1] as number, v[2] as number) : table[v[0] as number];
  if (typeof text !== 'string') return undefined;
  // As JSON kept it: no key for a value it does not have.
  if (v.length === 1) return { text } as TimeValue;
  if (v.length === 2) return { text, epochMs: v[1] as number } as TimeValue;
  return { text, epochMs: v[1] as number, offsetMinutes: v[2] as number };
}

/** A job as its values in `JOB_TEXTS`, `JOB_TIMES` order (`-1`: none; trailing ones left out). */
function packJob(job: JobDigest, table: StringTable): (number | number[])[] | undefined {
  for (const key in job) if (!JOB_KEYS.has(key)) return undefined;
  const values: (number | number[])[] = [];
  for (const key of JOB_TEXTS) {
    const value = job[key];
    if (value === undefined) values.push(-1);
    else if (typeof value === 'string') values.push(table.ref(value));
    else return undefined;
  }
  for (const key of JOB_TIMES) {
    const value = job[key];
    if (value === undefined) values.push(-1);
    else {
      const time = typeof value === 'object' && value !== null ? packTime(value, table) : undefined;
      if (!time) return undefined;
      values.push(time);
    }
  }
  let end = values.length;
  while (end > 0 && values[end - 1] === -1) end--;
  values.length = end;
  return values;
}

function unpackJob(v: unknown, table: readonly unknown[]): JobDigest | undefined {
  if (!Array.isArray(v)) return undefined;
  const job: Record<string, unknown> = {};
  for (let i = 0; i < JOB_TEXTS.length; i++) {
    const r: unknown = v[i];
    if (r === undefined || r === -1) continue;
    const text: unknown = table[r as number];
    if (typeof text !== 'string') return undefined;
    job[JOB_TEXTS[i] as string] = text;
  }
  for (let i = 0; i < JOB_TIMES.length; i++) {
    const t: unknown = v[JOB_TEXTS.length + i];
    if (t === undefined || t === -1) continue;
    const time = unpackTime(t, table);
    if (!time) return undefined;
    job[JOB_TIMES[i] as string] = time;
  }
  return job as JobDigest;
}

function tagsOfJobs(jobs: readonly JobDigest[]): string[] {
  const tags = new Set<string>();
  for (const job of jobs) if (job.tag) tags.add(job.tag);
  return [...tags];
}

function sameTimes(a: DocumentTimes, b: DocumentTimes): boolean {
  let keys = 0;
  for (const key in a) if (Object.hasOwn(a, key)) keys++;
  return (
    keys === Object.keys(b).length &&
    a.createdEpochMs === b.createdEpochMs &&
    a.endEpochMs === b.endEpochMs &&
    a.runTimeMs === b.runTimeMs
  );
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function isOutputs(v: unknown): v is OutputNames[] {
  return (
    Array.isArray(v) &&
    v.every(
      (o) =>
        typeof o === 'object' &&
        o !== null &&
        Object.keys(o as object).length === 2 &&
        typeof (o as OutputNames).prefix === 'string' &&
        typeof (o as OutputNames).names === 'string',
    )
  );
}

/** A job list response's entry, if the digest has exactly the shape `digestOfModel` gives one. */
function packJobsDigest(
  digest: DocumentDigest,
  diagnostics: unknown,
  table: StringTable,
): unknown[] | undefined {
  const { title, jobs, times, tags, contentHash, problem, outputs } = digest;
  if (digest.kind !== 'jobs' || jobs.length === 0) return undefined;
  for (const key in digest) if (!JOBS_DIGEST_KEYS.has(key)) return undefined;
  let titleKeys = 0;
  for (const key in title) if (Object.hasOwn(title, key)) titleKeys++;
  const { eventName, jobCount } = title;
  if (titleKeys !== (eventName === undefined ? 1 : 2) || jobCount !== jobs.length) return undefined;
  if (eventName !== undefined && typeof eventName !== 'string') return undefined;
  if (contentHash !== undefined && typeof contentHash !== 'string') return undefined;
  if (problem !== undefined && typeof problem !== 'string') return undefined;
  if (outputs !== undefined && !isOutputs(outputs)) return undefined;
  if (!sameTimes(times, timesOfFirstJob(jobs[0])) || !sameStrings(tags, tagsOfJobs(jobs))) return undefined;
  const packed: (number | number[])[][] = [];
  for (const job of jobs) {
    const values = packJob(job, table);
    if (!values) return undefined;
    packed.push(values);
  }
  const entry: unknown[] = [
    JOBS,
    diagnostics,
    packSearch(digest.searchText, digest, table),
    eventName === undefined ? -1 : table.ref(eventName),
    packed,
    contentHash === undefined ? -1 : table.ref(contentHash),
  ];
  if (problem !== undefined || outputs !== undefined)
    entry.push(problem === undefined ? -1 : table.ref(problem));
  if (outputs !== undefined) entry.push(outputs.map((o) => [o.prefix, packLines(o.names)]));
  return entry;
}

function unpackJobsDigest(entry: readonly unknown[], table: readonly unknown[]): DocumentDigest | undefined {
  const [, , search, eventRef, packed, hashRef, problemRef, outputs] = entry;
  if (!Array.isArray(packed) || packed.length === 0) return undefined;
  const jobs: JobDigest[] = [];
  for (const v of packed) {
    const job = unpackJob(v, table);
    if (!job) return undefined;
    jobs.push(job);
  }
  const text = (ref: unknown): string | undefined | null => {
    if (ref === undefined || ref === -1) return undefined;
    const value: unknown = table[ref as number];
    return typeof value === 'string' ? value : null;
  };
  const eventName = text(eventRef);
  const contentHash = text(hashRef);
  const problem = text(problemRef);
  if (eventName === null || contentHash === null || problem === null) return undefined;
  let names: OutputNames[] | undefined;
  if (outputs !== undefined) {
    if (!Array.isArray(outputs)) return undefined;
    names = [];
    for (const o of outputs as unknown[]) {
      const prefix: unknown = Array.isArray(o) ? o[0] : undefined;
      const lines = Array.isArray(o) ? unpackLines(o[1]) : undefined;
      if (typeof prefix !== 'string' || lines === undefined) return undefined;
      names.push({ prefix, names: lines });
    }
  }
  const digest: Mutable<DocumentDigest> = {
    kind: 'jobs',
    title: eventName === undefined ? { jobCount: jobs.length } : { eventName, jobCount: jobs.length },
    times: timesOfFirstJob(jobs[0]),
    tags: tagsOfJobs(jobs),
    searchText: '',
  } as unknown as Mutable<DocumentDigest>;
  if (names !== undefined) digest.outputs = names;
  digest.jobs = jobs;
  if (contentHash !== undefined) digest.contentHash = contentHash;
  if (problem !== undefined) digest.problem = problem as DocumentDigest['problem'];
  const searchText = unpackSearch(search, digest, table);
  if (searchText === undefined) return undefined;
  digest.searchText = searchText;
  return digest;
}

/**
 * A document's entry in a record: `[JOBS, diagnostics, search, eventName, jobs, contentHash, problem?, outputs?]`
 * for a job list response of the usual shape (each output `[prefix, its names packed]`), else
 * `[digest without its search text, diagnostics, search]` (`diagnostics`: `0` for none).
 */
export function packDigestEntry(
  digest: DocumentDigest,
  diagnostics: readonly unknown[],
  table: StringTable,
): unknown[] {
  const diags = diagnostics.length > 0 ? diagnostics : 0;
  const entry = packJobsDigest(digest, diags, table);
  if (entry) return entry;
  const { searchText, ...rest } = digest;
  return [rest, diags, packSearch(searchText, digest, table)];
}

/** The digest and diagnostics of an entry (`undefined` when it is not one). */
export function unpackDigestEntry(
  entry: unknown,
  table: readonly unknown[],
): { digest: DocumentDigest; diagnostics: unknown } | undefined {
  if (!Array.isArray(entry)) return undefined;
  const [head, diagnostics, search] = entry as unknown[];
  if (head === JOBS) {
    const digest = unpackJobsDigest(entry, table);
    return digest && { digest, diagnostics };
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return undefined;
  const digest = { ...(head as DocumentDigest), searchText: '' } as Mutable<DocumentDigest>;
  if (!Array.isArray(digest.jobs) || typeof digest.title !== 'object' || digest.title === null)
    return undefined;
  const searchText = unpackSearch(search, digest, table);
  if (searchText === undefined) return undefined;
  digest.searchText = searchText;
  return { digest, diagnostics };
}
