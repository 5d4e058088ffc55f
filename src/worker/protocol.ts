import type { ParseResult } from '../domain/model';

/** Messages between the page and the parse worker. */
export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  readonly maxInputLength?: number;
  readonly firstIndex?: number;
}

export interface ParseResponse {
  readonly id: number;
  readonly result: ParseResult;
}
