/**
 * Scale features (DESIGN.md "Targets"): a large log loads in batches with progress and a way to stop, the list
 * filters (time window too), the overview, the combined timeline and the comparison of two callbacks.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateCallbackLog, payloadsOfGeneratedLog } from '../bench/generate-log';
import { documentItems, expectCount, openApp, pasteOnPage, readFixture } from './helpers';

const logs = new Map<number, string>();
function logOf(count: number): string {
  let log = logs.get(count);
  if (log === undefined) logs.set(count, (log = generateCallbackLog({ count, seed: 7 })));
  return log;
}

async function pickFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('file-input')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

function shownCount(page: Page) {
  return page.getByTestId('shown-count');
}

/** An instant typed into a time filter, in UTC with its offset said (`2022-07-18 07:16:44 +00:00`). */
function typedUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +00:00`;
}

function endTimesOf(log: string): number[] {
  const out: number[] = [];
  for (const { text } of payloadsOfGeneratedLog(log)) {
    const m = /<EndTime>([^<]+)<|"EndTime"\s*:\s*"([^"]+)"/.exec(text);
    const raw = m?.[1] ?? m?.[2];
    if (!raw) continue;
    const iso = raw.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) out.push(ms);
  }
  return out.sort((a, b) => a - b);
}

test('a 3,000-callback file loads in batches with progress, then filters by State, Tag, text and time window', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const log = logOf(3000);
  await openApp(page);
  await pickFile(page, 'callbacks-3000.log', log);
  const progress = page.getByTestId('load-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('document-count')).toHaveText('3000', { timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  expect(await documentItems(page).count()).toBeLessThanOrEqual(100);

  const toolbar = page.locator('.list-toolbar');
  await expect(shownCount(page)).toHaveText('3000');
  await toolbar.getByLabel('State').selectOption('Failed');
  await expect(shownCount(page)).not.toHaveText('3000');
  for (const row of await documentItems(page).all())
    await expect(row).toHaveAttribute('data-state', 'Failed');
  await toolbar.getByLabel('State').selectOption('');
  await toolbar.getByLabel('Tag').selectOption('Transcode');
  await expect(shownCount(page)).not.toHaveText('3000');
  await toolbar.getByLabel('Tag').selectOption('');
  await expect(shownCount(page)).toHaveText('3000');

  // Time window: from the median end time on, about half the callbacks.
  const ends = endTimesOf(log);
  const median = ends[Math.floor(ends.length / 2)] ?? 0;
  // The time fields are behind "More filters", typed as text.
  await expect(page.getByTestId('filter-time-from')).toBeHidden();
  await page.getByText('More filters').click();
  await page.getByTestId('filter-time-from').fill(typedUtc(median));
  await expect(shownCount(page)).not.toHaveText('3000');
  const shown = Number(await shownCount(page).textContent());
  expect(shown).toBeGreaterThan(3000 * 0.3);
  expect(shown).toBeLessThan(3000 * 0.7);
  await page.getByTestId('filter-time-to').fill(typedUtc(median - 1000));
  await expect(page.getByText('No callback matches the filters.')).toBeVisible();
  await page.getByTestId('filter-time-to').fill('not a time');
  await expect(page.getByTestId('filter-time-to')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(shownCount(page)).toHaveText('3000');
});

test('loading can be stopped: what was read stays, and the notice says how much', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await pickFile(page, 'callbacks-10000.log', logOf(10000));
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('load-progress')).toHaveCount(0, { timeout: 30_000 });
  // The file is read in chunks: the notice says how much of it was read (its number of callbacks is not known).
  await expect(
    page.getByText(/Loading stopped: kept \d+ callbacks, [\d.]+ [KM]iB of [\d.]+ MiB read/),
  ).toBeVisible();
  const count = Number(await page.getByTestId('document-count').textContent());
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(10000);
  // Still working: another text loads.
  await pasteOnPage(page, readFixture('seed/case1-job-api.xml'));
  await expectCount(page, count + 1);
});

test('10,000 callbacks: all counted, in file order, at most 100 rows in the DOM; any one shows its panels', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const log = logOf(10000);
  await pickFile(page, 'callbacks-10000.log', log);
  await expect(page.getByTestId('document-count')).toHaveText('10000', { timeout: 80_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  expect(await documentItems(page).count()).toBeLessThanOrEqual(100);
  // With more than two cores, workers share the file batch by batch (100 payloads each), and batches 70 and 71
  // come from different workers: whatever the number, documents keep their place in the file, and their models
  // (JSON and XML) are read from their source when shown.
  const payloads = payloadsOfGeneratedLog(log);
  const xmlJob = payloads.findIndex((p, i) => i >= 7100 && p.format === 'xml' && p.text.includes('<JobId>'));
  expect(xmlJob).toBeLessThan(7200);
  for (const n of [7000, xmlJob, 9999]) {
    const jobId = /<JobId>([^<]+)<|"JobId"\s*:\s*"([^"]+)"/.exec(payloads[n]?.text ?? '');
    const id = jobId?.[1] ?? jobId?.[2] ?? '';
    expect(id).not.toBe('');
    await page.locator('.list-toolbar input[type="search"]').fill(id);
    const row = documentItems(page).filter({ hasText: `· ${n + 1}/10000` });
    await expect(row).toContainText(id);
    await row.click();
    await expect(page.locator('[data-panel="summary"]')).toContainText(id);
  }
});

async function loadKnownSet(page: Page): Promise<void> {
  await openApp(page);
  await pasteOnPage(page, readFixture('seed/case1-job-api.xml'));
  await expectCount(page, 1);
  await pasteOnPage(page, readFixture('seed/case2-workflow.xml'));
  await expectCount(page, 2);
  await pasteOnPage(page, readFixture('derived/picprocess_failed_job.xml'));
  await expectCount(page, 3);
}

test('overview of a known set: counts, one Failed, duplicates flagged, slowest one click away', async ({
  page,
}) => {
  await loadKnownSet(page);
  // The JobId of these three is the same, their contents differ: each row says so (not "×3": no two are one callback).
  await expect(page.getByTestId('variant-marker')).toHaveCount(3);
  await expect(page.getByTestId('variant-marker').first()).toHaveAttribute('data-callbacks', '3');
  await expect(page.getByTestId('duplicate-marker')).toHaveCount(0);
  await page.getByTestId('view-overview').click();
  const overview = page.getByTestId('overview');
  await expect(overview).toBeVisible();
  await expect(overview.getByRole('heading', { level: 2 })).toContainText('3 callbacks');
  await expect(overview.getByTestId('overview-by-state').locator('tr[data-key="Failed"] td')).toHaveText('1');
  await expect(overview.getByTestId('overview-by-state').locator('tr[data-key="Success"] td')).toHaveText(
    '2',
  );
  await expect(overview.getByTestId('overview-failed').locator('.overview-job')).toHaveCount(1);
  await expect(overview.getByTestId('overview-duplicates')).toContainText(
    'c93984788066911ed89ed352d4d9d2084',
  );
  await expect(overview.getByTestId('overview-duplicates')).toContainText('×3');
  await expect(overview.getByTestId('overview-run-time').locator('[data-stat="max"]')).not.toHaveText('—');
  await expect(overview.getByTestId('overview-runs')).toContainText('ic90edd59f84f11ec9d4f525400a3c59f');

  await overview.getByTestId('overview-failed').locator('.overview-job').first().click();
  await expect(page.locator('section[data-panel="summary"]')).toBeVisible();
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveAttribute(
    'data-state',
    'Failed',
  );

  await page.getByTestId('view-overview').click();
  const slowest = overview.getByTestId('overview-slowest').getByRole('button').first();
  const index = Number(await slowest.getAttribute('data-document-index'));
  await slowest.click();
  await expect(documentItems(page).nth(index)).toHaveAttribute('aria-selected', 'true');
});

test('combined timeline: a click and the keyboard select a document', async ({ page }) => {
  await loadKnownSet(page);
  await page.getByTestId('view-timeline').click();
  const timeline = page.getByTestId('combined-timeline');
  await expect(timeline).toBeVisible();
  await expect(page.getByTestId('combined-timeline-summary')).toContainText('jobs from');
  const canvas = page.getByTestId('combined-timeline-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  // Third row: the axis is 22 px, rows 18 px.
  await canvas.click({ position: { x: box.width / 2, y: 22 + 18 * 2 + 9 } });
  await expect(documentItems(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await canvas.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(documentItems(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('combined-timeline-focused')).toContainText(
    'c93984788066911ed89ed352d4d9d2084',
  );
  // Pan and zoom keep it alive.
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await canvas.hover();
  await page.mouse.wheel(0, 200);
  await expect(timeline).toBeVisible();
});

test('compare: case 2 and case 3 are the same result; case 1 and the failed job differ in meaning', async ({
  page,
}) => {
  await openApp(page);
  await pasteOnPage(page, readFixture('seed/case2-workflow.xml'));
  await expectCount(page, 1);
  await pasteOnPage(page, readFixture('seed/case3-workflow-trailing-comma.json'));
  await expectCount(page, 2);
  await documentItems(page).nth(0).click();
  const select = page.getByTestId('compare-select');
  await select.selectOption({ index: 1 });
  await expect(page.getByTestId('compare-result')).toContainText('Same result');
  await expect(page.getByTestId('compare-result')).toHaveAttribute('data-equal', 'true');
  await expect(page.getByTestId('compare-result')).toHaveAttribute('data-differences', '0');

  await pasteOnPage(page, readFixture('seed/case1-job-api.xml'));
  await expectCount(page, 3);
  await pasteOnPage(page, readFixture('derived/picprocess_failed_job.xml'));
  await expectCount(page, 4);
  await documentItems(page).nth(2).click();
  const failedKey = await documentItems(page).nth(3).getAttribute('id');
  await select.selectOption(failedKey?.replace(/^document-/, '') ?? '');
  const result = page.getByTestId('compare-result');
  await expect(result).toHaveAttribute('data-equal', 'false');
  // Rows by meaning, labelled in words: the outcome first.
  const state = result.locator('tr[data-key="job1.state"]');
  await expect(state).toContainText('State');
  await expect(state).toContainText('Success');
  await expect(state).toContainText('Failed');
  await expect(state).toHaveAttribute('data-counts', 'true');

  // The choices are the list's other entries, as filtered: "choose" and three, then "choose" and the failed one.
  await expect(select.locator('option')).toHaveCount(4);
  await page.locator('.list-toolbar select[id$="-state"]').selectOption('Failed');
  await expect(documentItems(page)).toHaveCount(1);
  await expect(select.locator('option')).toHaveCount(2);
  await expect(select.locator('option').nth(1)).toHaveAttribute(
    'value',
    failedKey?.replace(/^document-/, '') ?? '',
  );
});

test('the overview, the combined timeline and the comparison have no serious accessibility violations', async ({
  page,
}) => {
  await loadKnownSet(page);
  const serious = async (selector: string) =>
    (await new AxeBuilder({ page }).include(selector).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  await page.getByTestId('view-overview').click();
  await page.getByTestId('overview').waitFor();
  expect(await serious('[data-testid="overview"]')).toEqual([]);
  await page.getByTestId('view-timeline').click();
  await page.getByTestId('combined-timeline').waitFor();
  expect(await serious('[data-testid="combined-timeline"]')).toEqual([]);
  await page.getByTestId('view-document').click();
  await page.getByTestId('compare-select').selectOption({ index: 2 });
  await page.getByTestId('compare-result').waitFor();
  expect(await serious('section[data-testid="compare"]')).toEqual([]);
});

test('a large file stays in the file: a callback is read from it when shown, UTF-8 characters and all', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Callbacks of several bytes a character in the middle and at the end: their bytes are counted, not their
  // characters, to find them in the file.
  const chinese = (id: string) =>
    `{"EventName":"TaskFinish","JobsDetail":[{"JobId":"${id}","State":"Success","Tag":"Transcode","Code":"Success","Input":{"Object":"视频/数据万象-${id}.mp4"}}]}`;
  const lines = logOf(3000).trimEnd().split('\n');
  lines.splice(1500, 0, chinese('jzh-middle'));
  const log = `${lines.join('\n')}\n${chinese('jzh-end')}\n`;
  await openApp(page);
  await pickFile(page, 'utf8.log', log);
  await expect(page.getByTestId('document-count')).toHaveText('3002', { timeout: 60_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  for (const id of ['jzh-middle', 'jzh-end']) {
    await page.getByTestId('list-filter').fill(id);
    await expect(shownCount(page)).toHaveText('1');
    await documentItems(page).first().click();
    const raw = page.locator('section[data-panel="raw"]');
    await expect(raw).toContainText(`"Object":"视频/数据万象-${id}.mp4"`);
    await expect(raw).toContainText(`"JobId":"${id}"`);
    await expect(page.locator('[data-panel="summary"]')).toContainText(id);
  }
  // A plain callback of the file (one whose JobId is delivered once), its source exactly its line of the file.
  const idOf = (text: string) => {
    const m = /<JobId>([^<]+)<|"JobId":"([^"]+)"/.exec(text);
    return m?.[1] ?? m?.[2] ?? '';
  };
  const payloads = payloadsOfGeneratedLog(logOf(3000)).slice(2000);
  const plain = payloads.find((p) => idOf(p.text) !== '' && log.split(idOf(p.text)).length === 2)?.text ?? '';
  const id = idOf(plain);
  expect(id).not.toBe('');
  await page.getByTestId('list-filter').fill(id);
  await expect(shownCount(page)).toHaveText('1');
  await documentItems(page).first().click();
  await expect(page.locator('section[data-panel="raw"]')).toContainText(plain.slice(0, 200));
});

test('a callback whose file was deleted since it was opened says it cannot be read, and the page goes on', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'gone-'));
  const path = join(dir, 'gone.log');
  writeFileSync(path, logOf(3000));
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('document-count')).toHaveText('3000', { timeout: 60_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  rmSync(dir, { recursive: true });
  await documentItems(page).nth(3).click();
  await expect(page.getByTestId('source-reading')).toHaveText(
    'This callback could not be read from its file: the file was changed, moved or deleted since it was opened. Open it again.',
  );
  await expect(page.locator('[data-panel="summary"]')).toHaveCount(0);
  // Other callbacks stay listed, and text pasted still loads and shows.
  await pasteOnPage(page, readFixture('seed/case1-job-api.xml'));
  await expect(page.getByTestId('document-count')).toHaveText('3001');
  await expect(page.locator('[data-panel="summary"]')).toBeVisible();
});
