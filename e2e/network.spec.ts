/**
 * "Nothing leaves the browser" (DESIGN.md): every request the page makes, from the page and from its workers,
 * while loading (sample, paste, draft, files), parsing, sharing (a link made, then opened in a new page) and
 * exporting (each action), stays on the page's own origin. Only blob: and data: URLs are allowed besides.
 */
import { expect as baseExpect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectCount, loadSample, openApp, pasteOnPage, readFixture } from './helpers';

const expect = baseExpect.configure({ timeout: 10_000 });

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

function recordRequests(context: BrowserContext, page: Page): string[] {
  const urls: string[] = [];
  const add = (url: string) => urls.push(url);
  page.on('request', (r) => add(r.url()));
  // Context-level: requests of workers and of pages opened later.
  context.on('request', (r) => add(r.url()));
  context.on('serviceworker', (w) => add(w.url()));
  page.on('worker', (w) => add(w.url()));
  return urls;
}

function foreign(urls: readonly string[], origin: string): string[] {
  return [...new Set(urls)].filter((u) => {
    if (u.startsWith('blob:') || u.startsWith('data:')) return false;
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

async function exportEverything(page: Page): Promise<void> {
  await page.getByTestId('export-menu').click();
  await expect(page.getByTestId('export-curl')).toBeVisible();
  for (const row of ['export-model-json', 'export-convert', 'export-markdown']) {
    await page.getByTestId(row).getByRole('button', { name: /^Copy/ }).click();
    await expect(page.getByTestId(row).getByRole('status')).toHaveText('Copied');
  }
  await page.getByTestId('replay-endpoint').fill('https://example.com/ci-callback');
  await page.getByTestId('export-curl').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.getByTestId('export-curl').getByRole('status')).toHaveText('Copied');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-save-set-button').click();
  await downloading;
  const before = Number(await page.getByTestId('document-count').textContent());
  await page.getByTestId('export-load-converted').click();
  await expectCount(page, before + 1);
}

test('loading, parsing, sharing and exporting make no request beyond the page’s own origin', async ({
  page,
  context,
}) => {
  const urls = recordRequests(context, page);
  await openApp(page);
  const origin = new URL(page.url()).origin;

  // Loading: a sample, a paste, the draft, files.
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 1);
  await pasteOnPage(page, readFixture('docs/workflowfinish_callback.xml'));
  await expectCount(page, 2);
  await page.getByTestId('payload-input').fill(readFixture('seed/case3-workflow-trailing-comma.json'));
  await expectCount(page, 3);
  await page.getByTestId('file-input').setInputFiles([
    {
      name: 'log.jsonl',
      mimeType: 'text/plain',
      buffer: Buffer.from(readFixture('derived/callbacks.jsonl')),
    },
    {
      name: 'dump.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(readFixture('derived/http_request_dump.txt')),
    },
  ]);
  await expect
    .poll(async () => Number(await page.getByTestId('document-count').textContent()))
    .toBeGreaterThan(4);
  // Every panel of a parsed document (the raw view, the lazily loaded glossary).
  await expect(page.locator('[data-panel="summary"]')).toBeVisible();

  // Exporting: each action.
  await exportEverything(page);

  // Sharing: a link made, masked, then opened in a new page.
  await page.getByTestId('share-button').click();
  await page.getByRole('radio', { name: /All \d+ loaded callbacks/ }).check();
  for (const box of await page.locator('[data-redact]').all()) await box.check();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#v1\./);
  const link = await field.inputValue();
  await page.keyboard.press('Escape');
  const opened = await context.newPage();
  opened.on('request', (r) => urls.push(r.url()));
  await opened.goto(link);
  await expect(opened.getByTestId('document-count')).not.toHaveText('0');
  await expect(opened.locator('[data-panel="summary"]')).toBeVisible();
  await exportEverything(opened);

  expect(urls.length).toBeGreaterThan(2);
  expect(foreign(urls, origin)).toEqual([]);
});

test('the check itself flags another origin and allows blob: and data:', () => {
  const origin = 'http://127.0.0.1:4179';
  const urls = [
    `${origin}/assets/a.js`,
    'blob:http://127.0.0.1:4179/x',
    'data:text/plain,x',
    'https://example.com/t.gif',
    'http://127.0.0.1:9/',
  ];
  expect(foreign(urls, origin)).toEqual(['https://example.com/t.gif', 'http://127.0.0.1:9/']);
});
