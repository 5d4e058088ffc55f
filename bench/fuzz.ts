/**
 * `npm run fuzz`: inputs of the shapes that expose super-linear time (wide objects, long arrays, deep nesting,
 * long strings, payloads run together; `fuzz-shapes.ts`) at sizes up to the payload cap, then 100,000 generated
 * inputs (mutated fixtures and random text), all through `parsePayload`. Exits non-zero on any exception (thrown,
 * or caught by `parsePayload`'s guard); reports the slowest inputs by shape, each against the one-second goal
 * (PASS/FAIL), beside a reference's time on the same text (`JSON.parse` or a bare fast-xml-parser) and its growth
 * with size. `--runs N`, `--seed S` vary the random
 * part (`--runs 0` skips it), `--max-size N` and `--min-size N` bound the shapes' sizes (`--min-size 16000000`:
 * the payload cap only), `--shape TEXT` keeps the shapes whose name holds TEXT. Run alone on an idle machine: the
 * one-second goal is absolute time; the ratio to the reference, measured in the same run, holds under load.
 */
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import type { CallbackDocument } from '../src/domain/model';
import { parsePayload } from '../src/domain/parse-payload';
import { fuzzInputs } from '../src/domain/test-support/fuzz-inputs';
import { DOCUMENTS_MAX_SIZE, SHAPE_SIZES, SHAPES, type Shape } from './fuzz-shapes';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const runs = arg('runs', 100_000);
const seed = arg('seed', 1);
const GOAL_MS = 1000;
const maxSize = arg('max-size', Number.POSITIVE_INFINITY);
const minSize = arg('min-size', 0);
/** `--shape TEXT`: only the shapes whose name holds TEXT (a full run at the payload cap takes minutes). */
const shapeFilter = (() => {
  const i = process.argv.indexOf('--shape');
  return i === -1 ? '' : (process.argv[i + 1] ?? '');
})();
const shapes = SHAPES.filter((s) => s.name.includes(shapeFilter));

/**
 * An exception `parsePayload` caught (`crashed()`: its guard against bugs): a document of format `text` with an
 * `xml-syntax` error, which no parser gives (a stack overflow on 1.2 million trailing commas was reported so).
 */
const isCrash = (doc: CallbackDocument) =>
  doc.format === 'text' && doc.diagnostics.some((d) => d.code === 'xml-syntax');

// Shapes first, each at each size: the time of `parsePayload`, the time of a reference reading the same text in the
// same run (`JSON.parse`, or a bare fast-xml-parser), and the growth of the time per character from the second size
// to the largest (≈1 when linear; the smallest size is left out, its times being too short to compare).
let shapeFailures = 0;
let shapeOver = 0;
const bareXml = new XMLParser();
/**
 * The reference's time on the shape's text (or on `shape.reference(text)`, the same value without what only we
 * accept), and whether it refused the text: a refusal is timed too (`JSON.parse` reads up to the error, which for a
 * syntax error at the end is the whole text) and marked `*` in the report.
 */
const reference = (shape: Shape, text: string): { ms: number; refused: boolean } => {
  const input = shape.reference ? shape.reference(text) : text;
  const t0 = performance.now();
  let refused = false;
  try {
    if (/^\s*</.test(input)) bareXml.parse(input);
    else JSON.parse(input);
  } catch {
    refused = true;
  }
  return { ms: performance.now() - t0, refused };
};
const sizes = SHAPE_SIZES.filter((s) => s <= maxSize && s >= minSize);
const rows: {
  name: string;
  ms: number;
  size: number;
  docs: number;
  ref?: number;
  refused?: boolean;
  ratio?: number;
  growth?: number;
  many: boolean;
  pass: boolean;
}[] = [];
// Size by size (all shapes at one size, then the next), each point printed as it is measured, so a slow machine
// still gives the small sizes' whole picture early.
const points = new Map<Shape, { ms: number; size: number; docs: number; ref: number; refused: boolean }[]>();
for (const size of sizes) {
  for (const shape of shapes) {
    if (shape.documents && size > DOCUMENTS_MAX_SIZE) continue;
    const text = shape.make(size);
    const t0 = performance.now();
    let docs = 0;
    try {
      const { documents } = parsePayload(text);
      docs = documents.length;
      const crash = documents.find(isCrash);
      if (crash) {
        shapeFailures++;
        console.error(`CAUGHT A CRASH on shape ${shape.name} at ${text.length} chars:`, crash.diagnostics[0]);
      }
    } catch (e) {
      shapeFailures++;
      console.error(`THREW on shape ${shape.name} at ${text.length} chars`, e);
    }
    const ms = performance.now() - t0;
    const { ms: ref, refused } = reference(shape, text);
    const list = points.get(shape) ?? [];
    list.push({ ms, size: text.length, docs, ref, refused });
    points.set(shape, list);
    console.log(
      `  ${ms.toFixed(1).padStart(9)} ms  ${String(text.length).padStart(9)} chars  ` +
        `(reference ${ref.toFixed(1)} ms${refused ? ', refused' : ''}, ×${(ms / ref).toFixed(1)})  ${shape.name}`,
    );
  }
}
for (const shape of shapes) {
  const list = points.get(shape) ?? [];
  const last = list[list.length - 1];
  const second = list.length > 2 ? list[1] : undefined;
  if (!last) continue;
  const growth = second && second.ms > 0 ? last.ms / last.size / (second.ms / second.size) : undefined;
  // One payload: the one-second goal at its largest size. Many documents: linear is the goal (the benchmark judges
  // throughput); more than ×3 per character is not.
  const pass = shape.documents ? growth === undefined || growth <= 3 : last.ms <= GOAL_MS;
  if (!pass) shapeOver++;
  rows.push({
    name: shape.name,
    ms: last.ms,
    size: last.size,
    docs: last.docs,
    pass,
    ...(last.ref > 0 ? { ref: last.ref, refused: last.refused, ratio: last.ms / last.ref } : {}),
    ...(growth === undefined ? {} : { growth }),
    many: shape.documents === true,
  });
}
rows.sort((a, b) => b.ms - a.ms);
console.log(
  `shapes: ${shapes.length} at ${sizes.join(', ')} chars (many documents up to ${DOCUMENTS_MAX_SIZE}); ` +
    `the largest size of each, slowest first (ref: JSON.parse or a bare fast-xml-parser on the same text, or on ` +
    `it without what only we accept, * when it refuses the text; goal: ${GOAL_MS} ms for one payload, linear ` +
    `growth for many documents):`,
);
console.log(
  `  ${'goal'.padEnd(4)}  ${'ms'.padStart(9)}  ${'ref ms'.padStart(8)}  ${'× ref'.padStart(6)}  ${'chars'.padStart(9)}  ` +
    `${'docs'.padStart(8)}  ${'growth'.padStart(6)}  shape`,
);
for (const r of rows)
  console.log(
    `  ${(r.pass ? 'PASS' : 'FAIL').padEnd(4)}  ${r.ms.toFixed(1).padStart(9)}  ` +
      `${(r.ref === undefined ? '—' : `${r.ref.toFixed(1)}${r.refused ? '*' : ''}`).padStart(8)}  ` +
      `${(r.ratio === undefined ? '—' : `${r.ratio.toFixed(1)}${r.refused ? '*' : ''}`).padStart(6)}  ` +
      `${String(r.size).padStart(9)}  ` +
      `${String(r.docs).padStart(8)}  ${(r.growth === undefined ? '—' : r.growth.toFixed(2)).padStart(6)}  ` +
      `${r.name}${r.many ? ' (judged per document)' : ''}`,
  );
console.log(
  `shapes: exceptions ${shapeFailures}; over ${GOAL_MS} ms (one payload) or growing faster than linear (many): ${shapeOver}`,
);

const slowest: { ms: number; length: number; preview: string }[] = [];
let failures = 0;
let total = 0;
const started = performance.now();
const inputs = runs > 0 ? fc.sample(fuzzInputs(), { numRuns: runs, seed }) : [];
for (const text of inputs) {
  const t0 = performance.now();
  try {
    const crash = parsePayload(text).documents.find(isCrash);
    if (crash) {
      failures++;
      console.error('CAUGHT A CRASH on input', JSON.stringify(text.slice(0, 200)), crash.diagnostics[0]);
    }
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
  `fuzz: ${inputs.length} inputs, seed ${seed}, ${wall.toFixed(1)} s, mean ${(total / Math.max(1, inputs.length)).toFixed(3)} ms per input`,
);
console.log('slowest inputs:');
for (const s of slowest)
  console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${String(s.length).padStart(7)} chars  ${s.preview}`);
const over = slowest.filter((s) => s.ms > GOAL_MS).length;
const pass = failures === 0 && over === 0 && shapeFailures === 0 && shapeOver === 0;
console.log(
  `exceptions: ${failures + shapeFailures}; over ${GOAL_MS} ms: ${over + shapeOver} — ${pass ? 'PASS' : 'FAIL'}`,
);
// The exit status says whether anything threw; the time goal is reported (timings depend on the machine).
process.exit(failures === 0 && shapeFailures === 0 ? 0 : 1);
