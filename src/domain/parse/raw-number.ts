/**
 * A JSON number whose text would not survive `JSON.parse` (beyond 2^53, trailing zeros, an exponent):
 * the tolerant parser keeps its exact digits in this wrapper instead of a lossy float. The digits are taken from
 * the payload's text when they are read (`text`), not copied when the number is parsed: a payload of 16 MiB of such
 * numbers would otherwise make a string and a wrapper for each, and the collector's work on 1.6 million of both was
 * most of its time. Two `RawNumber`s are equal when their `text`s are (`equalRawNumbers`, for tests).
 */
export class RawNumber {
  readonly #source: string;
  readonly #from: number;
  readonly #to: number;

  /** The number `source[from, to)`; `new RawNumber(token)` for a token on its own. */
  constructor(source: string, from = 0, to = source.length) {
    this.#source = source;
    this.#from = from;
    this.#to = to;
  }

  get text(): string {
    return this.#source.slice(this.#from, this.#to);
  }
}
