import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { documentItems, openApp, readFixture } from './helpers';

/** The machine running the suite may be busy: allow a slow first parse and a lazily loaded chunk. */
const expect = baseExpect.configure({ timeout: 10_000 });

const CASE1 = readFixture('seed/case1-job-api.xml');
const CASE2 = readFixture('seed/case2-workflow.xml');
const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';

/** Puts a payload in the draft and waits for its panels. */
async function showDraft(page: Page, text: string): Promise<void> {
  await page.getByTestId('payload-input').fill(text);
  await expect(page.locator('[data-panel="raw"]')).toBeVisible();
}

const panel = (page: Page, name: string): Locator => page.locator(`section[data-panel="${name}"]`);

/** The value of the tree node named `name` (its label text exactly) inside `scope`. */
const treeValue = (scope: Locator, name: string): Locator =>
  scope
    .locator('.ui-tree-line')
    .filter({ has: scope.page().locator('.ui-field-name', { hasText: new RegExp(`^${name}$`) }) })
    .locator('.ui-tree-value');

async function panelNames(page: Page): Promise<(string | null)[]> {
  return page
    .locator('section[data-panel]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')));
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('panels are labelled sections, and a panel without data is absent', async ({ page }) => {
  await showDraft(page, CASE1);
  expect(await panelNames(page)).toEqual(['summary', 'timeline', 'image', 'io', 'raw']);
  await expect(panel(page, 'image')).toContainText('500 × 417');
  await expect(panel(page, 'image')).toContainText('417 × 500');
  const titles = {
    summary: 'Summary',
    timeline: 'Timeline',
    image: 'Image before / after',
    io: 'Input / output',
    raw: 'Raw',
  };
  for (const [name, title] of Object.entries(titles)) {
    await expect(page.getByRole('region', { name: title, exact: true })).toHaveAttribute('data-panel', name);
  }
  await expect(panel(page, 'headers')).toHaveCount(0);
  await expect(panel(page, 'workflow')).toHaveCount(0);
  await expect(panel(page, 'diagnostics')).toHaveCount(0);
});

test('the summary shows the event, the State badge, the ids and the job fields', async ({ page }) => {
  await showDraft(page, CASE2);
  const summary = panel(page, 'summary');
  await expect(summary).toContainText('TaskFinish');
  await expect(summary.locator('.ui-badge')).toHaveText(/Success/);
  await expect(summary.locator('.ui-badge')).toHaveAttribute('data-state', 'Success');
  for (const text of [
    CASE2_JOB_ID,
    'PicProcess',
    'p2911917386e148639319e13c285cc774',
    't10461fe2bd5a649db9022452ec71e0381',
    'This is my PicProcess job.',
  ]) {
    await expect(summary).toContainText(text);
  }
  await expect(summary.getByRole('alert')).toHaveCount(0);
});

test('a Failed job shows its Code and Message prominently', async ({ page }) => {
  await showDraft(page, readFixture('derived/picprocess_failed_job.xml'));
  const alert = panel(page, 'summary').getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('The job failed: InvalidInput');
  await expect(alert).toContainText('The input image format is not supported');
  await expect(panel(page, 'summary').locator('.ui-badge')).toHaveText(/Failed/);
  await expect(panel(page, 'image')).toHaveCount(0);
  await expect(panel(page, 'io')).toContainText('No URL: the job failed');
});

test('a failed sub-step inside a successful job is shown as the job’s problem', async ({ page }) => {
  const xml = CASE1.replace(
    '<TemplateName>test</TemplateName>',
    '<TemplateName>test</TemplateName><DigitalWatermark><Type>Text</Type><Message>hello</Message><State>Failed</State></DigitalWatermark>',
  );
  await showDraft(page, xml);
  const alert = panel(page, 'summary').getByRole('alert');
  await expect(alert).toContainText('A step failed inside this job: Operation.DigitalWatermark.State');
  await expect(panel(page, 'summary').locator('.ui-badge')).toHaveText(/Success/);
  await expect(panel(page, 'result')).toContainText('DigitalWatermark');
});

test('the image panel compares OriginalInfo with ProcessResult', async ({ page }) => {
  await showDraft(page, CASE2);
  const image = panel(page, 'image');
  await expect(image.getByRole('table')).toContainText('500 × 417');
  await expect(image.getByRole('table')).toContainText('417 × 500');
  // Each value in its row, the output's against the original's: swapped, not turned; size as a share.
  const row = (id: string) => image.locator(`tr[data-row="${id}"]`);
  await expect(row('ratio')).toContainText('Dimensions swapped');
  await expect(row('dims')).toContainText('×0.834 / ×1.2');
  await expect(row('size')).toContainText('2,430% of the original');
  await expect(row('size')).toContainText('from the Size COS header');
  await expect(row('quality').locator('td').last()).toHaveAttribute('data-state', 'same');
  await expect(row('size').locator('td').last()).toHaveAttribute('data-state', 'changed');
  // Labels are words; the wire name is on hover.
  await expect(row('ave').locator('th')).toHaveText('Main colour');
  await expect(row('ave').locator('th')).toHaveAttribute('title', 'Ave');
  await expect(image).toContainText('500:417');
  await expect(image).toContainText('"d5a491cd3d8d071e3212c3478e8e35a1"');
  // The Ave colour, validated, as a swatch beside its text.
  await expect(image).toContainText('0xc64847');
  await expect(image.locator('.pn-swatch')).toHaveCSS('background-color', 'rgb(198, 72, 71)');
  // The boxes are drawn in proportion: 500 × 417 is wider than tall, 417 × 500 taller than wide.
  const before = await image.locator('.pn-box-before').boundingBox();
  const after = await image.locator('.pn-box-after').boundingBox();
  expect(before && before.width > before.height).toBe(true);
  expect(after && after.height > after.width).toBe(true);
  expect(Math.round(before?.width ?? 0)).toBe(Math.round(after?.height ?? 0));
});

test('an invalid Ave never reaches CSS', async ({ page }) => {
  await showDraft(page, CASE1.replace('<Ave>0xc64847</Ave>', '<Ave>red;background:url(x)</Ave>'));
  const image = panel(page, 'image');
  await expect(image).toContainText('red;background:url(x)');
  await expect(image).toContainText('not a 0xRRGGBB colour');
  await expect(image.locator('.pn-swatch')).toHaveCount(0);
});

test('shape B and a ProcessRule rotation are read', async ({ page }) => {
  await showDraft(page, readFixture('derived/picprocess_shape_b_uploadresult.xml'));
  const image = panel(page, 'image');
  await expect(image.locator('tr[data-row="rotation"] td').last()).toContainText('90°from the ProcessRule');
  await expect(image.locator('.pn-rule')).toContainText('imageMogr2/rotate/90');
  await expect(image).not.toContainText('Dimensions swapped');
  await expect(image).toContainText('500 × 417');
});

test('the headers panel lists the COS headers in source order, sizes readable, known ones explained', async ({
  page,
}) => {
  await showDraft(page, CASE2);
  const rows = panel(page, 'headers').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-header-key')))).toEqual([
    'Content-Type',
    'x-cos-request-id',
    'EventName',
    'Size',
  ]);
  await expect(rows.nth(3)).toContainText('1024 (1 KiB)');
  await expect(rows.nth(0)).toContainText('MIME type of the object');
  await expect(panel(page, 'headers').locator('thead th[scope="col"]')).toHaveCount(4);
  await expect(panel(page, 'headers').locator('tbody th[scope="row"]')).toHaveCount(4);
});

test('the workflow panel shows the job’s Workflow node', async ({ page }) => {
  await showDraft(page, CASE2);
  const workflow = panel(page, 'workflow');
  for (const text of [
    'PicProcess_1581665960537',
    'workflow-test',
    'web6ac56c1ef54dbfa44d7f4103203be9',
    'ic90edd59f84f11ec9d4f525400a3c59f',
  ]) {
    await expect(workflow).toContainText(text);
  }
  await expect(workflow.locator('li[data-workflow-index]')).toHaveCount(0);
});

test('a job with two Workflow nodes shows both, numbered, in source order', async ({ page }) => {
  await showDraft(
    page,
    CASE2.replace(
      '</Workflow>',
      '</Workflow><Workflow><Name>Second_node</Name><RunId>run-two</RunId><WorkflowId>wf-two</WorkflowId></Workflow>',
    ),
  );
  const items = panel(page, 'workflow').locator('li[data-workflow-index]');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByRole('heading')).toHaveText('Workflow 1 of 2');
  await expect(items.nth(0)).toContainText('ic90edd59f84f11ec9d4f525400a3c59f');
  await expect(items.nth(1).getByRole('heading')).toHaveText('Workflow 2 of 2');
  for (const text of ['Second_node', 'run-two', 'wf-two']) await expect(items.nth(1)).toContainText(text);
});

test('the timeline shows source and local times, durations, and no 1970 date for missing times', async ({
  page,
}) => {
  await showDraft(page, CASE1);
  const timeline = panel(page, 'timeline');
  await expect(timeline).toContainText('2022-07-18 15:16:43 +08:00');
  await expect(timeline).toContainText('2022-07-18 15:16:44 +08:00');
  await expect(timeline).toContainText('Local time');
  await expect(timeline.locator('.pn-durations')).toContainText('Queue wait1 s');
  await expect(timeline.locator('.pn-durations')).toContainText('Run time0 s');
  await expect(timeline.locator('.pn-tl-queue').first()).toBeVisible();
  await expect(timeline.getByRole('img')).toHaveAttribute('aria-label', 'Queue wait 1 s, Run time 0 s');

  await showDraft(page, readFixture('docs/transcode_submitted_jobsdetail_javasdk_test.xml'));
  await expect(timeline).toContainText('Not started');
  await expect(timeline).toContainText('Not finished');
  await expect(timeline).not.toContainText('1970');
});

test.describe('in another time zone', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('the local time is the viewer’s, with the zone’s name', async ({ page }) => {
    await showDraft(page, CASE1);
    const created = panel(page, 'timeline').locator('.pn-time').first();
    await expect(created).toContainText('2022-07-18 15:16:43 +08:00');
    await expect(created.locator('.pn-time-local')).toContainText('2022-07-18 03:16:43 -04:00');
  });
});

test('the io panel shows buckets, objects and the COS URLs it built, never fetching them', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await showDraft(page, CASE2);
  const io = panel(page, 'io');
  const link = io.getByRole('link', {
    name: 'https://test-1234567890.cos.ap-chongqing.myqcloud.com/input/deer.jpg',
  });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(io.locator('[data-io-file="picture"]')).toHaveCount(1);
  await expect(io).toContainText('output/out.jpg');
  expect(requests.filter((u) => u.includes('myqcloud.com'))).toEqual([]);
});

test('a snapshot job lists its six result files with the prefix, and a templated Output.Object gets no URL', async ({
  page,
}) => {
  await showDraft(page, readFixture('docs/snapshot_callback_job_api.xml'));
  const io = panel(page, 'io');
  const files = io.locator('[data-io-file="media"]');
  await expect(files).toHaveCount(6);
  await expect(files.first()).toContainText('output/snapshot-0.jpg');
  await expect(files.last()).toContainText('output/snapshot-5.jpg');
  await expect(io.locator('[data-io-file="sprite"]')).toHaveCount(1);
  await expect(io).toContainText('No URL: the key still holds the placeholder ${Number}.');
});

test('a media job shows its MediaInfo compactly', async ({ page }) => {
  await showDraft(page, readFixture('docs/videomontage_callback_workflow.json'));
  const io = panel(page, 'io');
  await expect(io).toContainText('h264 · 544 × 960 · 25 fps');
  await expect(io).toContainText('aac · 44100 Hz · 2 ch');
  await expect(io).toContainText('3.5 MiB');
  await expect(io).toContainText('6080b31ea94defa6c19cc4def539a291');
});

test('a WorkflowFinish callback shows one row per task, with bars, and the execution’s headers', async ({
  page,
}) => {
  await showDraft(page, readFixture('docs/workflowfinish_callback.xml'));
  expect(await panelNames(page)).toEqual(['summary', 'headers', 'tasks', 'raw']);
  const tasks = panel(page, 'tasks').locator('li[data-task-index]');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.nth(0)).toContainText('Snapshot');
  await expect(tasks.nth(0)).toContainText('j23c11e1e17b011edaab4ab15ec33d076');
  await expect(tasks.nth(0)).toContainText('2 s');
  await expect(tasks.nth(1)).toContainText('Transcode');
  await expect(tasks.nth(1)).toContainText('21 s');
  // Drawn to scale: the Transcode task (21 s) is a longer bar than the Snapshot task (2 s).
  const snap = await tasks.nth(0).locator('.pn-task-bar').boundingBox();
  const transcode = await tasks.nth(1).locator('.pn-task-bar').boundingBox();
  expect((transcode?.width ?? 0) > (snap?.width ?? 0) * 5).toBe(true);
  await expect(panel(page, 'summary')).toContainText('i166ee19017b011eda8a5525400c540df');
  await expect(panel(page, 'headers').locator('tbody tr')).toHaveCount(2);
});

test('a task’s ResultInfo lists its objects, a failed one marked, payload URLs as text only', async ({
  page,
}) => {
  const resultInfo =
    '<ResultInfo><ObjectCount>2</ObjectCount>' +
    '<ObjectInfo><ObjectName>snap-0.jpg</ObjectName><ObjectUrl>http://example.com/snap-0.jpg</ObjectUrl><Code>Success</Code></ObjectInfo>' +
    '<ObjectInfo><ObjectName>snap-1.jpg</ObjectName><Code>InternalError</Code><Message>boom</Message></ObjectInfo></ResultInfo>';
  await showDraft(
    page,
    readFixture('docs/workflowfinish_callback.xml').replace(
      '<Name>Snapshot_1581665960536</Name>',
      `<Name>Snapshot_1581665960536</Name>${resultInfo}`,
    ),
  );
  const task = panel(page, 'tasks').locator('li[data-task-index="0"]');
  await expect(task).toContainText('2 files');
  await expect(task.locator('.pn-object')).toHaveCount(2);
  await expect(task.locator('.pn-object-bad')).toContainText('InternalError · boom');
  await expect(task).toContainText('http://example.com/snap-0.jpg');
  await expect(task.getByRole('link')).toHaveCount(0);
  await expect(panel(page, 'summary').getByRole('alert')).toContainText(
    'An output failed: snap-1.jpg (InternalError)',
  );
});

test('a failed task inside a successful run is shown', async ({ page }) => {
  await showDraft(page, readFixture('docs/workflowexecution_describe_api_with_failed_task.xml'));
  await expect(panel(page, 'summary').getByRole('alert')).toContainText(
    'A task failed: Animation_1581665960538',
  );
  await expect(panel(page, 'tasks').locator('li.pn-task-failed')).toHaveCount(1);
  // Topology is not modelled by a panel: it is kept in the result panel's tree.
  await expect(panel(page, 'result')).toContainText('Topology');
});

test('a job list response lets the person pick the job', async ({ page }) => {
  await showDraft(page, readFixture('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml'));
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'summary')).toContainText('c93984788066911e689ed352d4d9d2ghd4');
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'summary')).toContainText('c93984788066911ed89ed352d4d9d2084');
  await expect(panel(page, 'summary')).not.toContainText('c93984788066911e689ed352d4d9d2ghd4');
  // Arrow keys move between the tabs.
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(0)).toBeFocused();
});

test('a list of many jobs is picked with a select', async ({ page }) => {
  const jobs = Array.from(
    { length: 12 },
    (_, i) =>
      `<JobsDetail><Code>Success</Code><JobId>jmany${String(i).padStart(2, '0')}</JobId><State>${i === 9 ? 'Failed' : 'Success'}</State><Tag>Transcode</Tag></JobsDetail>`,
  ).join('');
  await showDraft(page, `<Response>${jobs}</Response>`);
  await expect(page.getByRole('tab')).toHaveCount(0);
  const select = page.getByRole('combobox', { name: '12 jobs in this payload' });
  await expect(select.locator('option')).toHaveCount(12);
  await select.selectOption({ index: 9 });
  await expect(panel(page, 'summary')).toContainText('jmany09');
  await expect(panel(page, 'summary').locator('.ui-badge')).toHaveText(/Failed/);
});

test('the result panel shows task parameters and unknown nodes as a tree', async ({ page }) => {
  await showDraft(page, readFixture('docs/translation_callback_job_api.xml'));
  const result = panel(page, 'result');
  const tree = result.getByRole('list', { name: 'Task parameters' });
  await expect(tree).toContainText('Translation');
  await expect(treeValue(tree, 'Lang')).toHaveText('en');
  await expect(treeValue(tree, 'Type')).toHaveText('txt');
  await tree.getByRole('button', { name: 'Collapse Translation' }).click();
  await expect(treeValue(tree, 'Type')).toHaveCount(0);
  await tree.getByRole('button', { name: 'Expand Translation' }).click();
  await expect(treeValue(tree, 'Type')).toHaveText('txt');

  await showDraft(
    page,
    CASE1.replace(
      '<JobLevel>0</JobLevel>',
      '<JobLevel>0</JobLevel><MysteryNode><Inner>42</Inner></MysteryNode>',
    ),
  );
  await expect(panel(page, 'result')).toContainText('Other nodes');
  await expect(panel(page, 'result')).toContainText('JobsDetail[0].Operation');
  await expect(treeValue(panel(page, 'result'), 'Inner')).toHaveText('42');
});

test('a very large tree is capped behind "show more", never dropped', async ({ page }) => {
  const items = Array.from({ length: 700 }, (_, i) => `<Tag><Name>t${i}</Name></Tag>`).join('');
  await showDraft(
    page,
    CASE1.replace(
      '<JobLevel>0</JobLevel>',
      `<JobLevel>0</JobLevel><VideoTagResult>${items}</VideoTagResult>`,
    ),
  );
  const result = panel(page, 'result');
  await expect(result.getByText('Showing 400 nodes')).toBeVisible();
  await expect(result).not.toContainText('t699');
  await result.getByRole('button', { name: 'Show more' }).click();
  await result.getByRole('button', { name: 'Show more' }).click();
  await result.getByRole('button', { name: 'Show more' }).click();
  await expect(result).toContainText('t699');
});

test('an unrecognised payload is shown whole as a tree', async ({ page }) => {
  await showDraft(
    page,
    '<Response><Moderation><Label>Normal</Label><Score>0</Score></Moderation></Response>',
  );
  expect(await panelNames(page)).toEqual(['summary', 'result', 'raw']);
  await expect(panel(page, 'summary').locator('.ui-badge')).toHaveText(/Unknown/);
  await expect(treeValue(panel(page, 'result'), 'Label')).toHaveText('Normal');
  await expect(treeValue(panel(page, 'result'), 'Score')).toHaveText('0');
});

test('an unreadable payload shows only summary (Invalid), diagnostics and raw', async ({ page }) => {
  await showDraft(page, '<Response>\n  <JobsDetail>\n    <JobId>x</JobId>\n  </JobsDetai>\n</Response>');
  expect(await panelNames(page)).toEqual(['summary', 'diagnostics', 'raw']);
  await expect(panel(page, 'summary').locator('.ui-badge')).toHaveText(/Invalid/);
  // One error, one place: the summary says where and links to the full error in Diagnostics.
  await expect(panel(page, 'summary')).toContainText('The payload could not be read: line 4, column 3.');
  await expect(panel(page, 'summary').getByTestId('parse-error')).toHaveCount(0);
  const diag = panel(page, 'diagnostics').locator('li[data-code="xml-mismatched-tag"]');
  await expect(diag).toContainText('Error');
  await expect(diag).toContainText('Line 4, column 3');
});

test('selecting a diagnostic shows its line in the raw source', async ({ page }) => {
  await showDraft(page, readFixture('seed/case3-workflow-trailing-comma.json'));
  const diag = panel(page, 'diagnostics').locator('li[data-code="trailing-comma"]');
  await expect(diag).toContainText('Info');
  await expect(diag).toContainText('Line 60, column 26');
  await diag.getByRole('button', { name: 'Show in source' }).click();
  const selected = panel(page, 'raw').locator('[data-selected-line]');
  await expect(selected).toHaveAttribute('data-selected-line', '60');
  await expect(selected).toContainText('"JobLevel": 0,');
  await expect(selected).toBeInViewport();
});

test('selecting a field label shows that field in the raw source, even from the app’s model view', async ({
  page,
}) => {
  await showDraft(page, CASE2);
  const raw = panel(page, 'raw');
  await raw.getByRole('button', { name: 'App’s model' }).click();
  await expect(raw).toContainText('"kind": "jobs"');
  await panel(page, 'summary').getByRole('button', { name: 'TemplateId', exact: true }).click();
  await expect(raw.getByRole('button', { name: 'Source', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const selected = raw.locator('[data-selected-line]');
  await expect(selected).toContainText('<TemplateId>t10461fe2bd5a649db9022452ec71e0381</TemplateId>');
  await expect(selected).toBeInViewport();

  // Input.Object and Output.Object are different nodes with one name.
  await panel(page, 'io').getByRole('button', { name: 'Object', exact: true }).last().click();
  await expect(raw.locator('[data-selected-line]')).toContainText('<Object>output/out.jpg</Object>');
  await panel(page, 'headers').getByRole('button', { name: 'Size', exact: true }).click();
  await expect(raw.locator('.raw-line-selected')).toHaveCount(4);
  await expect(raw.locator('.raw-line-selected').nth(2)).toContainText('<Value>1024</Value>');
});

test('a field label explains the node on hover and on keyboard focus', async ({ page }) => {
  await showDraft(page, CASE2);
  const label = panel(page, 'summary').getByRole('button', { name: 'JobId', exact: true });
  await expect(label).toHaveAccessibleDescription(/ID of the job\./);
  await label.focus();
  const tip = page.locator(`#${await label.getAttribute('aria-describedby')}`);
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(/ID of the job\./);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await expect(tip).toBeHidden();
  await panel(page, 'summary').getByRole('button', { name: 'QueueId', exact: true }).hover();
  await expect(panel(page, 'summary').getByRole('tooltip').filter({ visible: true })).toContainText('queue');
});

test('the raw panel shows the exact text with line numbers from the payload’s own line', async ({ page }) => {
  await showDraft(page, readFixture('derived/http_request_dump.txt'));
  const raw = panel(page, 'raw');
  const lines = raw.locator('.raw-line');
  await expect(lines.first()).toHaveAttribute('data-line', '8');
  await expect(lines.first()).toContainText('<Response>');
  await expect(raw.locator('.tk-tag').first()).toHaveText('<Response');
});

test('a source over 200 KB is shown as plain text', async ({ page }) => {
  const big = CASE1.replace(
    '<UserData>This is my PicProcess job.</UserData>',
    `<UserData>${'x'.repeat(210 * 1024)}</UserData>`,
  );
  await showDraft(page, big);
  const raw = panel(page, 'raw');
  await expect(raw.locator('[data-highlighted="false"]')).toBeVisible();
  await expect(raw.locator('.tk-tag')).toHaveCount(0);
  await expect(raw.locator('.raw-pre')).toContainText('<JobId>c93984788066911ed89ed352d4d9d2084</JobId>');
  await panel(page, 'summary').getByRole('button', { name: 'JobId', exact: true }).click();
  await expect(raw.locator('[data-selected-line]')).toBeAttached();
});

test.describe('copying', () => {
  test('copies an id with the Clipboard API and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await showDraft(page, CASE2);
    await panel(page, 'summary').getByRole('button', { name: 'Copy JobId' }).click();
    await expect(panel(page, 'summary').getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CASE2_JOB_ID);
  });

  test('falls back to execCommand when the Clipboard API rejects (plain http)', async ({ page }) => {
    await page.addInitScript(() => {
      const copied: string[] = [];
      (window as unknown as { __copied: string[] }).__copied = copied;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('not allowed', 'NotAllowedError')) },
      });
      document.execCommand = ((command: string) => {
        const active = document.activeElement;
        if (command === 'copy' && active instanceof HTMLTextAreaElement)
          copied.push(active.value.slice(active.selectionStart, active.selectionEnd));
        return command === 'copy';
      }) as typeof document.execCommand;
    });
    await openApp(page);
    await showDraft(page, CASE2);
    await panel(page, 'workflow').getByRole('button', { name: 'Copy RunId' }).click();
    await expect(panel(page, 'workflow').getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied)).toEqual([
      'ic90edd59f84f11ec9d4f525400a3c59f',
    ]);
    // The hidden textarea is gone, and focus is back on the button.
    await expect(page.locator('body > textarea')).toHaveCount(0);
    await expect(panel(page, 'workflow').getByRole('button', { name: 'Copy RunId' })).toBeFocused();
  });
});

test('panels follow the interface language', async ({ page }) => {
  await openApp(page, 'zh');
  await showDraft(page, readFixture('derived/picprocess_failed_job.xml'));
  await expect(panel(page, 'summary').getByRole('heading')).toHaveText('摘要');
  await expect(panel(page, 'summary').getByRole('alert')).toContainText('InvalidInput');
  await expect(panel(page, 'timeline')).toContainText('本地时间');
  await expect(panel(page, 'raw').getByRole('button', { name: '原文', exact: true })).toBeVisible();
  const label = panel(page, 'summary').getByRole('button', { name: 'JobId', exact: true });
  await expect(label).toHaveAccessibleDescription(/任务的 ID。/);
});

test('several documents: each shows its own panels', async ({ page }) => {
  await showDraft(page, readFixture('derived/callbacks_array.json'));
  await expect(documentItems(page)).toHaveCount(2);
  await documentItems(page).nth(1).click();
  await expect(panel(page, 'result')).toContainText('Translation');
  await expect(panel(page, 'image')).toHaveCount(0);
  await documentItems(page).nth(0).click();
  await expect(panel(page, 'image')).toContainText('417 × 500');
});
