/**
 * Paste-to-panels in a real browser (DESIGN.md "Targets": ≤ 50 ms for one callback). Serves the production build
 * (dist/, built first when missing) from a tiny static server on 127.0.0.1, opens it in Chromium, and times, inside
 * the page with performance.now(), from dispatching a `paste` event holding seed case 2 to the summary panel
 * showing its JobId (a MutationObserver sees the DOM change), and to the next animation frame after it (the panel
 * painted). Two scenarios: the first paste into an empty page, and a paste while another callback's panels are
 * shown. Median of the runs after a warm-up; the figure judged against the target is the first (the stricter).
 *
 * Then the scale scenario (DESIGN.md "Targets": a 10,000-callback file never blocks the main thread for more than
 * 100 ms): once the page has settled (no request for 500 ms, then an idle period), bench/out/callbacks-10000.log
 * (generated when missing) through the file input; time to the first rows
 * and to all 10,000 listed, the longest main-thread task during the load ('longtask' entries), filter times at
 * 10,000 (State, Tag, text; to the list updated), the combined timeline's frame rate while panned and zoomed
 * programmatically for ~2 s (requestAnimationFrame count), and the JS heaps of the page and of the parse worker
 * (Chrome DevTools Protocol `Runtime.getHeapUsage`, the worker's through `Target.setAutoAttach`).
 *
 * Last, 100,000 callbacks (two generated logs of 50,000, 278 MB in all, made when missing: one 278 MB file is over
 * the app's 256 MiB limit for a file): the same filters and the
 * overview (from its tab clicked to Failures by Code painted), each as a ratio to the same step at 10,000 and to
 * the unfiltered pass (a filter cleared) in the same run; the target is ≤ 100 ms per filter at 100k.
 *
 *   npm run bench:browser            (CHROMIUM_PATH picks another Chromium; BENCH_PORT the server's port, BENCH_DIST
 *                                     another copy of the build)
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { serveDist } from './serve-dist';
import {
  hundredThousandScenario,
  loadLog,
  measureFilters,
  measureOverview,
  median,
  printRows,
  type HeapUsage,
  type ScaleFigures,
} from './browser-scale';
import { generateCallbackLog } from './generate-log';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** BENCH_DIST serves another copy of the build (so a rebuild of dist/ during a long run changes nothing). */
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const CASE2 = readFileSync(join(ROOT, 'src/domain/__fixtures__/seed/case2-workflow.xml'), 'utf8');
/** Shown before the paste in the second scenario: a workflow run, whose panels do not hold case 2's JobId. */
const OTHER = readFileSync(join(ROOT, 'src/domain/__fixtures__/docs/workflowfinish_callback.json'), 'utf8');
const OTHER_RUN_ID = 'i166ee19017b011eda8a5525400c540df';
const JOB_ID = 'c93984788066911ed89ed352d4d9d2084';
const WARM_UP = 5;
const RUNS = 21;
const TARGET_MS = 50;

interface Timing {
  readonly dom: number;
  readonly frame: number;
}

/** One paste, timed in the page: to the DOM change that shows the JobId, and to the frame after it. */
function pasteOnce(page: Page, text = CASE2, jobId = JOB_ID): Promise<Timing> {
  return page.evaluate(
    ({ text, jobId }) =>
      new Promise<{ dom: number; frame: number }>((resolve, reject) => {
        const timeout = setTimeout(
          () => reject(new Error('the summary panel never showed the JobId')),
          10_000,
        );
        // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
        let start = 0;
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-panel="summary"]')?.textContent?.includes(jobId)) return;
          const dom = performance.now() - start;
          observer.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timeout);
            resolve({ dom, frame: performance.now() - start });
          });
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const data = new DataTransfer();
        data.setData('text/plain', text);
        start = performance.now();
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }),
    { text, jobId },
  );
}

async function clearAll(page: Page): Promise<void> {
  await page.getByTestId('clear-all').click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="document-count"]')?.textContent === '0' &&
      !document.querySelector('[data-panel]'),
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log('dist/ is missing: building it (npx vite build)…');
    execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });
  }
  const server = await serveDist(DIST, Number(process.env.BENCH_PORT ?? 0));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/?lang=en`);
    await page.getByTestId('document-count').waitFor();

    // A: the first paste into an empty page (the list and the panels mount). B: a paste while another
    // document's panels are on screen (the list is there already).
    const empty: Timing[] = [];
    const shown: Timing[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      await clearAll(page);
      const a = await pasteOnce(page);
      await clearAll(page);
      await pasteOnce(page, OTHER, OTHER_RUN_ID);
      const b = await pasteOnce(page);
      if (i >= WARM_UP) {
        empty.push(a);
        shown.push(b);
      }
    }
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const report = (name: string, timings: readonly Timing[]) => {
      const dom = timings.map((t) => t.dom);
      console.log(`  ${name}`);
      console.log(
        `    to the summary panel showing the JobId: ${fmt(median(dom))}   (min ${fmt(Math.min(...dom))}, max ${fmt(Math.max(...dom))})`,
      );
      console.log(`    to the next frame after it:             ${fmt(median(timings.map((t) => t.frame)))}`);
    };
    console.log(
      `paste-to-panels, one callback (seed case 2, XML), median of ${RUNS} runs after ${WARM_UP} warm-up runs:`,
    );
    report('A. into an empty page', empty);
    report('B. while another callback is shown', shown);
    const figure = median(empty.map((t) => t.dom));
    console.log(
      `target ≤ ${TARGET_MS} ms (A, to the JobId shown): ${fmt(figure)} ${figure <= TARGET_MS ? 'PASS' : 'FAIL'}`,
    );
    const scale = await scaleScenario(browser, port);
    const hundredOk = await hundredThousandScenario(browser, port, scale);
    process.exitCode = figure <= TARGET_MS && scale.ok && hundredOk ? 0 : 1;
  } finally {
    await browser.close();
    server.close();
  }
}

const LOG_PATH = join(ROOT, 'bench/out/callbacks-10000.log');
const GOALS = { fullyLoadedMs: 2000, longTaskMs: 100, filterMs: 100, fps: 50, heapMb: 400 } as const;

function logText(): string {
  if (!existsSync(LOG_PATH)) {
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(LOG_PATH, generateCallbackLog({ count: 10_000, seed: 1 }));
  }
  return readFileSync(LOG_PATH, 'utf8');
}

/** The JS heaps of the parse worker(s), through a CDP session on the page that attaches to its workers. */
async function workerHeaps(page: Page): Promise<HeapUsage[]> {
  const session = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  session.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  });
  const replies = new Map<string, (usage: HeapUsage) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
    if (message.id === 1 && message.result) replies.get(event.sessionId)?.(message.result);
  });
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await new Promise((r) => setTimeout(r, 300));
  const heaps = await Promise.all(
    sessions.map(
      (sessionId) =>
        new Promise<HeapUsage>((resolve) => {
          replies.set(sessionId, resolve);
          void session.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
          });
          setTimeout(() => resolve({ usedSize: Number.NaN, totalSize: Number.NaN }), 5000);
        }),
    ),
  );
  await session.detach();
  return heaps;
}

async function scaleScenario(browser: Browser, port: number): Promise<ScaleFigures> {
  const text = logText();
  const { page, load } = await loadLog(browser, port, LOG_PATH, 10_000);
  // Memory after the load, before anything else is opened.
  const cdp = await page.context().newCDPSession(page);
  const pageHeap = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  await cdp.detach();
  const workers = await workerHeaps(page);
  const mb = (n: number) => n / 1024 / 1024;
  const workerUsed = workers.reduce((n, h) => n + h.usedSize, 0);

  // Filters and the overview at 10,000: the baseline the 100,000 figures are compared with.
  const filters = await measureFilters(page, 3);
  const overviewMs = await measureOverview(page);

  // The combined timeline: ~2 s of programmatic pans and zooms, frames counted.
  await page.getByTestId('view-timeline').click();
  await page.getByTestId('combined-timeline-canvas').waitFor();
  await page.waitForTimeout(300);
  // A string, not a function: tsx would wrap the recursive frame callback in a helper the page does not have.
  const fps = await page.evaluate<{ fps: number; events: number }>(`new Promise((resolve) => {
    const canvas = document.querySelector('[data-testid="combined-timeline-canvas"]');
    if (!canvas) { resolve({ fps: 0, events: 0 }); return; }
    const rect = canvas.getBoundingClientRect();
    const keys = ['ArrowRight', 'ArrowLeft', '+', '-'];
    let frames = 0;
    let events = 0;
    const start = performance.now();
    function tick() {
      const i = events++;
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % 4], bubbles: true }));
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? 60 : -60, clientX: rect.left + rect.width / 2,
        clientY: rect.top + 50, bubbles: true, cancelable: true }));
      frames++;
      if (performance.now() - start < 2000) requestAnimationFrame(tick);
      else resolve({ fps: (frames * 1000) / (performance.now() - start), events });
    }
    requestAnimationFrame(tick);
  })`);
  await page.close();

  const total = mb(pageHeap.usedSize + workerUsed);
  const rows: [string, string, string, boolean][] = [
    ['time to first rows', `${load.firstMs.toFixed(0)} ms`, '—', true],
    [
      'time to fully loaded (10,000)',
      `${load.doneMs.toFixed(0)} ms`,
      `≤ ${GOALS.fullyLoadedMs} ms`,
      load.doneMs <= GOALS.fullyLoadedMs,
    ],
    [
      `longest main-thread task during load (${load.longCount} over 50 ms)`,
      `${load.longest.toFixed(0)} ms`,
      `≤ ${GOALS.longTaskMs} ms`,
      load.longest <= GOALS.longTaskMs,
    ],
    ['rows in the DOM', String(load.rows), '≤ 100', load.rows <= 100],
    ...filters.map(([name, ms]): [string, string, string, boolean] => [
      `filter at 10,000: ${name}`,
      `${ms.toFixed(1)} ms`,
      `≤ ${GOALS.filterMs} ms`,
      ms <= GOALS.filterMs,
    ]),
    ['overview shown (Failures by Code, next frame)', `${overviewMs.toFixed(1)} ms`, '—', true],
    [
      'timeline frame rate, panning/zooming',
      `${fps.fps.toFixed(1)} fps`,
      `≥ ${GOALS.fps} fps`,
      fps.fps >= GOALS.fps,
    ],
    ['page JS heap (used)', `${mb(pageHeap.usedSize).toFixed(1)} MB`, '—', true],
    [
      `worker JS heap (used, ${workers.length} worker${workers.length === 1 ? '' : 's'})`,
      workers.length ? `${mb(workerUsed).toFixed(1)} MB` : 'not measured',
      '—',
      true,
    ],
    ['page + worker JS heaps', `${total.toFixed(1)} MB`, `≤ ${GOALS.heapMb} MB`, total <= GOALS.heapMb],
  ];
  console.log('');
  console.log(`10,000 callbacks (${(text.length / 1024 / 1024).toFixed(1)} MB) through the file input:`);
  printRows(rows);
  return { ok: rows.every((r) => r[3]), filters, overviewMs };
}

await main();
