/**
 * The raw panel: copy the source, find in it (next / previous, "n of m", matches marked, Enter / Shift+Enter), the
 * source's own tree driven by keys (its nodes lead to their line), and the app's model labelled as the app's.
 */
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { openApp, readFixture } from './helpers';

const expect = baseExpect.configure({ timeout: 10_000 });

const CASE2 = readFixture('seed/case2-workflow.xml');
const WORKFLOW_JSON = readFixture('docs/workflowfinish_callback.json');

const raw = (page: Page): Locator => page.locator('section[data-panel="raw"]');

async function showDraft(page: Page, text: string): Promise<void> {
  await page.getByTestId('payload-input').fill(text);
  await expect(raw(page)).toBeVisible();
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Copy source puts the whole source on the clipboard', async ({ page }) => {
  await openApp(page);
  await showDraft(page, CASE2);
  await raw(page).getByRole('button', { name: 'Copy source' }).click();
  await expect(raw(page).getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CASE2.trimEnd());
});

test('find in source: count, marks, Enter and Shift+Enter step through the matches, wrapping', async ({
  page,
}) => {
  await openApp(page);
  await showDraft(page, CASE2);
  const find = raw(page).getByRole('searchbox', { name: 'Find in source' });
  const status = raw(page).getByTestId('raw-find-status');
  await find.fill('object');
  // Case ignored: <Object>, <ObjectName>, cos:ObjectCreated… (7 in the fixture).
  await expect(status).toHaveText('1 of 7');
  await expect(raw(page).locator('mark.raw-match')).toHaveCount(7);
  const current = raw(page).locator('mark[data-current-match]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText('Object');
  await expect(current.locator('xpath=ancestor::*[@data-line][1]')).toHaveAttribute('data-line', '9');

  await find.press('Enter');
  await expect(status).toHaveText('2 of 7');
  await find.press('Shift+Enter');
  await expect(status).toHaveText('1 of 7');
  await find.press('Shift+Enter');
  await expect(status).toHaveText('7 of 7');
  await expect(current).toBeInViewport();
  await find.press('Enter');
  await expect(status).toHaveText('1 of 7');
  // The focus stays in the field while stepping.
  await expect(find).toBeFocused();

  await raw(page).getByRole('button', { name: 'Next match' }).click();
  await expect(status).toHaveText('2 of 7');
  await raw(page).getByRole('button', { name: 'Previous match' }).click();
  await expect(status).toHaveText('1 of 7');

  // The query is text, not a pattern; no match says so and disables the steps.
  await find.fill('<JobId>c9');
  await expect(status).toHaveText('1 of 1');
  await find.fill('(nothing');
  await expect(status).toHaveText('No matches');
  await expect(raw(page).getByRole('button', { name: 'Next match' })).toBeDisabled();
  await expect(raw(page).locator('mark.raw-match')).toHaveCount(0);
});

test('the source tree is driven by keys and leads to the line of a node', async ({ page }) => {
  await openApp(page);
  await showDraft(page, CASE2);
  await raw(page).getByRole('button', { name: 'Source tree' }).click();
  const tree = raw(page).getByRole('tree', { name: 'Source tree' });
  await expect(tree).toBeVisible();
  const items = tree.getByRole('treeitem');
  // The source as it is: <Response> holds EventName and JobsDetail, not the app's `kind: jobs`.
  await expect(items.first()).toContainText('<Response>');
  await expect(items.nth(1)).toContainText('<EventName> TaskFinish');
  const total = await items.count();
  expect(total).toBeGreaterThan(40);

  // One Tab stop: from the Copy source button, Tab lands on the first node.
  await raw(page).getByRole('button', { name: 'Copy source' }).focus();
  await page.keyboard.press('Tab');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const jobs = items.nth(2);
  await expect(jobs).toBeFocused();
  await expect(jobs).toContainText('<JobsDetail>');
  await expect(jobs).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(jobs).toHaveAttribute('aria-expanded', 'false');
  await expect(items).toHaveCount(3);
  await page.keyboard.press('ArrowRight');
  await expect(jobs).toHaveAttribute('aria-expanded', 'true');
  await expect(items).toHaveCount(total);
  await page.keyboard.press('ArrowRight');
  await expect(items.nth(3)).toBeFocused();
  await expect(items.nth(3)).toContainText('<Code> Success');
  await page.keyboard.press('ArrowLeft');
  await expect(jobs).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();

  // Enter shows the node's line in the source.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(raw(page).getByRole('button', { name: 'Source', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const selected = raw(page).locator('[data-selected-line]');
  await expect(selected).toHaveAttribute('data-selected-line', '3');
  await expect(selected).toContainText('<JobsDetail>');
  await expect(selected).toBeFocused();
});

test('a JSON source tree keeps keys, array items and values as written', async ({ page }) => {
  await openApp(page);
  await showDraft(page, WORKFLOW_JSON);
  await raw(page).getByRole('button', { name: 'Source tree' }).click();
  const tree = raw(page).getByRole('tree', { name: 'Source tree' });
  await expect(
    tree.getByRole('treeitem').filter({ hasText: '"WorkflowId": "web6ac56c1ef54dbfa44d7f4103203be9"' }),
  ).toHaveCount(1);
  await expect(tree.getByRole('treeitem').filter({ hasText: /"Tasks": \[\d+\]/ })).toHaveCount(1);
  await expect(
    tree
      .getByRole('treeitem')
      .filter({ hasText: /\[0\]: \{\d+\}/ })
      .first(),
  ).toBeVisible();
});

test('the app’s model is labelled as the app’s, apart from the source', async ({ page }) => {
  await openApp(page);
  await showDraft(page, CASE2);
  await raw(page).getByRole('button', { name: 'App’s model' }).click();
  await expect(raw(page)).toContainText('How this app reads the callback');
  await expect(raw(page).getByRole('region', { name: 'App’s model' })).toContainText('"kind": "jobs"');
  await expect(raw(page).getByRole('searchbox')).toHaveCount(0);
});

test('an unreadable payload has its source, find and copy, but no tree', async ({ page }) => {
  await openApp(page);
  await showDraft(page, '<Response><JobId>abc</JobIdx></Response>');
  await expect(raw(page).getByRole('button', { name: 'Source tree' })).toHaveCount(0);
  await expect(raw(page).getByRole('button', { name: 'Copy source' })).toBeVisible();
  await raw(page).getByRole('searchbox', { name: 'Find in source' }).fill('jobid');
  await expect(raw(page).getByTestId('raw-find-status')).toHaveText('1 of 2');
});

test('in Chinese: the raw panel’s controls and count', async ({ page }) => {
  await openApp(page, 'zh');
  await showDraft(page, CASE2);
  await expect(raw(page).getByRole('button', { name: '复制原文' })).toBeVisible();
  await expect(raw(page).getByRole('button', { name: '原文节点树' })).toBeVisible();
  await expect(raw(page).getByRole('button', { name: '本应用的解析模型' })).toBeVisible();
  await raw(page).getByRole('searchbox', { name: '在原文中查找' }).fill('JobId');
  await expect(raw(page).getByTestId('raw-find-status')).toHaveText('第 1 个，共 2 个');
});
