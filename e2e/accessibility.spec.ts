import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { documentItems, expectCount, openApp, pasteOnPage, readFixture } from './helpers';

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

/** Every violation of any impact (WCAG A/AA and axe's best practices) on the whole page, as readable lines. */
async function allViolations(page: Page, view: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${view}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The panels of a loaded callback, each with a payload that shows it. */
const PANEL_PAYLOADS: readonly Payload[] = [
  EVERY_PANEL[0] as Payload,
  EVERY_PANEL[1] as Payload,
  {
    name: 'a moderation callback',
    text: readFixture('derived/moderation_video_detail_suspicious.json'),
    panels: ['moderation'],
  },
  EVERY_PANEL[4] as Payload,
];

for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every view has no accessibility violation of any impact (${lang}, ${theme})`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme: theme });
      await openApp(page, lang);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const found: string[] = [];
      found.push(...(await allViolations(page, 'empty page')));

      for (const [i, payload] of PANEL_PAYLOADS.entries()) {
        await pasteOnPage(page, payload.text);
        await expectCount(page, i + 1);
        for (const name of payload.panels)
          await expect(page.locator(`section[data-panel="${name}"]`)).toBeVisible();
        await expect(page.locator('section[data-panel="raw"] [data-highlighted]')).toBeVisible();
        found.push(...(await allViolations(page, `list and panels of ${payload.name}`)));
      }
      // The raw panel's source tree.
      await documentItems(page).nth(0).click();
      const raw = page.locator('section[data-panel="raw"]');
      await expect(raw.locator('[data-highlighted]')).toBeVisible();
      // The previous callback's panels stay until the new ones are rendered (a deferred render): a click that lands
      // on them is lost with them, so it is made again until the tree shows.
      await expect(async () => {
        await raw.locator('.pn-segmented button').nth(1).click();
        await expect(raw.getByRole('tree')).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      found.push(...(await allViolations(page, 'source tree')));
      // Compare with another callback.
      await page.getByTestId('compare-select').selectOption({ index: 1 });
      await expect(page.getByTestId('compare-result')).toBeVisible();
      found.push(...(await allViolations(page, 'compare')));
      // The export menu, then the share dialog.
      await page.getByTestId('export-menu').click();
      await expect(page.getByTestId('export-curl')).toBeVisible();
      found.push(...(await allViolations(page, 'export menu')));
      await page.keyboard.press('Escape');
      await page.getByTestId('share-button').click();
      await expect(page.getByTestId('share-link')).toBeFocused();
      found.push(...(await allViolations(page, 'share dialog')));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      // The overview and the combined timeline.
      await page.getByTestId('view-overview').click();
      await expect(page.getByTestId('overview')).toBeVisible();
      found.push(...(await allViolations(page, 'overview')));
      await page.getByTestId('view-timeline').click();
      await expect(page.getByTestId('combined-timeline-canvas')).toBeVisible();
      found.push(...(await allViolations(page, 'combined timeline')));

      expect(found).toEqual([]);
    });
  }
}

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

test('reduced motion: nothing transitions or animates, and the app’s scrolls land at once', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  for (const [i, payload] of [EVERY_PANEL[0], EVERY_PANEL[1]].entries()) {
    await pasteOnPage(page, (payload as Payload).text);
    await expectCount(page, i + 1);
  }
  await expect(page.locator('section[data-panel="raw"] [data-highlighted]')).toBeVisible();

  // Every rule of the app's style sheets that moves something (outside the reduced-motion rule itself), applied to
  // the elements it matches, or to a new element of its class (the load progress bar exists only while loading).
  const moving = await page.evaluate(() => {
    const found: { selector: string; transition: string; animation: string }[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSMediaRule) {
          if (!rule.conditionText.includes('prefers-reduced-motion')) walk(rule.cssRules);
        } else if (rule instanceof CSSStyleRule) {
          const moves = (d: string) => d.split(',').some((x) => parseFloat(x) > 0);
          const { transitionDuration, animationDuration, animationName } = rule.style;
          if (moves(transitionDuration) || (animationName && moves(animationDuration)))
            found.push({
              selector: rule.selectorText,
              transition: transitionDuration,
              animation: animationDuration,
            });
        }
      }
    };
    for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
    return found;
  });
  // The app has at least one moving thing (the load progress bar): otherwise this test checks nothing.
  expect(moving.map((m) => m.selector)).toContain('.load-progress-fill');
  const stillMoving = await page.evaluate(
    (selectors) => {
      const seconds = (d: string) =>
        Math.max(...d.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1)));
      const out: string[] = [];
      for (const selector of selectors) {
        let elements = Array.from(document.querySelectorAll<HTMLElement>(selector));
        const made = elements.length === 0 && /^\.[\w-]+$/.test(selector);
        if (made) {
          const el = document.createElement('div');
          el.className = selector.slice(1);
          document.body.append(el);
          elements = [el];
        }
        for (const el of elements) {
          const style = getComputedStyle(el);
          if (seconds(style.transitionDuration) > 0.01 || seconds(style.animationDuration) > 0.01)
            out.push(`${selector}: ${style.transitionDuration} / ${style.animationDuration}`);
        }
        if (made) elements[0]?.remove();
      }
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
        const style = getComputedStyle(el);
        if (seconds(style.transitionDuration) > 0.01 || seconds(style.animationDuration) > 0.01)
          out.push(`${el.tagName}.${el.className}: ${style.transitionDuration} / ${style.animationDuration}`);
        if (style.scrollBehavior !== 'auto')
          out.push(`${el.tagName}.${el.className}: scroll-behavior ${style.scrollBehavior}`);
      }
      return out;
    },
    moving.map((m) => m.selector),
  );
  expect(stillMoving).toEqual([]);

  // The app's own scrolls: on a phone, choosing a row brings its detail into view in one step (a smooth scroll
  // would pass through positions in between).
  const row = documentItems(page).nth(0);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await expect(row).toBeInViewport();
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { seenScrolls: number[] }).seenScrolls = seen;
    window.addEventListener('scroll', () => seen.push(Math.round(window.scrollY)));
  });
  await row.click();
  await expect(page.locator('section[data-panel="summary"]')).toBeInViewport();
  await page.waitForTimeout(600);
  const scrolls = await page.evaluate(() => (window as unknown as { seenScrolls: number[] }).seenScrolls);
  expect(scrolls.length).toBeGreaterThan(0);
  expect(new Set(scrolls).size, scrolls.join(' ')).toBe(1);
});

/** Elements whose right edge passes the viewport's, outside any region that scrolls sideways by design. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.closest('[data-scroll-x]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      // Inside a box that clips or scrolls it, and that box itself fits.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1) {
          clipped = true;
          break;
        }
      }
      if (!clipped)
        out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(rect.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
}

for (const width of [640, 320]) {
  test(`reflow at ${width} px: the page does not scroll sideways`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: width === 640 ? 400 : 512 });
    const payloads = [EVERY_PANEL[0], EVERY_PANEL[1], PANEL_PAYLOADS[2]] as Payload[];
    const showsPanels = async (payload: Payload) => {
      for (const name of payload.panels)
        await expect(page.locator(`section[data-panel="${name}"]`)).toBeVisible();
      await expect(page.locator('section[data-panel="raw"] [data-highlighted]')).toBeVisible();
    };
    await openApp(page, 'en');
    for (const [i, payload] of payloads.entries()) {
      await pasteOnPage(page, payload.text);
      await expectCount(page, i + 1);
      await showsPanels(payload);
      expect(await sidewaysOverflow(page), `en: ${payload.name}`).toEqual([]);
    }
    await page.getByTestId('view-overview').click();
    await expect(page.getByTestId('overview')).toBeVisible();
    expect(await sidewaysOverflow(page), 'en: overview').toEqual([]);
    // The same callbacks (kept by the session) in Chinese, whose words break differently.
    await openApp(page, 'zh');
    await expectCount(page, payloads.length);
    for (const [i, payload] of payloads.entries()) {
      await documentItems(page).nth(i).click();
      await showsPanels(payload);
      expect(await sidewaysOverflow(page), `zh: ${payload.name}`).toEqual([]);
    }
    await page.getByTestId('view-overview').click();
    await expect(page.getByTestId('overview')).toBeVisible();
    expect(await sidewaysOverflow(page), 'zh: overview').toEqual([]);
  });
}
