import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium (never a downloaded browser), headless, with the flags that keep it off the
 * network it cannot reach here. Playwright gives every launch a fresh, empty profile directory.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}. ./test.sh installs Debian's chromium when run as root.`);
  }

  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Every Content-Security-Policy violation any page of any context reported, as Chromium words it. */
export const cspViolations: string[] = [];

/** A browser context as a person in Vietnam has it; `timezoneId` sets the device's clock elsewhere (a laptop abroad). */
export async function newContext(browser: Browser, baseURL: string, width = 1366, height = 900, timezoneId = 'Asia/Ho_Chi_Minh'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width, height }, locale: 'vi-VN', timezoneId });
  // Chromium reports a blocked script, style, frame or connection both as a console error and as a
  // securitypolicyviolation event; the event is relayed to the console so either way it is counted.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)),
  );
  context.on('console', message => {
    if (message.type() === 'error' && /Content Security Policy|CSP violation/i.test(message.text())) {
      cspViolations.push(`${message.location().url}: ${message.text()}`);
    }
  });
  return context;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, username: string, next = '/', password = 'demo'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL(url => url.pathname === next.split('?')[0]);
  await page.getByTestId('signed-in-as').waitFor();
}
