/**
 * A real deployment from an empty database, end to end in Debian's Chromium against the real server started
 * with Demo:Seed=false: qs creates the first administrator on the server's database; the administrator signs in
 * and, on the /admin screen only, establishes Huế's People's Council, its term, an agency, an official who
 * answers, a delegate, the rules (prefilled from the law) and four accounts with their roles; the secretariat
 * schedules a sitting, the chair opens it, the delegate registers a question, the chair calls her, and the
 * official answers on the respondent's screen. A visitor and a delegate are told /admin is not for them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SittingResource } from '../src/api/types';
import { screenshot } from './harness/artifacts';
import { accessibilityViolations } from './harness/axe';
import { launchBrowser, newContext, signIn } from './harness/browser';
import { runQs } from './harness/qs';
import { startServer, type RunningServer } from './harness/server';

const PASSWORD = 'Mật-khẩu-quản-trị-2026';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(user?: string, next = '/'): Promise<Page> {
  const context = await newContext(browser, server.url);
  contexts.push(context);
  const p = await context.newPage();
  if (user) {
    await signIn(p, user, next, PASSWORD);
  }

  return p;
}

async function submit(p: Page, form: string, fields: Readonly<Record<string, string>>, selects: Readonly<Record<string, string>> = {}) {
  const f = p.getByTestId(`${form}-form`);
  for (const [name, value] of Object.entries(selects)) {
    await f.locator(`select[name=${name}]`).selectOption(value);
  }

  for (const [name, value] of Object.entries(fields)) {
    await f.locator(`input[name=${name}]`).fill(value);
  }

  // The command's answer, not the form's message: the body's page reloads after each change and may redraw the
  // form (and its message) before a poll would see it.
  const answer = p.waitForResponse(r => r.request().method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'));
  await f.locator('button[type=submit]').click();
  const response = await answer;
  expect(response.ok(), `${form}: ${response.status()} ${await response.text()}`).toBe(true);
  expect(await f.getByTestId('problem').count()).toBe(0);
}

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) {
    await context.close();
  }

  await browser?.close();
  await server?.stop();
});

test('from an empty database, the admin tools alone reach a live sitting where a question is asked and answered', async () => {
  const created = await runQs(
    ['admin', 'create', '--username', 'quantri', '--name', 'Quản trị hệ thống', '--password-stdin', '--provider', 'Sqlite', '--connection', server.connectionString],
    `${PASSWORD}\n`,
  );
  expect(created.code, created.output).toBe(0);

  const admin = await page('quantri', '/admin');
  await admin.getByTestId('establish-form').waitFor();
  expect(await accessibilityViolations(admin)).toEqual([]);
  await submit(admin, 'establish', { bodyId: 'pc-hue', name: 'Hội đồng nhân dân thành phố Huế', nameEn: "Huế City People's Council" }, { kind: 'provincialCouncil' });
  await expect.poll(() => admin.getByTestId('admin-bodies').textContent()).toContain('Hội đồng nhân dân thành phố Huế');
  await admin.getByRole('link', { name: 'Hội đồng nhân dân thành phố Huế' }).click();
  await admin.getByTestId('body-admin').waitFor();

  await submit(admin, 'term', { term: '2026–2031', startsOn: '2026-03-15', endsOn: '2031-03-14' });
  await submit(admin, 'agency', { agencyId: 'hue-a-health', name: 'Sở Y tế', nameEn: 'Department of Health' });
  await expect.poll(() => admin.getByTestId('admin-agencies').textContent()).toContain('Sở Y tế');
  await submit(admin, 'official', { officialId: 'hue-o-health', name: 'Lê Văn Hải', office: 'Giám đốc Sở Y tế' }, { agencyId: 'hue-a-health' });
  await submit(admin, 'member', { memberId: 'hue-d-001', name: 'Tôn Nữ Thanh Tâm', group: 'Tổ đại biểu phường Thuận Hóa' });
  await admin.getByTestId('rules-form').locator('button[type=submit]').click();
  await expect.poll(() => admin.getByTestId('admin-rules').textContent()).toContain('00:01:00');
  await expect.poll(() => admin.getByTestId('admin-officials').textContent()).toContain('Lê Văn Hải');

  const people = [
    ['chu.toa', 'Nguyễn Chủ Tọa', 'chair', ''],
    ['thu.ky', 'Trần Thư Ký', 'secretariat', ''],
    ['dai.bieu', 'Tôn Nữ Thanh Tâm', 'deputy', 'hue-d-001'],
    ['giam.doc', 'Lê Văn Hải', 'respondent', 'hue-o-health'],
  ] as const;
  for (const [username, name, role, person] of people) {
    const form = admin.getByTestId('account-form');
    await form.locator('input[name=username]').fill(username);
    await form.locator('input[name=displayName]').fill(name);
    await form.locator('input[name=password]').fill(PASSWORD);
    await form.locator('button[type=submit]').click();
    await expect.poll(() => admin.getByTestId('account-created').textContent()).toContain(username);
    await admin.getByTestId('grant-role').selectOption(role);
    await expect.poll(() => admin.getByTestId('grant-form').locator(`select[name=username] option[value="${username}"]`).count()).toBe(1);
    await submit(admin, 'grant', {}, person ? { username, personId: person } : { username });
    await expect.poll(() => admin.getByTestId('admin-grants').textContent()).toContain(name);
  }

  expect(await accessibilityViolations(admin)).toEqual([]);
  await screenshot(admin, 'admin-body-vi');
  await admin.getByTestId('language-switch').click();
  await expect.poll(() => admin.getByTestId('admin-history').textContent()).toContain('granted by Quản trị hệ thống');
  expect(await accessibilityViolations(admin)).toEqual([]);
  await screenshot(admin, 'admin-body-en');

  // The secretariat schedules the sitting (there is no scheduling screen: the API, signed in as the secretariat).
  const secretariat = await page('thu.ky');
  const scheduled = await secretariat.request.post('/api/sittings', {
    data: {
      bodyId: 'pc-hue',
      title: 'Phiên chất vấn kỳ họp thứ nhất',
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      clusters: [{ title: 'Y tế cơ sở', mainRespondentId: 'hue-o-health' }],
    },
  });
  expect(scheduled.status(), await scheduled.text()).toBe(200);
  const sittingId = ((await scheduled.json()) as { id: string }).id;

  const chair = await page('chu.toa', `/sittings/${sittingId}/chair`);
  await chair.getByTestId('open-sitting').click();
  await chair.getByRole('button', { name: 'Mở nhóm' }).first().click();

  const deputy = await page('dai.bieu', `/sittings/${sittingId}/deputy`);
  await deputy.locator('textarea[name=text]').fill('Vì sao trạm y tế phường thiếu thuốc?');
  await deputy.getByTestId('register').click();
  await expect.poll(() => deputy.getByTestId('my-place').textContent()).toContain('vị trí số 1');

  await chair.getByTestId('call-one').click();
  await chair.locator('[data-testid=start-question]:not([disabled])').first().click();
  await expect.poll(() => deputy.getByTestId('my-place').textContent()).toContain('Bạn đang phát biểu');
  await chair.getByTestId('end-turn').click();
  await expect.poll(() => chair.getByTestId('start-answer').isEnabled()).toBe(true);
  await chair.getByTestId('start-answer').click();

  const respondent = await page('giam.doc', `/sittings/${sittingId}/respondent`);
  await expect.poll(() => respondent.getByTestId('respondent-now').textContent()).toContain('Trả lời');
  expect(await respondent.getByTestId('respondent-question').textContent()).toContain('Vì sao trạm y tế phường thiếu thuốc?');
  await chair.getByTestId('end-turn').click();

  await expect
    .poll(async () => {
      const sitting = (await (await fetch(new URL(`/api/sittings/${sittingId}`, server.url))).json()) as SittingResource;
      return sitting.turns.map(t => `${t.kind}:${t.speakerId}`);
    })
    .toEqual(['question:hue-d-001', 'answer:hue-o-health']);
});

test('a visitor and a delegate are told the administration screen is not for them', async () => {
  const visitor = await page();
  await visitor.goto('/admin');
  await visitor.getByTestId('admin-not-allowed').waitFor();
  expect(await visitor.getByTestId('admin-not-allowed').textContent()).toContain('Vui lòng đăng nhập');
  expect(await accessibilityViolations(visitor)).toEqual([]);

  const delegate = await page('dai.bieu', '/admin');
  await delegate.getByTestId('admin-not-allowed').waitFor();
  expect(await delegate.getByTestId('admin-not-allowed').textContent()).toContain('không có vai trò quản trị');
  expect(await delegate.locator('main form').count()).toBe(0);
  expect(await accessibilityViolations(delegate)).toEqual([]);
});

test('the administrator unseats a delegate after a confirm step, and the roster and the history of roles say why', async () => {
  const admin = await page('quantri', '/admin');
  await admin.getByRole('link', { name: 'Hội đồng nhân dân thành phố Huế' }).click();
  const form = admin.getByTestId('unseat-form');
  await form.locator('select[name=personId]').selectOption('hue-d-001');
  await form.locator('input[name=reason]').fill('Xin thôi làm đại biểu vì chuyển công tác');
  await form.getByRole('button', { name: 'Tiếp tục' }).click();

  // Nothing is sent until the question is answered; the answer has the focus, and the keyboard gives it.
  await expect.poll(() => admin.getByTestId('unseat-question').textContent()).toContain('Tôn Nữ Thanh Tâm thôi làm đại biểu từ hôm nay');
  expect(await accessibilityViolations(admin)).toEqual([]);
  await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Xác nhận');
  const answer = admin.waitForResponse(r => r.request().method() === 'POST' && r.url().includes('/members/hue-d-001/unseating'));
  await admin.keyboard.press('Enter');
  expect((await answer).ok()).toBe(true);

  await expect.poll(() => admin.getByTestId('admin-members').textContent()).toContain('thôi làm đại biểu từ');
  await expect.poll(() => admin.getByTestId('admin-history').textContent()).toContain('Xin thôi làm đại biểu vì chuyển công tác');
  expect(await admin.getByTestId('unseat-form').count()).toBe(0); // nobody else sits: nothing left to unseat
  expect(await accessibilityViolations(admin)).toEqual([]);
  await screenshot(admin, 'admin-unseated-vi');
});
