import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentItems, expectCount, loadSample, openApp } from './helpers';

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

/** The element that has the focus, described for a failure message. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.tagName} ${el.getAttribute('role') ?? ''} ${(el.textContent ?? '').trim().slice(0, 60)}`
      : '';
  });

test('from page load, a sample is read in 8 key presses or fewer, and the focus is on it', async ({
  page,
}) => {
  await openApp(page);
  const samples = page.getByRole('button', { name: 'Samples' });
  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  // The first Tab reaches "Skip to content", which passes the header's settings.
  await press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await press('Enter');
  while (!(await samples.evaluate((el) => el === document.activeElement))) {
    await press('Tab');
    expect(presses, await focused(page)).toBeLessThan(7);
  }
  await press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Image processed by a workflow (XML)' })).toBeFocused();
  await press('Enter');
  await expectCount(page, 1);
  expect(presses).toBeLessThanOrEqual(8);
  // The focus is on the loaded callback: its name heads the panels.
  const title = page.locator('#detail-title');
  await expect(title).toBeFocused();
  await expect(title).toHaveText('Image processed by a workflow (XML)');
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
});

test('keyboard only: the samples menu, the list and the panels, copying a JobId', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);

  // A menu button: Enter opens it on its first item; ↑/↓ wrap, Home/End go to the ends; Escape closes it and
  // gives the focus back.
  const samples = page.getByRole('button', { name: 'Samples' });
  await expect(samples).toHaveAttribute('aria-haspopup', 'menu');
  await tabTo(page, samples);
  await page.keyboard.press('Enter');
  await expect(samples).toHaveAttribute('aria-expanded', 'true');
  const items = page.getByRole('menu', { name: 'Samples' }).getByRole('menuitem');
  const count = await items.count();
  expect(count).toBeGreaterThan(10);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  // Only the focused item is in the tab order of the page: none, as the menu manages its focus itself.
  await expect(items.first()).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Escape');
  await expect(samples).toHaveAttribute('aria-expanded', 'false');
  await expect(samples).toBeFocused();

  // ↑ on the button opens the menu on its last item.
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Escape');

  // Enter on the first item loads it; the focus goes to the loaded callback, not back to the button.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectCount(page, 1);
  await expect(page.locator('#detail-title')).toBeFocused();

  await samples.focus();
  await page.keyboard.press('Enter');
  const workflowFinish = page.getByRole('menuitem', { name: 'WorkflowFinish (XML)', exact: true });
  for (let i = 0; i < count && !(await workflowFinish.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(workflowFinish).toBeFocused();
  await page.keyboard.press('Enter');
  await expectCount(page, 2);
  await expect(page.locator('#detail-title')).toBeFocused();
  const summary = page.locator('[data-panel="summary"]');
  await expect(summary).toContainText(WORKFLOW_RUN_ID);

  // Tab reaches the list on the selected row only (roving tabindex).
  const rows = documentItems(page);
  await expect(rows.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(rows.nth(0)).toHaveAttribute('tabindex', '-1');
  await tabTo(page, rows.nth(1), { backwards: true });

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
  await loadSample(page, 'Image processed through the job API (XML)');
  await loadSample(page, 'WorkflowFinish (JSON)');
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

test('the Export menu opens on its first action; arrows move between its actions, Escape closes it', async ({
  page,
}) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  const button = page.getByTestId('export-menu');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const actions = page.locator('.export-popover').locator('button, input');
  await expect(actions.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(actions.nth(1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(actions.first()).toBeFocused();
  await page.keyboard.press('End');
  // The last is the curl address field: there the arrows and Home/End edit the text, as in any field.
  const endpoint = page.getByTestId('replay-endpoint');
  await expect(endpoint).toBeFocused();
  await page.keyboard.press('Home');
  await expect(endpoint).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
});
