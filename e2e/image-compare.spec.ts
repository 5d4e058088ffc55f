import { expect as baseExpect, test, type Page } from '@playwright/test';
import { openApp, readFixture } from './helpers';

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
