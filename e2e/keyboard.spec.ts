import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentItems, expectCount, openApp } from './helpers';

const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';
const WORKFLOW_RUN_ID = 'i166ee19017b011eda8a5525400c540df';

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('keyboard only: load samples, move through the list and the panels, copy a JobId', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);

  // The samples menu opens with Enter; Escape closes it and gives the focus back.
  const samples = page.getByRole('button', { name: 'Samples' });
  await tabTo(page, samples);
  await page.keyboard.press('Enter');
  await expect(samples).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(samples).toHaveAttribute('aria-expanded', 'false');
  await expect(samples).toBeFocused();

  // Seed case 2 is the menu's first entry: one Tab after the toggle.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('button', { name: 'Case 2 · PicProcess · workflow (XML)', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expectCount(page, 1);
  await expect(samples).toBeFocused();

  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'WorkflowFinish (XML)', exact: true }));
  await page.keyboard.press('Enter');
  await expectCount(page, 2);
  const summary = page.locator('[data-panel="summary"]');
  await expect(summary).toContainText(WORKFLOW_RUN_ID);

  // Tab reaches the list on the selected row only (roving tabindex).
  const rows = documentItems(page);
  await expect(rows.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(rows.nth(0)).toHaveAttribute('tabindex', '-1');
  await tabTo(page, rows.nth(1));

  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(0)).toBeFocused();
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(summary).toContainText(CASE2_JOB_ID);
  await page.keyboard.press('End');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(summary).toContainText(WORKFLOW_RUN_ID);
  await page.keyboard.press('Home');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(0)).toBeFocused();
  await expect(rows.nth(0)).toHaveAttribute('tabindex', '0');
  await expect(summary).toContainText(CASE2_JOB_ID);

  // From the list into the panels, to the JobId's copy button.
  const copy = summary.getByRole('button', { name: 'Copy JobId' });
  await tabTo(page, copy, { max: 20 });
  await page.keyboard.press('Enter');
  await expect(summary.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CASE2_JOB_ID);
});

test('Enter and Space select the focused row; the focus ring is visible', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Samples' }).click();
  await page.getByRole('button', { name: 'Case 1 · PicProcess · job API (XML)' }).click();
  await page.getByRole('button', { name: 'Samples' }).click();
  await page.getByRole('button', { name: 'WorkflowFinish (JSON)' }).click();
  await expectCount(page, 2);
  const rows = documentItems(page);
  // Focus a row that is not selected (as a screen reader's virtual cursor may), then select it with Space.
  await rows.nth(0).evaluate((el: HTMLElement) => el.focus());
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press(' ');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await rows.nth(1).evaluate((el: HTMLElement) => el.focus());
  await page.keyboard.press('Enter');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');

  // Keyboard focus shows an outline in the focus colour.
  await page.keyboard.press('ArrowUp');
  const outline = await rows.nth(0).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
