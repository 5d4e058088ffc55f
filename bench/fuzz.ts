/**
 * `npm run fuzz`: 100,000 generated inputs (mutated fixtures and random text) through `parsePayload`; fails on
 * any exception, reports the slowest inputs. Goal: none over one second. `--runs N`, `--seed S` to vary.
 */
import fc from 'fast-check';
import { parsePayload } from '../src/domain/parse-payload';
import { fuzzInputs } from '../src/domain/test-support/fuzz-inputs';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const runs = arg('runs', 100_000);
const seed = arg('seed', 1);
const GOAL_MS = 1000;

const slowest: { ms: number; length: number; preview: string }[] = [];
let failures = 0;
let total = 0;
const started = performance.now();
const inputs = fc.sample(fuzzInputs(), { numRuns: runs, seed });
for (const text of inputs) {
  const t0 = performance.now();
  try {
    parsePayload(text);
  } catch (e) {
    failures++;
    console.error('THREW on input', JSON.stringify(text.slice(0, 200)), e);
  }
  const ms = performance.now() - t0;
  total += ms;
  if (slowest.length < 10 || ms > (slowest[slowest.length - 1]?.ms ?? 0)) {
    slowest.push({ ms, length: text.length, preview: JSON.stringify(text.slice(0, 80)) });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 10);
  }
}
const wall = (performance.now() - started) / 1000;
console.log(
  `fuzz: ${inputs.length} inputs, seed ${seed}, ${wall.toFixed(1)} s, mean ${(total / inputs.length).toFixed(3)} ms per input`,
);
console.log('slowest inputs:');
for (const s of slowest)
  console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${String(s.length).padStart(7)} chars  ${s.preview}`);
const over = slowest.filter((s) => s.ms > GOAL_MS).length;
console.log(
  `exceptions: ${failures}; over ${GOAL_MS} ms: ${over} — ${failures === 0 && over === 0 ? 'PASS' : 'FAIL'}`,
);
process.exit(failures === 0 ? 0 : 1);
