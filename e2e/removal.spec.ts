import { expect, test } from '@playwright/test';
import {
  documentItems,
  expectCount,
  fixturePath,
  itemNamed,
  loadSample,
  openApp,
  readFixture,
} from './helpers';

// Several loads and reloads each: generous on a shared, busy machine.
test.describe.configure({ timeout: 90_000 });

const DRAFT = readFixture('docs/translation_callback_job_api.xml');

test('clear all is undone from its notice, and after the undo time it is final, reload too', async ({
  page,
}) => {
  await page.clock.install();
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await page.getByTestId('file-input').setInputFiles([fixturePath('derived/callbacks.jsonl')]);
  await page.getByTestId('payload-input').fill(DRAFT);
  await expectCount(page, 5);
  await itemNamed(page, 'callbacks.jsonl · 2/3').click();
  const before = await documentItems(page).allTextContents();

  await page.getByTestId('clear-all').click();
  await expectCount(page, 0);
  await expect(page.getByTestId('payload-input')).toHaveValue('');
  const notice = page.locator('.notice').filter({ hasText: 'Cleared: 5 callbacks removed.' });
  await expect(notice).toBeVisible();
  await notice.getByTestId('undo').click();
  await expectCount(page, 5);
  expect(await documentItems(page).allTextContents()).toEqual(before);
  await expect(page.getByTestId('payload-input')).toHaveValue(DRAFT);
  await expect(itemNamed(page, 'callbacks.jsonl · 2/3')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('undo')).toHaveCount(0);

  await page.getByTestId('clear-all').click();
  await expectCount(page, 0);
  await expect(page.getByTestId('undo')).toBeVisible();
  // Still undoable after 10 s; gone (final) after the undo time.
  await page.clock.fastForward(10_000);
  await expect(page.getByTestId('undo')).toBeVisible();
  await page.clock.fastForward(6_000);
  await expect(page.getByTestId('undo')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('document-count')).toBeVisible();
  await page.waitForTimeout(500);
  await expectCount(page, 0);
});

test('Delete on the focused row removes it, focus moves on, and Undo puts it back', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles([fixturePath('derived/callbacks.jsonl')]);
  await expectCount(page, 3);
  const second = itemNamed(page, 'callbacks.jsonl · 2/3');
  await second.click();
  await expect(second).toBeFocused();
  const removedId = 'ac34be3aa0bf411ed9ce39d7cc972e427';
  await expect(page.locator('[data-panel="summary"]')).toContainText(removedId);
  await page.keyboard.press('Delete');
  await expectCount(page, 2);
  await expect(documentItems(page).filter({ hasText: removedId })).toHaveCount(0);
  // The row that took its place is focused and selected: Delete again would remove it.
  await expect(documentItems(page).nth(1)).toBeFocused();
  await expect(documentItems(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.notice').filter({ hasText: '1 callback removed.' })).toBeVisible();

  await page.getByTestId('undo').click();
  await expectCount(page, 3);
  await expect(documentItems(page).nth(1)).toContainText(removedId);
  await expect(documentItems(page).nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('the toolbar removes the selected callback, and the filtered set, each undoably', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles([fixturePath('derived/callbacks.jsonl')]);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 4);
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveCount(1);
  await page.getByTestId('remove-selected').click();
  await expectCount(page, 3);
  await page.getByTestId('undo').click();
  await expectCount(page, 4);

  await expect(page.getByTestId('remove-shown')).toHaveCount(0);
  await page.getByTestId('list-filter').fill('callbacks.jsonl');
  await expect(documentItems(page)).toHaveCount(3);
  await page.getByTestId('remove-shown').click();
  await expectCount(page, 1);
  await expect(page.locator('.notice').filter({ hasText: '3 callbacks removed.' })).toBeVisible();
  await page.getByTestId('undo').click();
  await expectCount(page, 4);
});
