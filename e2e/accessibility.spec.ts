import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { openApp, readFixture } from './helpers';

/** The machine running the suite may be busy: allow a slow first parse and a lazily loaded chunk. */
const expect = baseExpect.configure({ timeout: 10_000 });

interface Payload {
  readonly name: string;
  readonly text: string;
  /** Panels to wait for before the scan. */
  readonly panels: readonly string[];
}

/** Payloads that between them show every panel and its states: an alert, job tabs, tasks, trees, a parse error. */
const EVERY_PANEL: readonly Payload[] = [
  {
    name: 'case 2 (workflow-triggered PicProcess)',
    text: readFixture('seed/case2-workflow.xml'),
    panels: ['summary', 'timeline', 'workflow', 'headers', 'image', 'io', 'raw'],
  },
  {
    name: 'a failed task',
    text: readFixture('docs/workflowexecution_describe_api_with_failed_task.xml'),
    panels: ['summary', 'tasks', 'result', 'diagnostics'],
  },
  {
    name: 'a Failed job',
    text: readFixture('derived/picprocess_failed_job.xml'),
    panels: ['summary', 'timeline', 'io'],
  },
  {
    name: 'a job list (tabs)',
    text: readFixture('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml'),
    panels: ['summary', 'diagnostics'],
  },
  {
    name: 'a parse error',
    text: '<Response>\n  <JobsDetail>\n    <JobId>x</JobId>\n  </JobsDetai>\n</Response>',
    panels: ['summary', 'diagnostics', 'raw'],
  },
];

/** The other shapes, scanned once (their structure does not change with language or theme). */
const OTHER_SHAPES: readonly Payload[] = [
  {
    name: 'case 3 (JSON, trailing comma)',
    text: readFixture('seed/case3-workflow-trailing-comma.json'),
    panels: ['diagnostics'],
  },
  {
    name: 'WorkflowFinish',
    text: readFixture('docs/workflowfinish_callback.xml'),
    panels: ['tasks', 'headers'],
  },
  { name: 'Snapshot (files)', text: readFixture('docs/snapshot_callback_job_api.xml'), panels: ['io'] },
  {
    name: 'SDRtoHDR (MediaInfo, parameters)',
    text: readFixture('docs/sdrtohdr_callback_workflow.xml'),
    panels: ['io', 'result'],
  },
  { name: 'shape B', text: readFixture('derived/picprocess_shape_b_uploadresult.xml'), panels: ['image'] },
  {
    name: 'an unrecognised payload',
    text: '<Response><Moderation><Label>Normal</Label></Moderation></Response>',
    panels: ['result'],
  },
];

/** Serious and critical WCAG A/AA violations inside the panels (and the parse error, when one is shown). */
async function seriousViolations(page: Page): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .include('[data-panel]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if ((await page.getByTestId('parse-error').count()) > 0)
    builder = builder.include('[data-testid="parse-error"]');
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function showPayload(page: Page, payload: Payload): Promise<void> {
  await page.getByTestId('payload-input').fill(payload.text);
  for (const name of payload.panels)
    await expect(page.locator(`section[data-panel="${name}"]`)).toBeVisible();
  // The lazily loaded source view has rendered.
  await expect(page.locator('section[data-panel="raw"] [data-highlighted]')).toBeVisible();
}

for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`panels have no serious accessibility violation (${lang}, ${theme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: theme });
      await openApp(page, lang);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      for (const payload of EVERY_PANEL) {
        await showPayload(page, payload);
        expect(await seriousViolations(page), payload.name).toEqual([]);
      }

      // States that only appear on interaction: "Copied", a selected source line, a tooltip, the parsed model.
      await showPayload(page, EVERY_PANEL[0] as Payload);
      const summary = page.locator('section[data-panel="summary"]');
      await summary.locator('button.ui-icon-button').first().click();
      await expect(summary.getByRole('status').filter({ hasText: /\S/ })).toBeVisible();
      await summary.locator('button.ui-field-name').first().click();
      await expect(page.locator('section[data-panel="raw"] [data-selected-line]')).toBeVisible();
      await summary.locator('button.ui-field-name').nth(1).hover();
      await expect(summary.getByRole('tooltip').filter({ visible: true })).toBeVisible();
      expect(await seriousViolations(page), 'copied, selected line, tooltip').toEqual([]);
      await page.locator('section[data-panel="raw"] .pn-segmented button').last().click();
      await expect(page.locator('section[data-panel="raw"]')).toContainText('"kind": "jobs"');
      expect(await seriousViolations(page), 'app’s model').toEqual([]);
      // The source's tree with a node selected, and the source with find matches marked (the current one apart).
      const raw = page.locator('section[data-panel="raw"]');
      await raw.locator('.pn-segmented button').nth(1).click();
      await raw.getByRole('treeitem').nth(2).click();
      expect(await seriousViolations(page), 'source tree').toEqual([]);
      await raw.locator('.pn-segmented button').first().click();
      await raw.getByTestId('raw-find').fill('job');
      await expect(raw.locator('mark[data-current-match]').first()).toBeVisible();
      expect(await seriousViolations(page), 'find in source').toEqual([]);
    });
  }
}

test('the other payload shapes have no serious accessibility violation', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  for (const payload of OTHER_SHAPES) {
    await showPayload(page, payload);
    expect(await seriousViolations(page), payload.name).toEqual([]);
  }
});

test('panels can be used with the keyboard alone', async ({ page }) => {
  await openApp(page);
  await page
    .getByTestId('payload-input')
    .fill(readFixture('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml'));
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await tabs.first().focus();
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute(
    'aria-labelledby',
    (await tabs.last().getAttribute('id')) ?? '',
  );

  // A field label is reached with Tab, explains itself on focus, and Enter shows its source.
  const jobId = page
    .locator('section[data-panel="summary"]')
    .getByRole('button', { name: 'JobId', exact: true });
  await jobId.focus();
  await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveText(/ID of the job/);
  await page.keyboard.press('Enter');
  const selected = page.locator('section[data-panel="raw"] [data-selected-line]');
  await expect(selected).toBeFocused();
  await expect(selected).toContainText('<JobId>c93984788066911ed89ed352d4d9d2084</JobId>');
  // Tab stops: every interactive control in the panels is focusable and named.
  const unnamed = await page
    .locator('section[data-panel] button, section[data-panel] a, section[data-panel] [tabindex="0"]')
    .evaluateAll((els) =>
      els
        .filter((e) => !(e.getAttribute('aria-label') || e.textContent?.trim()))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
  expect(unnamed).toEqual([]);
});
