/**
 * COS headers panel data: the `CosHeaders` Key/Value pairs of the object that triggered a workflow, in source
 * order with duplicates (GO `JobInput.CosHeaders`; under `Operation.Input` in the Tts sample), with sizes made
 * readable and known headers given a stable explanation key the UI translates.
 */
import type { CosHeader, Job, WorkflowExecution } from '../model';
import { formatBytes } from './format-time';

export type HeaderLocation = 'input' | 'operation.input' | 'execution' | 'moderation';

/** Known headers, by the key the UI's explanation messages use. */
export const HEADER_EXPLANATION_KEYS = [
  'content-type',
  'content-length',
  'content-md5',
  'content-encoding',
  'content-disposition',
  'content-language',
  'cache-control',
  'expires',
  'etag',
  'last-modified',
  'date',
  'size',
  'event-name',
  'x-cos-request-id',
  'x-cos-meta',
  'x-cos-storage-class',
  'x-cos-version-id',
  'x-cos-hash-crc64ecma',
  'x-cos-server-side-encryption',
  'x-cos-object-type',
  'x-cos-tagging-count',
  'x-cos-acl',
] as const;

export type HeaderExplanationKey = (typeof HEADER_EXPLANATION_KEYS)[number];

export interface HeaderRow {
  /** Position among all rows, in source order. */
  readonly index: number;
  /** '' when the payload has no Key. */
  readonly key: string;
  /** '' when the payload has no Value. */
  readonly value: string;
  readonly where: HeaderLocation;
  /** For `Size` and `Content-Length` holding only digits. */
  readonly bytes?: number;
  readonly humanSize?: string;
  readonly explanationKey?: HeaderExplanationKey;
}

const KNOWN = new Set<string>(HEADER_EXPLANATION_KEYS);
/** COS headers whose wire spelling differs from the explanation key. */
const ALIASES: Readonly<Record<string, HeaderExplanationKey>> = { eventname: 'event-name' };

export function explanationKeyOf(key: string): HeaderExplanationKey | undefined {
  const k = key.trim().toLowerCase();
  if (k.startsWith('x-cos-meta-')) return 'x-cos-meta';
  if (Object.hasOwn(ALIASES, k)) return ALIASES[k];
  return KNOWN.has(k) && k !== 'x-cos-meta' ? (k as HeaderExplanationKey) : undefined;
}

const SIZE_KEYS = new Set(['size', 'content-length']);

function toRow(header: CosHeader, index: number, where: HeaderLocation): HeaderRow {
  const key = header.key ?? '';
  const value = header.value ?? '';
  const explanationKey = explanationKeyOf(key);
  const digits = value.trim();
  const bytes =
    SIZE_KEYS.has(key.trim().toLowerCase()) && /^\d{1,16}$/.test(digits) ? Number(digits) : undefined;
  const humanSize = formatBytes(bytes);
  return {
    index,
    key,
    value,
    where,
    ...(bytes === undefined ? {} : { bytes }),
    ...(humanSize === undefined ? {} : { humanSize }),
    ...(explanationKey === undefined ? {} : { explanationKey }),
  };
}

/** `Input.CosHeaders` first, then `Operation.Input.CosHeaders`, each in source order. */
export function buildHeaderRows(job: Job): readonly HeaderRow[] {
  const rows: HeaderRow[] = [];
  for (const h of job.input?.cosHeaders ?? []) rows.push(toRow(h, rows.length, 'input'));
  for (const h of job.operation?.input?.cosHeaders ?? []) rows.push(toRow(h, rows.length, 'operation.input'));
  return rows;
}

/** A moderation job's CosHeaders (`cos_headers`), which the callback gives as a map: one row per header. */
export function buildModerationHeaderRows(headers: readonly CosHeader[]): readonly HeaderRow[] {
  return headers.map((h, i) => toRow(h, i, 'moderation'));
}

export function buildExecutionHeaderRows(execution: WorkflowExecution): readonly HeaderRow[] {
  return execution.cosHeaders.map((h, i) => toRow(h, i, 'execution'));
}

/** The first header named `name` (case-insensitive) in `Input.CosHeaders`, then `Operation.Input.CosHeaders`. */
export function findCosHeader(job: Job, name: string): CosHeader | undefined {
  const wanted = name.toLowerCase();
  const match = (h: CosHeader): boolean => h.key?.trim().toLowerCase() === wanted;
  return job.input?.cosHeaders.find(match) ?? job.operation?.input?.cosHeaders.find(match);
}
