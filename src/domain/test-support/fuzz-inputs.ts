import fc from 'fast-check';
import { fixtureNames, readFixture } from './fixtures';

/**
 * Inputs for fuzzing `parsePayload`: mutations and truncations of every fixture, concatenations, and random text
 * (the property test runs thousands each run; `npm run fuzz` runs 100,000 and reports the slowest).
 */
export function fuzzInputs(): fc.Arbitrary<string> {
  const fixture = fc.constantFrom(...fixtureNames().map(readFixture));
  const at = (t: string, n: number) => n % (t.length + 1);
  return fc.oneof(
    fc
      .tuple(fixture, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([t, f]) => t.slice(0, Math.floor(t.length * f))),
    fc
      .tuple(fixture, fc.nat(), fc.nat({ max: 40 }))
      .map(([t, i, n]) => t.slice(0, at(t, i)) + t.slice(at(t, i) + n)),
    fc
      .tuple(
        fixture,
        fc.nat(),
        fc.constantFrom(
          '<',
          '>',
          '/',
          '&',
          '"',
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '\\',
          '\n',
          '<!DOCTYPE x>',
          '<a>',
          '</a>',
          '\u0000',
          '\ud800',
          '\u202e',
          '<![CDATA[',
          '<!--',
        ),
      )
      .map(([t, i, s]) => t.slice(0, at(t, i)) + s + t.slice(at(t, i))),
    fc
      .tuple(fixture, fc.nat(), fc.nat({ max: 400 }))
      .map(([t, i, n]) => t.slice(0, at(t, i)) + t.slice(at(t, i), at(t, i) + n) + t.slice(at(t, i))),
    fc
      .tuple(fixture, fc.nat(), fc.nat({ max: 2000 }))
      .map(([t, i, n]) => t.slice(0, at(t, i)) + '<a>'.repeat(n) + t.slice(at(t, i))),
    fc.array(fixture, { minLength: 2, maxLength: 4 }).map((list) => list.join('\n')),
    fc
      .array(fixture, { minLength: 2, maxLength: 4 })
      .map((list) => list.map((t) => t.replace(/\n\s*/g, '')).join('\n')),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .tuple(fc.string({ maxLength: 50 }), fixture, fc.string({ maxLength: 50 }))
      .map(([a, t, b]) => a + t + b),
  );
}
