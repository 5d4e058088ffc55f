import { expect as baseExpect, test } from '@playwright/test';
import { documentItems, expectedRows, fixtureNames, openApp, readFixture } from './helpers';

/** The machine running the suite may be busy: allow a slow first parse and a lazily loaded chunk. */
const expect = baseExpect.configure({ timeout: 10_000 });

/**
 * The panels each document of each fixture shows, in order (DESIGN.md: a panel without data is absent).
 * Documents of one fixture are separated by the list's order.
 */
const JOB_IMAGE = ['summary', 'timeline', 'image', 'io', 'raw'];
const WORKFLOW_IMAGE = ['summary', 'timeline', 'workflow', 'headers', 'image', 'io', 'raw'];
const WORKFLOW_IMAGE_INFO = [
  'summary',
  'timeline',
  'workflow',
  'headers',
  'image',
  'io',
  'diagnostics',
  'raw',
];
const TRANSLATION = ['summary', 'timeline', 'io', 'result', 'raw'];
const VIDEOMONTAGE = ['summary', 'timeline', 'workflow', 'headers', 'io', 'raw'];
const SDRTOHDR = ['summary', 'timeline', 'workflow', 'headers', 'io', 'result', 'raw'];
const WORKFLOW_FINISH = ['summary', 'headers', 'tasks', 'raw'];
const MODERATION = ['summary', 'moderation', 'raw'];
const MODERATION_HEADERS = ['summary', 'moderation', 'headers', 'raw'];
const MODERATION_DUMP = ['summary', 'moderation', 'headers', 'diagnostics', 'raw'];

const EXPECTED_PANELS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'seed/case1-job-api.xml': [JOB_IMAGE],
  'seed/case2-workflow.xml': [WORKFLOW_IMAGE],
  'seed/case3-workflow-trailing-comma.json': [WORKFLOW_IMAGE_INFO],
  'docs/picprocess_callback_job_api.xml': [JOB_IMAGE],
  'docs/picprocess_callback_workflow.json': [WORKFLOW_IMAGE_INFO],
  'docs/picprocess_callback_workflow.xml': [WORKFLOW_IMAGE],
  'docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml': [
    ['summary', 'timeline', 'io', 'diagnostics', 'raw'],
  ],
  'docs/sdrtohdr_callback_workflow.json': [
    ['summary', 'timeline', 'workflow', 'headers', 'io', 'result', 'diagnostics', 'raw'],
  ],
  'docs/sdrtohdr_callback_workflow.xml': [SDRTOHDR],
  'docs/snapshot_callback_job_api.xml': [['summary', 'timeline', 'io', 'raw']],
  'docs/snapshot_callback_workflow.json': [
    ['summary', 'timeline', 'workflow', 'headers', 'io', 'diagnostics', 'raw'],
  ],
  'docs/transcode_callback_workflow_legacy_no_eventname.xml': [
    ['summary', 'timeline', 'workflow', 'headers', 'io', 'diagnostics', 'raw'],
  ],
  'docs/transcode_submitted_jobsdetail_javasdk_test.xml': [
    ['summary', 'timeline', 'io', 'result', 'diagnostics', 'raw'],
  ],
  'docs/translation_callback_job_api.xml': [TRANSLATION],
  'docs/translation_callback_job_api_INVALID_trailing_comma.json': [
    ['summary', 'timeline', 'io', 'result', 'diagnostics', 'raw'],
  ],
  'docs/videomontage_callback_workflow.json': [VIDEOMONTAGE],
  'docs/workflowexecution_describe_api_with_failed_task.xml': [
    ['summary', 'tasks', 'result', 'diagnostics', 'raw'],
  ],
  'docs/workflowfinish_callback.json': [WORKFLOW_FINISH],
  'docs/moderation_audio_detail_callback.json': [MODERATION_HEADERS],
  'docs/moderation_batch_image_auditing_response.xml': [MODERATION],
  'docs/moderation_document_detail_callback.json': [MODERATION_HEADERS],
  'docs/moderation_image_detail_callback.json': [MODERATION_HEADERS],
  'docs/moderation_image_job_gosdk_test.xml': [['summary', 'moderation', 'result', 'raw']],
  'docs/moderation_image_simple_callback.json': [MODERATION_HEADERS],
  'docs/moderation_image_simple_test_request.json': [MODERATION_HEADERS],
  'docs/moderation_text_detail_callback.json': [MODERATION_HEADERS],
  'docs/moderation_video_detail_callback.json': [MODERATION_HEADERS],
  'docs/moderation_video_simple_callback.json': [MODERATION_HEADERS],
  'derived/moderation_detail_http_dump.txt': [MODERATION_DUMP],
  'derived/moderation_simple_failed.json': [MODERATION],
  'derived/moderation_simple_http_dump.txt': [MODERATION_DUMP],
  'derived/moderation_simple_sensitive.json': [MODERATION_HEADERS],
  'derived/moderation_video_detail_suspicious.json': [MODERATION],
  'derived/moderation_video_detail_suspicious.xml': [MODERATION],
  'docs/workflowfinish_callback.xml': [WORKFLOW_FINISH],
  'derived/callbacks.jsonl': [WORKFLOW_IMAGE, TRANSLATION, VIDEOMONTAGE],
  'derived/callbacks_array.json': [WORKFLOW_IMAGE, TRANSLATION],
  'derived/http_request_dump.txt': [WORKFLOW_IMAGE_INFO],
  'derived/picprocess_colon_offsets.xml': [JOB_IMAGE],
  'derived/picprocess_failed_job.xml': [['summary', 'timeline', 'io', 'raw']],
  'derived/picprocess_shape_b_uploadresult.xml': [JOB_IMAGE],
  'derived/picprocess_case2_shape_b.json': [WORKFLOW_IMAGE_INFO],
  'derived/picprocess_case2_shape_b.xml': [WORKFLOW_IMAGE],
  'derived/picprocess_shape_b_three_outputs.xml': [['summary', 'timeline', 'headers', 'image', 'io', 'raw']],
  // The log's line without a payload is said in each callback's Diagnostics ("About the whole text").
  'derived/server_log_with_prefixes.log': [
    ['summary', 'timeline', 'image', 'io', 'diagnostics', 'raw'],
    ['summary', 'timeline', 'workflow', 'headers', 'io', 'result', 'diagnostics', 'raw'],
  ],
  'derived/taskfinish_without_response_root.xml': [
    ['summary', 'timeline', 'image', 'io', 'diagnostics', 'raw'],
  ],
};

const ROWS = expectedRows();

test('every fixture has its expected panels listed here', () => {
  expect(Object.keys(EXPECTED_PANELS).sort()).toEqual(fixtureNames().sort());
});

for (const name of fixtureNames()) {
  test(`${name} loads and shows its panels`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await openApp(page);
    const text = readFixture(name);
    await page.getByTestId('payload-input').fill(text);
    await expect(page.locator('section[data-panel="raw"]')).toBeVisible();

    const expected = EXPECTED_PANELS[name] ?? [];
    const rows = ROWS[name] ?? [];
    const items = documentItems(page);
    await expect(items).toHaveCount(expected.length);
    for (const [i, panels] of expected.entries()) {
      await items.nth(i).click();
      const row = rows[i];
      const summary = page.locator('section[data-panel="summary"]');
      if (row?.id) await expect(summary).toContainText(row.id);
      if (row) await expect(summary.locator('.ui-badge').first()).toHaveAttribute('data-state', row.state);
      await expect
        .poll(() =>
          page
            .locator('section[data-panel]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-panel'))),
        )
        .toEqual(panels);
      // Every panel has a heading that names it, and none is empty.
      for (const section of await page.locator('section[data-panel]').all()) {
        await expect(section.getByRole('heading').first()).not.toHaveText('');
        expect(((await section.locator('.ui-panel-body').textContent()) ?? '').trim()).not.toBe('');
      }
      // The raw panel holds the payload's text exactly (line by line, as the person pasted it).
      const rawLines = await page.locator('section[data-panel="raw"] .raw-line .raw-text').allTextContents();
      expect(text.replace(/\r\n/g, '\n')).toContain(rawLines.slice(0, 3).join('\n'));
    }
    expect(errors).toEqual([]);
  });
}
