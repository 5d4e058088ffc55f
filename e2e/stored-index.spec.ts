import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateCallbackLog } from '../bench/generate-log';
import { documentItems, expectCount, openApp } from './helpers';

// A reload of a kept file lists it from its stored index (its documents as the worker sent them), not by parsing
// it again; without a usable index it is parsed as before.
test.describe.configure({ timeout: 180_000 });

const COUNT = 3000;

async function loadLog(page: Page, path: string): Promise<void> {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 120_000 });
  // Kept: the file's Blob, then its index.
  await expect(page.getByTestId('storage-used')).toHaveAttribute('data-indexed', '1', { timeout: 60_000 });
  await expect(page.getByTestId('storage-used')).toContainText(/MiB/);
}

/** The keys kept in the index store of this tab's database. */
async function indexKeys(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const id = sessionStorage.getItem('ci-viewer.tab');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`ci-viewer.tab.${id}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const req = db.transaction('index', 'readonly').objectStore('index').getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return keys;
  });
}

/** What the stored index says it takes (its header's `bytes`), or undefined when there is no complete index. */
async function indexHeaderBytes(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => {
    const id = sessionStorage.getItem('ci-viewer.tab');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`ci-viewer.tab.${id}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const store = db.transaction('index', 'readonly').objectStore('index');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (req) =>
          new Promise<unknown[]>((resolve, reject) => {
            req.onsuccess = () => resolve(req.result as unknown[]);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    db.close();
    const at = (keys ?? []).findIndex((k) => Array.isArray(k) && k[1] === 'h');
    const header = (values ?? [])[at] as { bytes?: unknown } | undefined;
    return typeof header?.bytes === 'number' ? header.bytes : undefined;
  });
}

/**
 * What the storage line says the tab keeps: the file, its index and the state (a few KB). It said the file
 * alone, though the index takes a good part of the file's size again.
 */
async function expectKeptCounts(page: Page, fileBytes: number): Promise<void> {
  const index = await indexHeaderBytes(page);
  expect(index).toBeGreaterThan(50_000);
  const storage = page.getByTestId('storage-used');
  await expect
    .poll(async () => Number(await storage.getAttribute('data-bytes')) - fileBytes - (index ?? 0))
    .toBeGreaterThanOrEqual(0);
  const shown = Number(await storage.getAttribute('data-bytes'));
  expect(shown - fileBytes - (index ?? 0)).toBeLessThan(20_000);
  // The words say the same figure.
  const mib = Math.round((shown / 1024 / 1024) * 10) / 10;
  await expect(storage).toContainText(`${mib} MiB`);
}

function logFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/kept.log`;
  writeFileSync(path, generateCallbackLog({ count: COUNT, seed: 21 }));
  return path;
}

test('a reload lists a kept file from its stored index: same rows, count, selection, removed ones left out', async ({
  page,
}, testInfo) => {
  const path = logFile(testInfo.outputPath('logs'));
  const fileBytes = statSync(path).size;
  await loadLog(page, path);
  // A record per 1,000 documents and a header.
  expect(await indexKeys(page)).toHaveLength(4);
  await expectKeptCounts(page, fileBytes);
  await documentItems(page).nth(2).click();
  const removed = (await documentItems(page).nth(2).textContent())?.replace(/kept\.log · \d+\/\d+/, '');
  await page.keyboard.press('Delete');
  await expectCount(page, COUNT - 1);
  await documentItems(page).nth(5).click();
  await expect(documentItems(page).nth(5)).toHaveAttribute('aria-selected', 'true');
  const selected = await documentItems(page).nth(5).textContent();
  // The rows in view (how many depends on the notices above the list).
  const before = (await documentItems(page).allInnerTexts()).slice(0, 10);
  await page.waitForTimeout(800);

  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT - 1), { timeout: 60_000 });
  // Listed from the index: said so, and no parse of the file was needed.
  const storage = page.getByTestId('storage-used');
  await expect(storage).toHaveAttribute('data-restored', '1');
  await expect(storage).toHaveAttribute('data-indexed', '1');
  await expectKeptCounts(page, fileBytes);
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveText(selected ?? '');
  expect((await documentItems(page).allInnerTexts()).slice(0, 10)).toEqual(before);
  expect(
    await documentItems(page)
      .filter({ hasText: removed ?? '' })
      .count(),
  ).toBe(0);
  // The selected callback reads its source from the kept file and shows its panels.
  await expect(page.locator('[data-panel="summary"]')).toBeVisible();
  await expect(page.locator('[data-panel="summary"]')).not.toContainText('Reading this callback');

  // Clear all: undone, the index stays with the file; final, both go.
  await page.getByTestId('clear-all').click();
  await expectCount(page, 0);
  await page.getByTestId('undo').click();
  await expectCount(page, COUNT - 1);
  expect(await indexKeys(page)).toHaveLength(4);
  await page.clock.install();
  await page.getByTestId('clear-all').click();
  await expectCount(page, 0);
  await page.clock.fastForward(16_000);
  await expect.poll(() => indexKeys(page), { timeout: 10_000 }).toHaveLength(0);
  // Neither the file nor its index is counted any more: the state alone.
  await expect.poll(async () => Number(await storage.getAttribute('data-bytes'))).toBeLessThan(20_000);
});

test('an index of another build, or none, is not read: the file is parsed again and indexed anew', async ({
  page,
}, testInfo) => {
  const path = logFile(testInfo.outputPath('logs'));
  await loadLog(page, path);
  const first = (await documentItems(page).allInnerTexts()).slice(0, 10);
  // As if an older app had written it.
  await page.evaluate(async () => {
    const id = sessionStorage.getItem('ci-viewer.tab');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(`ci-viewer.tab.${id}`);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('index', 'readwrite');
    const store = tx.objectStore('index');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = store.getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    const header = keys.find((k) => Array.isArray(k) && k[1] === 'h');
    if (!header) throw new Error('no header');
    const value = await new Promise<Record<string, unknown>>((resolve) => {
      const req = store.get(header);
      req.onsuccess = () => resolve(req.result as Record<string, unknown>);
    });
    store.put({ ...value, v: '0:older' }, header);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 120_000 });
  const storage = page.getByTestId('storage-used');
  await expect(storage).toHaveAttribute('data-indexed', '1', { timeout: 60_000 });
  await expect(storage).toHaveAttribute('data-restored', '0');
  expect((await documentItems(page).allInnerTexts()).slice(0, 10)).toEqual(first);
  // Indexed anew: the next reload lists it from there.
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 60_000 });
  await expect(page.getByTestId('storage-used')).toHaveAttribute('data-restored', '1');

  // Forget: the file and its index go.
  await page.getByTestId('storage-forget').click();
  await expect.poll(() => indexKeys(page)).toHaveLength(0);
});
