/**
 * Share links (DESIGN.md "Security and robustness"): a link carries exactly the shared callbacks in its fragment,
 * masked where asked; opening it in a fresh browser shows them, selects the first and removes the fragment; a
 * damaged or hostile link says so clearly, loads nothing, and leaves the page working.
 */
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { decodeShareFragment, toBase64Url } from '../src/domain/share/share-link';
import { documentItems, expectCount, openApp, pasteOnPage, readFixture } from './helpers';

const expect = baseExpect.configure({ timeout: 10_000 });

const CASE2 = readFixture('seed/case2-workflow.xml');
const WORKFLOW_FINISH = readFixture('docs/workflowfinish_callback.xml');
const CASE2_JOB_ID = 'c93984788066911ed89ed352d4d9d2084';

async function openShareDialog(page: Page): Promise<void> {
  await page.getByTestId('share-button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

/** The link once it is made (it is made again after every change of scope or masking). */
async function readLink(page: Page): Promise<string> {
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/^http:\/\/.+#v1\./);
  await expect(page.getByTestId('share-link-length')).toContainText(/\d/);
  return field.inputValue();
}

test('a link of all loaded callbacks opens them in a fresh browser, selects the first, and drops the fragment', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  await pasteOnPage(page, WORKFLOW_FINISH);
  await expectCount(page, 2);
  await openShareDialog(page);
  // The dialog opens on the link (selected, ready to copy), not on "Close".
  await expect(page.getByTestId('share-link')).toBeFocused();
  await page.getByRole('radio', { name: /All \d+ loaded callbacks/ }).check();
  const link = await readLink(page);
  await expect(page.getByTestId('share-link-length')).toHaveText(`${link.length} characters`);
  await expect(page.getByTestId('share-preview')).toContainText(CASE2_JOB_ID);
  // Escape closes the dialog and gives focus back to the Share button.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('share-button')).toBeFocused();

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    await expectCount(fresh, 2);
    await expect(documentItems(fresh).nth(0)).toContainText(CASE2_JOB_ID);
    await expect(documentItems(fresh).nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(documentItems(fresh).nth(0)).toContainText('Pasted #1');
    await expect(fresh.locator('[data-panel="summary"]')).toContainText(CASE2_JOB_ID);
    // The fragment has left the address bar; "Copy this link", in the main area, gives the whole link back.
    await expect.poll(() => fresh.url()).not.toContain('#');
    const opened = fresh.locator('.workspace-main').getByTestId('opened-link');
    await expect(opened).toContainText('Opened a shared link: 2 callbacks.');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await opened.getByRole('button', { name: 'Copy this link' }).click();
    await expect(opened.getByRole('status')).toHaveText('Copied');
    expect(await fresh.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(fresh.url()).not.toContain('#');
    expect(fresh.url()).toContain('?lang=en');
  } finally {
    await context.close();
  }
});

test('a link of the selected callback only carries that one', async ({ page }) => {
  await openApp(page);
  await pasteOnPage(page, WORKFLOW_FINISH);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 2);
  await openShareDialog(page);
  await expect(page.getByRole('radio', { name: /selected callback/ })).toBeChecked();
  const link = await readLink(page);
  const decoded = await decodeShareFragment(link.slice(link.indexOf('#')));
  expect(decoded.ok && decoded.texts).toEqual([{ name: 'Pasted #2', text: CASE2.trimEnd() }]);
});

test('a masked link holds none of the masked values, in any encoding', async ({ page }) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  await openShareDialog(page);
  const before = await readLink(page);
  for (const box of await page.locator('[data-redact]').all()) await box.check();
  await expect(page.getByText(/\d+ values? masked/)).toBeVisible();
  await expect(page.getByTestId('share-link')).not.toHaveValue(before);
  const link = await readLink(page);
  const decoded = await decodeShareFragment(link.slice(link.indexOf('#')));
  expect(decoded.ok).toBe(true);
  const carried = decoded.ok ? JSON.stringify(decoded.texts) : '';
  expect(carried).toContain(CASE2_JOB_ID);
  const secrets = [
    '1234567890',
    'NjJiZDYwYTFfNjUzYTYyNjRfZjEwZl8xMmZhYzY5',
    'input/deer.jpg',
    'This is my PicProcess job.',
  ];
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), encodeURI(secret)]) {
      expect(carried, form).not.toContain(form);
      expect(link, form).not.toContain(form);
    }
    await expect(page.getByTestId('share-preview')).not.toContainText(secret);
  }
});

/** The reproductions (issue 12), each pasted as its own callback. */
const JOB = (inner: string) =>
  `<Response><EventName>TaskFinish</EventName><JobsDetail><Code>Success</Code><JobId>j-${inner.length}</JobId><State>Success</State><Tag>PicProcess</Tag>${inner}</JobsDetail></Response>`;
const REPRODUCTIONS: readonly string[] = [
  '{"EventName":"TaskFinish","JobsDetail":{"JobId":"j-json","State":"Success","Tag":"PicProcess","UserData":"\\u0063ustomer-id=98765-SECRET","Input":{"Object":"private/\\u9e7f\\u76ae.jpg"}}}',
  JOB("<UserData>bob's card &amp; pin 4242</UserData>"),
  JOB('<Input><Object><![CDATA[private/alice/]]><![CDATA[passport.jpg]]></Object></Input>'),
  JOB(
    '<Input><Object>private/鹿 pic.jpg</Object></Input><Operation><Output><Object>out/x.jpg</Object></Output></Operation><Url>https://b-1250000000.cos.ap-x.myqcloud.com/private/%e9%b9%bf+pic.jpg</Url>',
  ),
  '{"Callback":{"JobsDetail":{"JobId":"j-wrapped","Object":"wrapped/secret-key.png","UserData":"wrapped-user-data-77"}}}',
  'POST /cb?q-sign-algorithm=sha1&q-ak=AKIDsecretAK123&q-signature=abcdef0123456789 HTTP/1.1\r\nHost: h\r\nAuthorization: q-sign-algorithm=sha1&q-ak=AKIDauth999&q-signature=deadbeefcafe\r\nCookie: session=s3cr3t-cookie\r\nContent-Type: application/xml\r\n\r\n' +
    JOB('<UserData>dump-user-data-5</UserData>'),
  JOB('<UserData>cut-short-user-data-31</UserData><Input><Object>cut/short/key.jpg</Object></Input>').slice(
    0,
    -20,
  ),
];
const REPRODUCED_SECRETS = [
  'customer-id=98765-SECRET',
  'private/鹿皮.jpg',
  "bob's card & pin 4242",
  'private/alice/passport.jpg',
  'private/鹿 pic.jpg',
  '1250000000',
  'wrapped/secret-key.png',
  'wrapped-user-data-77',
  'AKIDsecretAK123',
  'abcdef0123456789',
  'AKIDauth999',
  's3cr3t-cookie',
  'dump-user-data-5',
  'cut-short-user-data-31',
  'cut/short/key.jpg',
];

/** The forms a value may take in a text: raw, JSON-escaped, XML-escaped, percent-encoded in either case and `+`. */
function formsOf(value: string): string[] {
  const pct = encodeURIComponent(value);
  const json = [...value]
    .map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');
  return [
    value,
    pct,
    pct.toLowerCase(),
    pct.replace(/%20/g, '+'),
    json,
    value.replace(/&/g, '&amp;').replace(/'/g, '&apos;'),
  ];
}

test('every reproduction of the redaction issue, pasted and shared with every mask, leaves no masked value in the link', async ({
  page,
}) => {
  await openApp(page);
  for (const [i, text] of REPRODUCTIONS.entries()) {
    await pasteOnPage(page, text);
    await expect(page.getByTestId('document-count')).not.toHaveText(String(i));
  }
  await openShareDialog(page);
  await page.getByRole('radio', { name: /All \d+ loaded callbacks/ }).check();
  // Unmasked, the values are there (so their absence below means something); credentials never are.
  const plainLink = await readLink(page);
  const plain = await decodeShareFragment(plainLink.replace(/^[^#]*/, ''));
  const plainText = plain.ok ? plain.texts.map((x) => x.text).join('\n') : '';
  for (const value of [
    'wrapped-user-data-77',
    'cut-short-user-data-31',
    'private/alice/]]><![CDATA[passport.jpg',
  ])
    expect(plainText).toContain(value);
  expect(plainText).not.toContain('AKIDauth999');
  for (const box of await page.locator('[data-redact]').all()) await box.check();
  await expect(page.getByTestId('share-link')).not.toHaveValue(plainLink);
  const link = await readLink(page);
  const decoded = await decodeShareFragment(link.slice(link.indexOf('#')));
  expect(decoded.ok).toBe(true);
  const texts = decoded.ok ? decoded.texts.map((x) => x.text) : [];
  expect(texts).toHaveLength(REPRODUCTIONS.length);
  const carried = texts.join('\n');
  for (const secret of REPRODUCED_SECRETS)
    for (const form of formsOf(secret)) expect(carried, `${secret} as ${form}`).not.toContain(form);
  // Markup and names stay: the payloads still read as callbacks.
  expect(carried).toContain('<EventName>TaskFinish</EventName>');
  expect(carried).toContain('"JobId":"j-json"');
  // Credentials are listed, and every document has its count (the cut-short one included).
  await expect(page.getByTestId('share-credentials')).toContainText('Authorization');
  await expect(page.getByTestId('share-counts').locator('li')).toHaveCount(REPRODUCTIONS.length);
  await expect(page.getByTestId('share-counts')).toContainText('Could not be read');
});

/** A gzip of more than 8 MB of JSON: small as a link, too large once inflated. */
function gzipBombFragment(): string {
  const inflated = Buffer.alloc(9 * 1024 * 1024, 0x20);
  return `#v1.${toBase64Url(new Uint8Array(gzipSync(inflated, { level: 9 })))}`;
}

function fragmentOf(json: unknown): string {
  return `#v1.${toBase64Url(new Uint8Array(gzipSync(Buffer.from(JSON.stringify(json)))))}`;
}

const BAD_LINKS: readonly {
  readonly name: string;
  readonly fragment: () => string;
  readonly message: RegExp;
}[] = [
  { name: 'not gzip', fragment: () => '#v1.AAAA', message: /damaged or cut short/ },
  { name: 'another version', fragment: () => '#v9.x', message: /another version/ },
  { name: 'not base64url', fragment: () => '#v1.<script>alert(1)</script>', message: /damaged or cut short/ },
  { name: 'a gzip bomb', fragment: gzipBombFragment, message: /more than 8 MiB/ },
  { name: 'no documents', fragment: () => fragmentOf({ d: [] }), message: /damaged or cut short/ },
  {
    name: 'the wrong shape',
    fragment: () => fragmentOf({ d: [{ t: 7 }], __proto__: { polluted: 1 } }),
    message: /damaged or cut short/,
  },
  {
    name: 'not JSON',
    fragment: () => `#v1.${toBase64Url(new Uint8Array(gzipSync(Buffer.from('{"d": ['))))}`,
    message: /damaged or cut short/,
  },
  { name: 'a bare fragment', fragment: () => '#garbage', message: /another version/ },
];

for (const bad of BAD_LINKS) {
  test(`a link that is ${bad.name} says so, loads nothing, and the page keeps working`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`./?lang=en${bad.fragment()}`);
    // Said in the main area, where the person looks, not only in the sidebar.
    await expect(page.locator('.workspace-main').getByRole('alert')).toContainText(bad.message);
    await expect(page.getByText(bad.message)).toBeVisible();
    await expect(page.getByText(/nothing was loaded/)).toBeVisible();
    await expectCount(page, 0);
    expect(page.url()).not.toContain('#');
    await pasteOnPage(page, CASE2);
    await expectCount(page, 1);
    expect(errors).toEqual([]);
  });
}

test('a truncated real link says so and loads nothing; a link set later in the same tab opens', async ({
  page,
}) => {
  await openApp(page);
  await pasteOnPage(page, CASE2);
  await expectCount(page, 1);
  await openShareDialog(page);
  const link = await readLink(page);
  const fragment = link.slice(link.indexOf('#'));
  const truncated = fragment.slice(0, Math.floor(fragment.length / 2));

  await page.goto('about:blank');
  await page.goto(`./?lang=zh${truncated}`);
  await expect(page.getByText(/已损坏或不完整/)).toBeVisible();
  await expect(page.getByTestId('document-count')).toHaveText('1'); // the tab's own session, kept

  // hashchange: a link pasted into the address bar of the open page.
  await page.evaluate((f) => {
    window.location.hash = f;
  }, fragment);
  await expectCount(page, 2);
  await expect(documentItems(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.url()).not.toContain('#');
});

test('a hostile but well-formed link shows its text as text only', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const name = '<img src=x onerror=alert(1)>';
  await page.goto(`./?lang=en${fragmentOf({ d: [{ n: name, t: '<script>alert(2)</script>' }] })}`);
  await expectCount(page, 1);
  await expect(documentItems(page).first()).toContainText(name);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a long link warns that chat tools may cut it', async ({ page }) => {
  await openApp(page);
  // Many different callbacks compress badly enough to pass 2,000 characters.
  const many = Array.from({ length: 40 }, (_, i) =>
    CASE2.replace(CASE2_JOB_ID, `j${(i * 7919).toString(16).padStart(32, String(i % 10))}`).replace(
      'This is my PicProcess job.',
      `note ${Math.sin(i).toString(36)}`,
    ),
  ).join('\n');
  await pasteOnPage(page, many);
  await expectCount(page, 40);
  await openShareDialog(page);
  // The dialog opens on the link (selected, ready to copy), not on "Close".
  await expect(page.getByTestId('share-link')).toBeFocused();
  await page.getByRole('radio', { name: /All \d+ loaded callbacks/ }).check();
  const link = await readLink(page);
  expect(link.length).toBeGreaterThan(2000);
  await expect(page.getByTestId('share-link-warning')).toContainText(/too long for common chat tools/i);
});

for (const lang of ['en', 'zh'] as const) {
  test(`the open share dialog has no serious accessibility violation (${lang})`, async ({ page }) => {
    await openApp(page, lang);
    await pasteOnPage(page, CASE2);
    await expectCount(page, 1);
    await openShareDialog(page);
    await readLink(page);
    const results = await new AxeBuilder({ page })
      .include('[data-testid="share-dialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
