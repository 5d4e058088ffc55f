/**
 * The combined timeline on a generated log (issue 15): the wheel scrolls the rows (all of them reachable),
 * Ctrl + wheel zooms around the pointer, the axis is labelled by the app's time rule (round whole-second steps;
 * dates where the range spans days, in the Times setting's zone), hovering a row shows its job, a failed job that
 * took no time is still drawn as failed, and repeated JobIds get names of their own.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateCallbackLines, renderLine, triageTruth } from '../bench/generate-log';
import { documentItems, openApp, pasteOnPage, readFixture } from './helpers';

const lines = generateCallbackLines({ count: 300, seed: 15, redeliveries: true });
const log = lines.map(renderLine).join('\n') + '\n';
const truth = triageTruth(lines);
/** A failed PicProcess job whose StartTime equals its EndTime (2022-07-18 15:16:44 +08:00): zero run time. */
const FAILED = readFixture('derived/picprocess_failed_job.xml');
const FAILED_JOB = 'c93984788066911ed89ed352d4d9d2084';
const FAILED_END_MS = Date.parse('2022-07-18T07:16:44Z');
const AXIS = 22;
const ROW = 18;
const LABELS = 150;

async function load(page: Page): Promise<void> {
  await openApp(page);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'timeline.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  await expect(page.getByTestId('document-count')).toHaveText(String(truth.callbacks), { timeout: 60_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  await pasteOnPage(page, FAILED);
  await expect(page.getByTestId('document-count')).toHaveText(String(truth.callbacks + 1));
}

async function numberOf(canvas: Locator, name: string): Promise<number> {
  return Number(await canvas.getAttribute(name));
}

/** The view's time range, from the canvas's hooks. */
async function range(canvas: Locator): Promise<{ start: number; end: number }> {
  return { start: await numberOf(canvas, 'data-start-ms'), end: await numberOf(canvas, 'data-end-ms') };
}

/** Selects the first list row matching `text`, then opens the combined timeline (the selected row is in view). */
async function selectThenOpenTimeline(page: Page, text: string): Promise<Locator> {
  await page.getByTestId('list-filter').fill(text);
  await documentItems(page).first().click();
  await page.getByTestId('list-filter').fill('');
  await page.getByTestId('view-timeline').click();
  const canvas = page.getByTestId('combined-timeline-canvas');
  await expect(canvas).toBeVisible();
  await expect(canvas).not.toHaveAttribute('data-selected-row', '-1');
  return canvas;
}

test('the wheel scrolls every row into reach; Ctrl + wheel zooms around the pointer; the axis follows the Times setting', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await load(page);
  await page.getByTestId('view-timeline').click();
  const canvas = page.getByTestId('combined-timeline-canvas');
  const scroll = page.getByTestId('combined-timeline-scroll');
  // The pasted job is selected, and the timeline opens with it in view (the last rows); back to the first.
  await expect(canvas).not.toHaveAttribute('data-top', '0');
  await scroll.evaluate((el) => (el.scrollTop = 0));
  await expect(canvas).toHaveAttribute('data-top', '0');
  const rows = await numberOf(canvas, 'data-rows');
  expect(rows).toBeGreaterThan(300);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');

  // A plain wheel scrolls the rows, not the time range.
  const before = await range(canvas);
  await page.mouse.move(box.x + box.width / 2, box.y + 120);
  await page.mouse.wheel(0, 360);
  await expect.poll(() => numberOf(canvas, 'data-top')).toBeGreaterThanOrEqual(10);
  expect(await range(canvas)).toEqual(before);
  // The last row can be reached: the box scrolls to its end and the last row is in view.
  await scroll.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const visible = Math.floor((box.height - AXIS) / ROW);
  await expect.poll(() => numberOf(canvas, 'data-top')).toBe(rows - visible);
  await page.mouse.move(box.x + box.width / 2, box.y + AXIS + (visible - 1) * ROW + ROW / 2);
  await expect(page.getByTestId('combined-timeline-hover')).toHaveAttribute('data-row', String(rows - 1));

  // Ctrl + wheel zooms in around the pointer: the instant under it stays where it is.
  const pointerX = box.x + LABELS + (box.width - LABELS) * 0.3;
  await page.mouse.move(pointerX, box.y + 100);
  const wide = await range(canvas);
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect
    .poll(async () => (await range(canvas)).end - (await range(canvas)).start)
    .toBeLessThan((wide.end - wide.start) * 0.8);
  const narrow = await range(canvas);
  const under = (r: { start: number; end: number }) => r.start + (r.end - r.start) * 0.3;
  expect(Math.abs(under(narrow) - under(wide))).toBeLessThan((wide.end - wide.start) * 0.01);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);

  // The axis: in the set's own offset by default, round whole-second steps, no fractions of a second.
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  const axis = page.getByTestId('combined-timeline-axis');
  await expect(page.getByTestId('combined-timeline-zone')).toHaveText('Times in +08:00');
  const labels = await axis.locator('.timeline-tick').allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(3);
  for (const label of labels) expect(label).toMatch(/^(\d{4}-\d\d-\d\d )?\d\d:\d\d(:\d\d)?$/);
  expect(labels.join(' ')).not.toContain('.');
  expect(Number(await axis.getAttribute('data-step-ms')) % 1000).toBe(0);
  // The log runs from 2022-07-18 00:00 +08:00, one day there; in UTC it starts on the 17th and spans two days.
  await expect(axis).toHaveAttribute('data-spans-days', 'false');
  await page.getByTestId('time-zone-switch').selectOption('utc');
  await expect(page.getByTestId('combined-timeline-zone')).toHaveText('Times in UTC');
  await expect(axis).toHaveAttribute('data-spans-days', 'true');
  const dated = axis.locator('.timeline-tick[data-has-date="true"]');
  await expect(dated.first()).toHaveText(/^2022-07-17 \d\d:\d\d$/);
  await expect(dated.filter({ hasText: /^2022-07-18 / })).toHaveCount(1);
  // Zoomed far out, the steps become days and every label is a date.
  await page.getByTestId('time-zone-switch').selectOption('source');
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.keyboard.down('Control');
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await expect(axis).toHaveAttribute('data-spans-days', 'true');
  await expect(axis.locator('.timeline-tick').first()).toHaveText(/^2022-07-\d\d( \d\d:\d\d)?$/);
});

test('hovering a row shows its job; a failed job that took no time is drawn as failed; repeated JobIds are told apart', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await load(page);
  const canvas = await selectThenOpenTimeline(page, FAILED_JOB);
  // Zoom out a little so the last instant (the failed job's end) sits inside the plot.
  await canvas.focus();
  const whole = await range(canvas);
  await page.keyboard.press('-');
  await expect.poll(async () => (await range(canvas)).start).toBeLessThan(whole.start);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const row = await numberOf(canvas, 'data-selected-row');
  const top = await numberOf(canvas, 'data-top');
  const { start, end } = await range(canvas);
  const x = LABELS + ((FAILED_END_MS - start) / (end - start)) * (box.width - LABELS);
  const y = AXIS + (row - top) * ROW + ROW / 2;

  // The pixel at the job's end is the failed colour, though its run time is 0 s.
  const pixel = await canvas.evaluate(
    (el, { x, y }) => {
      const c = el as HTMLCanvasElement;
      const dpr = c.width / c.clientWidth;
      const data = c.getContext('2d')?.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
      const probe = document.createElement('canvas').getContext('2d');
      if (!data || !probe) return undefined;
      probe.fillStyle = getComputedStyle(c).getPropertyValue('--danger').trim();
      probe.fillRect(0, 0, 1, 1);
      const want = probe.getImageData(0, 0, 1, 1).data;
      return { got: [...data.slice(0, 3)], want: [...want.slice(0, 3)] };
    },
    { x, y },
  );
  expect(pixel).toBeDefined();
  for (let i = 0; i < 3; i++)
    expect(Math.abs((pixel?.got[i] ?? 0) - (pixel?.want[i] ?? 255))).toBeLessThan(8);

  // Hovering it describes the job: Tag, JobId, state, durations, and its times by the display rule.
  await page.mouse.move(box.x + x, box.y + y);
  const hover = page.getByTestId('combined-timeline-hover');
  await expect(hover).toHaveAttribute('data-row', String(row));
  await expect(hover).toContainText(`PicProcess · ${FAILED_JOB}`);
  await expect(hover).toContainText('Failed, queue 1 s, run 0 s');
  await expect(hover).toContainText(
    'Created 2022-07-18 15:16:43 +08:00 · started 2022-07-18 15:16:44 +08:00 · ended 2022-07-18 15:16:44 +08:00',
  );
  // Keyboard focus says the same in the live text.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('combined-timeline-focused')).not.toContainText(FAILED_JOB);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('combined-timeline-focused')).toHaveText(
    `PicProcess · ${FAILED_JOB}: Failed, queue 1 s, run 0 s`,
  );

  // A JobId delivered several times: each row has its own name.
  const repeated = truth.fiveTimes ?? '';
  expect(repeated).not.toBe('');
  await page.getByTestId('view-document').click();
  const again = await selectThenOpenTimeline(page, repeated);
  const againBox = await again.boundingBox();
  if (!againBox) throw new Error('no canvas');
  const againRow = await numberOf(again, 'data-selected-row');
  const againTop = await numberOf(again, 'data-top');
  await page.mouse.move(againBox.x + 400, againBox.y + AXIS + (againRow - againTop) * ROW + ROW / 2);
  await expect(hover).toContainText(new RegExp(`${repeated} ×([5-9]|\\d\\d) #1`));
});
