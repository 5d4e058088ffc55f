/**
 * The two deliverables of the build: the hosted site, served from a sub-path of a static host, and the single file
 * opened from disk. Both work, carry a Content-Security-Policy, and make no request beyond their own files.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readFixture } from './helpers';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const SINGLE = resolve(import.meta.dirname, '..', 'dist-single', 'index.html');
const SUB_PATH = '/team/tools/ci-viewer/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** A plain static host serving dist/ under a sub-path, like an intranet server or a COS static website. */
async function serveUnderSubPath(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(SUB_PATH.length) || 'index.html');
    const file = join(DIST, rel.endsWith('/') ? `${rel}index.html` : rel);
    try {
      if (!file.startsWith(DIST) || !statSync(file).isFile()) throw new Error('not a file');
      res
        .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function showsCase2(page: Page): Promise<void> {
  await page.getByTestId('payload-input').fill(readFixture('seed/case2-workflow.xml'));
  await expect(page.getByTestId('document-list')).toContainText('c93984788066911ed89ed352d4d9d2084');
  await expect(page.locator('[data-panel="summary"]')).toContainText('c93984788066911ed89ed352d4d9d2084');
  await expect(page.locator('[data-panel="headers"]')).toContainText('x-cos-request-id');
}

test('the production build works from a sub-path, and every request stays under it', async ({ page }) => {
  const { server, origin } = await serveUnderSubPath();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(`${origin}${SUB_PATH}?lang=en`);
    await showsCase2(page);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((u) => !u.startsWith(`${origin}${SUB_PATH}`))).toEqual([]);
  } finally {
    server.close();
  }
});

test('the single-file build works opened from disk (file://), worker included, with no CSP violation', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${SINGLE}?lang=en`);
  await showsCase2(page);
  expect(problems).toEqual([]);
  // Everything is inside the file: no request but the file itself (and the worker's blob: URL).
  expect(
    requests.filter(
      (u) => !u.startsWith(`file://${SINGLE}`) && !u.startsWith('blob:') && !u.startsWith('data:'),
    ),
  ).toEqual([]);
});

test('from the file on disk, the Share dialog says where its link opens and builds it on a hosted copy when given', async ({
  page,
}) => {
  await page.goto(`file://${SINGLE}?lang=en`);
  await showsCase2(page);
  await page.getByTestId('share-button').click();
  const note = page.getByTestId('share-file-origin');
  await expect(note).toContainText('opens only on a computer with the same file at the same place');
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/^file:\/\/.+#v1\./);
  await page.getByTestId('share-hosted-address').fill('https://tools.example.com/ci-viewer/');
  await expect(link).toHaveValue(/^https:\/\/tools\.example\.com\/ci-viewer\/#v1\./);
  await expect(note).toContainText('the link is built on the hosted copy below');
});

test('both builds carry a Content-Security-Policy that closes connect-src and allows no inline script', () => {
  const hosted = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(hosted)?.[1] ?? '';
  expect(policy).toContain("connect-src 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  // No inline script in the hosted page: every <script> has a src.
  expect([...hosted.matchAll(/<script\b([^>]*)>/g)].every((m) => /\bsrc=/.test(m[1] ?? ''))).toBe(true);

  const single = readFileSync(SINGLE, 'utf8');
  const singlePolicy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(single)?.[1] ?? '';
  expect(singlePolicy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(singlePolicy).toContain('worker-src blob:');
  expect(singlePolicy).toContain("connect-src 'none'");
  expect(singlePolicy).not.toContain('unsafe-inline');
});

test('the build reports its initial JavaScript within the 120 KB gzip budget', () => {
  const report = JSON.parse(readFileSync(join(DIST, 'size-report.json'), 'utf8')) as {
    initialJsGzipBytes: number;
    budgetBytes: number;
  };
  expect(report.budgetBytes).toBe(120 * 1024);
  expect(report.initialJsGzipBytes).toBeGreaterThan(30 * 1024);
  expect(report.initialJsGzipBytes).toBeLessThanOrEqual(report.budgetBytes);
});
