/**
 * The hardened client in Chromium against the real server: the Content-Security-Policy is served and
 * enforced (a planted inline script is refused and reported, so the other files' "no violation" checks
 * can fail), a question whose answer is lost on the way back is retried with the same Idempotency-Key
 * and filed once, a double click files once, and the watch page says when a sitting is not live.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessibilityViolations } from './harness/axe';
import { cspViolations, launchBrowser, newContext, signIn } from './harness/browser';
import { servedSitting } from './harness/fold';
import { startServer, type RunningServer } from './harness/server';

const NA = '0199a000-0000-7000-8000-000000000001';
const PAST = '0199a000-0000-7000-8000-000000000101';
const questions = `/api/sittings/${NA}/questions`;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(): Promise<Page> {
  const context = await newContext(browser, server.url);
  contexts.push(context);
  return context.newPage();
}

async function slipsWith(text: string): Promise<number> {
  return (await servedSitting(server.url, NA)).questions.filter(q => q.text === text).length;
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

describe.sequential('a hardened web client', () => {
  test('the page is served with a policy that refuses an inline script, and the refusal is reported', async () => {
    const planted = await page();
    const response = await planted.goto(`/sittings/${NA}/watch`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await planted.getByTestId('speaker').waitFor();

    const before = cspViolations.length;
    const ran = await planted.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      await new Promise(resolve => setTimeout(resolve, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });

    expect(ran).toBe(false);
    await expect.poll(() => cspViolations.length).toBeGreaterThan(before);
    cspViolations.splice(before);
  });

  test('a question whose answer was lost is sent again with the same key and filed once', async () => {
    const deputy = await page();
    await signIn(deputy, 'na-d-001');
    const slip = 'Đề nghị Bộ trưởng Bộ Y tế cho biết lộ trình giảm giá thuốc biệt dược (gửi lại khi mất kết nối)';
    const keys: string[] = [];
    let dropped = 0;
    // The first copy reaches the server and is recorded; its answer is then lost, as on a dropped connection.
    await deputy.route(`**${questions}`, async route => {
      keys.push((await route.request().allHeaders())['idempotency-key'] ?? '');
      if (dropped === 0) {
        dropped++;
        const answered = await route.fetch();
        expect(answered.status()).toBe(200);
        await route.abort('connectionreset');
        return;
      }

      await route.continue();
    });

    await deputy.goto(`/sittings/${NA}/deputy`);
    await deputy.locator('textarea[name=slipText]').fill(slip);
    await deputy.getByRole('button', { name: 'Gửi phiếu' }).click();

    await expect.poll(() => deputy.getByRole('status').filter({ hasText: 'Đã gửi phiếu chất vấn.' }).count()).toBe(1);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await slipsWith(slip)).toBe(1);
  });

  test('a double click, or two submits in one tick, files one question', async () => {
    const deputy = await page();
    await signIn(deputy, 'na-d-001');
    const sent: string[] = [];
    await deputy.route(`**${questions}`, async route => {
      sent.push(route.request().method());
      await route.continue();
    });
    await deputy.goto(`/sittings/${NA}/deputy`);
    const text = deputy.locator('textarea[name=slipText]');
    const submit = deputy.getByRole('button', { name: 'Gửi phiếu' });

    const clicked = 'Đề nghị Bộ trưởng Bộ Giáo dục cho biết giải pháp thiếu giáo viên mầm non (bấm đúp)';
    await text.fill(clicked);
    await submit.dblclick();
    await expect.poll(() => text.inputValue()).toBe('');

    // Both submits land before the re-render that disables the button: only the guard stops the second.
    const twice = 'Đề nghị Bộ trưởng Bộ Giáo dục cho biết giải pháp thiếu giáo viên mầm non (gửi hai lần)';
    await text.fill(twice);
    await deputy.locator('form:has(textarea[name=slipText])').evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect.poll(() => text.inputValue()).toBe('');

    expect(await slipsWith(clicked)).toBe(1);
    expect(await slipsWith(twice)).toBe(1);
    expect(sent).toHaveLength(2);
  });

  test('the watch page says a closed sitting is no longer live and a scheduled one has not opened', async () => {
    const viewer = await page();
    await viewer.goto(`/sittings/${PAST}/watch`);
    const banner = viewer.getByTestId('connection');
    await expect.poll(() => banner.textContent()).toBe('Phiên họp đã bế mạc: trang này không còn cập nhật trực tiếp.');
    expect(await viewer.getByText('Đang cập nhật trực tiếp').count()).toBe(0);
    expect(await accessibilityViolations(viewer)).toEqual([]);

    await viewer.goto(`/sittings/${NA}/watch`);
    await expect.poll(() => viewer.getByTestId('connection').textContent()).toBe('Phiên họp chưa khai mạc: trang sẽ tự cập nhật khi phiên bắt đầu.');
    expect(await accessibilityViolations(viewer)).toEqual([]);
  });

  test('an allowed player is framed in its sandbox, and no page broke the policy', async () => {
    const secretariat = await page();
    await signIn(secretariat, 'secretariat.na');
    const refused = await secretariat.request.post(`/api/sittings/${NA}/video-stream`, { data: { url: 'https://video.example.com/player/1' } });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { code: string }).code).toBe('video_host_not_allowed');
    const player = 'https://www.youtube-nocookie.com/embed/phien-chat-van';
    const set = await secretariat.request.post(`/api/sittings/${NA}/video-stream`, { data: { url: player } });
    expect(set.status()).toBe(200);

    const viewer = await page();
    await viewer.goto(`/sittings/${NA}/watch`);
    const frame = viewer.locator('iframe');
    await expect.poll(() => frame.getAttribute('src')).toBe(player);
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation');
    expect(cspViolations).toEqual([]);
  });
});
