/**
 * A real deployment from an empty database, end to end in Debian's Chromium against the real server started
 * with Demo:Seed=false: qs creates the first administrator on the server's database; the administrator signs in
 * and, on the /admin screen only, establishes Huế's People's Council, its term, an agency, an official who
 * answers, a delegate, the rules (prefilled from the law) and four accounts with their roles; the secretariat
 * schedules a sitting on the scheduling screen (from a laptop whose clock is set to New York: the start is entered
 * in Hanoi time all the same), the chair opens it, the delegate registers a question, the chair calls her, and the
 * official answers on the respondent's screen. A visitor and a delegate are told /admin and the scheduling screen
 * are not for them, and another body's secretariat may schedule only in its own body; the API refuses them too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SittingResource } from '../src/api/types';
import { instantToVietnamLocal, vietnamLocalToInstant } from '../src/time/vietnamLocal';
import { screenshot } from './harness/artifacts';
import { accessibilityViolations } from './harness/axe';
import { launchBrowser, newContext, signIn } from './harness/browser';
import { runQs } from './harness/qs';
import { startServer, type RunningServer } from './harness/server';

const PASSWORD = 'Mật-khẩu-quản-trị-2026';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(user?: string, next = '/', timezoneId?: string): Promise<Page> {
  const context = await newContext(browser, server.url, undefined, undefined, timezoneId);
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

  // The body's page (in English now) leads its administrator to the scheduling screen too.
  expect(await admin.getByTestId('body-admin').getByRole('link', { name: 'Schedule a questioning sitting' }).getAttribute('href')).toBe('/sittings/new?body=pc-hue');

  // The secretariat schedules the sitting on its screen, reached from the list of sittings.
  const secretariat = await page('thu.ky', '/', 'America/New_York');
  await secretariat.getByTestId('body-pc-hue').getByRole('link', { name: 'Lên lịch phiên chất vấn' }).click();
  const form = secretariat.getByTestId('schedule-form');
  await form.waitFor();
  await expect.poll(() => form.locator('select[name=cluster-0-main] option[value="hue-o-health"]').count()).toBe(1);
  expect(await accessibilityViolations(secretariat)).toEqual([]);
  await screenshot(secretariat, 'schedule-vi');
  await form.locator('input[name=title]').fill('Phiên chất vấn kỳ họp thứ nhất');
  await form.locator('input[name=cluster-0-title]').fill('Y tế cơ sở');
  await form.locator('select[name=cluster-0-main]').selectOption('hue-o-health');

  // A start already past is refused by the server, said next to the form, and nothing is scheduled.
  await form.locator('input[name=startsAt]').fill(instantToVietnamLocal(Date.now() - 3_600_000));
  await form.getByTestId('schedule-submit').click();
  await expect.poll(() => form.getByTestId('problem').textContent()).toContain('Giờ bắt đầu đã qua');
  expect(await secretariat.getByTestId('schedule-done').count()).toBe(0);

  // In ten minutes on Hanoi's clock, with a video page from a host that may not be framed: the sitting is
  // scheduled, and the video's refusal is shown on its own.
  const startsAt = instantToVietnamLocal(Date.now() + 600_000);
  await form.locator('input[name=startsAt]').fill(startsAt);
  await form.locator('input[name=videoUrl]').fill('https://video.example.org/phien-chat-van');
  const answer = secretariat.waitForResponse(r => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/sittings');
  await form.getByTestId('schedule-submit').click();
  const response = await answer;
  expect(response.status(), await response.text()).toBe(200);
  const sittingId = ((await response.json()) as { id: string }).id;
  const done = secretariat.getByTestId('schedule-done');
  await expect.poll(() => done.getByTestId('problem').textContent()).toContain('Chỉ nhúng được trình phát');
  expect(await done.textContent()).toContain('Phiên chất vấn kỳ họp thứ nhất');
  expect(await accessibilityViolations(secretariat)).toEqual([]);
  expect(await done.getByRole('link', { name: 'Mở màn hình điều hành' }).getAttribute('href')).toBe(`/sittings/${sittingId}/chair`);
  const scheduled = (await (await fetch(new URL(`/api/sittings/${sittingId}`, server.url))).json()) as SittingResource;
  expect(Date.parse(scheduled.startsAt)).toBe(Date.parse(vietnamLocalToInstant(startsAt)!));
  expect(scheduled.videoUrl).toBeNull();
  expect(scheduled.clusters.map(c => `${c.title}:${c.main.officialId}`)).toEqual(['Y tế cơ sở:hue-o-health']);
  await secretariat.getByTestId('language-switch').click();
  await expect.poll(() => secretariat.getByTestId('schedule-form').textContent()).toContain('Starts (Hanoi time)');
  expect(await accessibilityViolations(secretariat)).toEqual([]);
  await screenshot(secretariat, 'schedule-en');

  // Before it opens, the secretariat moves it on the chair's console, with a public reason.
  await done.getByRole('link', { name: 'Open the chair\'s console' }).click();
  const move = secretariat.getByTestId('reschedule-form');
  await move.waitFor();
  await expect.poll(() => move.locator('input[name=startsAt]').inputValue()).toBe(startsAt);
  const movedTo = instantToVietnamLocal(Date.now() + 1_200_000);
  await move.locator('input[name=startsAt]').fill(movedTo);
  await move.locator('input[name=reason]').fill('Lùi 10 phút để chờ đại biểu đến đủ');
  await move.locator('button[type=submit]').click();
  await expect.poll(() => move.getByTestId('feedback').textContent()).toBe('The sitting has moved.');
  const moved = (await (await fetch(new URL(`/api/sittings/${sittingId}`, server.url))).json()) as SittingResource;
  expect(Date.parse(moved.startsAt)).toBe(Date.parse(vietnamLocalToInstant(movedTo)!));
  expect(await accessibilityViolations(secretariat)).toEqual([]);

  const chair = await page('chu.toa', `/sittings/${sittingId}/chair`);
  await chair.getByTestId('open-sitting').waitFor();
  expect(await chair.getByTestId('reschedule-form').count()).toBe(0);
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

test('a visitor and a delegate are told the administration and scheduling screens are not for them', async () => {
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

const sitting = (bodyId: string) => ({
  bodyId,
  title: 'Phiên chất vấn không được phép',
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  clusters: [{ title: 'Y tế cơ sở', mainRespondentId: 'hue-o-health' }],
});

test('only the secretariat of a body is offered its scheduling form, and the API refuses everyone else', async () => {
  const visitor = await page();
  await visitor.goto('/sittings/new?body=pc-hue');
  await visitor.getByTestId('schedule-not-allowed').waitFor();
  expect(await visitor.getByTestId('schedule-not-allowed').textContent()).toContain('Vui lòng đăng nhập');
  expect(await visitor.locator('main form').count()).toBe(0);
  expect(await accessibilityViolations(visitor)).toEqual([]);
  expect((await visitor.request.post('/api/sittings', { data: sitting('pc-hue') })).status()).toBe(401);

  // A delegate of the body is no secretariat: no form, no link on the list of sittings, and a 403 from the API.
  const delegate = await page('dai.bieu', '/sittings/new?body=pc-hue');
  await delegate.getByTestId('schedule-not-allowed').waitFor();
  expect(await delegate.getByTestId('schedule-not-allowed').textContent()).toContain('không có vai trò này');
  expect(await delegate.locator('main form').count()).toBe(0);
  expect(await accessibilityViolations(delegate)).toEqual([]);
  const refused = await delegate.request.post('/api/sittings', { data: sitting('pc-hue') });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe('role_required');
  await delegate.goto('/');
  await delegate.getByTestId('body-pc-hue').waitFor();
  expect(await delegate.getByRole('link', { name: 'Lên lịch phiên chất vấn' }).count()).toBe(0);

  // The secretariat of a ward's council schedules there only: asked for Huế, the form offers its own body.
  const admin = await page('quantri', '/admin');
  for (const [path, data] of [
    ['/api/admin/bodies', { bodyId: 'pc-hue-thuanhoa', kind: 'communeCouncil', name: 'Hội đồng nhân dân phường Thuận Hóa', nameEn: "Thuận Hóa Ward People's Council", parentBodyId: 'pc-hue', term: null }],
    ['/api/admin/accounts', { username: 'thu.ky.phuong', displayName: 'Hồ Thị Thư', password: PASSWORD }],
    ['/api/admin/bodies/pc-hue-thuanhoa/grants', { username: 'thu.ky.phuong', role: 'secretariat', personId: null }],
  ] as const) {
    const made = await admin.request.post(path, { data });
    expect(made.ok(), `${path}: ${await made.text()}`).toBe(true);
  }

  const other = await page('thu.ky.phuong', '/sittings/new?body=pc-hue');
  await other.getByTestId('schedule-form').waitFor();
  expect(await other.locator('select[name=body] option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value))).toEqual(['pc-hue-thuanhoa']);
  expect(await other.getByTestId('schedule-form').textContent()).toContain('Hội đồng nhân dân phường Thuận Hóa');
  const elsewhere = await other.request.post('/api/sittings', { data: sitting('pc-hue') });
  expect(elsewhere.status()).toBe(403);
  expect(((await elsewhere.json()) as { code: string }).code).toBe('role_required');
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
