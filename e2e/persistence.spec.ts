import { expect, test } from '@playwright/test';
import {
  documentItems,
  expectCount,
  fixturePath,
  itemNamed,
  loadSample,
  openApp,
  pasteOnPage,
  readFixture,
} from './helpers';

const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';
const DRAFT = readFixture('docs/translation_callback_job_api.xml');

test('a reload keeps the loaded documents, their names, the draft and the selection', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await page.getByTestId('file-input').setInputFiles([fixturePath('derived/callbacks.jsonl')]);
  await pasteOnPage(page, readFixture('docs/workflowfinish_callback.json'));
  await page.getByTestId('payload-input').fill(DRAFT);
  await expectCount(page, 6);
  await itemNamed(page, 'callbacks.jsonl · 2/3').click();
  const before = await documentItems(page).allTextContents();
  // The texts are saved shortly after the last change.
  await expect(page.getByTestId('storage-used')).toBeVisible();
  await page.waitForTimeout(600);

  await page.reload();
  await expectCount(page, 6);
  expect(await documentItems(page).allTextContents()).toEqual(before);
  await expect(page.getByTestId('payload-input')).toHaveValue(DRAFT);
  await expect(itemNamed(page, 'callbacks.jsonl · 2/3')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-panel="summary"]')).toContainText('ac34be3aa0bf411ed9ce39d7cc972e427');

  // A paste after the reload is numbered after the earlier one.
  await pasteOnPage(page, readFixture('seed/case1-job-api.xml'));
  await expect(itemNamed(page, 'Pasted #2')).toHaveCount(1);
});

test('the texts are kept in the tab’s own IndexedDB database, never in local or session storage', async ({
  page,
}) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 1);
  await expect(page.getByTestId('storage-used')).toContainText(/Kept for a reload of this tab: \d/);
  const tabId = await page.evaluate(() => sessionStorage.getItem('ci-viewer.tab'));
  expect(tabId).toMatch(/^[\w-]{8,64}$/);
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('ci-viewer')),
      ),
    )
    .toEqual([`ci-viewer.tab.${tabId}`]);
  const webStorage = await page.evaluate(() =>
    [...Object.entries(localStorage), ...Object.entries(sessionStorage)]
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  expect(webStorage).not.toContain(CASE2_JOB_ID);
  expect(webStorage).not.toContain('JobsDetail');
});

test('clear all empties the documents, the draft and the storage', async ({ page }) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await page.getByTestId('payload-input').fill(DRAFT);
  await expectCount(page, 2);
  await page.waitForTimeout(600);

  await page.getByTestId('clear-all').click();
  await expectCount(page, 0);
  await expect(page.getByTestId('document-item')).toHaveCount(0);
  await expect(page.getByTestId('payload-input')).toHaveValue('');
  await expect(page.locator('[data-panel]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText('0');
  await page.waitForTimeout(500);
  await expectCount(page, 0);
});

test('preferences: theme follows the system by default, a chosen theme and language survive a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据万象回调查看器');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据万象回调查看器');
  await expect(page.getByLabel('主题')).toHaveValue('dark');

  // ?lang= forces the language.
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CI Callback Viewer');
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
