/**
 * Scale and storage in a real browser (DESIGN.md "Targets", issue 16), in a persistent browser context
 * (`launchPersistentContext`: the default test context is incognito, where IndexedDB lives in memory):
 *
 * - a generated log of N callbacks (`bench/generate-log.ts`, N from `--counts`, default 10000,30000) through the
 *   file input: time to the first rows and to all N listed, MB/s, the longest main-thread task, the JS heaps of
 *   the page and of the parse worker(s);
 * - a reload with that set loaded: time to all N listed again (0 when nothing comes back);
 * - a share link of `--links` small callbacks (default 10000; `bench/small-callbacks.ts`): time to all listed,
 *   the longest task; and a reload with it loaded: time to all listed again.
 *
 * Each figure is the median of `--runs` runs (default 1). `--dist DIR` measures another build (a baseline).
 *
 *   node --import tsx bench/storage-bench.ts [--dist DIR] [--counts 10000,30000,100000] [--links 10000] [--runs 3]
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/domain/share/share-link';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { serveDist } from './serve-dist';
import { generateCallbackLines, renderLine } from './generate-log';
import { smallSharedTexts } from './small-callbacks';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DIST = resolve(arg('--dist') ?? join(ROOT, 'dist'));
const COUNTS = (arg('--counts') ?? '10000,30000').split(',').map(Number).filter(Boolean);
const LINKS = Number(arg('--links') ?? 10_000);
const RUNS = Number(arg('--runs') ?? 1);
const TIMEOUT_MS = Number(arg('--timeout') ?? 180_000);

function logPath(count: number): string {
  const path = join(ROOT, `bench/out/callbacks-${count}.log`);
  if (!existsSync(path)) {
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    // Written line by line: a log of a gigabyte does not fit one string.
    const fd = openSync(path, 'w');
    const lines = generateCallbackLines({ count, seed: 1 });
    for (let at = 0; at < lines.length; at += 1000)
      writeSync(
        fd,
        `${lines
          .slice(at, at + 1000)
          .map(renderLine)
          .join('\n')}\n`,
      );
    closeSync(fd);
  }
  return path;
}

/** Records long tasks, and when the count first shows a number and when it reaches `target` with no progress bar. */
async function instrument(page: Page): Promise<void> {
  // tsx names the functions these scripts define with a helper the page does not have.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(() => {
    const w = window as unknown as {
      __longTasks: { start: number; duration: number }[];
      __watch: (target: number) => void;
      __load: { start: number; first?: number; done?: number };
    };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    w.__load = { start: 0 };
    w.__watch = (target: number) => {
      const check = () => {
        const count = Number(document.querySelector('[data-testid="document-count"]')?.textContent ?? '0');
        if (count > 0 && w.__load.first === undefined) w.__load.first = performance.now();
        if (count >= target && !document.querySelector('[data-testid="load-progress"]')) {
          w.__load.done ??= performance.now();
          return true;
        }
        return false;
      };
      if (check()) return;
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    };
  });
}

interface Measured {
  readonly firstMs: number;
  readonly doneMs: number;
  readonly longestMs: number;
}

async function measured(page: Page, target: number, fromNavigation: boolean): Promise<Measured> {
  await page.waitForFunction(
    () => (window as unknown as { __load: { done?: number } }).__load.done !== undefined,
    null,
    { timeout: TIMEOUT_MS },
  );
  return page.evaluate(
    ({ fromNavigation }) => {
      const w = window as unknown as {
        __load: { start: number; first: number; done: number };
        __longTasks: { start: number; duration: number }[];
      };
      const start = fromNavigation ? 0 : w.__load.start;
      const during = w.__longTasks.filter((t) => t.start + t.duration >= start && t.start <= w.__load.done);
      return {
        firstMs: w.__load.first - start,
        doneMs: w.__load.done - start,
        longestMs: Math.max(0, ...during.map((t) => t.duration)),
      };
    },
    { fromNavigation, target },
  );
}

/**
 * Waits until the storage line says the set is kept (a size; with `indexed`, a file's list stored too: at most two
 * minutes), reloads, and measures the time until all `count` are listed again (NaN when they are not).
 */
async function keptThenReloaded(page: Page, count: number, indexed: boolean): Promise<Measured> {
  // Kept: nothing pending (`data-pending`); a build without it says a size once kept.
  await page
    .waitForFunction(
      () => {
        const line = document.querySelector<HTMLElement>('[data-testid="storage-used"]');
        if (!line) return false;
        const pending = line.dataset.pending;
        return pending === undefined ? /[1-9]/.test(line.textContent ?? '') : pending === '0';
      },
      null,
      { timeout: 120_000 },
    )
    .catch(() => console.error('not kept after two minutes'));
  if (indexed)
    await page
      .waitForFunction(
        () =>
          Number(document.querySelector('[data-testid="storage-used"]')?.getAttribute('data-indexed')) > 0,
        null,
        { timeout: 120_000 },
      )
      .catch(() => console.error('no stored index after two minutes: the reload parses the file'));
  await page.waitForTimeout(1500);
  await page.addInitScript((target) => {
    addEventListener('DOMContentLoaded', () =>
      (window as unknown as { __watch: (n: number) => void }).__watch(target),
    );
  }, count);
  await page.reload();
  return measured(page, count, true).catch(() => ({ firstMs: 0, doneMs: Number.NaN, longestMs: 0 }));
}

async function heaps(page: Page): Promise<{ page: number; worker: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const own = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const sessions: string[] = [];
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  const replies = new Map<string, (n: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id === 1 && m.result) replies.get(e.sessionId)?.(m.result.usedSize);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 300));
  const worker = await Promise.all(
    sessions.map(
      (sessionId) =>
        new Promise<number>((resolve) => {
          replies.set(sessionId, resolve);
          void cdp.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
          });
          setTimeout(() => resolve(Number.NaN), 5000);
        }),
    ),
  );
  await cdp.detach();
  return { page: own.usedSize, worker: Math.max(0, ...worker) };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 })));
}

interface FileRun extends Measured {
  readonly mbPerS: number;
  readonly pageHeapMb: number;
  readonly workerHeapMb: number;
  readonly reloadMs: number;
  readonly reloadLongestMs: number;
}

async function withContext<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ci-viewer-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    ...chromiumLaunchOptions(),
    viewport: { width: 1440, height: 900 },
  });
  try {
    return await run(context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fileRun(url: string, count: number): Promise<FileRun> {
  const path = logPath(count);
  const bytes = statSync(path).size;
  return withContext(async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await instrument(page);
    await page.goto(url);
    await page.getByTestId('document-count').waitFor();
    await settle(page);
    await page.evaluate((target) => {
      const w = window as unknown as { __load: { start: number }; __watch: (n: number) => void };
      document
        .querySelector('[data-testid="file-input"]')
        ?.addEventListener('change', () => (w.__load.start = performance.now()), { capture: true });
      w.__watch(target);
    }, count);
    await page.getByTestId('file-input').setInputFiles(path);
    const load = await measured(page, count, false);
    const heap = await heaps(page);
    // Kept for the reload, the file's list indexed too (a reload before its index is complete parses it again).
    const reload = await keptThenReloaded(page, count, true);
    return {
      ...load,
      mbPerS: bytes / 1e6 / (load.doneMs / 1000),
      pageHeapMb: heap.page / 1024 / 1024,
      workerHeapMb: heap.worker / 1024 / 1024,
      reloadMs: reload.doneMs,
      reloadLongestMs: reload.longestMs,
    };
  });
}

interface LinkRun extends Measured {
  readonly reloadMs: number;
  readonly reloadLongestMs: number;
}

async function linkRun(url: string, count: number): Promise<LinkRun> {
  const fragment = await encodeShareFragment(smallSharedTexts(count));
  return withContext(async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await instrument(page);
    await page.goto(url);
    await page.getByTestId('document-count').waitFor();
    await settle(page);
    await page.evaluate(
      ({ target, hash }) => {
        const w = window as unknown as { __load: { start: number }; __watch: (n: number) => void };
        w.__load.start = performance.now();
        w.__watch(target);
        location.hash = hash;
      },
      { target: count, hash: fragment },
    );
    const open = await measured(page, count, false);
    const reload = await keptThenReloaded(page, count, false);
    return { ...open, reloadMs: reload.doneMs, reloadLongestMs: reload.longestMs };
  });
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? (s[s.length >> 1] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const server = await serveDist(DIST, Number(arg('--port') ?? 0));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/?lang=en`;
  console.log(`build: ${DIST}; ${RUNS} run(s) each, medians`);
  try {
    console.log(
      'callbacks | MB | first rows ms | listed ms | MB/s | longest task ms | page heap MB | worker heap MB | reload listed ms | reload longest task ms',
    );
    for (const count of COUNTS) {
      const runs: FileRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await fileRun(url, count));
      const m = (k: keyof FileRun) => median(runs.map((r) => r[k]));
      const mb = statSync(logPath(count)).size / 1e6;
      console.log(
        [
          count,
          mb.toFixed(0),
          m('firstMs').toFixed(0),
          m('doneMs').toFixed(0),
          m('mbPerS').toFixed(1),
          m('longestMs').toFixed(0),
          m('pageHeapMb').toFixed(0),
          m('workerHeapMb').toFixed(0),
          m('reloadMs').toFixed(0),
          m('reloadLongestMs').toFixed(0),
        ].join(' | '),
      );
    }
    if (LINKS > 0) {
      const runs: LinkRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await linkRun(url, LINKS));
      const m = (k: keyof LinkRun) => median(runs.map((r) => r[k])).toFixed(0);
      console.log(
        `share link of ${LINKS} small callbacks: listed ${m('doneMs')} ms, first rows ${m('firstMs')} ms, longest task ${m('longestMs')} ms; reload listed again ${m('reloadMs')} ms, longest task ${m('reloadLongestMs')} ms`,
      );
    }
  } finally {
    server.close();
  }
}

await main();
