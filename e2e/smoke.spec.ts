import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('a payload typed into the draft shows its JobId', async ({ page }) => {
  await page.goto('./?lang=en');
  const xml = readFileSync('src/domain/__fixtures__/seed/case2-workflow.xml', 'utf8');
  await page.getByTestId('payload-input').fill(xml);
  await expect(page.getByTestId('document-list')).toContainText('c93984788066911ed89ed352d4d9d2084');
});
