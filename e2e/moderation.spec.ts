import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectCount, fixturePath, itemNamed, openApp, pasteOnPage, readFixture } from './helpers';

/** The machine running the suite may be busy: allow a slow first parse and a lazily loaded chunk. */
const expect = baseExpect.configure({ timeout: 10_000 });

/**
 * Content moderation callbacks loaded as a person does (the file picker, a paste), read from the list (State,
 * verdict, problem, test request) and from the moderation panel (verdict first, scenes, segments), zh and en.
 */
const FILES = [
  'docs/moderation_image_simple_callback.json',
  'docs/moderation_image_simple_test_request.json',
  'docs/moderation_image_detail_callback.json',
  'derived/moderation_simple_sensitive.json',
  'derived/moderation_video_detail_suspicious.xml',
  'derived/moderation_video_detail_suspicious.json',
  'derived/moderation_simple_failed.json',
] as const;

/** What each file's list row carries: data-state, data-verdict, data-problem, the test-request badge. */
const ROWS: Readonly<
  Record<
    (typeof FILES)[number],
    { state: string; verdict: string | null; problem: string | null; testRequest: boolean }
  >
> = {
  'docs/moderation_image_simple_callback.json': {
    state: 'Success',
    verdict: 'normal',
    problem: null,
    testRequest: false,
  },
  'docs/moderation_image_simple_test_request.json': {
    state: 'Success',
    verdict: null,
    problem: null,
    testRequest: true,
  },
  'docs/moderation_image_detail_callback.json': {
    state: 'Success',
    verdict: 'normal',
    problem: null,
    testRequest: false,
  },
  'derived/moderation_simple_sensitive.json': {
    state: 'Success',
    verdict: 'sensitive',
    problem: 'moderation-sensitive',
    testRequest: false,
  },
  'derived/moderation_video_detail_suspicious.xml': {
    state: 'Success',
    verdict: 'suspicious',
    problem: 'moderation-suspicious',
    testRequest: false,
  },
  'derived/moderation_video_detail_suspicious.json': {
    state: 'Success',
    verdict: 'suspicious',
    problem: 'moderation-suspicious',
    testRequest: false,
  },
  'derived/moderation_simple_failed.json': {
    state: 'Failed',
    verdict: null,
    problem: null,
    testRequest: false,
  },
};

const TEXT = {
  en: {
    sensitive: 'Sensitive',
    suspicious: 'Suspicious',
    normal: 'Normal',
    testRequest: 'Test request',
    successButSensitive: 'Success, but flagged sensitive',
    successButSuspicious: 'Success, but flagged suspicious',
    blocked: 'Blocked: Yes (frozen)',
    notBlocked: 'Blocked: No',
    hit: 'hit',
    suspected: 'suspected',
    at5s: 'at 0:05.000',
    for30s: 'for 0:30.000',
    snapshot: 'Snapshot',
    audio: 'Audio section',
  },
  zh: {
    sensitive: '违规',
    suspicious: '疑似',
    normal: '正常',
    testRequest: '测试请求',
    successButSensitive: 'Success，但判定为违规',
    successButSuspicious: 'Success，但疑似违规',
    blocked: null,
    notBlocked: null,
    hit: null,
    suspected: null,
    at5s: null,
    for30s: null,
    snapshot: null,
    audio: null,
  },
} as const;

const fileName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

async function loadFiles(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(FILES.map(fixturePath));
  await expectCount(page, FILES.length);
}

const panel = (page: Page, name: string) => page.locator(`section[data-panel="${name}"]`);

for (const lang of ['en', 'zh'] as const) {
  test(`moderation callbacks (${lang}): list rows carry verdict, problem and the test request; the panel reads verdict, scenes, segments`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const text = TEXT[lang];
    await openApp(page, lang);
    await loadFiles(page);

    for (const name of FILES) {
      const row = itemNamed(page, fileName(name));
      const want = ROWS[name];
      await expect(row, name).toHaveCount(1);
      await expect(row, name).toHaveAttribute('data-state', want.state);
      if (want.verdict === null) await expect(row, name).not.toHaveAttribute('data-verdict', /.*/);
      else await expect(row, name).toHaveAttribute('data-verdict', want.verdict);
      if (want.problem === null) await expect(row, name).not.toHaveAttribute('data-problem', /.*/);
      else await expect(row, name).toHaveAttribute('data-problem', want.problem);
      await expect(row.getByTestId('test-request'), name).toHaveCount(want.testRequest ? 1 : 0);
    }
    // The badge beside the State in the row says the verdict in words.
    await expect(itemNamed(page, 'moderation_simple_sensitive.json')).toContainText(text.sensitive);
    await expect(itemNamed(page, 'moderation_video_detail_suspicious.xml')).toContainText(text.suspicious);
    await expect(
      itemNamed(page, 'moderation_image_simple_test_request.json').getByTestId('test-request'),
    ).toHaveText(text.testRequest);

    // A sensitive Simple callback: the verdict comes first, then whether the object was blocked, then the scenes.
    await itemNamed(page, 'moderation_simple_sensitive.json').click();
    const moderation = panel(page, 'moderation');
    await expect(moderation).toBeVisible();
    await expect(panel(page, 'summary').locator('[data-problem="moderation-sensitive"]')).toHaveText(
      text.successButSensitive,
    );
    const head = moderation.locator('.ui-panel-body > *').first();
    await expect(head.locator('.mod-verdict-line [data-verdict="sensitive"]')).toHaveText(text.sensitive);
    await expect(head.locator('.mod-verdict-line')).toContainText('result');
    await expect(head.locator('[data-blocked="true"]')).toBeVisible();
    if (text.blocked) await expect(head.locator('[data-blocked="true"]')).toContainText(text.blocked);
    const porn = moderation.locator('tr[data-category="PornInfo"]');
    await expect(porn).toHaveAttribute('data-hit', 'sensitive');
    await expect(porn.locator('td').nth(0)).toContainText('1');
    if (text.hit) await expect(porn.locator('td').nth(0)).toContainText(text.hit);
    await expect(porn.locator('td').nth(1)).toHaveText('99');
    await expect(porn.locator('td').nth(3)).toHaveText('SexBehavior');
    const ads = moderation.locator('tr[data-category="AdsInfo"]');
    await expect(ads.locator('td').nth(1)).toHaveText('3');
    // The verdict sits above the scenes table.
    const verdictBox = await head.boundingBox();
    const tableBox = await moderation.locator('table').first().boundingBox();
    expect((verdictBox?.y ?? 0) + (verdictBox?.height ?? 0)).toBeLessThanOrEqual(tableBox?.y ?? 0);

    // A suspicious video Detail callback (XML), and its JSON form reads the same.
    for (const name of [
      'moderation_video_detail_suspicious.xml',
      'moderation_video_detail_suspicious.json',
    ]) {
      await itemNamed(page, name).click();
      await expect(panel(page, 'summary').locator('[data-problem="moderation-suspicious"]')).toHaveText(
        text.successButSuspicious,
      );
      await expect(moderation.locator('.mod-verdict-line [data-verdict="suspicious"]')).toHaveText(
        text.suspicious,
      );
      await expect(moderation).toContainText('Porn');
      await expect(moderation).toContainText('SexyBehavior');
      const pornRow = moderation.locator('tr[data-category="PornInfo"]');
      await expect(pornRow).toHaveAttribute('data-hit', 'suspicious');
      if (text.suspected) await expect(pornRow.locator('td').nth(0)).toContainText(text.suspected);
      await expect(pornRow.locator('td').nth(2)).toHaveText('1');
      if (text.notBlocked)
        await expect(moderation.locator('[data-blocked="false"]')).toContainText(text.notBlocked);
      const segments = moderation.locator('tr[data-segment]');
      await expect(segments).toHaveCount(3);
      await expect(segments.nth(0)).toHaveAttribute('data-segment', 'snapshot');
      await expect(segments.nth(0)).toHaveAttribute('data-verdict', 'normal');
      await expect(segments.nth(1)).toHaveAttribute('data-verdict', 'suspicious');
      await expect(segments.nth(1).locator('[data-verdict="suspicious"]')).toHaveText(text.suspicious);
      await expect(segments.nth(1)).toContainText('0:05.000');
      await expect(segments.nth(1)).toContainText('PornInfo 75 (Sexy)');
      await expect(segments.nth(2)).toHaveAttribute('data-segment', 'audio');
      await expect(segments.nth(2)).toContainText('0:30.000');
      await expect(segments.nth(2)).toContainText('hello');
      if (text.at5s) await expect(segments.nth(1)).toContainText(text.at5s);
      if (text.for30s) await expect(segments.nth(2)).toContainText(text.for30s);
      if (text.snapshot) await expect(segments.nth(0).locator('td').nth(1)).toHaveText(text.snapshot);
      if (text.audio) await expect(segments.nth(2).locator('td').nth(1)).toHaveText(text.audio);
    }

    // A normal Detail callback: verdict normal, no problem on the summary's State line.
    await itemNamed(page, 'moderation_image_detail_callback.json').click();
    await expect(moderation.locator('.mod-verdict-line [data-verdict="normal"]')).toHaveText(text.normal);
    await expect(panel(page, 'summary').locator('[data-problem]')).toHaveCount(0);

    // The settings test request: said to be one, and no verdict anywhere.
    await itemNamed(page, 'moderation_image_simple_test_request.json').click();
    await expect(moderation.locator('.mod-test-request')).toContainText(text.testRequest);
    await expect(moderation.locator('[data-verdict]')).toHaveCount(0);
    await expect(moderation.locator('.mod-verdict-line')).toHaveCount(0);

    // A failed Simple callback: Failed with its code and message, no verdict, no problem code.
    // Its row gives its code, as a failed job's row does.
    await expect(itemNamed(page, 'moderation_simple_failed.json').locator('.row-code')).toHaveText('1001');
    await expect(itemNamed(page, 'moderation_image_detail_callback.json').locator('.row-code')).toHaveCount(
      0,
    );
    await itemNamed(page, 'moderation_simple_failed.json').click();
    await expect(panel(page, 'summary').locator('.ui-badge').first()).toHaveAttribute('data-state', 'Failed');
    await expect(panel(page, 'summary')).toContainText('1001');
    await expect(panel(page, 'summary')).toContainText('the video could not be downloaded');
    await expect(moderation.locator('.mod-verdict-line [data-verdict]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

/** Elements of the panel that stick out of it, other than the content of a region scrolling sideways. */
async function outsidePanel(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const out: string[] = [];
    for (const el of element.querySelectorAll('*')) {
      const scroller = el.parentElement?.closest('[data-scroll-x]');
      if (scroller && element.contains(scroller)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.classList.contains('visually-hidden')) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return out;
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`moderation panel at 390 px (${lang}): no sideways page scroll, the verdict readable, tables scroll in their region`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, lang);
    await pasteOnPage(page, readFixture('derived/moderation_video_detail_suspicious.json'));
    await expectCount(page, 1);
    await itemNamed(page, /Pasted|粘贴/).click();
    const moderation = panel(page, 'moderation');
    await expect(moderation.locator('.mod-verdict-line [data-verdict="suspicious"]')).toBeVisible();
    await moderation.scrollIntoViewIfNeeded();
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const box = await moderation.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 1000)).toBeLessThanOrEqual(390);
    expect(await outsidePanel(page, 'section[data-panel="moderation"]')).toEqual([]);
    // Readable: the verdict line's text is not squeezed into a sliver, nor smaller than 12 px.
    const verdict = moderation.locator('.mod-verdict-line');
    const verdictBox = await verdict.boundingBox();
    expect(verdictBox?.width ?? 0).toBeGreaterThan(250);
    const fontSize = await verdict.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
    // Each table stays inside its sideways-scrolling region, which itself stays inside the panel.
    for (const region of await moderation.locator('[data-scroll-x]').all()) {
      const r = await region.boundingBox();
      expect((r?.x ?? 0) + (r?.width ?? 1000)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0) + 0.5);
    }
    await expect(moderation.locator('tr[data-segment]')).toHaveCount(3);
    // The segments are cards at this width: their region needs no sideways scrolling, and each card names its
    // segment with its number.
    const segmentsRegion = moderation.locator('[data-scroll-x]').last();
    expect(await segmentsRegion.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await expect(moderation.locator('tr[data-segment] td[data-label="#2"]')).toBeVisible();
  });
}

/** The Go SDK sample of a successful job whose DigitalWatermark step failed. */
const FAILED_SUBSTEP = `<Response><EventName>TaskFinish</EventName><JobsDetail><Code>Success</Code><JobId>jsubstep1</JobId>
<CreationTime>2022-07-18T15:16:43+0800</CreationTime><StartTime>2022-07-18T15:16:44+0800</StartTime>
<Operation><DigitalWatermark><Message>123</Message><Type>Text</Type><Version>V1</Version>
<IgnoreError>false</IgnoreError><State>Failed</State></DigitalWatermark></Operation>
<State>Success</State><SubTag>DigitalWatermark</SubTag><Tag>SuperResolution</Tag></JobsDetail></Response>`;

const INSIDE = {
  en: {
    failedTask: 'Success, but a task failed',
    failedStep: 'Success, but a step failed',
    rowTask: 'a task failed',
    rowStep: 'a step failed',
    endNotGiven: 'EndTime not given',
    notFinished: 'Not finished',
  },
  zh: {
    failedTask: 'Success，但有任务失败',
    failedStep: 'Success，但有步骤失败',
    rowTask: '有任务失败',
    rowStep: '有步骤失败',
    endNotGiven: '未给出 EndTime',
    notFinished: '未结束',
  },
} as const;

for (const lang of ['en', 'zh'] as const) {
  test(`never a plain Success when something inside failed (${lang}); a finished task without EndTime says so`, async ({
    page,
  }) => {
    const text = INSIDE[lang];
    await openApp(page, lang);
    await page
      .getByTestId('file-input')
      .setInputFiles([fixturePath('docs/workflowexecution_describe_api_with_failed_task.xml')]);
    await expectCount(page, 1);
    await pasteOnPage(page, FAILED_SUBSTEP);
    await expectCount(page, 2);

    const run = itemNamed(page, 'workflowexecution_describe_api_with_failed_task.xml');
    await expect(run).toHaveAttribute('data-state', 'Success');
    await expect(run).toHaveAttribute('data-problem', 'failed-task');
    await expect(run.locator('.row-flag')).toHaveText(text.rowTask);
    const job = itemNamed(page, /Pasted|粘贴/);
    await expect(job).toHaveAttribute('data-state', 'Success');
    await expect(job).toHaveAttribute('data-problem', 'failed-substep');
    await expect(job.locator('.row-flag')).toHaveText(text.rowStep);

    await run.click();
    const summary = panel(page, 'summary');
    await expect(summary.locator('[data-problem="failed-task"]')).toHaveText(text.failedTask);
    // Its tasks ended (Success, Failed) with an empty EndTime: "EndTime not given", never "Not finished".
    const tasks = panel(page, 'tasks');
    await expect(tasks.locator('li[data-task-index]')).toHaveCount(3);
    for (const task of await tasks.locator('li[data-task-index]').all()) {
      await expect(task.locator('.pn-time-missing').last()).toHaveText(text.endNotGiven);
    }
    // (The field help of EndTime mentions unfinished tasks: the times and durations are what is checked.)
    expect(await tasks.locator('.pn-time-missing, .pn-task-duration').allTextContents()).not.toContain(
      text.notFinished,
    );

    await job.click();
    await expect(summary.locator('[data-problem="failed-substep"]')).toHaveText(text.failedStep);
    // The job's State is Success and it gives no EndTime: the timeline says it is not given.
    const timeline = panel(page, 'timeline');
    await expect(timeline.locator('.pn-time-missing')).toHaveText([text.endNotGiven]);
    const words = await timeline
      .locator('.pn-time-missing, .pn-durations dd, .pn-tl-empty')
      .allTextContents();
    expect(words.join(' ')).not.toContain(text.notFinished);
  });
}
