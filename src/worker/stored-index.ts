import type { Diagnostic } from '../domain/diagnostics';
import { packDigestEntry, unpackDigestEntry } from './index-digest';
import { StringTable } from './index-text';
import type { WireDocument } from './protocol';

/**
 * A file's documents as the worker sent them (`WireDocument`: digests, states, where each one's bytes are), kept
 * beside the file's Blob in the tab's database (`index-store.ts`), so a reload lists the file again without parsing
 * it. Kept in records of up to `INDEX_RECORD_SIZE` documents, in columns: the numbers of where each document is in
 * one Float64Array, the digests and diagnostics as one compact JSON text (`index-digest.ts`) (stored and read back as one string; the worker
 * parses it), the rare fields by position. The worker decodes a record and sends its documents as it would parsed
 * ones.
 */

/**
 * Changes whenever what a stored index holds would: the record layout here (`INDEX_LAYOUT`) and a hash of the
 * parser, the digest and the wire format, made at build time (`vite.config.ts`). An index of another version is
 * not read: the file is parsed again (an app update never restores documents its parser would not give).
 */
const INDEX_LAYOUT = 4;
declare const __INDEX_VERSION__: string | undefined;
export const INDEX_VERSION = `${INDEX_LAYOUT}:${typeof __INDEX_VERSION__ === 'string' ? __INDEX_VERSION__ : 'dev'}`;

/** Documents per stored record: a record is one write, one read and one message to the page. */
export const INDEX_RECORD_SIZE = 1000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Numbers per document in `IndexRecord.at`. */
const STRIDE = 7;

export interface IndexRecord {
  readonly n: number;
  /** Per document: index, line, column, offset, source length, bytes start, bytes length (-1: no bytes). */
  readonly at: Float64Array;
  readonly format: readonly string[];
  readonly state: readonly string[];
  /** 1 when its model is read on demand. */
  readonly onDemand: Uint8Array;
  /**
   * A JSON array with, per document, its digest and diagnostics as an entry (`index-digest.ts`: strings by their
   * position in `strings`, the search text as lines of the digest's own fields),
   * or `0` when its digest is in `other` (one JSON would not give back as it was: a number that is not finite).
   */
  readonly json: string;
  /**
   * The strings the entries refer to, each once. An array, not part of the JSON: the structured clone keeps each
   * string in one byte a character unless it needs two (one Chinese object key made the whole JSON text two).
   */
  readonly strings: readonly string[];
  /** By position: every other field (a model sent whole, a text whose bytes were not mapped, a Content-Type). */
  readonly other: Readonly<Record<number, Readonly<Record<string, unknown>>>>;
  /** Bytes of the file read when its last document was given (the progress of a restore). */
  readonly read: number;
}

/** What a complete index says of itself: written last, after all its records. */
export interface IndexHeader {
  readonly v: string;
  /** The Blob's size when it was parsed: an index of another Blob is not read. */
  readonly size: number;
  readonly count: number;
  readonly records: number;
  /** What the records take in storage (`storedBytesOf`): counted in what the tab keeps. */
  readonly bytes: number;
  /** About the input as a whole (given with a load's last batch). */
  readonly diagnostics: readonly Diagnostic[];
}

/** One record of these documents (at most `INDEX_RECORD_SIZE`, not checked). */
export function encodeIndexRecord(docs: readonly WireDocument[], read: number): IndexRecord {
  const n = docs.length;
  const at = new Float64Array(n * STRIDE);
  const format: string[] = [];
  const state: string[] = [];
  const onDemand = new Uint8Array(n);
  const other: Record<number, Record<string, unknown>> = {};
  const table = new StringTable();
  const entries = docs.map((d) => packDigestEntry(d.digest, d.diagnostics, table));
  // One JSON text for the whole record, in one call; per document only when it holds a null (a number JSON cannot
  // hold, or a text that says null: told apart below).
  const entriesJson = JSON.stringify(entries);
  const fast = !entriesJson.includes('null');
  const json: string[] = [];
  docs.forEach((doc, i) => {
    const { index, format: f, state: s, diagnostics, source, digest, modelOnDemand, ...rest } = doc;
    const o = i * STRIDE;
    at[o] = index;
    at[o + 1] = source.start.line;
    at[o + 2] = source.start.column;
    at[o + 3] = source.start.offset;
    at[o + 4] = source.length;
    at[o + 5] = source.bytes ? source.bytes.start : -1;
    at[o + 6] = source.bytes ? source.bytes.length : -1;
    format.push(f);
    state.push(s);
    onDemand[i] = modelOnDemand ? 1 : 0;
    const more: Record<string, unknown> = { ...rest };
    if (source.text !== undefined) more.sourceText = source.text;
    if (!fast) {
      // A digest has no null: one in its JSON was a number JSON cannot hold (NaN, Infinity); kept as it is.
      const text = JSON.stringify(entries[i]);
      if (text.includes('null')) {
        more.digest = digest;
        more.diagnostics = diagnostics;
        json.push('0');
      } else json.push(text);
    }
    if (Object.keys(more).length > 0) other[i] = more;
  });
  const packed = fast ? entriesJson : `[${json.join(',')}]`;
  return { n, at, format, state, onDemand, json: packed, strings: table.list, other, read };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether `v` has the shape of a whole record (storage can hold anything: a record cut short, another layout).
 */
export function isIndexRecord(v: unknown): v is IndexRecord {
  if (!isRecord(v)) return false;
  const { n, at, format, state, onDemand, json, strings, other } = v;
  return (
    typeof n === 'number' &&
    at instanceof Float64Array &&
    at.length === n * STRIDE &&
    Array.isArray(format) &&
    format.length === n &&
    Array.isArray(state) &&
    state.length === n &&
    onDemand instanceof Uint8Array &&
    onDemand.length === n &&
    typeof json === 'string' &&
    Array.isArray(strings) &&
    isRecord(other)
  );
}

/**
 * A number read from a Float64Array as an integer when it is one: V8 then keeps it in the object as a small integer,
 * not as a boxed double (16 bytes each; 7 per document of a 100,000-callback page, ~10 MB).
 */
function small(n: number): number {
  return (n | 0) === n ? n | 0 : n;
}

/** The documents of a stored record, as the worker sent them; `undefined` if it is not a whole record. */
export function decodeIndexRecord(v: unknown): WireDocument[] | undefined {
  const record = openIndexRecord(v);
  return record?.decode(0, record.n);
}

/**
 * A stored record whose documents are decoded a stretch at a time (`decode(from, to)`, `undefined` if one of them
 * is not whole): the page decodes a record of 1,000 in several tasks. `undefined` if it is not a record.
 */
export function openIndexRecord(
  v: unknown,
): { readonly n: number; decode(from: number, to: number): WireDocument[] | undefined } | undefined {
  if (!isIndexRecord(v)) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(v.json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== v.n) return undefined;
  const record = v;
  const entries: unknown[] = parts;
  return { n: v.n, decode: (from, to) => decodeStretch(record, entries, from, to) };
}

function decodeStretch(
  record: IndexRecord,
  parts: readonly unknown[],
  from: number,
  to: number,
): WireDocument[] | undefined {
  const { at, format, state, onDemand, strings: table, other } = record;
  const docs: WireDocument[] = new Array<WireDocument>(Math.max(0, to - from));
  // Object literals of one shape, no spreads: this runs for every document of a reload (100,000 of them).
  for (let i = from; i < to; i++) {
    const o = i * STRIDE;
    const more = other[i];
    const part: unknown = parts[i];
    const kept = isRecord(more) ? more : undefined;
    let unpacked: ReturnType<typeof unpackDigestEntry>;
    try {
      unpacked = part === 0 ? undefined : unpackDigestEntry(part, table);
    } catch {
      return undefined;
    }
    if (part !== 0 && !unpacked) return undefined;
    const digest: unknown = unpacked ? unpacked.digest : kept?.digest;
    const diagnostics: unknown = unpacked ? unpacked.diagnostics : kept?.diagnostics;
    if (!isRecord(digest)) return undefined;
    const bytesStart = small(at[o + 5] ?? -1);
    const start = {
      line: small(at[o + 1] ?? 0),
      column: small(at[o + 2] ?? 0),
      offset: small(at[o + 3] ?? 0),
    };
    const length = small(at[o + 4] ?? 0);
    const source: Mutable<WireDocument['source']> =
      bytesStart >= 0
        ? { start, length, bytes: { start: bytesStart, length: small(at[o + 6] ?? 0) } }
        : { start, length };
    const doc: Mutable<WireDocument> = {
      index: small(at[o] ?? 0),
      format: format[i] as WireDocument['format'],
      state: state[i] as WireDocument['state'],
      diagnostics: Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : [],
      source,
      digest: digest as unknown as WireDocument['digest'],
    };
    if (onDemand[i] === 1) doc.modelOnDemand = true;
    if (kept) {
      for (const [key, value] of Object.entries(kept)) {
        if (key === 'sourceText') {
          if (typeof value === 'string') source.text = value;
        } else if (key !== 'digest' && key !== 'diagnostics') (doc as Record<string, unknown>)[key] = value;
      }
    }
    docs[i - from] = doc;
  }
  return docs;
}

/**
 * About what a record takes in storage: its arrays' bytes and its strings' lengths (IndexedDB keeps a structured
 * clone of it, of about that size, before its own compression).
 */
export function storedBytesOf(record: IndexRecord): number {
  let n = record.at.byteLength + record.onDemand.byteLength + record.json.length + 16;
  for (const s of record.strings) n += s.length + 2;
  for (const s of record.format) n += s.length + 2;
  for (const s of record.state) n += s.length + 2;
  if (Object.keys(record.other).length > 0) n += JSON.stringify(record.other).length;
  return n;
}

/** The bytes of the file read when a record's last document was given (0 if it does not say). */
export function readOfRecord(v: unknown): number {
  return isRecord(v) && typeof v.read === 'number' ? v.read : 0;
}

/** Reads the count of records of the index of a Blob of `size` bytes, if the header is of this version and whole. */
export function readIndexHeader(v: unknown, size: number): IndexHeader | undefined {
  if (!isRecord(v) || v.v !== INDEX_VERSION || v.size !== size) return undefined;
  const { count, records, bytes, diagnostics } = v;
  if (
    typeof bytes !== 'number' ||
    !(bytes >= 0) ||
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    typeof records !== 'number' ||
    !Number.isInteger(records) ||
    records < 0 ||
    records * INDEX_RECORD_SIZE < count ||
    !Array.isArray(diagnostics)
  )
    return undefined;
  return { v: INDEX_VERSION, size, count, records, bytes, diagnostics: diagnostics as Diagnostic[] };
}

export function indexHeader(
  size: number,
  count: number,
  records: number,
  bytes: number,
  diagnostics: readonly Diagnostic[],
): IndexHeader {
  return { v: INDEX_VERSION, size, count, records, bytes, diagnostics };
}
