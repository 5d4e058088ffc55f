/**
 * What every reader of the wire shares: paths (built cheaply, written out only when needed), the trace of each leaf,
 * the reading context, and what counts as a leaf and as "no value".
 */
import type { Diagnostic } from '../diagnostics';
import { RawNumber } from '../parse/raw-number';

/**
 * A path as a linked list: built for every record visited (cheap), turned into a string only when a diagnostic
 * or a trace needs it. Keys are wire names or list indexes.
 */
export interface Path {
  readonly parent: Path | undefined;
  readonly key: string | number;
}

export function child(parent: Path | undefined, key: string | number): Path {
  return { parent, key };
}

export function pathToString(path: Path | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.parent) keys.push(p.key);
  let s = '';
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i] as string | number;
    s += typeof k === 'number' ? `[${k}]` : s === '' ? k : `.${k}`;
  }
  return s;
}

/** One leaf of the source and the model field it went to (only recorded when tracing). */
export interface TraceEntry {
  /** Source path, e.g. `Response.JobsDetail.Input.CosHeaders[1].Value`. */
  readonly source: string;
  /** Model path, e.g. `jobs[0].input.cosHeaders[1].value`. */
  readonly target: string;
  /** The leaf's verbatim text ('' for an empty element). */
  readonly text: string;
}

export interface ReadContext {
  readonly diagnostics: Diagnostic[];
  readonly trace?: (entry: TraceEntry) => void;
}

type RawRecord = { readonly [key: string]: unknown };

export function isRecord(v: unknown): v is RawRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawNumber);
}

/** The text of a leaf, or `undefined` when the value is a container. JSON null is an empty leaf. */
export function leafText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof RawNumber) return v.text;
  if (v === null) return '';
  return undefined;
}

/** Empty, `-` and missing are all "no value" (DESIGN.md). */
export function isNoValue(text: string): boolean {
  if (text === '' || text === '-') return true;
  // Most texts neither start nor end with white space: no need to trim them.
  return (
    isSpaceCode(text.charCodeAt(0)) && isSpaceCode(text.charCodeAt(text.length - 1)) && text.trim() === ''
  );
}

/** Any code unit `String.prototype.trim` removes is at most U+FEFF; every ASCII letter, digit and mark is kept. */
function isSpaceCode(c: number): boolean {
  return c <= 32 || c >= 0x80;
}
