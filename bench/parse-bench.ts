/**
 * Parse benchmark (`npm run bench`): `parsePayload` against the bare parsers, measured in the same run, for the
 * targets of DESIGN.md ("Targets"):
 * - seed case 2 (XML): ≤ 1.5 × a bare fast-xml-parser `new XMLParser().parse(text)` (default options);
 * - seed case 3 (JSON): ≤ 4 × `JSON.parse` (of the same text without its published trailing comma, since
 *   `JSON.parse` refuses the text as published);
 * - a generated log of 10,000 callbacks (bench/generate-log.ts, seed 1): ≤ 1.5 × the bare parser of each
 *   payload's format over all its payloads (split outside the timed region), and peak memory ≤ 400 MB.
 * `parsePayload` is the shipped code, bundled by Vite first (bench/shipped-parser.ts), not tsx's transform of `src/`.
 * Medians of batched runs after warm-up; peak memory is measured in a fresh child process. Prints a table with
 * PASS/FAIL per target and writes the figures to bench/out/parse-bench.json. Always exits 0: it is a report.
 *
 * Options: --count N (log size, default 10000), --seed S, --runs N (timed log runs, default 5),
 * --xml-share X (share of XML payloads in the log, default 0.5; DESIGN.md's target names an XML log: 1),
 * --no-memory (skip the child process).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { XMLParser } from 'fast-xml-parser';
import type { parsePayload as ParsePayload } from '../src/domain/parse-payload';
import { loadShippedParser } from './shipped-parser';
import { FIXTURES_DIR, removeTrailingCommas } from './fixture-payloads';
import { generateCallbackLog, payloadsOfGeneratedLog, type LogPayload } from './generate-log';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(BENCH_DIR, 'out');
const MB = 1024 * 1024;

/** The shipped parser (bench/shipped-parser.ts), loaded before anything is measured. */
let parsePayload: typeof ParsePayload;

const TARGETS = { xmlRatio: 1.5, jsonRatio: 4, logRatio: 1.5, logPeakMb: 400 } as const;

/** A sink the optimiser cannot see through, so no parse is dropped as dead code. */
let sink = 0;
function consume(value: unknown): void {
  if (value === undefined || value === null) sink ^= 1;
  else if (typeof value === 'object') sink ^= Array.isArray(value) ? value.length : 2;
  else sink ^= 4;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function gc(): void {
  globalThis.gc?.();
}

// ---------------------------------------------------------------------------------------------------------------
// Single payloads

interface PairResult {
  /** Median per call, ms. */
  readonly oursMs: number;
  readonly bareMs: number;
  readonly ratio: number;
  /** Median of each batch pair's ours / bare (measured back to back): less sensitive to drift and load. */
  readonly pairRatio: number;
  readonly samples: number;
  readonly callsPerSample: number;
}

/**
 * Warm-up (2,000 calls: `parsePayload` is many functions, which the JIT optimises over the first thousand or so
 * calls, while the bare parsers are native; fewer warm-up calls would time the tiering, not the steady state),
 * then `batches` samples of `batchSize` calls each for both functions, alternating which goes first,
 * so drift (JIT, GC, CPU frequency) hits both alike. Returns the median time per call.
 */
function measurePair(
  ours: () => unknown,
  bare: () => unknown,
  warmup = 2000,
  batches = 40,
  batchSize = 50,
): PairResult {
  for (let i = 0; i < warmup; i++) {
    consume(ours());
    consume(bare());
  }
  const oursSamples: number[] = [];
  const bareSamples: number[] = [];
  const batch = (fn: () => unknown): number => {
    const t0 = performance.now();
    for (let i = 0; i < batchSize; i++) consume(fn());
    return (performance.now() - t0) / batchSize;
  };
  for (let b = 0; b < batches; b++) {
    if (b % 2 === 0) {
      oursSamples.push(batch(ours));
      bareSamples.push(batch(bare));
    } else {
      bareSamples.push(batch(bare));
      oursSamples.push(batch(ours));
    }
  }
  const oursMs = median(oursSamples);
  const bareMs = median(bareSamples);
  const pairRatio = median(oursSamples.map((ms, i) => ms / (bareSamples[i] ?? ms)));
  return { oursMs, bareMs, ratio: oursMs / bareMs, pairRatio, samples: batches, callsPerSample: batchSize };
}

// ---------------------------------------------------------------------------------------------------------------
// The log

interface LogTiming {
  readonly oursMs: number;
  readonly bareMs: number;
  readonly ratio: number;
  /** Median of each run's ours / bare (the two measured back to back): less sensitive to drift. */
  readonly pairRatio: number;
  readonly runs: number;
  readonly oursRunsMs: readonly number[];
  readonly bareRunsMs: readonly number[];
  readonly documents: number;
  readonly errorDocuments: number;
  readonly note?: string;
}

function bareParseAll(parser: XMLParser, payloads: readonly LogPayload[]): number {
  let n = 0;
  for (const p of payloads) {
    const root: unknown = p.format === 'xml' ? parser.parse(p.text) : JSON.parse(p.text);
    consume(root);
    n++;
  }
  return n;
}

/** A run slower than this makes one timed run instead of `runs` (so a pathological case still reports). */
const SLOW_RUN_MS = 30_000;

function measureLog(log: string, payloads: readonly LogPayload[], runs: number): LogTiming {
  const parser = new XMLParser();
  gc();
  let t0 = performance.now();
  const warm = parsePayload(log);
  const warmMs = performance.now() - t0;
  const documents = warm.documents.length;
  const errorDocuments = warm.documents.filter((d) =>
    d.diagnostics.some((x) => x.severity === 'error'),
  ).length;
  consume(warm.documents);
  bareParseAll(parser, payloads);
  let timedRuns = runs;
  let note: string | undefined;
  if (warmMs > SLOW_RUN_MS && runs > 1) {
    timedRuns = 1;
    note = `warm-up run took ${(warmMs / 1000).toFixed(1)} s: 1 timed run instead of ${runs}`;
  }
  const oursRuns: number[] = [];
  const bareRuns: number[] = [];
  for (let r = 0; r < timedRuns; r++) {
    const order = r % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const which of order) {
      gc();
      if (which === 'ours') {
        t0 = performance.now();
        const result = parsePayload(log);
        oursRuns.push(performance.now() - t0);
        consume(result.documents);
      } else {
        t0 = performance.now();
        consume(bareParseAll(parser, payloads));
        bareRuns.push(performance.now() - t0);
      }
    }
  }
  const oursMs = median(oursRuns);
  const bareMs = median(bareRuns);
  return {
    oursMs,
    bareMs,
    ratio: oursMs / bareMs,
    pairRatio: median(oursRuns.map((ms, i) => ms / (bareRuns[i] ?? ms))),
    runs: timedRuns,
    oursRunsMs: oursRuns,
    bareRunsMs: bareRuns,
    documents,
    errorDocuments,
    ...(note ? { note } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Peak memory, in a fresh child process

interface MemoryFigures {
  /** RSS after reading the log and a GC, before parsing. */
  readonly rssBeforeMb: number;
  /** Highest RSS sampled every ~1 ms by a worker thread while `parsePayload` ran. */
  readonly peakRssSampledMb: number;
  /** The kernel's high-water mark of the child's RSS (getrusage maxrss) after the parse: a true peak. */
  readonly maxRssMb: number;
  /** V8 heap in use after the parse and a GC, with the result still referenced: what the result keeps. */
  readonly heapRetainedMb: number;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
  /** V8 total heap size right after the parse (before any forced GC): close to the heap's peak. */
  readonly heapTotalAfterParseMb: number;
  readonly parseMs: number;
  readonly documents: number;
}

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const max = new Float64Array(workerData);
const tick = () => {
  const rss = process.memoryUsage.rss();
  if (rss > max[0]) max[0] = rss;
  if (max[1] === 0) setTimeout(tick, 1);
};
tick();
`;

async function memoryChild(logPath: string): Promise<void> {
  parsePayload = await loadShippedParser(true);
  const log = readFileSync(logPath, 'utf8');
  const shared = new SharedArrayBuffer(16);
  const max = new Float64Array(shared);
  const worker = new Worker(SAMPLER, { eval: true, workerData: shared });
  await new Promise((r) => setTimeout(r, 100));
  gc();
  gc();
  const before = process.memoryUsage();
  max[0] = 0;
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  const result = parsePayload(log);
  const parseMs = performance.now() - t0;
  const heapTotalAfterParse = getHeapStatistics().total_heap_size;
  await new Promise((r) => setTimeout(r, 20));
  max[1] = 1;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  gc();
  gc();
  const after = process.memoryUsage();
  const figures: MemoryFigures = {
    rssBeforeMb: before.rss / MB,
    peakRssSampledMb: Math.max(max[0] ?? 0, before.rss) / MB,
    maxRssMb: maxRss / MB,
    heapRetainedMb: (after.heapUsed - before.heapUsed) / MB,
    heapBeforeMb: before.heapUsed / MB,
    heapAfterMb: after.heapUsed / MB,
    heapTotalAfterParseMb: heapTotalAfterParse / MB,
    parseMs,
    documents: result.documents.length,
  };
  consume(result.documents);
  await worker.terminate();
  process.stdout.write(`MEMORY ${JSON.stringify(figures)}\n`);
}

function measureMemory(logPath: string): MemoryFigures | { error: string } {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', self, '--memory-child', logPath],
    {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('MEMORY '));
  if (!line) return { error: `memory child failed (status ${child.status}): ${child.stderr.slice(0, 2000)}` };
  return JSON.parse(line.slice('MEMORY '.length)) as MemoryFigures;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function fmtMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: readonly string[]): string => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

function packageVersion(name: string): string {
  try {
    const path = join(BENCH_DIR, '..', 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

async function main(args: readonly string[]): Promise<void> {
  const count = Number(argValue(args, '--count') ?? 10_000);
  const seed = Number(argValue(args, '--seed') ?? 1);
  const xmlShare = Math.min(1, Math.max(0, Number(argValue(args, '--xml-share') ?? 0.5)));
  const runs = Math.max(1, Number(argValue(args, '--runs') ?? 5));
  const withMemory = !args.includes('--no-memory');
  const [loadBefore = 0] = loadavg();
  if (!globalThis.gc) console.log('note: run with --expose-gc (npm run bench does) for GCs between runs');
  parsePayload = await loadShippedParser();

  console.log(
    `parse benchmark — node ${process.version}, fast-xml-parser ${packageVersion('fast-xml-parser')}, ` +
      `${cpus()[0]?.model.trim() ?? 'cpu ?'} × ${cpus().length}`,
  );

  // (a) seed case 2, XML
  const xmlText = readFileSync(join(FIXTURES_DIR, 'seed/case2-workflow.xml'), 'utf8');
  const bareXml = new XMLParser();
  console.log('measuring seed case 2 (XML)…');
  const xml = measurePair(
    () => parsePayload(xmlText).documents,
    () => bareXml.parse(xmlText) as unknown,
  );

  // (b) seed case 3, JSON with its published trailing comma
  const jsonText = readFileSync(join(FIXTURES_DIR, 'seed/case3-workflow-trailing-comma.json'), 'utf8');
  const jsonStrict = removeTrailingCommas(jsonText);
  JSON.parse(jsonStrict);
  console.log('measuring seed case 3 (JSON)…');
  const json = measurePair(
    () => parsePayload(jsonText).documents,
    () => JSON.parse(jsonStrict) as unknown,
  );

  // (c) the generated log
  const t0 = performance.now();
  const log = generateCallbackLog({ count, seed, xmlShare });
  const generateMs = performance.now() - t0;
  const payloads = payloadsOfGeneratedLog(log);
  const logBytes = Buffer.byteLength(log);
  const suffix = xmlShare === 0.5 ? '' : `-xml${Math.round(xmlShare * 100)}`;
  const logPath = join(OUT_DIR, `callbacks-${count}${suffix}.log`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(logPath, log);
  const xmlPayloads = payloads.filter((p) => p.format === 'xml').length;
  console.log(
    `generated ${count} callbacks (seed ${seed}): ${(logBytes / 1e6).toFixed(1)} MB, ${xmlPayloads} XML + ` +
      `${payloads.length - xmlPayloads} JSON payloads, in ${fmtMs(generateMs)} → ${logPath}`,
  );
  console.log(`measuring the log: 1 warm-up + ${runs} timed runs each…`);
  const logTiming = measureLog(log, payloads, runs);
  if (logTiming.note) console.log(`note: ${logTiming.note}`);

  let memory: MemoryFigures | { error: string } | undefined;
  if (withMemory) {
    console.log('measuring peak memory of parsePayload(log) in a fresh process…');
    memory = measureMemory(logPath);
  }

  const memoryOk = memory && !('error' in memory) ? memory : undefined;
  const peakMb = memoryOk ? Math.max(memoryOk.maxRssMb, memoryOk.peakRssSampledMb) : undefined;
  const pass = {
    xml: xml.ratio <= TARGETS.xmlRatio,
    json: json.ratio <= TARGETS.jsonRatio,
    log: logTiming.ratio <= TARGETS.logRatio,
    memory: peakMb !== undefined && peakMb <= TARGETS.logPeakMb,
  };

  const rows: string[][] = [
    [
      'case',
      'size',
      'parsePayload (median)',
      'bare parser (median)',
      'ratio',
      'paired ratio',
      'target',
      'result',
    ],
    [
      '(a) seed case 2, XML',
      `${Buffer.byteLength(xmlText).toLocaleString('en')} B`,
      fmtMs(xml.oursMs),
      `${fmtMs(xml.bareMs)} fast-xml-parser`,
      `${xml.ratio.toFixed(2)}×`,
      `${xml.pairRatio.toFixed(2)}×`,
      `≤ ${TARGETS.xmlRatio}×`,
      verdict(pass.xml),
    ],
    [
      '(b) seed case 3, JSON',
      `${Buffer.byteLength(jsonText).toLocaleString('en')} B`,
      fmtMs(json.oursMs),
      `${fmtMs(json.bareMs)} JSON.parse*`,
      `${json.ratio.toFixed(2)}×`,
      `${json.pairRatio.toFixed(2)}×`,
      `≤ ${TARGETS.jsonRatio}×`,
      verdict(pass.json),
    ],
    [
      `(c) log, ${count.toLocaleString('en')} callbacks`,
      `${(logBytes / 1e6).toFixed(1)} MB`,
      fmtMs(logTiming.oursMs),
      `${fmtMs(logTiming.bareMs)} per-format**`,
      `${logTiming.ratio.toFixed(2)}×`,
      `${logTiming.pairRatio.toFixed(2)}×`,
      `≤ ${TARGETS.logRatio}×`,
      verdict(pass.log),
    ],
    [
      '(c) log, peak memory',
      '',
      peakMb === undefined ? 'not measured' : `${peakMb.toFixed(0)} MB peak RSS***`,
      '',
      '',
      '',
      `≤ ${TARGETS.logPeakMb} MB`,
      withMemory ? verdict(pass.memory) : 'SKIPPED',
    ],
  ];
  console.log('');
  console.log(table(rows));
  console.log('');
  console.log(
    'ratio = median(ours) / median(bare), the figure judged against the target; paired ratio = median of the ' +
      'ratios of back-to-back ours/bare samples (batches for (a), (b); runs for (c)), steadier on a busy machine.',
  );
  const [loadAfter = 0] = loadavg();
  if (Math.max(loadBefore, loadAfter) > cpus().length * 0.75) {
    console.log(
      `WARNING: the machine was busy (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ` +
        `${cpus().length} CPUs): timings are noisy; prefer the paired ratio, or re-run on an idle machine.`,
    );
  }
  console.log(
    `(a), (b): median per call of ${xml.samples} batches × ${xml.callsPerSample} calls after 2,000 warm-up calls, ` +
      `ours and bare alternating. Bare XML = one \`new XMLParser()\` (default options), created outside the timing.`,
  );
  console.log(
    '*  JSON.parse refuses case 3 as published (trailing comma after "JobLevel": 0): the bare baseline parses the ' +
      'same text with that comma removed; parsePayload gets the text as published.',
  );
  console.log(
    `** median of ${logTiming.runs} run(s) after 1 warm-up; ours = parsePayload(whole log text); bare = each of the ` +
      `${payloads.length} payloads (split by line and prefix outside the timing) given to fast-xml-parser or ` +
      `JSON.parse. Runs (ms): ours ${logTiming.oursRunsMs.map((x) => x.toFixed(0)).join(', ')}; ` +
      `bare ${logTiming.bareRunsMs.map((x) => x.toFixed(0)).join(', ')}; median of the per-run ratios ` +
      `${logTiming.pairRatio.toFixed(2)}×. parsePayload found ${logTiming.documents} ` +
      `documents (${logTiming.errorDocuments} with an error).`,
  );
  if (memory && 'error' in memory) console.log(`*** ${memory.error}`);
  else if (memoryOk) {
    console.log(
      `*** fresh Node process (tsx loaded) that read the log, then parsePayload(log) once: peak RSS = max of the ` +
        `kernel high-water mark (${memoryOk.maxRssMb.toFixed(0)} MB) and 1 ms worker-thread samples ` +
        `(${memoryOk.peakRssSampledMb.toFixed(0)} MB); RSS before the parse ${memoryOk.rssBeforeMb.toFixed(0)} MB ` +
        `(so the parse added ≈ ${((peakMb ?? 0) - memoryOk.rssBeforeMb).toFixed(0)} MB). V8 heap: ` +
        `${memoryOk.heapBeforeMb.toFixed(0)} MB before, total ${memoryOk.heapTotalAfterParseMb.toFixed(0)} MB right ` +
        `after the parse, ${memoryOk.heapAfterMb.toFixed(0)} MB after GC with the result referenced ` +
        `(result retains ≈ ${memoryOk.heapRetainedMb.toFixed(0)} MB). Cold parse: ${fmtMs(memoryOk.parseMs)}.`,
    );
  }
  const failed = Object.entries(pass).filter(([k, ok]) => !ok && (k !== 'memory' || withMemory));
  console.log('');
  console.log(
    failed.length === 0 ? 'ALL TARGETS PASS' : `FAIL: ${failed.map(([k]) => k).join(', ')} over target`,
  );

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    fastXmlParser: packageVersion('fast-xml-parser'),
    cpu: `${cpus()[0]?.model.trim() ?? '?'} × ${cpus().length}`,
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
    targets: TARGETS,
    xml: { file: 'seed/case2-workflow.xml', bytes: Buffer.byteLength(xmlText), ...xml, pass: pass.xml },
    json: {
      file: 'seed/case3-workflow-trailing-comma.json',
      bytes: Buffer.byteLength(jsonText),
      bareBaseline: 'JSON.parse of the text with its trailing comma removed',
      ...json,
      pass: pass.json,
    },
    log: {
      count,
      seed,
      xmlShare,
      bytes: logBytes,
      payloads: payloads.length,
      xmlPayloads,
      jsonPayloads: payloads.length - xmlPayloads,
      ...logTiming,
      pass: pass.log,
    },
    memory: memory ? { ...memory, peakMb, pass: pass.memory } : { skipped: true },
    sink,
  };
  const jsonPath = join(OUT_DIR, 'parse-bench.json');
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`figures written to ${jsonPath}`);
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const childLog = argValue(args, '--memory-child');
  (childLog ? memoryChild(childLog) : main(args)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
