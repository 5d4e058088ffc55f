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

const SESSION_KEY = 'ci-viewer.session';
const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';
const DRAFT = readFixture('docs/translation_callback_job_api.xml');

test('a reload keeps the loaded documents, their names, the draft and the selection', async ({ page }) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await page.getByTestId('file-input').setInputFiles([fixturePath('derived/callbacks.jsonl')]);
  await pasteOnPage(page, readFixture('docs/workflowfinish_callback.json'));
  await page.getByTestId('payload-input').fill(DRAFT);
  await expectCount(page, 6);
  await itemNamed(page, 'callbacks.jsonl · 2/3').click();
  const before = await documentItems(page).allTextContents();
  // The texts are saved shortly after the last change.
  await expect
    .poll(() => page.evaluate((key) => sessionStorage.getItem(key)?.length ?? 0, SESSION_KEY))
    .toBeGreaterThan(0);
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

test('the texts are kept compressed in session storage, never in local storage', async ({ page }) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 1);
  const stored = await page.waitForFunction((key) => sessionStorage.getItem(key), SESSION_KEY);
  const value = (await stored.jsonValue()) ?? '';
  expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
  expect(value).not.toContain('JobsDetail');
  // gzip: the base64 of 1f 8b 08 starts with H4sI.
  expect(value.startsWith('H4sI')).toBe(true);
  expect(value.length).toBeLessThan(readFixture('seed/case2-workflow.xml').length);
  const local = await page.evaluate(() =>
    Object.entries(localStorage)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  expect(local).not.toContain(CASE2_JOB_ID);
  expect(local).not.toContain('JobsDetail');
});

test('clear all empties the documents, the draft and the storage', async ({ page }) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await page.getByTestId('payload-input').fill(DRAFT);
  await expectCount(page, 2);
  await expect
    .poll(() => page.evaluate((key) => sessionStorage.getItem(key) !== null, SESSION_KEY))
    .toBe(true);

  await page.getByTestId('clear-all').click();
  await expectCount(page, 0);
  await expect(page.getByTestId('document-item')).toHaveCount(0);
  await expect(page.getByTestId('payload-input')).toHaveValue('');
  await expect(page.locator('[data-panel]')).toHaveCount(0);
  // The stored copy follows the cleared state (the Undo in the notice would put both back).
  await expect
    .poll(() => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('ci-viewer'))))
    .toEqual([]);

  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText('0');
  await page.waitForTimeout(500);
  await expectCount(page, 0);
});

test('when the texts do not fit the storage quota, the page says so', async ({ page }) => {
  // Fill the tab's session storage before the app starts, as if other data took the room.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('filler-0') !== null) return;
    const chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; i < 64; i++) {
      try {
        sessionStorage.setItem(`filler-${i}`, chunk);
      } catch {
        break;
      }
    }
    let small = 'x'.repeat(4096);
    for (let i = 0; small.length > 0 && i < 4096; i++) {
      try {
        sessionStorage.setItem(`tail-${i}`, small);
      } catch {
        small = small.slice(0, small.length >> 1);
      }
    }
  });
  await openApp(page);
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 1);
  await expect(page.getByTestId('storage-warning')).toBeVisible();
  await expect(page.getByTestId('storage-warning')).toContainText('do not fit');
  // The documents themselves are still there.
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
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
