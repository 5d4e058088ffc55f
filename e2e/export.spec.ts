/**
 * Export of the selected callback: the parsed model as JSON, XML ⇄ JSON conversion (copied, or loaded as a new
 * callback that parses to the same model), a Markdown summary, the loaded set saved as one file that loads back,
 * and a curl replay to an endpoint remembered on the device.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { documentItems, expectCount, openApp, pasteOnPage, readFixture } from './helpers';

const expect = baseExpect.configure({ timeout: 10_000 });

const CASE2 = readFixture('seed/case2-workflow.xml');
const CASE3 = readFixture('seed/case3-workflow-trailing-comma.json');
const WORKFLOW_FINISH = readFixture('docs/workflowfinish_callback.xml');
const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('export-menu').click();
  await expect(page.getByTestId('export-curl')).toBeVisible();
}

/** Clicks the copy button of an export row and reads what reached the clipboard. */
async function copyFrom(page: Page, rowTestId: string): Promise<string> {
  const button = page.getByTestId(rowTestId).getByRole('button', { name: /^Copy/ });
  await button.click();
  await expect(page.getByTestId(rowTestId).getByRole('status')).toHaveText('Copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('copies the parsed model as JSON and a Markdown summary', async ({ page }) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  await openExport(page);
  const model = JSON.parse(await copyFrom(page, 'export-model-json')) as {
    kind: string;
    jobs: { jobId: string }[];
  };
  expect(model.kind).toBe('jobs');
  expect(model.jobs[0]?.jobId).toBe(CASE2_JOB_ID);
  const markdown = await copyFrom(page, 'export-markdown');
  expect(markdown).toContain('| JobId |');
  expect(markdown).toContain(CASE2_JOB_ID);
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-curl')).toBeHidden();
  await expect(page.getByTestId('export-menu')).toBeFocused();
});

test('XML → JSON → loaded as a new callback parses to the same JobId and State, and back to XML', async ({
  page,
}) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  const state = await documentItems(page).first().getAttribute('data-state');
  await openExport(page);
  await expect(page.getByTestId('export-convert')).toContainText('JSON');
  const json = JSON.parse(await copyFrom(page, 'export-convert')) as {
    JobsDetail: { JobId: string } | { JobId: string }[];
  };
  expect(JSON.stringify(json.JobsDetail)).toContain(CASE2_JOB_ID);
  await page.getByTestId('export-load-converted').click();
  await expectCount(page, 2);
  const converted = documentItems(page).nth(1);
  await expect(converted).toHaveAttribute('aria-selected', 'true');
  await expect(converted).toHaveAttribute('data-state', state ?? '');
  await expect(converted).toContainText(CASE2_JOB_ID);
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
  await expect(page.getByRole('heading', { level: 2, name: /converted to JSON/ })).toBeVisible();

  // And the JSON one converts back to XML.
  await openExport(page);
  await expect(page.getByTestId('export-convert')).toContainText('XML');
  const xml = await copyFrom(page, 'export-convert');
  expect(xml).toMatch(/^<Response>/);
  expect(xml).toContain(`<JobId>${CASE2_JOB_ID}</JobId>`);
});

test('the saved set downloads as one file that loads back the same callbacks with their names', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  await pasteOnPage(page, `${CASE3}\n${WORKFLOW_FINISH}`);
  await expectCount(page, 3);
  const names = await documentItems(page).allInnerTexts();
  await openExport(page);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-save-set-button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ci-callbacks-.*\.json$/);
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { format: string; documents: { name: string }[] };
  expect(saved.format).toBe('ci-callback-viewer/set');
  expect(saved.documents.map((d) => d.name)).toEqual(['Pasted #1', 'Pasted #2']);

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await openApp(fresh);
    await fresh.getByTestId('file-input').setInputFiles(path);
    await expectCount(fresh, 3);
    expect(await documentItems(fresh).allInnerTexts()).toEqual(names);
  } finally {
    await context.close();
  }
});

test('a saved set that is empty, of another version or of another tool is not loaded, and says why', async ({
  page,
}) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  const file = (name: string, text: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const cases = [
    {
      file: file('empty-set.json', '{"format":"ci-callback-viewer/set","version":1,"documents":[]}'),
      says: 'The saved set “empty-set.json” holds no callbacks: nothing was loaded.',
    },
    {
      file: file(
        'newer-set.json',
        '{"format":"ci-callback-viewer/set","version":3,"documents":[{"name":"a","text":"<R/>"}]}',
      ),
      says: '“newer-set.json” was saved by another version of this viewer (set version 3)',
    },
    {
      file: file('bundle.json', '{"format":"other-tool/bundle","documents":[{"text":"<R/>"}]}'),
      says: '“bundle.json” is a set of another kind (format “other-tool/bundle”)',
    },
  ];
  for (const c of cases) {
    await page.getByTestId('file-input').setInputFiles(c.file);
    await expect(page.locator('.notice-error').filter({ hasText: c.says })).toBeVisible();
  }
  // Nothing was loaded and the callback already there is still there.
  await expectCount(page, 1);
});

test('curl: the endpoint is checked and remembered across a reload; the printed command, run by bash, delivers the exact body to a loopback listener', async ({
  page,
}) => {
  const received: { body: string; type: string | undefined; url: string | undefined }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        type: req.headers['content-type'],
        url: req.url,
      });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ci-callback?run=[1-3]`;
  try {
    await openApp(page);
    await pasteOnPage(page, CASE2);
    await expectCount(page, 1);
    await openExport(page);
    const endpoint = page.getByTestId('replay-endpoint');
    await endpoint.fill('ftp://example.com/x');
    await expect(page.getByText('Enter an http:// or https:// address.')).toBeVisible();
    await expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    await endpoint.fill(target);
    await expect(page.getByTestId('curl-command')).toBeVisible();
    await expect(page.getByTestId('export-curl')).toContainText('POSIX shell');

    await page.reload();
    await expectCount(page, 1);
    await openExport(page);
    await expect(page.getByTestId('replay-endpoint')).toHaveValue(target);
    const command = await copyFrom(page, 'export-curl');
    expect(command).toContain('--data-binary @-');
    expect(command).toContain('--globoff');
    expect(command).toContain("'Content-Type: application/xml'");
    // The body is base64 in the command, never an argument: run it as a person would.
    expect(command).not.toContain(`<JobId>${CASE2_JOB_ID}</JobId>`);
    // Asynchronously: the listener runs in this process.
    await new Promise<void>((resolve, reject) =>
      execFile('bash', ['-c', command], { timeout: 20_000 }, (err) => (err ? reject(err) : resolve())),
    );
    // The document's source text (the paste's trailing new line is not part of the payload).
    expect(received).toEqual([
      { body: CASE2.trimEnd(), type: 'application/xml', url: '/ci-callback?run=[1-3]' },
    ]);
    // Payloads never go to localStorage: only the preferences do.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain('/ci-callback');
    expect(stored).not.toContain(CASE2_JOB_ID);
  } finally {
    server.close();
  }
});
