/**
 * Shared helpers of the end-to-end specs: open the app, put text or files on the page the way a person does
 * (paste, drop, file picker, samples), and read what the fixtures are expected to show.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'src', 'domain', '__fixtures__');

/** Every fixture payload, as `seed/case1-job-api.xml` etc. */
export function fixtureNames(): string[] {
  return ['seed', 'docs', 'derived'].flatMap((dir) =>
    readdirSync(join(FIXTURES_DIR, dir))
      .sort()
      .map((f) => `${dir}/${f}`),
  );
}

export function fixturePath(name: string): string {
  return join(FIXTURES_DIR, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function fileNameOf(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** What a document of a fixture shows in the list: its JobId (first job) or RunId, and its State. */
export interface ExpectedRow {
  readonly id: string;
  readonly state: string;
}

interface ExpectedDocument {
  readonly jobs?: readonly { readonly jobId: string; readonly state: string }[];
  readonly workflow?: { readonly runId: string; readonly state: string };
  /** A content moderation callback: its state, and its jobs' ids (JobId, or a Simple callback's trace_id). */
  readonly moderation?: { readonly state: string; readonly jobs: readonly { readonly id: string | null }[] };
}

/** A document with several jobs shows the first job's JobId; its state is `Failed` if any failed, else the first not `Success`. */
function expectedRow(doc: ExpectedDocument): ExpectedRow {
  if (doc.workflow) return { id: doc.workflow.runId, state: doc.workflow.state };
  if (doc.moderation) return { id: doc.moderation.jobs[0]?.id ?? '', state: doc.moderation.state };
  const jobs = doc.jobs ?? [];
  const state = jobs.some((j) => j.state === 'Failed')
    ? 'Failed'
    : (jobs.find((j) => j.state !== 'Success')?.state ?? 'Success');
  return { id: jobs[0]?.jobId ?? '', state };
}

/** Per fixture, one row per document found in it, in order (src/domain/__fixtures__/expected.json). */
export function expectedRows(): Record<string, ExpectedRow[]> {
  const raw = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected.json'), 'utf8')) as Record<
    string,
    ExpectedDocument | { documents: ExpectedDocument[] }
  >;
  return Object.fromEntries(
    Object.entries(raw).map(([name, entry]) => [
      name,
      'documents' in entry ? entry.documents.map(expectedRow) : [expectedRow(entry)],
    ]),
  );
}

/** Opens the app in a language, with nothing loaded. */
export async function openApp(page: Page, lang: 'en' | 'zh' = 'en'): Promise<void> {
  await page.goto(`./?lang=${lang}`);
  await expect(page.getByTestId('document-count')).toBeVisible();
}

/** Pastes text on the page outside any editable field, as Ctrl+V on the page body does. */
export async function pasteOnPage(page: Page, text: string, target = 'body'): Promise<void> {
  await page.evaluate(
    ({ text, target }) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const element = document.querySelector(target) ?? document.body;
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { text, target },
  );
}

export interface DroppedFile {
  readonly name: string;
  readonly content: string;
  readonly type?: string;
}

/** Drags files over the page and drops them, with a DataTransfer made in the page. */
export async function dropFiles(
  page: Page,
  files: readonly DroppedFile[],
  options: { drop?: boolean } = {},
): Promise<void> {
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.content], f.name, { type: f.type ?? 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  if (options.drop ?? true) await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

/** Opens the samples menu and picks the sample whose label matches (a menu item). */
export async function loadSample(page: Page, label: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: /^Samples|^示例/ }).click();
  await page
    .getByRole('menu', { name: /^Samples|^示例/ })
    .getByRole('menuitem', { name: label, exact: typeof label === 'string' })
    .click();
}

export function documentItems(page: Page): Locator {
  return page.getByTestId('document-list').getByRole('option');
}

export async function expectCount(page: Page, count: number): Promise<void> {
  await expect(page.getByTestId('document-count')).toHaveText(String(count));
}

/**
 * Waits until every loaded file and text is written for a reload (the storage line says "Kept", nothing pending):
 * a reload from then on brings them all back.
 */
export async function expectAllKept(page: Page, timeout = 60_000): Promise<void> {
  const line = page.getByTestId('storage-used');
  await expect(line).toHaveAttribute('data-pending', '0', { timeout });
  await expect(line).toContainText(/Kept for a reload|已为此标签页的重新加载保留/);
}

/** The list row showing a name (file name, sample label, "Pasted #n", "Draft"). */
export function itemNamed(page: Page, name: string | RegExp): Locator {
  return documentItems(page).filter({ hasText: name });
}

/**
 * Reads this tab's own database (`ci-viewer.tab.<id>`): the keys of a store, and the value of one key if asked.
 */
export async function readTabStore(
  page: Page,
  store: string,
  key?: IDBValidKey,
): Promise<{ keys: IDBValidKey[]; value: unknown }> {
  // The key crosses to the page as `unknown`: IDBValidKey is a recursive type the evaluate's typing cannot expand.
  const read: { keys: unknown[]; value: unknown } = await page.evaluate(
    async ({ store, key }) => {
      const id = sessionStorage.getItem('ci-viewer.tab');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(`ci-viewer.tab.${id}`);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const read = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const objects = db.transaction(store, 'readonly').objectStore(store);
      const [keys, value] = await Promise.all([
        read(objects.getAllKeys()),
        key === undefined ? undefined : read(objects.get(key as IDBValidKey)),
      ]);
      db.close();
      return { keys: keys as unknown[], value };
    },
    { store, key: key as unknown },
  );
  return { keys: read.keys as IDBValidKey[], value: read.value };
}

/** The selection the tab's saved state holds (what a reload selects again). */
async function savedSelection(page: Page): Promise<string | undefined> {
  const { value } = await readTabStore(page, 'state', 'session');
  const key = (value as { selectedKey?: unknown } | undefined)?.selectedKey;
  return typeof key === 'string' ? key : undefined;
}

/**
 * Waits until the saved state holds the selected row (it is written a moment after a change): a reload from then
 * on selects it again. A fixed wait before the reload failed on a loaded machine.
 */
export async function expectSelectionKept(page: Page, timeout = 30_000): Promise<void> {
  const row = documentItems(page).and(page.locator('[aria-selected="true"]'));
  const key = (await row.getAttribute('id'))?.replace(/^document-/, '');
  expect(key).toBeTruthy();
  await expect.poll(() => savedSelection(page), { timeout }).toBe(key);
}

/**
 * The rows in view are the rows `before` were, in order: as many or more (a notice above the list, such as the
 * skipped lines of a log said on its first load and not on a reload, leaves room for fewer rows).
 */
export async function expectRowsAsBefore(page: Page, before: readonly string[]): Promise<void> {
  const now = await documentItems(page).allInnerTexts();
  expect(now.length).toBeGreaterThanOrEqual(before.length);
  expect(now.slice(0, before.length)).toEqual(before);
}
