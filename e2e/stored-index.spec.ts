import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateCallbackLog } from '../bench/generate-log';
import {
  documentItems,
  expectAllKept,
  expectCount,
  expectRowsAsBefore,
  expectSelectionKept,
  openApp,
  readTabStore,
} from './helpers';

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
  return (await readTabStore(page, 'index')).keys;
}

/** What the stored index says it takes (its header's `bytes`), or undefined when there is no complete index. */
async function indexHeaderBytes(page: Page): Promise<number | undefined> {
  const header = (await indexKeys(page)).find((k) => Array.isArray(k) && k[1] === 'h');
  if (header === undefined) return undefined;
  const { value } = await readTabStore(page, 'index', header as IDBValidKey);
  const bytes = (value as { bytes?: unknown } | undefined)?.bytes;
  return typeof bytes === 'number' ? bytes : undefined;
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

/** Makes the stored index's header look written by an older app: the next reload parses the file again. */
async function spoilHeader(page: Page): Promise<void> {
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
}

/**
 * Words the list's filter is given: an output key (which a stored digest does not hold but its search text does),
 * UserData in upper case, a workflow name, part of a JobId, a file extension, nothing.
 */
const FILTERS = ['output/out.jpg', 'SOURCE":"IOS-APP', 'workflow-test', 'j8', '.mp4', 'zz-not-there'];

/** How many callbacks the list shows for each of `FILTERS`; the filter is left empty. */
async function filteredCounts(page: Page): Promise<string[]> {
  const filter = page.getByTestId('list-filter');
  const counts: string[] = [];
  for (const text of FILTERS) {
    await filter.fill(text);
    await expect(filter).toHaveValue(text);
    counts.push((await page.getByTestId('shown-count').textContent()) ?? '');
  }
  await filter.fill('');
  return counts;
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
  const filtered = await filteredCounts(page);
  // Each word keeps some callbacks but not all (the last, none).
  expect(filtered.slice(0, -1).every((n) => Number(n) > 0 && Number(n) < COUNT - 1)).toBe(true);
  expect(filtered.at(-1)).toBe('0');
  await expectAllKept(page);
  await expectSelectionKept(page);

  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT - 1), { timeout: 60_000 });
  // Listed from the index: said so, and no parse of the file was needed.
  const storage = page.getByTestId('storage-used');
  await expect(storage).toHaveAttribute('data-restored', '1');
  await expect(storage).toHaveAttribute('data-indexed', '1');
  await expectKeptCounts(page, fileBytes);
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveText(selected ?? '');
  await expectRowsAsBefore(page, before);
  expect(
    await documentItems(page)
      .filter({ hasText: removed ?? '' })
      .count(),
  ).toBe(0);
  // The filter keeps the same callbacks as before the reload (the search texts are made again from the index).
  const filter = page.getByTestId('list-filter');
  for (const [i, text] of FILTERS.entries()) {
    await filter.fill(text);
    await expect(page.getByTestId('shown-count')).toHaveText(filtered[i] ?? '');
  }
  await filter.fill('');
  await expect(page.getByTestId('shown-count')).toHaveText(String(COUNT - 1));
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveText(selected ?? '');
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
  // Neither the file nor its index is counted any more: the state alone, which an empty page does not show.
  await expect
    .poll(async () => ((await storage.count()) === 0 ? 0 : Number(await storage.getAttribute('data-bytes'))))
    .toBeLessThan(20_000);
  await expect(storage).toHaveCount(0);
});

test('an index of another build, or none, is not read: the file is parsed again and indexed anew', async ({
  page,
}, testInfo) => {
  const path = logFile(testInfo.outputPath('logs'));
  await loadLog(page, path);
  const first = (await documentItems(page).allInnerTexts()).slice(0, 10);
  await spoilHeader(page);
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 120_000 });
  const storage = page.getByTestId('storage-used');
  await expect(storage).toHaveAttribute('data-indexed', '1', { timeout: 60_000 });
  await expect(storage).toHaveAttribute('data-restored', '0');
  await expectRowsAsBefore(page, first);
  // Indexed anew: the next reload lists it from there.
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 60_000 });
  await expect(page.getByTestId('storage-used')).toHaveAttribute('data-restored', '1');

  // Forget: the file and its index go.
  await page.getByTestId('storage-forget').click();
  await expect.poll(() => indexKeys(page)).toHaveLength(0);
});

/**
 * Shrinks this origin's real storage quota (Chromium's DevTools protocol): the page's and the worker's IndexedDB
 * writes meet it (a QuotaExceededError), though `navigator.storage.estimate()` in this (incognito) context still
 * reports the usual quota, so the page's own check before storing a text does not see it.
 */
async function limitQuota(page: Page, room: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + room });
  const now = (await cdp.send('Storage.getUsageAndQuota', { origin })) as {
    quota: number;
    overrideActive: boolean;
  };
  expect(now).toMatchObject({ quota: usage + room, overrideActive: true });
  // The database sees the new quota within a few seconds (it holds on to the room it was told of): until a write of
  // more than the room fails, the test would load under the old quota.
  await expect
    .poll(() => page.evaluate(probeWrite, room + 200_000), { timeout: 60_000, intervals: [500] })
    .toBe('QuotaExceededError');
}

/** Writes `bytes` into a scratch database: the error's name, or 'ok'. */
async function probeWrite(bytes: number): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('quota-probe');
    req.onupgradeneeded = () => req.result.createObjectStore('s');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction('s', 'readwrite');
  // Random bytes: a repeated character is compressed by the database and may fit however little room is left.
  const data = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 65_536) crypto.getRandomValues(data.subarray(at, at + 65_536));
  tx.objectStore('s').put(data, 1);
  const outcome = await new Promise<string>((resolve) => {
    tx.oncomplete = () => resolve('ok');
    tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
  });
  db.close();
  return outcome;
}

test('a file kept whose list does not fit: the person is told, nothing is lost, a reload parses it again', async ({
  page,
}, testInfo) => {
  const path = logFile(testInfo.outputPath('logs'));
  const fileBytes = statSync(path).size;
  await loadLog(page, path);
  const before = (await documentItems(page).allInnerTexts()).slice(0, 10);
  // The next reload parses the file and stores its list again, under a real quota with room for the state and not
  // for a record of the list (1,000 callbacks, about 2 MB). In this (incognito) context Chromium counts no usage:
  // its quota meets each transaction alone (four writes of 1 MB pass under a quota of 1.5 MB), so a file's text
  // (one write of 8 MB) would meet it before its list does: hence the file is kept first, the quota lowered after.
  await spoilHeader(page);
  await limitQuota(page, 600_000);
  await page.reload();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 120_000 });
  const storage = page.getByTestId('storage-used');
  await expect(page.getByTestId('storage-unindexed')).toHaveText(
    'The list of 1 large file did not fit in the storage left: the file is kept, and a reload parses it again.',
    { timeout: 60_000 },
  );
  await expect(storage).toHaveAttribute('data-unindexed', '1');
  await expect(storage).toHaveAttribute('data-indexed', '0');
  await expect(storage).toHaveAttribute('data-restored', '0');
  // The file stays kept (no warning that callbacks would be lost); the list's old and partial records are deleted,
  // and the figure is the file's (and the state's).
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  expect(await indexKeys(page)).toHaveLength(0);
  const shown = Number(await storage.getAttribute('data-bytes'));
  expect(shown).toBeGreaterThanOrEqual(fileBytes);
  expect(shown - fileBytes).toBeLessThan(20_000);
  // The same rows (fewer in view: the storage line is a line longer).
  const now = (await documentItems(page).allInnerTexts()).slice(0, 10);
  expect(now.length).toBeGreaterThan(4);
  expect(now).toEqual(before.slice(0, now.length));

  // A reload still gives every callback back, parsed again; said again, in Chinese too.
  await page.goto(page.url().replace('lang=en', 'lang=zh'));
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 120_000 });
  await expect(page.getByTestId('storage-unindexed')).toHaveText(
    '1 个大文件的回调列表超出了剩余存储空间：文件本身已保留，重新加载时将重新解析。',
    { timeout: 60_000 },
  );
  await expect(storage).toHaveAttribute('data-restored', '0');
});

test('a file that does not fit: the person is told and chooses, nothing loaded is lost, no partial list is kept', async ({
  page,
}, testInfo) => {
  const path = logFile(testInfo.outputPath('logs'));
  await openApp(page);
  // Less room than the file (one write of 8 MB) and than a record of its list.
  await limitQuota(page, 600_000);
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT), { timeout: 120_000 });
  await expect(page.getByTestId('storage-warning')).toContainText('do not fit in the storage left', {
    timeout: 60_000,
  });
  // The worker's list of it met the quota too: nothing of it is left.
  await page.waitForTimeout(2000);
  expect(await indexKeys(page)).toHaveLength(0);
  const storage = page.getByTestId('storage-used');
  await expect(storage).toHaveAttribute('data-indexed', '0');
  await expect(storage).toHaveAttribute('data-unindexed', '0');
  await expectCount(page, COUNT);
});
