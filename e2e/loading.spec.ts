import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import {
  documentItems,
  dropFiles,
  expectCount,
  expectedRows,
  fileNameOf,
  fixtureNames,
  fixturePath,
  itemNamed,
  loadSample,
  openApp,
  pasteOnPage,
  readFixture,
} from './helpers';

const CASE2 = readFixture('seed/case2-workflow.xml');
const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';
const SDR_JOB_ID = 'jafa709a2f86611ec9452c1c27f56a659';
const MALFORMED = '<Response>\n  <JobsDetail>\n    <JobId>abc</JobIdx>\n  </JobsDetail>\n</Response>\n';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('pasting on the page loads the text as new documents and shows the first', async ({ page }) => {
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  await expect(itemNamed(page, 'Pasted #1')).toHaveAttribute('data-state', 'Success');
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);

  // A second paste holding two callbacks (JSON Lines) adds two documents, named after the second paste.
  await pasteOnPage(page, readFixture('derived/callbacks_array.json'));
  await expectCount(page, 3);
  await expect(itemNamed(page, 'Pasted #2')).toHaveCount(2);
  await expect(itemNamed(page, 'Pasted #1')).toHaveCount(1);
});

test('a one-line callback and a pretty-printed one pasted together are two sound documents', async ({
  page,
}) => {
  const oneLine = readFixture('seed/case1-job-api.xml').replace(/>\s+</g, '><').trim();
  await pasteOnPage(page, `${oneLine}\n${CASE2}`);
  await expectCount(page, 2);
  await expect(documentItems(page).nth(0)).toHaveAttribute('data-state', 'Success');
  await expect(documentItems(page).nth(1)).toHaveAttribute('data-state', 'Success');
  await documentItems(page).nth(1).click();
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
});

test('a server log whose lines start with a bracketed timestamp lists every callback and skips the lines without one', async ({
  page,
}) => {
  const oneLine = (xml: string) => xml.replace(/>\s+</g, '><').trim();
  const json = readFixture('derived/callbacks.jsonl').split('\n')[0];
  await pasteOnPage(
    page,
    [
      '[2026-11-30 12:00:00] INFO callback receiver started',
      `[2026-11-30 12:00:01] INFO ${oneLine(readFixture('seed/case1-job-api.xml'))}`,
      `[2026-11-30 12:00:02] [app.py:<module>:12] body=${json}`,
      '[12345] connection closed',
      `[2026-11-30 12:00:03] WARN ${oneLine(CASE2)}`,
    ].join('\n'),
  );
  await expectCount(page, 3);
  for (let k = 0; k < 3; k++)
    await expect(documentItems(page).nth(k)).toHaveAttribute('data-state', 'Success');
  await documentItems(page).nth(2).click();
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
  // The lines without a callback are said, not silently dropped: in a notice, and in each callback's Diagnostics.
  await expect(page.locator('.notice')).toContainText(
    'Pasted #1: 2 lines held no callback and were skipped (the first is line 1).',
  );
  const input = page.locator('[data-panel="diagnostics"]').getByTestId('input-diagnostics');
  await expect(input).toContainText('About the whole text this callback was read from');
  await expect(input.locator('[data-code="skipped-lines"]')).toContainText(
    '2 lines held no callback and were skipped',
  );
  await expect(input.locator('[data-code="skipped-lines"]')).toContainText('Line 1, column 1');
  // Their positions are in the whole text, which the raw panel (this callback's source) does not show.
  await expect(input.getByRole('button', { name: 'Show in source' })).toHaveCount(0);
});

test('a callback inside a log’s own JSON record (Docker) is said, and loads in one click', async ({
  page,
}) => {
  const json = readFixture('derived/callbacks.jsonl').split('\n')[0] ?? '';
  const line = (log: string) => JSON.stringify({ log, stream: 'stdout', time: '2026-12-02T10:00:01Z' });
  await pasteOnPage(page, `${line(`INFO callback: ${json}\n`)}\n${line('INFO server started\n')}`);
  await expectCount(page, 2);
  await documentItems(page).first().click();
  const warning = page.locator('[data-panel="diagnostics"] li[data-code="wrapped-callback"]');
  await expect(warning).toContainText('A callback is inside this record');
  await expect(warning).toContainText('log');
  // The record without one says nothing of the kind.
  await documentItems(page).nth(1).click();
  await expect(page.locator('li[data-code="wrapped-callback"]')).toHaveCount(0);
  await documentItems(page).first().click();
  await warning.getByTestId('load-wrapped').click();
  await expectCount(page, 3);
  const loaded = itemNamed(page, 'The callback in log');
  await expect(loaded).toHaveAttribute('data-state', 'Success');
});

test('a whole Docker log is unwrapped in one click, a callback printed over many records whole', async ({
  page,
}) => {
  const json = readFixture('derived/callbacks.jsonl').split('\n')[0] ?? '';
  const pretty = JSON.stringify(JSON.parse(json), null, 2).split('\n');
  const line = (log: string) => JSON.stringify({ log, stream: 'stdout', time: '2026-12-02T10:00:01Z' });
  const records = [
    line('INFO server started\n'),
    line(`INFO callback: ${json}\n`),
    line('INFO callback:\n'),
    ...pretty.map((l) => line(`${l}\n`)),
  ];
  await pasteOnPage(page, records.join('\n'));
  await expectCount(page, records.length);
  // A record holding a line of the pretty-printed callback: part of one, so only the whole text is offered.
  await documentItems(page)
    .nth(3 + pretty.findIndex((l) => /"EventName"\s*:/.test(l)))
    .click();
  const part = page.locator('[data-panel="diagnostics"] li[data-code="wrapped-callback-part"]');
  await expect(part).toContainText('Part of a callback is inside this record');
  await expect(part.getByTestId('unwrap-all')).toBeVisible();
  await expect(part.getByTestId('load-wrapped')).toHaveCount(0);
  // Any other record of the log says it is one, with the same button.
  await documentItems(page).nth(0).click();
  const record = page.locator('[data-panel="diagnostics"] li[data-code="docker-record"]');
  await expect(record).toContainText('A record of a Docker log');
  await expect(record.getByTestId('unwrap-all')).toBeVisible();
  await documentItems(page).nth(1).click();
  await page.locator('li[data-code="wrapped-callback"]').getByTestId('unwrap-all').click();
  await expectCount(page, records.length + 2);
  for (const k of [1, 2])
    await expect(itemNamed(page, `Pasted #1 (unwrapped) · ${k}/2`)).toHaveAttribute('data-state', 'Success');
});

test('a payload pasted still base64-encoded is said so, and loads decoded in one click', async ({ page }) => {
  await pasteOnPage(page, Buffer.from(CASE2, 'utf8').toString('base64'));
  await expectCount(page, 1);
  await expect(documentItems(page).first()).toHaveAttribute('data-state', 'Invalid');
  const hint = page.locator('[data-panel="diagnostics"] li[data-code="encoded-input"]');
  await expect(hint).toContainText('The text looks encoded; decoded, it holds a payload: base64');
  // Its one line was skipped, which the document's own error says already.
  await expect(page.getByTestId('input-diagnostics')).toHaveCount(0);
  await expect(page.locator('.notice')).toHaveCount(0);
  await hint.getByTestId('load-decoded').click();
  await expectCount(page, 2);
  await expect(itemNamed(page, 'Decoded (base64)')).toHaveAttribute('data-state', 'Success');
  // The focus goes to what was loaded (the button is gone with the panels it was in).
  await expect(page.locator('#detail-title')).toBeFocused();
  await expect(page.locator('#detail-title')).toHaveText('Decoded (base64)');
  await itemNamed(page, 'Decoded (base64)').click();
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
  // Typed into the draft box, the same text is offered the same way.
  await page.getByTestId('payload-input').fill(Buffer.from(CASE2, 'utf8').toString('base64'));
  await expectCount(page, 3);
  await itemNamed(page, 'Draft').click();
  await page.locator('li[data-code="encoded-input"]').getByTestId('load-decoded').click();
  await expectCount(page, 4);
});

test('a large log file read in chunks says how many of its lines held no callback', async ({ page }) => {
  const json = readFixture('derived/callbacks.jsonl').split('\n')[0] ?? '';
  const lines: string[] = [];
  // Over 512 KiB, so the worker reads the file in chunks: 2,000 callbacks, each followed by a line without one.
  for (let i = 0; i < 2000; i++)
    lines.push(`2026-12-02 10:00:00 INFO got ${json}`, `2026-12-02 10:00:00 DEBUG ok ${i}`);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'receiver.log', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('document-count')).toHaveText('2000', { timeout: 60_000 });
  await expect(page.locator('.notice')).toContainText(
    'receiver.log: 2,000 lines held no callback and were skipped (the first is line 2).'.replace(
      '2,000',
      '2000',
    ),
  );
  await documentItems(page).nth(5).click();
  await expect(
    page
      .locator('[data-panel="diagnostics"]')
      .getByTestId('input-diagnostics')
      .locator('[data-code="skipped-lines"]'),
  ).toContainText('2000 lines held no callback and were skipped');
});

test('a log that prints each callback pretty-printed after its prefix lists every callback whole', async ({
  page,
}) => {
  const [first, second] = readFixture('derived/callbacks.jsonl')
    .split('\n')
    .map((line) => JSON.stringify(JSON.parse(line || '{}') as unknown, null, 2));
  await pasteOnPage(
    page,
    [
      '2026-11-30 12:00:00,001 INFO receiver started',
      `2026-11-30 12:00:01,002 INFO callback: ${first}`,
      `2026-11-30 12:00:02,003 INFO callback: ${second}`,
      '2026-11-30 12:00:03,004 INFO done',
    ].join('\n'),
  );
  await expectCount(page, 2);
  for (let k = 0; k < 2; k++)
    await expect(documentItems(page).nth(k)).toHaveAttribute('data-state', 'Success');
  await documentItems(page).nth(1).click();
  await expect(page.locator('[data-panel="summary"]')).toContainText('ac34be3aa0bf411ed9ce39d7cc972e427');
});

test('a Java log with a stack trace and a callback cut short lists every callback, the cut one as unreadable', async ({
  page,
}) => {
  const [first, second, third] = readFixture('derived/callbacks.jsonl').split('\n') as [
    string,
    string,
    string,
  ];
  const pretty = JSON.stringify(JSON.parse(second) as unknown, null, 2);
  await pasteOnPage(
    page,
    [
      `2026-11-30 12:00:01.123 [http-nio-8080-exec-1] INFO  c.e.CallbackController - body: ${first} status=200`,
      '2026-11-30 12:00:01.500 [http-nio-8080-exec-1] ERROR c.e.CallbackController - failed to store',
      'java.lang.IllegalStateException: duplicate key',
      '\tat com.example.Store.<init>(Store.java:10)',
      'Caused by: java.sql.SQLException: [23505] <unique violation>',
      `2026-11-30 12:00:02.456 [http-nio-8080-exec-2] INFO  c.e.CallbackController - body: ${pretty.split('\n').slice(0, 6).join('\n')}`,
      `2026-11-30 12:00:03.789 [http-nio-8080-exec-3] INFO  c.e.CallbackController - body: ${third}`,
    ].join('\n'),
  );
  await expectCount(page, 3);
  await expect(documentItems(page).nth(0)).toHaveAttribute('data-state', 'Success');
  await expect(documentItems(page).nth(1)).toHaveAttribute('data-state', 'Invalid');
  await expect(documentItems(page).nth(2)).toHaveAttribute('data-state', 'Success');
  await documentItems(page).nth(2).click();
  await expect(page.locator('[data-panel="summary"]')).toContainText('j7b0dfbe2f86b11ec995acf5cffaf6664');
});

test('a log whose first callback line is cut short shows that line as unreadable and lists the others', async ({
  page,
}) => {
  const line = readFixture('derived/callbacks.jsonl').split('\n')[0] as string;
  await pasteOnPage(page, [line.slice(0, 120), line, line].join('\n'));
  await expectCount(page, 3);
  await expect(documentItems(page).nth(0)).toHaveAttribute('data-state', 'Invalid');
  await expect(documentItems(page).nth(1)).toHaveAttribute('data-state', 'Success');
  await expect(documentItems(page).nth(2)).toHaveAttribute('data-state', 'Success');
});

test('a paste inside an editable field is left to the field', async ({ page }) => {
  await pasteOnPage(page, CASE2, '[data-testid="payload-input"]');
  await page.waitForTimeout(400);
  await expectCount(page, 0);
  // Outside the field, the same paste loads.
  await pasteOnPage(page, CASE2, 'h1');
  await expectCount(page, 1);
});

test('the draft is re-parsed as a whole: its documents replace the previous ones', async ({ page }) => {
  const input = page.getByTestId('payload-input');
  await input.fill(CASE2);
  await expectCount(page, 1);
  await expect(itemNamed(page, 'Draft')).toContainText(CASE2_JOB_ID);
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);

  await input.fill(readFixture('docs/sdrtohdr_callback_workflow.xml'));
  await expect(itemNamed(page, 'Draft')).toContainText(SDR_JOB_ID);
  await expectCount(page, 1);

  // Typing key by key never adds a document per keystroke.
  await input.fill('');
  await expectCount(page, 0);
  await input.pressSequentially(
    '{"Response":{"EventName":"TaskFinish","JobsDetail":{"JobId":"jtyped","State":"Success"}}}',
  );
  await expect(itemNamed(page, 'Draft')).toContainText('jtyped');
  await expectCount(page, 1);
});

test('the file picker loads several files, each named after its file', async ({ page }) => {
  const names = ['seed/case1-job-api.xml', 'derived/callbacks.jsonl', 'docs/workflowfinish_callback.xml'];
  await page.getByTestId('file-input').setInputFiles(names.map(fixturePath));
  await expectCount(page, 5);
  await expect(itemNamed(page, 'case1-job-api.xml')).toHaveCount(1);
  await expect(itemNamed(page, 'callbacks.jsonl')).toHaveCount(3);
  await expect(itemNamed(page, 'callbacks.jsonl · 2/3')).toContainText('ac34be3aa0bf411ed9ce39d7cc972e427');
  await expect(itemNamed(page, 'workflowfinish_callback.xml')).toContainText(
    'i166ee19017b011eda8a5525400c540df',
  );
  // The picker has an accessible name and is reached like a button.
  await expect(page.getByLabel('Open files…')).toHaveAttribute('type', 'file');
});

test('a gzip-compressed log is read as the text it holds, small or large; a damaged one is said so', async ({
  page,
}) => {
  const jsonl = readFixture('derived/callbacks.jsonl');
  const big = Array.from({ length: 3000 }, (_, i) => `INFO ${i} ${jsonl.split('\n')[0]}`).join('\n');
  expect(big.length).toBeGreaterThan(512 * 1024);
  await page.getByTestId('file-input').setInputFiles([
    { name: 'callbacks.jsonl.gz', mimeType: 'application/gzip', buffer: gzipSync(jsonl) },
    { name: 'app.log.1.gz', mimeType: 'application/gzip', buffer: gzipSync(big) },
    { name: 'cut.gz', mimeType: 'application/gzip', buffer: gzipSync(jsonl).subarray(0, 30) },
  ]);
  await expect(page.getByTestId('document-count')).toHaveText('3003', { timeout: 60_000 });
  await expect(itemNamed(page, 'callbacks.jsonl.gz · 1/3')).toHaveAttribute('data-state', 'Success');
  await expect(itemNamed(page, 'app.log.1.gz · 1/3000')).toHaveAttribute('data-state', 'Success');
  await expect(page.locator('.notice-error')).toContainText(
    'cut.gz is gzip-compressed but could not be inflated (cut short or damaged).',
  );
});

test('dropping files on the page shows the drop overlay and loads each file', async ({ page }) => {
  const files = [
    { name: 'first.xml', content: CASE2, type: 'application/xml' },
    {
      name: 'second.json',
      content: readFixture('docs/workflowfinish_callback.json'),
      type: 'application/json',
    },
  ];
  await dropFiles(page, files, { drop: false });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await dropFiles(page, files);
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expectCount(page, 2);
  await expect(itemNamed(page, 'first.xml')).toHaveAttribute('data-state', 'Success');
  await expect(itemNamed(page, 'second.json')).toContainText('RunId');
});

test('a file over the 2 GiB cap is refused before it is read; one of 1.5 GiB is accepted', async ({
  page,
}) => {
  await page.evaluate(() => {
    // Files that report a size they do not have (a test cannot make gigabytes): the page checks the size before
    // it reads anything; the worker reads what is really there.
    const size = Object.getOwnPropertyDescriptor(Blob.prototype, 'size')?.get;
    const fake: Record<string, number> = { 'huge.log': 2 * 1024 ** 3 + 1, 'big.log': 1.5 * 1024 ** 3 };
    Object.defineProperty(Blob.prototype, 'size', {
      configurable: true,
      get(this: Blob) {
        const name = this instanceof File ? this.name : '';
        return fake[name] ?? size?.call(this);
      },
    });
    const callback = (id: string) =>
      `<Response><JobsDetail><JobId>${id}</JobId><State>Success</State></JobsDetail></Response>`;
    const data = new DataTransfer();
    data.items.add(new File([callback('jhuge')], 'huge.log'));
    data.items.add(new File([callback('jbig')], 'big.log'));
    data.items.add(new File([callback('jsmall')], 'small.xml'));
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByText(/huge\.log is too large/)).toBeVisible();
  await expectCount(page, 2);
  await expect(itemNamed(page, 'small.xml')).toContainText('jsmall');
  await expect(itemNamed(page, 'big.log')).toContainText('jbig');
  await expect(itemNamed(page, 'huge.log')).toHaveCount(0);
});

test('the samples load on demand, the first is seed case 2', async ({ page }) => {
  // A sample's text is a chunk named after its fixture file (`case2-workflow-<hash>.js`); the app's own chunks
  // may have alike names (`to-callback-model-<hash>.js`), so the names are matched whole.
  const fixtureChunks = new Set(fixtureNames().map((name) => fileNameOf(name).replace(/\.[^.]+$/, '')));
  const fixtureRequests: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (fixtureChunks.has(file.replace(/-[\w-]{8}\.js$/, '')) || r.url().includes('fixtures'))
      fixtureRequests.push(r.url());
  });
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText('0');
  expect(fixtureRequests).toEqual([]);

  await page.getByRole('button', { name: 'Samples' }).click();
  const items = page.getByRole('menu', { name: 'Samples' }).getByRole('menuitem');
  await expect(items.first()).toHaveText('Image processed by a workflow (XML)');
  await items.filter({ hasText: 'WorkflowFinish (XML)' }).click();
  await expect(page.locator('.samples-popover')).toBeHidden();
  await expectCount(page, 1);
  await expect(itemNamed(page, 'WorkflowFinish (XML)')).toContainText('i166ee19017b011eda8a5525400c540df');
  expect(fixtureRequests.length).toBeGreaterThan(0);

  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 2);
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
});

test('the empty list offers an example in one click', async ({ page }) => {
  await page.getByRole('button', { name: /Show an example/ }).click();
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
});

test('a malformed payload shows where the error is and leaves the other documents alone', async ({
  page,
}) => {
  await loadSample(page, 'Image processed by a workflow (XML)');
  await expectCount(page, 1);

  await pasteOnPage(page, MALFORMED);
  await expectCount(page, 2);
  // One error, one place: in full (message, line and column, the line with a caret) in Diagnostics only; the
  // list row and the summary say where, and the summary links to it.
  const error = page.getByTestId('parse-error');
  await expect(error).toHaveCount(1);
  await expect(error).toBeVisible();
  await expect(page.locator('[data-panel="diagnostics"]').getByTestId('parse-error')).toHaveCount(1);
  await expect(error).toContainText('closing tag does not match');
  await expect(error).toContainText('Line 3, column 15');
  await expect(error.locator('pre')).toContainText('<JobId>abc</JobIdx>');
  await expect(page.getByText('closing tag does not match')).toHaveCount(1);
  await expect(itemNamed(page, 'Pasted #1')).toHaveAttribute('data-state', 'Invalid');
  await expect(itemNamed(page, 'Pasted #1')).toContainText('Could not be read (line 3, column 15)');
  const summary = page.locator('[data-panel="summary"]');
  await expect(summary).toContainText('The payload could not be read: line 3, column 15.');
  await summary.getByRole('button', { name: 'Show the error' }).click();
  await expect(error).toBeFocused();
  // The raw panel is at the error's line, marked.
  await expect(page.locator('[data-panel="raw"] [data-selected-line]')).toHaveAttribute(
    'data-selected-line',
    '3',
  );
  await expect(page.locator('[data-panel="raw"] .raw-line-selected')).toContainText('<JobId>abc</JobIdx>');
  // The earlier document is still there and still readable.
  const first = itemNamed(page, 'Image processed by a workflow (XML)');
  await expect(first).toHaveAttribute('data-state', 'Success');
  await first.click();
  await expect(page.getByTestId('parse-error')).toHaveCount(0);
  await expect(page.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);

  // The caret sits right under the column: the text before it is the line's first 14 characters.
  await itemNamed(page, 'Pasted #1').click();
  const caretLine = await page.locator('.parse-error-pad').textContent();
  expect(caretLine).toBe('    <JobId>abc');
});

test('a draft that fails shows its error under the draft', async ({ page }) => {
  await page.getByTestId('payload-input').fill('{"Response": {\n  "JobsDetail": [ { "JobId": "x" }\n}');
  const error = page.getByTestId('parse-error');
  await expect(error).toContainText('Line 3, column 1');
  // Shown in full under the draft only: Diagnostics lists it without the excerpt.
  await expect(error).toHaveCount(1);
  await expect(page.locator('.draft').getByTestId('parse-error')).toHaveCount(1);
  await expect(itemNamed(page, 'Draft')).toHaveAttribute('data-state', 'Invalid');
  await page.getByTestId('payload-input').fill(CASE2);
  await expect(page.getByTestId('parse-error')).toHaveCount(0);
  await expect(itemNamed(page, 'Draft')).toHaveAttribute('data-state', 'Success');
});

test('every fixture loads and shows its JobId or RunId and its State', async ({ page }) => {
  const expected = expectedRows();
  const names = fixtureNames();
  await page.getByTestId('file-input').setInputFiles(names.map(fixturePath));
  const total = names.reduce((sum, n) => sum + (expected[n]?.length ?? 1), 0);
  await expectCount(page, total);

  const filter = page.getByRole('searchbox', { name: 'Filter' });
  for (const name of names) {
    const rows = expected[name];
    expect(rows, `${name} in expected.json`).toBeDefined();
    await filter.fill(fileNameOf(name));
    const items = documentItems(page);
    await expect(items, name).toHaveCount(rows?.length ?? 0);
    for (const [i, row] of (rows ?? []).entries()) {
      await expect(items.nth(i), name).toContainText(row.id);
      await expect(items.nth(i), name).toHaveAttribute('data-state', row.state);
    }
  }
});
