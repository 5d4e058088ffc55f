/**
 * Everyday use (issue 17): what an unreadable callback still offers, the phone layout, and the words on screen.
 */
import { expect, test } from '@playwright/test';
import { expectCount, loadSample, openApp, pasteOnPage } from './helpers';

const MALFORMED = '<Response>\n  <JobsDetail>\n    <JobId>abc</JobIdx>\n  </JobsDetail>\n</Response>\n';

test('an unreadable callback: Compare and the Markdown summary are off with the reason, Share and curl stay', async ({
  page,
}) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await pasteOnPage(page, MALFORMED);
  await expectCount(page, 2);
  // The unreadable callback shown (a busy machine may not have moved the selection to the paste yet).
  await page.locator('[data-testid="document-item"][data-state="Invalid"]').click();
  const compare = page.getByTestId('compare-select');
  await expect(compare).toBeDisabled();
  await expect(compare).toHaveAccessibleDescription('Not available: this payload could not be read.');
  await expect(page.getByTestId('share-button')).toBeEnabled();
  await page.getByTestId('export-menu').click();
  const markdown = page.getByTestId('export-markdown');
  await expect(markdown).toContainText('Not available: this payload could not be read');
  await expect(markdown.getByRole('button')).toHaveCount(0);
  await page.getByTestId('replay-endpoint').fill('https://example.com/cb');
  // The body travels base64-encoded in a here-document (issue 12): decoded, it is the unreadable payload itself.
  await expect(page.getByTestId('curl-command')).toContainText('--data-binary @-');
  const command = (await page.getByTestId('curl-command').textContent()) ?? '';
  const body = command.split('\n').slice(1, -1).join('');
  expect(Buffer.from(body, 'base64').toString('utf8')).toContain('<JobId>abc</JobIdx>');
});

test('on a wide screen the filters are shown as they are, with no Filters or Back button', async ({
  page,
}) => {
  await openApp(page);
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 1);
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Filters' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back to the list' })).toBeHidden();
});

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('picking a sample brings its detail into view; filters are folded; nothing scrolls sideways', async ({
    page,
  }) => {
    await openApp(page);
    await loadSample(page, 'Image processed by a workflow (XML)');
    await expectCount(page, 1);
    const title = page.locator('#detail-title');
    await expect(title).toBeFocused();
    await expect
      .poll(() => title.evaluate((el) => Math.round(el.getBoundingClientRect().top)))
      .toBeLessThan(100);
    // The filters wait behind one button.
    const filters = page.getByRole('button', { name: 'Filters' });
    await expect(filters).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeHidden();
    await filters.click();
    await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeVisible();
    // "Back to the list" goes up to the selected row.
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect(page.getByTestId('document-list').getByRole('option').first()).toBeFocused();
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    }
  });
});
