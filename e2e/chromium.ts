import { existsSync } from 'node:fs';

/**
 * How the end-to-end tests and `npm run bench:browser` start Chromium: Debian's when present (CI installs it:
 * Playwright's own browser download does not work there), or the one named by CHROMIUM_PATH; otherwise
 * Playwright's own browser (`npx playwright install chromium`).
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
