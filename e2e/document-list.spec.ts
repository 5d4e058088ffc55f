import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  documentItems,
  expectCount,
  fixturePath,
  itemNamed,
  loadSample,
  openApp,
  pasteOnPage,
} from './helpers';

/** Six files whose end times, run times and States give a known order for each sort. */
const FILES = [
  'seed/case1-job-api.xml',
  'docs/sdrtohdr_callback_workflow.xml',
  'docs/workflowfinish_callback.xml',
  'docs/transcode_submitted_jobsdetail_javasdk_test.xml',
  'docs/snapshot_callback_job_api.xml',
  'derived/picprocess_failed_job.xml',
];

async function loadFiles(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(FILES.map(fixturePath));
  await expectCount(page, FILES.length);
}

/** The rows' sources (the file names): a row's bold title says what the callback is about. */
async function rowNames(page: Page): Promise<string[]> {
  return documentItems(page).locator('.row-source').allTextContents();
}

/** `n` one-line JSON callbacks, with distinct JobIds and end times. */
function manyCallbacks(n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const second = String(i % 60).padStart(2, '0');
    const minute = String(Math.floor(i / 60) % 60).padStart(2, '0');
    return JSON.stringify({
      Response: {
        EventName: 'TaskFinish',
        JobsDetail: {
          JobId: `jbulk${String(i).padStart(5, '0')}`,
          Tag: 'PicProcess',
          State: i % 7 === 0 ? 'Failed' : 'Success',
          EndTime: `2022-07-18T15:${minute}:${second}+0800`,
        },
      },
    });
  }).join('\n');
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('the list filters by JobId, object key and RunId', async ({ page }) => {
  await loadFiles(page);
  const filter = page.getByTestId('list-filter');
  await expect(filter).toHaveAccessibleName('Filter');
  await expect(page.getByTestId('shown-count')).toHaveText('6');

  await filter.fill('JAFA709A');
  await expect(documentItems(page)).toHaveCount(1);
  await expect(documentItems(page)).toContainText('sdrtohdr_callback_workflow.xml');
  await expect(page.getByTestId('shown-count')).toHaveText('1');
  await expectCount(page, 6);

  await filter.fill('input/demo.mp4');
  expect((await rowNames(page)).sort()).toEqual([
    'sdrtohdr_callback_workflow.xml',
    'snapshot_callback_job_api.xml',
    'transcode_submitted_jobsdetail_javasdk_test.xml',
  ]);

  await filter.fill('i166ee19017b011eda8a5525400c540df');
  expect(await rowNames(page)).toEqual(['workflowfinish_callback.xml']);

  await filter.fill('no such id');
  await expect(documentItems(page)).toHaveCount(0);
  await expect(page.getByText('No callback matches the filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(documentItems(page)).toHaveCount(6);
});

test('the State and Tag filters offer what is loaded', async ({ page }) => {
  await loadFiles(page);
  const state = page.getByLabel('State', { exact: true });
  await expect(state.locator('option')).toHaveText(['All', 'Failed', 'Submitted', 'Success']);
  await state.selectOption('Failed');
  expect(await rowNames(page)).toEqual(['picprocess_failed_job.xml']);
  await expect(documentItems(page)).toHaveAttribute('data-state', 'Failed');

  await state.selectOption('');
  const tag = page.getByLabel('Tag', { exact: true });
  await expect(tag.locator('option')).toHaveText(['All', 'PicProcess', 'SDRtoHDR', 'Snapshot', 'Transcode']);
  await tag.selectOption('PicProcess');
  expect(await rowNames(page)).toEqual(['case1-job-api.xml', 'picprocess_failed_job.xml']);
  await state.selectOption('Success');
  expect(await rowNames(page)).toEqual(['case1-job-api.xml']);
});

test('the list sorts by end time, run time and State; missing values go last', async ({ page }) => {
  await loadFiles(page);
  const sort = page.getByLabel('Sort by');
  const direction = page.getByRole('button', { name: /^(Ascending|Descending)$/ });

  await sort.selectOption('endTime');
  expect(await rowNames(page)).toEqual([
    'sdrtohdr_callback_workflow.xml',
    'snapshot_callback_job_api.xml',
    'case1-job-api.xml',
    'picprocess_failed_job.xml',
    'workflowfinish_callback.xml',
    'transcode_submitted_jobsdetail_javasdk_test.xml',
  ]);
  await direction.click();
  await expect(direction).toHaveAccessibleName('Descending');
  expect(await rowNames(page)).toEqual([
    'workflowfinish_callback.xml',
    'case1-job-api.xml',
    'picprocess_failed_job.xml',
    'snapshot_callback_job_api.xml',
    'sdrtohdr_callback_workflow.xml',
    'transcode_submitted_jobsdetail_javasdk_test.xml',
  ]);

  await sort.selectOption('runTime');
  expect(await rowNames(page)).toEqual([
    'workflowfinish_callback.xml',
    'sdrtohdr_callback_workflow.xml',
    'snapshot_callback_job_api.xml',
    'case1-job-api.xml',
    'picprocess_failed_job.xml',
    'transcode_submitted_jobsdetail_javasdk_test.xml',
  ]);

  await direction.click();
  await sort.selectOption('state');
  expect(await rowNames(page)).toEqual([
    'picprocess_failed_job.xml',
    'transcode_submitted_jobsdetail_javasdk_test.xml',
    'case1-job-api.xml',
    'sdrtohdr_callback_workflow.xml',
    'workflowfinish_callback.xml',
    'snapshot_callback_job_api.xml',
  ]);
});

test('each row shows name, Tag, State badge, JobId or RunId, and end time; selecting shows its panels', async ({
  page,
}) => {
  await loadFiles(page);
  const row = itemNamed(page, 'sdrtohdr_callback_workflow.xml');
  // The bold title says what the callback is about: its Tag and input object.
  await expect(row.locator('.row-name')).toHaveText('SDRtoHDR · input/demo.mp4');
  await expect(row).toContainText('SDRtoHDR');
  await expect(row).toContainText('JobId');
  await expect(row).toContainText('jafa709a2f86611ec9452c1c27f56a659');
  await expect(row).toContainText('2022-06-30 19:21:06 +08:00');
  await expect(row.locator('.ui-badge')).toHaveText(/Success/);
  await expect(itemNamed(page, 'workflowfinish_callback.xml')).toContainText('RunId');
  await expect(itemNamed(page, 'workflowfinish_callback.xml').locator('.row-name')).toHaveText(
    'workflow-3 · wk-test/game.mp4',
  );
  await expect(itemNamed(page, 'picprocess_failed_job.xml').locator('.row-code')).toHaveText('InvalidInput');

  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveCount(1);
  await expect(page.locator('[data-panel="summary"]')).toContainText('jafa709a2f86611ec9452c1c27f56a659');
  await itemNamed(page, 'picprocess_failed_job.xml').click();
  await expect(page.locator('[data-panel="summary"]')).toContainText('Failed');
});

test('the list is virtualised: 2,000 documents, at most 100 rows in the DOM', async ({ page }) => {
  await pasteOnPage(page, manyCallbacks(2000));
  await expectCount(page, 2000);
  const rendered = await page.getByTestId('document-item').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThanOrEqual(100);
  await expect(page.getByRole('listbox')).toBeVisible();
  await expect(documentItems(page).first()).toHaveAttribute('aria-setsize', '2000');

  // End goes to the last document; it is rendered and selected.
  await documentItems(page).first().focus();
  await page.keyboard.press('End');
  const last = itemNamed(page, 'jbulk01999');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-posinset', '2000');
  expect(await page.getByTestId('document-item').count()).toBeLessThanOrEqual(100);

  // Filtering the virtual list by State.
  await page.getByLabel('State', { exact: true }).selectOption('Failed');
  await expect(page.getByTestId('shown-count')).toHaveText('286');
});

test('the layout has two columns on a wide screen and one on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await loadSample(page, 'Image processed by a workflow (XML)');
  const list = page.getByRole('listbox');
  const summary = page.locator('[data-panel="summary"]');
  await expect(summary).toBeVisible();
  let listBox = await list.boundingBox();
  let panelBox = await summary.boundingBox();
  expect(listBox && panelBox && listBox.x + listBox.width <= panelBox.x).toBe(true);
  expect(panelBox && panelBox.y < 300).toBe(true);

  await page.setViewportSize({ width: 375, height: 800 });
  listBox = await list.boundingBox();
  panelBox = await summary.boundingBox();
  expect(listBox && panelBox && panelBox.y >= listBox.y + listBox.height).toBe(true);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the shell, loading controls and list pass axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await loadFiles(page);
    await pasteOnPage(page, '<Response><JobsDetail><JobId>x</JobIdx></JobsDetail></Response>');
    await expectCount(page, FILES.length + 1);
    await expect(page.getByTestId('parse-error')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const results = await new AxeBuilder({ page })
      .include('.app-header')
      .include('.workspace-side')
      .include('[data-testid="parse-error"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}
