import type { Diagnostic } from '../domain/diagnostics';
import type { CallbackDocument, ParseResult } from '../domain/model';

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

export interface ParseResponse {
  readonly kind: 'result';
  readonly id: number;
  readonly result: ParseResult;
}

export interface BatchResponse {
  readonly kind: 'batch';
  readonly id: number;
  readonly documents: readonly CallbackDocument[];
  /** Documents given so far (this batch included) and in all. */
  readonly parsed: number;
  readonly total: number;
  /** About the input as a whole; sent with the first batch. */
  readonly diagnostics: readonly Diagnostic[];
  readonly done: boolean;
  readonly cancelled: boolean;
}

export type WorkerResponse = ParseResponse | BatchResponse;
