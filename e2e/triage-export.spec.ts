/**
 * The triage exports end to end (issue 15): the filtered list as CSV (a UTF-8 byte-order mark, CRLF, formulas
 * neutralised, ISO 8601 times with the offset by the Times setting) and the overview as JSON, each downloaded as a
 * file and copied.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pasteOnPage, readFixture } from './helpers';

/** The failed PicProcess job with a hostile Message, a Chinese key and its own JobId. */
const HOSTILE_JOB = 'c0000000000000000000000000000e15';
const HOSTILE = readFixture('derived/picprocess_failed_job.xml')
  .replace('c93984788066911ed89ed352d4d9d2084', HOSTILE_JOB)
  .replace('The input image format is not supported', '=HYPERLINK("http://x.invalid","点我")')
  .replace('<Object>input/deer.jpg</Object>', '<Object>输入/鹿.jpg</Object>')
  .replace('This is my PicProcess job.', '@SUM(1+1)');

async function loadTwo(page: Page): Promise<void> {
  await openApp(page);
  await pasteOnPage(page, readFixture('seed/case1-job-api.xml'));
  await expect(page.getByTestId('document-count')).toHaveText('1');
  await pasteOnPage(page, HOSTILE);
  await expect(page.getByTestId('document-count')).toHaveText('2');
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

test('the filtered list downloads and copies as CSV: BOM, formulas neutralised, ISO times in the chosen zone', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadTwo(page);
  await page.getByTestId('list-filter').fill(HOSTILE_JOB);
  await expect(page.getByTestId('shown-count')).toHaveText('1');
  await page.getByTestId('view-overview').click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ci-callbacks-\d{8}-\d{4}\.csv$/);
  const bytes = readFileSync(await download.path());
  // UTF-8 with a byte-order mark, so a spreadsheet reads the Chinese key.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = parseCsv(text);
  const [header, ...data] = rows;
  // The filtered list: one callback, not two.
  expect(data).toHaveLength(1);
  const cell = (name: string) => data[0]?.[header?.indexOf(name) ?? -1];
  expect(cell('JobId')).toBe(HOSTILE_JOB);
  expect(cell('State')).toBe('Failed');
  expect(cell('Code')).toBe('InvalidInput');
  expect(cell('Message')).toBe(`'=HYPERLINK("http://x.invalid","点我")`);
  expect(cell('UserData')).toBe(`'@SUM(1+1)`);
  expect(cell('Object')).toBe('输入/鹿.jpg');
  expect(cell('CreationTime')).toBe('2022-07-18T15:16:43+08:00');
  expect(cell('EndTime')).toBe('2022-07-18T15:16:44+08:00');
  expect(cell('RunTimeSeconds')).toBe('0');

  // Copied: the same rows, without the byte-order mark.
  await page.getByTestId('export-csv-copy').click();
  await expect(page.getByTestId('overview-export').getByRole('status')).toHaveText('Copied');
  expect(await clipboard(page)).toBe(text);

  // The Times setting applies to the export: UTC.
  await page.getByTestId('time-zone-switch').selectOption('utc');
  await page.getByTestId('export-csv-copy').click();
  const utc = parseCsv(await clipboard(page));
  expect(utc[1]?.[utc[0]?.indexOf('CreationTime') ?? -1]).toBe('2022-07-18T07:16:43+00:00');
});

test('the overview downloads and copies as JSON with its counts and ISO times', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadTwo(page);
  await page.getByTestId('view-overview').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-overview-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ci-overview-\d{8}-\d{4}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  const json = JSON.parse(text) as {
    callbacks: number;
    jobs: number;
    callbacksByState: Record<string, number>;
    failuresByCode: { code: string; callbacks: number; jobs: number; sampleMessage: string; last: string }[];
    failedJobs: { jobId: string; endTime: string }[];
  };
  expect(json.callbacks).toBe(2);
  expect(json.jobs).toBe(2);
  expect(json.callbacksByState).toEqual({ Success: 1, Failed: 1 });
  expect(json.failuresByCode).toHaveLength(1);
  expect(json.failuresByCode[0]).toMatchObject({
    code: 'InvalidInput',
    callbacks: 1,
    jobs: 1,
    sampleMessage: '=HYPERLINK("http://x.invalid","点我")',
    last: '2022-07-18T15:16:44+08:00',
  });
  expect(json.failedJobs.map((j) => [j.jobId, j.endTime])).toEqual([
    [HOSTILE_JOB, '2022-07-18T15:16:44+08:00'],
  ]);
  await page.getByTestId('export-overview-copy').click();
  await expect(page.getByTestId('overview-export').getByRole('status')).toHaveText('Copied');
  expect(JSON.parse(await clipboard(page))).toEqual(json);
});
