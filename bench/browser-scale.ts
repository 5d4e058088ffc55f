/**
 * The steps of `npm run bench:browser`'s scale scenarios (see browser-bench.ts): load a generated log through the
 * file input and time it, time the list's filters and the overview, and the 100,000-callback pass whose figures
 * are given as ratios to the 10,000 pass of the same run.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILTER_GOAL_MS = 100;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface HeapUsage {
  readonly usedSize: number;
  readonly totalSize: number;
}

/** Sets a control's value the way a person does, and times it to the list's DOM change (React renders in sync). */
export function timeFilter(page: Page, selector: string, value: string): Promise<number> {
  return page.evaluate(
    ({ selector, value }) =>
      new Promise<number>((resolve, reject) => {
        const el = document.querySelector(selector);
        const list = document.querySelector('.document-list');
        if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !list) {
          reject(new Error(`no ${selector}`));
          return;
        }
        const timeout = setTimeout(() => reject(new Error('the list never changed')), 10_000);
        let start = 0;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - start);
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        const proto =
          el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
        start = performance.now();
        Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
        el.dispatchEvent(new Event(el instanceof HTMLInputElement ? 'input' : 'change', { bubbles: true }));
      }),
    { selector, value },
  );
}

export interface LoadFigures {
  readonly firstMs: number;
  readonly doneMs: number;
  readonly longest: number;
  readonly longCount: number;
  readonly rows: number;
}

/** Opens a page, waits for it to settle, picks the log at `path` (of `count` callbacks) and times the load. */
export async function loadLog(
  browser: Browser,
  port: number,
  path: string | readonly string[],
  count: number,
): Promise<{ page: Page; load: LoadFigures }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}/?lang=en`);
  await page.getByTestId('document-count').waitFor();
  // The file is picked once the page has settled, as a person picks it seconds after opening the page: the page's
  // own start-up (the worker started and warmed, the chunks it loads when idle) is not the load's.
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
  );
  // Marks the moment the file is picked, and when the first rows and all rows are listed.
  await page.evaluate((count) => {
    const w = window as unknown as { __load: { start: number; first?: number; done?: number } };
    w.__load = { start: 0 };
    document
      .querySelector('[data-testid="file-input"]')
      ?.addEventListener('change', () => (w.__load.start = performance.now()), { capture: true });
    const observer = new MutationObserver(() => {
      const shown = Number(document.querySelector('[data-testid="document-count"]')?.textContent ?? '0');
      if (shown > 0 && w.__load.first === undefined) w.__load.first = performance.now();
      if (shown >= count && !document.querySelector('[data-testid="load-progress"]')) {
        w.__load.done = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, count);
  // By path: the browser reads the file itself, as it does for a person (a buffer would be rebuilt by
  // Playwright's own script on the page's main thread, a multi-second task that is not the app's).
  await page.getByTestId('file-input').setInputFiles(typeof path === 'string' ? path : [...path]);
  try {
    await page.waitForFunction(
      () => (window as unknown as { __load: { done?: number } }).__load.done !== undefined,
      null,
      { timeout: Math.max(60_000, count * 6), polling: 1000 },
    );
  } catch (error) {
    // Say how far it got (and what the page says) rather than only that it timed out.
    const state = await page.evaluate(() => ({
      count: document.querySelector('[data-testid="document-count"]')?.textContent,
      progress: document.querySelector('[data-testid="load-progress"]')?.textContent,
      notices: [...document.querySelectorAll('[role="alert"], [role="status"]')]
        .map((e) => e.textContent)
        .filter(Boolean),
    }));
    console.error(`loading ${count} callbacks did not finish:`, JSON.stringify(state));
    throw error;
  }
  await page.waitForTimeout(500);
  const load = await page.evaluate(() => {
    const w = window as unknown as {
      __load: { start: number; first: number; done: number };
      __longTasks: { start: number; duration: number }[];
    };
    const during = w.__longTasks.filter((t) => t.start + t.duration >= w.__load.start);
    return {
      firstMs: w.__load.first - w.__load.start,
      doneMs: w.__load.done - w.__load.start,
      longest: Math.max(0, ...during.map((t) => t.duration)),
      longCount: during.length,
      rows: document.querySelectorAll('[data-testid="document-item"]').length,
    };
  });
  return { page, load };
}

/**
 * The list's filters, each timed to the list's update, then cleared (the clearing is timed too: a pass over
 * every document that keeps them all, the baseline the filters are compared with). Median of `runs`, and each
 * filter's first run.
 */
export async function measureFilters(page: Page, runs: number): Promise<[string, number][]> {
  const filters = new Map<string, number[]>();
  const push = (name: string, ms: number) => filters.set(name, [...(filters.get(name) ?? []), ms]);
  const run = async (name: string, selector: string, value: string, reset: string) => {
    push(name, await timeFilter(page, selector, value));
    await page.waitForTimeout(100);
    push('cleared again (unfiltered)', await timeFilter(page, selector, reset).catch(() => Number.NaN));
    await page.waitForTimeout(100);
  };
  const tag = await page.evaluate(
    () =>
      document.querySelector<HTMLSelectElement>('.list-toolbar select[id$="-tag"]')?.options[1]?.value ?? '',
  );
  for (let i = 0; i < runs; i++) {
    await run('State = Failed', '.list-toolbar select[id$="-state"]', 'Failed', '');
    await run(`Tag = ${tag}`, '.list-toolbar select[id$="-tag"]', tag, '');
    await run('text "a1"', '[data-testid="list-filter"]', 'a1', '');
    await run('text "InternalError" (a Code)', '[data-testid="list-filter"]', 'InternalError', '');
    await run('sort by run time', '.list-toolbar select[id$="-sort"]', 'runTime', 'load');
  }
  // The first run of each filter apart too: the list keeps a sort's order of the whole set, so later runs of a sort
  // can be cheaper than the first, which is what a person changing the sort once meets.
  return [...filters].flatMap(([name, values]): [string, number][] => {
    const med: [string, number] = [name, median(values.filter((v) => !Number.isNaN(v)))];
    return name.startsWith('cleared') ? [med] : [med, [`${name}, first run`, values[0] ?? Number.NaN]];
  });
}

/** From a click on the Overview tab to its Failures by Code shown, and the frame after it. */
export async function measureOverview(page: Page): Promise<number> {
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="view-overview"]');
        if (!button) {
          reject(new Error('no overview tab'));
          return;
        }
        const timeout = setTimeout(() => reject(new Error('the overview never showed')), 60_000);
        let start = 0;
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="failures-by-code"]')) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timeout);
            resolve(performance.now() - start);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
        start = performance.now();
        button.click();
      }),
  );
  await page.getByTestId('view-document').click();
  await page.waitForTimeout(300);
  return ms;
}

/**
 * 100,000 callbacks as two generated logs of 50,000 (seeds 1 and 2, ~139 MB each), picked together: one file of
 * 100,000 (278 MB) is over the app's 256 MiB limit for one file and is refused.
 */
const LOGS_100K = [1, 2].map((seed) => join(ROOT, `bench/out/callbacks-50000-seed${seed}.log`));

function logs100k(): readonly string[] {
  LOGS_100K.forEach((path, i) => {
    if (existsSync(path)) return;
    console.log(`generating ${path}…`);
    execSync(`node --import tsx bench/generate-log.ts --count 50000 --seed ${i + 1} --out ${path}`, {
      cwd: ROOT,
      stdio: 'inherit',
    });
  });
  return LOGS_100K;
}

export interface ScaleFigures {
  readonly ok: boolean;
  readonly filters: readonly [string, number][];
  readonly overviewMs: number;
}

export function printRows(rows: readonly (readonly [string, string, string, boolean])[]): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, goal, ok] of rows) {
    console.log(
      `  ${name.padEnd(width)}  ${value.padStart(12)}  ${goal.padEnd(10)}  ${goal === '—' ? '' : ok ? 'PASS' : 'FAIL'}`,
    );
  }
}

/**
 * Filters and the overview at 100,000 callbacks (DESIGN.md "Targets": filters ≤ 100 ms at 100k), each also given
 * as a ratio to the same step at 10,000 in this run (linear cost reads 10×) and to the unfiltered pass at 100k.
 */
export async function hundredThousandScenario(
  browser: Browser,
  port: number,
  base: ScaleFigures,
): Promise<boolean> {
  const paths = logs100k();
  const { page, load } = await loadLog(browser, port, paths, 100_000);
  const cdp = await page.context().newCDPSession(page);
  const pageHeap = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  await cdp.detach();
  const filters = await measureFilters(page, 3);
  const overviewMs = await measureOverview(page);
  await page.close();
  const baseOf = new Map(base.filters);
  const unfiltered = new Map(filters).get('cleared again (unfiltered)') ?? Number.NaN;
  const ratio = (ms: number, of: number | undefined) =>
    of === undefined || !(of > 0) ? '—' : `${(ms / of).toFixed(1)}×`;
  const rows: [string, string, string, boolean][] = [
    ['time to fully loaded (100,000)', `${load.doneMs.toFixed(0)} ms`, '—', true],
    ['page JS heap (used)', `${(pageHeap.usedSize / 1024 / 1024).toFixed(1)} MB`, '—', true],
    ...filters.map(([name, ms]): [string, string, string, boolean] => [
      `filter at 100,000: ${name} (${ratio(ms, baseOf.get(name))} of 10k, ${ratio(ms, unfiltered)} of unfiltered)`,
      `${ms.toFixed(1)} ms`,
      `≤ ${FILTER_GOAL_MS} ms`,
      ms <= FILTER_GOAL_MS,
    ]),
    [
      `overview shown (${ratio(overviewMs, base.overviewMs)} of 10k)`,
      `${overviewMs.toFixed(1)} ms`,
      '—',
      true,
    ],
  ];
  console.log('');
  console.log(
    `100,000 callbacks (${(paths.reduce((n, p) => n + statSync(p).size, 0) / 1024 / 1024).toFixed(1)} MB) in two files through the file input, ` +
      `medians of 3 (ratios: to the same step at 10,000 and to the unfiltered pass at 100,000, this run):`,
  );
  printRows(rows);
  return rows.every((r) => r[3]);
}
