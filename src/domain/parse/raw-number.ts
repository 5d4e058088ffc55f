/**
 * A JSON number whose text would not survive `JSON.parse` (beyond 2^53, trailing zeros, an exponent):
 * the tolerant parser keeps its exact digits in this wrapper instead of a lossy float.
 */
export class RawNumber {
  constructor(readonly text: string) {}
}
