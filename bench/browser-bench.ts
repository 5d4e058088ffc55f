/**
 * Paste-to-panels in a real browser (DESIGN.md "Targets": ≤ 50 ms for one callback). Serves the production build
 * (dist/, built first when missing) from a tiny static server on 127.0.0.1, opens it in Chromium, and times, inside
 * the page with performance.now(), from dispatching a `paste` event holding seed case 2 to the summary panel
 * showing its JobId (a MutationObserver sees the DOM change), and to the next animation frame after it (the panel
 * painted). Two scenarios: the first paste into an empty page, and a paste while another callback's panels are
 * shown. Median of the runs after a warm-up; the figure judged against the target is the first (the stricter).
 *
 *   npm run bench:browser            (CHROMIUM_PATH picks another Chromium)
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CASE2 = readFileSync(join(ROOT, 'src/domain/__fixtures__/seed/case2-workflow.xml'), 'utf8');
/** Shown before the paste in the second scenario: a workflow run, whose panels do not hold case 2's JobId. */
const OTHER = readFileSync(join(ROOT, 'src/domain/__fixtures__/docs/workflowfinish_callback.json'), 'utf8');
const OTHER_RUN_ID = 'i166ee19017b011eda8a5525400c540df';
const JOB_ID = 'c93984788066911ed89ed352d4d9d2084';
const WARM_UP = 5;
const RUNS = 21;
const TARGET_MS = 50;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log('dist/ is missing: building it (npx vite build)…');
    execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });
  }
  const server = await serve(DIST);
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath:
      process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
    process.exitCode = figure <= TARGET_MS ? 0 : 1;
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
