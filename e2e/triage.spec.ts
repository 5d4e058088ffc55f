/**
 * Triage of a generated log (issue 15): the overview's counts checked against the generator's truth (from its
 * plans, not parsed): callbacks, distinct jobs, workflow runs, States, failures per Code, repeated deliveries;
 * a figure narrows the list; the duplicate marker counts deliveries.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateCallbackLines, renderLine, triageTruth } from '../bench/generate-log';
import { documentItems, openApp } from './helpers';

const lines = generateCallbackLines({ count: 1500, seed: 15, redeliveries: true });
const log = lines.map(renderLine).join('\n') + '\n';
const truth = triageTruth(lines);

async function load(page: Page): Promise<void> {
  await openApp(page);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'triage.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  await expect(page.getByTestId('document-count')).toHaveText(String(truth.callbacks), { timeout: 60_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
}

test('the overview counts what the generator wrote; a Code’s row narrows the list to its callbacks', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(Object.keys(truth.failuresByCode).length).toBeGreaterThanOrEqual(2);
  expect(truth.duplicates.jobIds).toBeGreaterThan(0);
  expect(truth.duplicates.differing).toBeGreaterThan(0);
  await load(page);
  await page.getByTestId('view-overview').click();
  const overview = page.getByTestId('overview');
  const units = overview.getByTestId('overview-units');
  await expect(units.locator('[data-unit="callbacks"]')).toHaveAttribute(
    'data-count',
    String(truth.callbacks),
  );
  await expect(units.locator('[data-unit="jobs"]')).toHaveAttribute('data-count', String(truth.distinctJobs));
  await expect(units.locator('[data-unit="runs"]')).toHaveAttribute('data-count', String(truth.workflowRuns));
  for (const [state, n] of Object.entries(truth.byState))
    await expect(
      overview.getByTestId('overview-by-state').locator(`tr[data-key="${state}"]`),
    ).toHaveAttribute('data-count', String(n));
  // No "Workflow" pseudo-Tag.
  await expect(overview.getByTestId('overview-by-tag').locator('tr[data-key="Workflow"]')).toHaveCount(0);

  const byCode = overview.getByTestId('failures-by-code');
  await expect(byCode.locator('tr[data-code]')).toHaveCount(Object.keys(truth.failuresByCode).length);
  for (const [code, f] of Object.entries(truth.failuresByCode)) {
    const row = byCode.locator(`tr[data-code="${code}"]`);
    await expect(row).toHaveAttribute('data-count', String(f.callbacks));
    await expect(row).toHaveAttribute('data-jobs', String(f.jobs));
    await expect(row.locator('[data-stat="message"]')).not.toHaveText('—');
    await expect(row.locator('[data-stat="tags"]')).not.toHaveText('—');
  }
  const duplicates = overview.getByTestId('overview-duplicates');
  await expect(duplicates).toHaveAttribute('data-job-ids', String(truth.duplicates.jobIds));
  await expect(duplicates).toHaveAttribute('data-extra', String(truth.duplicates.extraCallbacks));
  await expect(overview.getByTestId('run-health').locator('[data-figure="noFinish"]')).toHaveAttribute(
    'data-count',
    String(truth.runsWithoutFinish),
  );

  // A Code's row is a way into the list: the list shows its callbacks.
  const [code, f] = Object.entries(truth.failuresByCode)[0] as [string, { callbacks: number }];
  await byCode.locator(`tr[data-code="${code}"] button`).click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(f.callbacks));
  await expect(page.getByTestId('list-facet')).toContainText(code);
  await expect(documentItems(page).first().locator('.row-code')).toHaveText(code);
  // The filter finds a Code as text too.
  await page.getByTestId('list-facet').getByRole('button').click();
  await page.getByTestId('list-filter').fill(code);
  await expect(page.getByTestId('shown-count')).not.toHaveText(String(truth.callbacks));
});

test('a callback delivered five times reads ×5; a JobId whose callbacks differ says so', async ({ page }) => {
  test.setTimeout(120_000);
  expect(truth.fiveTimes).toBeDefined();
  await load(page);
  await page.getByTestId('list-filter').fill(truth.fiveTimes ?? '');
  await expect(page.getByTestId('shown-count')).toHaveText('5');
  for (const row of await documentItems(page).all())
    await expect(row.getByTestId('duplicate-marker')).toHaveText(/×5/);
  await page.getByTestId('list-filter').fill('');
  await page.getByTestId('view-overview').click();
  await page.getByTestId('overview-duplicates').locator('[data-figure="variants"]').click();
  await expect(page.getByTestId('shown-count')).not.toHaveText('0');
  await expect(documentItems(page).first().getByTestId('variant-marker')).toBeVisible();
});
