/**
 * Equality for Vitest's `toEqual` (`setupFiles` in vitest.config.ts): a `RawNumber` keeps its digits in private
 * fields, which `toEqual` does not see, so two of them are equal when their `text`s are.
 */
import { expect } from 'vitest';
import { RawNumber } from '../parse/raw-number';

expect.addEqualityTesters([
  (a: unknown, b: unknown): boolean | undefined => {
    const aRaw = a instanceof RawNumber;
    const bRaw = b instanceof RawNumber;
    if (aRaw && bRaw) return a.text === b.text;
    return aRaw || bRaw ? false : undefined;
  },
]);
