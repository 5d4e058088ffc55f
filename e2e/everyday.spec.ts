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
