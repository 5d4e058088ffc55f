import { expect as baseExpect, test, type Page } from '@playwright/test';
import { documentItems, expectCount, openApp, pasteOnPage, readFixture } from './helpers';

/** The machine running the suite may be busy: allow a slow first parse and a lazily loaded chunk. */
const expect = baseExpect.configure({ timeout: 10_000 });

const THREE = readFixture('derived/picprocess_shape_b_three_outputs.xml');

async function showDraft(page: Page, text: string): Promise<void> {
  await page.getByTestId('payload-input').fill(text);
  await expect(page.locator('[data-panel="raw"]')).toBeVisible();
}

/**
 * Every element of the panel that sticks out of it, other than the content of a region marked as scrolling
 * sideways (`data-scroll-x`, which must itself stay inside), by bounding boxes.
 */
async function outsidePanel(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const out: string[] = [];
    for (const el of panel.querySelectorAll('*')) {
      const scroller = el.parentElement?.closest('[data-scroll-x]');
      if (scroller && panel.contains(scroller)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.classList.contains('visually-hidden')) continue;
      if (
        r.left < box.left - 0.5 ||
        r.right > box.right + 0.5 ||
        r.top < box.top - 0.5 ||
        r.bottom > box.bottom + 0.5
      )
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return out;
  });
}

for (const [name, width] of [
  ['wide', 1366],
  ['phone', 390],
] as const) {
  test(`a three-output job at ${width} px: nothing outside the image panel, no sideways page scroll`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    await showDraft(page, THREE);
    const image = page.locator('section[data-panel="image"]');
    await expect(image.locator('thead th')).toHaveCount(4);
    await expect(image.locator('.pn-box')).toHaveCount(4);
    expect(await outsidePanel(page, 'section[data-panel="image"]')).toEqual([]);
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Each box is drawn, even the smallest beside a 4000 × 3000 original (no dot).
    for (const b of await image.locator('.pn-box').all()) {
      const r = await b.boundingBox();
      expect(Math.min(r?.width ?? 0, r?.height ?? 0)).toBeGreaterThanOrEqual(8);
    }
    const region = image.locator('[data-scroll-x]');
    if (name === 'phone') {
      // Too wide for a phone: the table scrolls sideways inside its marked region, and says so.
      await expect(region).toHaveAttribute('data-overflowing', 'true');
      await expect(image.locator('.im-scroll-hint')).toBeVisible();
    } else {
      await expect(region).toHaveAttribute('data-overflowing', 'false');
    }
    // The figures per output against the original.
    const row = (id: string) => image.locator(`tr[data-row="${id}"] td`);
    await expect(row('dims').nth(1)).toContainText('×0.25');
    await expect(row('dims').nth(2)).toContainText('×0.1');
    await expect(row('quality').nth(1)).toContainText('not comparable');
    await expect(row('quality').nth(2)).toContainText('75 (−15)');
    await expect(row('size').nth(0)).toContainText('from the Content-Length COS header');
    await expect(row('size').nth(1)).toContainText('3.13% of the original');
    await expect(row('etag').nth(3)).toContainText('same as the original');
    await expect(row('exif').nth(0)).toContainText('6');
  });
}

const CASE2 = readFixture('seed/case2-workflow.xml');

async function pasteAll(page: Page, texts: readonly string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    await pasteOnPage(page, text);
    await expectCount(page, i + 1);
  }
}

test('two wire shapes and formats of one result compare as the same result; the raw model paths stay a detail', async ({
  page,
}) => {
  await openApp(page);
  await pasteAll(page, [CASE2, readFixture('derived/picprocess_case2_shape_b.json')]);
  await documentItems(page).nth(0).click();
  await page.getByTestId('compare-select').selectOption({ index: 1 });
  const result = page.getByTestId('compare-result');
  await expect(result).toHaveAttribute('data-equal', 'true');
  await expect(result).toHaveAttribute('data-differences', '0');
  await expect(result.getByRole('status')).toHaveText('Same result');
  const raw = result.locator('details.compare-raw');
  await raw.locator('summary').click();
  await expect(raw.locator('tr[data-path]').first()).toBeVisible();
});

/** A re-run of case 2 with another quality: a new size and a later end. */
const RERUN = CASE2.replace(
  '<Quality>68</Quality>\n                    <Size>24911</Size>',
  '<Quality>80</Quality>\n                    <Size>30000</Size>',
).replace('<EndTime>2022-07-18T15:16:44+0800</EndTime>', '<EndTime>2022-07-18T15:16:46+0800</EndTime>');

for (const lang of ['en', 'zh'] as const) {
  test(`a re-run with another quality shows exactly its differences, in words (${lang})`, async ({
    page,
  }) => {
    await openApp(page, lang);
    await pasteAll(page, [CASE2, RERUN]);
    await documentItems(page).nth(0).click();
    await page.getByTestId('compare-select').selectOption({ index: 1 });
    const result = page.getByTestId('compare-result');
    await expect(result).toHaveAttribute('data-equal', 'false');
    await expect(result).toHaveAttribute('data-differences', '3');
    const counted = result.locator('tr[data-counts="true"]');
    await expect(counted).toHaveCount(3);
    expect(await counted.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual([
      'job1.endTime',
      'job1.image.out1.quality',
      'job1.image.out1.size',
    ]);
    await expect(result.getByRole('status')).toHaveText(
      lang === 'en'
        ? '3 differences: End time, Output 1 · Quality, Output 1 · Size'
        : '3 处不同：结束时间、输出 1 · 质量、输出 1 · 文件大小',
    );
    // Labels are words; the wire name is on hover.
    await expect(counted.nth(1).locator('th')).toHaveAttribute('title', 'Quality');
  });
}

test('up to six image callbacks side by side, the original once', async ({ page }) => {
  await openApp(page);
  await pasteAll(page, [CASE2, readFixture('derived/picprocess_case2_shape_b.xml'), THREE]);
  await documentItems(page).nth(0).click();
  const section = page.getByTestId('image-compare-set-section');
  await section.locator('summary').click();
  const set = page.getByTestId('image-compare-set');
  // This callback's one output beside the original.
  await expect(set.locator('thead th')).toHaveCount(2);
  const picks = section.getByTestId('image-compare-pick');
  await expect(picks).toHaveCount(2);
  await picks.nth(0).check();
  await picks.nth(1).check();
  // The original once, then 1 + 1 + 3 outputs.
  await expect(set).toHaveAttribute('data-callbacks', '3');
  await expect(set.locator('thead th')).toHaveCount(6);
  await expect(set.locator('thead th').nth(0)).toHaveText('Original');
  await expect(set.locator('thead th').nth(3)).toContainText('another original');
  await expect(set.locator('[data-scroll-x]')).toBeVisible();
});
