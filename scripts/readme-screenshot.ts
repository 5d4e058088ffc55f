/**
 * The README's screenshot of a loaded callback (docs/callback-en.png, docs/callback-zh.png): serves the production
 * build (dist/, run `npm run build` first) with `vite preview` on 127.0.0.1, opens it in Chromium (as the
 * end-to-end tests do), pastes seed case 2 (a workflow's image processing callback, verbatim from Tencent's docs)
 * and takes the page in the light theme, in English and in Chinese.
 *
 *   npm run build && npm run docs:screenshot      (SCREENSHOT_PORT picks the port, 4180 by default)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4180);
const CALLBACK = readFileSync(`${ROOT}src/domain/__fixtures__/seed/case2-workflow.xml`, 'utf8');

if (!existsSync(`${ROOT}dist/index.html`)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const server = await preview({ root: ROOT, preview: { host: '127.0.0.1', port: PORT, strictPort: true } });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const lang of ['en', 'zh'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await page.goto(`http://127.0.0.1:${PORT}/?lang=${lang}`);
    await page.getByTestId('document-count').waitFor();
    // Pasted on the page, as a person pastes a callback copied from a log.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, CALLBACK);
    await page.locator('section[data-panel="image"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    // The focus ring of the callback's name is for keyboard users; the picture shows the page at rest.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const out = `${ROOT}docs/callback-${lang}.png`;
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
