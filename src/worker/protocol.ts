import type { Diagnostic } from '../domain/diagnostics';
import type { SourcePosition } from '../domain/diagnostics';
import type { CallbackDocument } from '../domain/model';

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
}

/** Stop a stream: the worker checks between batches. */
export interface CancelRequest {
  readonly kind: 'cancel';
  readonly id: number;
}

export type WorkerRequest = ParseRequest | StreamRequest | CancelRequest;

/**
 * A document as the worker sends it: its source as a place in the text the page sent, not a copy of its text
 * (the page holds that text already; copying 10,000 payloads back would double what each message carries).
 */
export type WireDocument = Omit<CallbackDocument, 'source'> & {
  readonly source: { readonly start: SourcePosition; readonly length: number };
};

export interface ParseResponse {
  readonly kind: 'result';
  readonly id: number;
  readonly result: { readonly documents: readonly WireDocument[]; readonly diagnostics: readonly Diagnostic[] };
}

export interface BatchResponse {
  readonly kind: 'batch';
  readonly id: number;
  readonly documents: readonly WireDocument[];
  /** Documents given so far (this batch included) and in all. */
  readonly parsed: number;
  readonly total: number;
  /** About the input as a whole; sent with the first batch. */
  readonly diagnostics: readonly Diagnostic[];
  readonly done: boolean;
  readonly cancelled: boolean;
}

export type WorkerResponse = ParseResponse | BatchResponse;
