/**
 * Sign-in, end to end in Chromium against the real server: a voter with no account goes from a commitment's
 * "sign in to follow" to creating an account (keyboard only), is signed in and back on the commitment, follows
 * it; signs in on a second device; then signs out everywhere from the first, and the second device's session
 * is refused by the server. The sign-in and registration screens are checked for accessibility in both languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LedgerPage, Me } from '../src/api/types';
import { screenshot } from './harness/artifacts';
import { accessibilityViolations } from './harness/axe';
import { launchBrowser, newContext } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(): Promise<Page> {
  const context = await newContext(browser, server.url);
  contexts.push(context);
  return context.newPage();
}

/** The header's sign-in link: shown once nobody is signed in. */
function headerSignIn(p: Page) {
  return p.getByRole('navigation', { name: 'Ngôn ngữ và tài khoản' }).getByRole('link', { name: 'Đăng nhập', exact: true });
}

async function me(p: Page): Promise<Me> {
  return (await (await p.request.get('/api/auth/me')).json()) as Me;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) {
    await context.close();
  }

  await browser?.close();
  await server?.stop();
});

test('a voter creates an account, follows a commitment, and signs out everywhere', async () => {
  let ledger: LedgerPage | null = null;
  await expect
    .poll(async () => {
      ledger = (await (await fetch(new URL('/api/commitments?body=pc-hue&kind=commitment', server.url))).json()) as LedgerPage;
      return ledger.total;
    })
    .toBeGreaterThan(0);
  const commitment = ledger!.items[0]!;

  const laptop = await page();
  await laptop.goto(`/commitments/${commitment.commitmentId}`);
  await laptop.getByRole('link', { name: 'Đăng nhập để theo dõi và nhận cập nhật' }).click();
  await laptop.waitForURL(url => url.pathname === '/sign-in');
  expect(await accessibilityViolations(laptop)).toEqual([]);
  await laptop.getByRole('link', { name: 'Tạo tài khoản' }).click();
  await laptop.waitForURL(url => url.pathname === '/register');
  expect(await accessibilityViolations(laptop)).toEqual([]);

  // Keyboard only: type into each field in turn and submit with Enter.
  await laptop.getByLabel('Họ và tên hiển thị').focus();
  await laptop.keyboard.type('Lê Thị Thu Hà');
  await laptop.keyboard.press('Tab');
  await laptop.keyboard.type('thuha.hue');
  await laptop.keyboard.press('Tab');
  await laptop.keyboard.press('Tab');
  await laptop.keyboard.type('ngắn');
  await laptop.keyboard.press('Enter');
  // The browser's own length check stops a too-short password before it is sent.
  expect(laptop.url()).toContain('/register');
  await laptop.getByLabel('Mật khẩu').fill('');
  await laptop.getByLabel('Mật khẩu').focus();
  await laptop.keyboard.type('sông Hương núi Ngự');
  await laptop.keyboard.press('Enter');

  await laptop.waitForURL(url => url.pathname === `/commitments/${commitment.commitmentId}`);
  await expect.poll(() => laptop.getByTestId('signed-in-as').textContent()).toBe('Lê Thị Thu Hà');
  expect((await me(laptop)).grants).toEqual([]);
  const follow = laptop.getByTestId('follow-button').first();
  await expect.poll(() => follow.isEnabled()).toBe(true);
  await follow.click();
  await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');

  const phone = await page();
  await phone.goto('/sign-in?next=%2Ffollows');
  await phone.locator('input[name=username]').fill('thuha.hue');
  await phone.locator('input[name=password]').fill('sông Hương núi Ngự');
  await phone.locator('main form button[type=submit]').click();
  await phone.waitForURL(url => url.pathname === '/follows');
  await expect.poll(() => phone.getByTestId('commitment-card').count()).toBe(1);

  await laptop.getByTestId('sign-out-everywhere').click();
  await headerSignIn(laptop).waitFor();
  expect((await me(laptop)).signedIn).toBe(false);
  // The phone still holds its cookie, but the server ended the session it names.
  expect((await me(phone)).signedIn).toBe(false);
  await phone.reload();
  await headerSignIn(phone).waitFor();
  expect(await phone.getByTestId('signed-in-as').count()).toBe(0);
});

test('the registration screen explains a taken username, in English too', async () => {
  const visitor = await page();
  await visitor.goto('/register');
  await visitor.getByTestId('language-switch').click();
  await visitor.getByRole('heading', { name: 'Create an account' }).waitFor();
  await visitor.getByLabel('Full name to show').fill('Someone');
  await visitor.getByLabel('Username').fill('chair.na');
  await visitor.getByLabel('Password').fill('a long enough password');
  await visitor.locator('main form button[type=submit]').click();
  await expect.poll(() => visitor.getByTestId('problem').textContent()).toContain('Someone already has this username');
  expect(await accessibilityViolations(visitor)).toEqual([]);
  await screenshot(visitor, 'register-en');
});
