import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches for the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The moment browser tests run at (a FixedClock for the app): what the panel shows (the current
 * quarter, "today" in a form) must not depend on the day the suite runs. In the past, so the
 * session store's real expiry times stay ahead of it.
 */
export const BROWSER_TEST_NOW = new Date('2026-10-10T10:00:00+08:00');

/** Fills in and sends the admin's login form, as a person does. */
export async function submitAdminLogin(
  page: Page,
  origin: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${origin}/admin/login`);
  await page.fill('input[name=email]', username);
  await page.fill('input[name=password]', password);
  await page.click('form button');
}
