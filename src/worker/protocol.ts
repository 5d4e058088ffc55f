import type { Diagnostic } from '../domain/diagnostics';
import type { SourcePosition } from '../domain/diagnostics';
import type { DocumentDigest } from '../domain/derive/digest';
import type { CallbackDocument } from '../domain/model';
import type { ShareDecodeResult } from '../domain/share/share-link';
import type { IndexRecord } from './stored-index';

/** Parse a text and answer once with the whole result (the draft, a paste, a sample). */
export interface ParseRequest {
  readonly kind?: 'parse';
  readonly id: number;
  readonly text: string;
  readonly maxInputLength?: number;
  readonly firstIndex?: number;
}

/** Parse a text and answer in batches of `batchSize` documents, with progress, until done or cancelled. */
export interface StreamRequest {
  readonly kind: 'stream';
  readonly id: number;
  readonly text: string;
  readonly batchSize: number;
  readonly maxInputLength?: number;
  /** This worker's share when several parse the text: every `parts`-th batch from batch `part` on. */
  readonly part?: number;
  readonly parts?: number;
}

/**
 * Parse many small texts (a share link or a saved set of thousands of callbacks) in one message, answered with one
 * result per text: the same batched path as a file, not a message and a store commit per text.
 */
export interface ParseManyRequest {
  readonly kind: 'parseMany';
  readonly id: number;
  readonly texts: readonly string[];
  readonly maxInputLength?: number;
}

/**
 * Parse a Blob (a file, of any size) read in chunks (`domain/parse-blob.ts`), answered in batches: the page never
 * holds its text; each document says where its bytes are, and the page reads them when it shows the document.
 */
export interface StreamBlobRequest {
  readonly kind: 'streamBlob';
  readonly id: number;
  readonly blob: Blob;
  readonly batchSize: number;
  /**
   * The source's index in the tab's database (`index-store.ts`): its documents are stored there as they are
   * parsed; with `restore`, they are read from there first (a reload), and the Blob is parsed only without one.
   */
  readonly index?: { readonly db: string; readonly key: string; readonly restore?: boolean };
}

/**
 * Decode a share link's fragment (`domain/share/share-link.ts`): base64, decompression and JSON of up to 8 MB,
 * off the page's thread (on it, opening a link of 10,000 callbacks was a task of several hundred milliseconds).
 */
export interface DecodeShareRequest {
  readonly kind: 'decodeShare';
  readonly id: number;
  readonly fragment: string;
  readonly maxBytes: number;
}

/**
 * Make a log of JSON records back into the text they carry (`unwrapLogRecords`): a text, or a file's Blob the worker
 * reads (the page never holds a large file's text). Off the page's thread: a 16 MiB log was a task of 0.2-0.6 s.
 */
export interface UnwrapRequest {
  readonly kind: 'unwrap';
  readonly id: number;
  readonly source: string | Blob;
}

/** Stop a stream: the worker checks between batches. */
export interface CancelRequest {
  readonly kind: 'cancel';
  readonly id: number;
}

export type WorkerRequest =
  | ParseRequest
  | StreamRequest
  | StreamBlobRequest
  | ParseManyRequest
  | DecodeShareRequest
  | UnwrapRequest
  | CancelRequest;

/**
 * A document as the worker sends it (`wire.ts`):
 * - its source as a place in the text the page sent, not a copy of its text (the page holds that text already;
 *   copying 10,000 payloads back would double what each message carries);
 * - its digest, the little of the model the list, the overview and the combined timeline read;
 * - in a stream, no model for a payload of up to `READ_ON_DEMAND_MAX` (`modelOnDemand`): the page reads it
 *   from the source when the document is shown. Sending and rebuilding 10,000 models of a hundred-odd objects
 *   each cost more than the parse of a whole log on either side.
 */
export type WireDocument = Omit<CallbackDocument, 'source'> & {
  readonly source: {
    readonly start: SourcePosition;
    readonly length: number;
    /** Read from a Blob: where the source's bytes are in it (the page reads them when it needs the text). */
    readonly bytes?: { readonly start: number; readonly length: number };
    /** Read from a Blob whose bytes could not be mapped (not UTF-8): the text itself. */
    readonly text?: string;
  };
  readonly digest: DocumentDigest;
  readonly modelOnDemand?: true;
};

export interface ParseResponse {
  readonly kind: 'result';
  readonly id: number;
  readonly result: {
    readonly documents: readonly WireDocument[];
    readonly diagnostics: readonly Diagnostic[];
  };
}

/** One result per text of a `ParseManyRequest`, in its order; models of small payloads on demand. */
export interface ManyResponse {
  readonly kind: 'results';
  readonly id: number;
  readonly results: readonly ParseResponse['result'][];
}

export interface BatchResponse {
  readonly kind: 'batch';
  readonly id: number;
  /** The batch's place in the text (its first payload is number `sequence × batchSize`). */
  readonly sequence: number;
  readonly documents: readonly WireDocument[];
  /** Payloads in the whole text. */
  readonly total: number;
  /** About the input as a whole; sent with the first batch. */
  readonly diagnostics: readonly Diagnostic[];
  /** Of a Blob: bytes read so far, and in all (progress, where the number of payloads is not known ahead). */
  readonly bytes?: { readonly read: number; readonly total: number };
  /** This worker's last batch (its share is parsed, or it stopped when asked). */
  readonly done: boolean;
  readonly cancelled: boolean;
  /** The documents came from the source's stored index, not from parsing (`StreamBlobRequest.index`). */
  readonly restored?: true;
  /**
   * The batch's documents as a record of the index the worker stores (`documents` is then empty), decoded by the
   * page (`decodeIndexRecord`): a record costs a fraction of its documents to send (fewer bytes, a few long strings
   * instead of many objects). Sending documents was ~15 % of the worker's time in a first load, where the worker is
   * the busier side.
   */
  readonly packed?: IndexRecord;
}

/** A source's stored index is complete (`ok`), or could not be stored (`StreamBlobRequest.index`). */
export interface IndexedResponse {
  readonly kind: 'indexed';
  readonly key: string;
  readonly ok: boolean;
  /** Not stored because the storage was full (the file's text stays kept: a reload parses it again). */
  readonly quota?: true;
  /** What the index takes in storage (0 when it was not stored): the page counts it in what the tab keeps. */
  readonly bytes: number;
}

export interface DecodedShareResponse {
  readonly kind: 'decodedShare';
  readonly id: number;
  readonly result: ShareDecodeResult;
}

/** What the records carried (`UnwrapRequest`); no text when no record held a callback, or the file could not be read. */
export interface UnwrappedResponse {
  readonly kind: 'unwrapped';
  readonly id: number;
  readonly text?: string;
}

export type WorkerResponse =
  ParseResponse | BatchResponse | ManyResponse | IndexedResponse | DecodedShareResponse | UnwrappedResponse;
