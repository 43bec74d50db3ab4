/**
 * Voters' petitions and the public search, end to end in Debian's Chromium against the real server and its
 * demo: a voter files a petition with no account and is given its code and secret; the public list and the
 * search ("dat dai", typed without marks) find it; Huế's secretariat passes it to the City People's Committee,
 * whose officer answers "being resolved" — the figures count it answered and not resolved; the filer, in the
 * browser that filed it, rates the answer with the kept secret; a voter follows a demo petition by its code typed
 * in lower case; the secretariat records a contact meeting with two petitions. Every screen is checked for
 * accessibility and photographed in Vietnamese and English.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PetitionDetail, PetitionFigures, PetitionPage } from '../src/api/types';
import { screenshot } from './harness/artifacts';
import { accessibilityViolations } from './harness/axe';
import { cspViolations, launchBrowser, newContext, signIn } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** The voter who files: one browser context for the whole file, since the secret it keeps is the point. */
let filer: Page;
let filed: { petitionId: string; code: string; secret: string };

const TITLE = 'Lấn chiếm đất đai công cộng ven sông An Cựu';

async function page(user?: string): Promise<Page> {
  const context = await newContext(browser, server.url);
  contexts.push(context);
  const p = await context.newPage();
  if (user) {
    await signIn(p, user);
  }

  return p;
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, server.url));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Checks the screen with axe and photographs it in Vietnamese, then in English, and comes back to Vietnamese. */
async function bothLanguages(p: Page, name: string, english: () => Promise<unknown>): Promise<void> {
  expect(await accessibilityViolations(p)).toEqual([]);
  await screenshot(p, `${name}-vi`);
  await p.getByTestId('language-switch').click();
  await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('en');
  await english();
  expect(await accessibilityViolations(p)).toEqual([]);
  await screenshot(p, `${name}-en`);
  await p.getByTestId('language-switch').click();
  await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('vi');
}

const figure = (p: Page, body: string, name: string) =>
  p.getByTestId('petition-figures').locator(`tr[data-body="${body}"] [data-figure="${name}"]`).textContent();

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

test('a voter files a petition without an account and is shown its code and its secret once, kept in this browser', async () => {
  filer = await page();
  await filer.goto('/petitions');
  await filer.getByRole('link', { name: 'Gửi kiến nghị' }).click();
  await filer.getByTestId('new-petition').waitFor();
  await filer.locator('select[name=body]').selectOption('pc-hue');
  await filer.locator('select[name=field]').selectOption('land');
  await filer.fill('input[name=title]', TITLE);
  await filer.fill(
    'textarea[name=text]',
    'Một số hộ kinh doanh lấn chiếm đất đai công cộng ven sông An Cựu để dựng quán; đề nghị thành phố kiểm tra, xử lý và trả lại lối đi cho người dân.',
  );
  // A People's Council's own province is chosen for the voter.
  await expect.poll(() => filer.locator('select[name=province]').inputValue()).toBe('hue');
  await filer.fill('input[name=commune]', 'Phường Thuận Hóa');
  await filer.fill('input[name=fullName]', 'Nguyễn Văn Bình');
  await filer.fill('input[name=contact]', '0905 123 456');
  await bothLanguages(filer, 'petition-new', () => filer.getByRole('heading', { name: 'File a petition' }).waitFor());

  await filer.getByRole('button', { name: 'Gửi kiến nghị' }).click();
  await filer.getByTestId('receipt').waitFor();
  const code = (await filer.getByTestId('receipt-code').textContent())!.trim();
  const secret = (await filer.getByTestId('receipt-secret').textContent())!.trim();
  expect(code).toMatch(/^KN-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(secret.length).toBeGreaterThanOrEqual(16);
  expect(await filer.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(await filer.getByTestId('receipt-kept').textContent()).toContain('Trình duyệt này đã lưu mã bí mật');
  expect(await filer.evaluate(c => localStorage.getItem(`qs.petition.secret.${c}`), code)).toBe(secret);
  await bothLanguages(filer, 'petition-filed', () => filer.getByRole('heading', { name: 'Your petition was received' }).waitFor());

  const detail = await get<PetitionDetail>(`/api/petitions/by-code/${code}`);
  filed = { petitionId: detail.petition.petitionId, code, secret };
  expect(detail.petition.title).toBe(TITLE);
  // Who filed is never in the public record.
  expect(JSON.stringify(detail)).not.toContain('Nguyễn Văn Bình');
});

test('the public list and the search find it, the search with "dat dai" typed without marks', async () => {
  const voter = await page();
  await voter.goto('/petitions?body=pc-hue');
  await expect.poll(() => voter.getByTestId('petition-card').allTextContents()).toContainEqual(expect.stringContaining(TITLE));
  const card = voter.getByTestId('petition-card').filter({ hasText: TITLE });
  expect(await card.textContent()).toContain(filed.code);
  expect(await card.textContent()).toContain('Chưa chuyển');
  expect(await card.textContent()).toContain('Đất đai');
  expect(await voter.locator('main').textContent()).not.toContain('Nguyễn Văn Bình');
  await bothLanguages(voter, 'petitions-list', () => voter.getByRole('heading', { name: "Voters' petitions", level: 1 }).waitFor());

  // The one search box in the site's header, from any page.
  await voter.goto('/commitments');
  await voter.getByTestId('site-search').fill('dat dai');
  await voter.getByTestId('site-search').press('Enter');
  await voter.waitForURL(url => url.pathname === '/search');
  expect(new URL(voter.url()).searchParams.get('q')).toBe('dat dai');
  await expect.poll(() => voter.getByTestId('search-hit').filter({ hasText: TITLE }).count()).toBe(1);
  const hit = voter.getByTestId('search-hit').filter({ hasText: TITLE });
  expect(await hit.getAttribute('data-kind')).toBe('petition');
  expect(await hit.locator('mark').allTextContents()).toContain('đất');
  // The demo's land petition in Hồ Chí Minh City is found the same way; narrowed to Huế, only the new one is left.
  expect(await voter.getByTestId('search-results').textContent()).toContain('Bồi thường, tái định cư');
  await voter.locator('main select[name=province]').selectOption('hue');
  await expect.poll(() => voter.getByTestId('search-hit').count()).toBe(1);
  await bothLanguages(voter, 'search', () => voter.getByRole('heading', { name: 'Search', level: 1 }).waitFor());
  await hit.getByRole('link').click();
  await voter.waitForURL(url => url.pathname === `/petitions/${filed.petitionId}`);
  await voter.getByTestId('timeline').waitFor();
});

test("Huế's secretariat passes it to the City People's Committee and sees who filed", async () => {
  const secretariat = await page('secretariat.hue');
  await secretariat.goto(`/petitions/${filed.petitionId}`);
  await secretariat.getByTestId('route-form').waitFor();
  // The body's agencies, by name.
  await expect
    .poll(() => secretariat.getByTestId('route-form').locator('select[name=agencyId] option').allTextContents())
    .toContain('UBND thành phố Huế');
  await secretariat.getByTestId('route-form').locator('select[name=agencyId]').selectOption('hue-a-committee');
  await secretariat.getByRole('button', { name: 'Chuyển kiến nghị' }).click();
  await expect.poll(() => secretariat.getByTestId('routing').textContent()).toContain('UBND thành phố Huế');
  expect(await secretariat.getByTestId('routing').textContent()).toContain('Địa phương');
  expect(await secretariat.getByTestId('timeline').textContent()).toContain('Chuyển tới UBND thành phố Huế');
  // Now with an agency: it may be moved on, giving the reason, until it is answered.
  await secretariat.getByTestId('reroute-form').waitFor();

  await secretariat.getByRole('button', { name: 'Xem người gửi' }).click();
  await expect.poll(() => secretariat.getByTestId('submitters').textContent()).toContain('Nguyễn Văn Bình · 0905 123 456');
  await bothLanguages(secretariat, 'petition-secretariat', () => secretariat.getByRole('heading', { name: 'Classify and pass on' }).waitFor());
});

test('the officer answers "being resolved" from the agency\'s queue: answered goes up by one, resolved does not', async () => {
  const officer = await page('officer.hue-committee');
  await officer.goto('/petitions?body=pc-hue');
  await officer.getByTestId('petition-figures').locator('tr[data-body="pc-hue"]').waitFor();
  const answered = Number(await figure(officer, 'pc-hue', 'answered'));
  const resolved = Number(await figure(officer, 'pc-hue', 'resolved'));

  await officer.getByRole('link', { name: 'Kiến nghị cần trả lời', exact: true }).click();
  await officer.waitForURL(url => url.searchParams.get('agency') === 'hue-a-committee' && url.searchParams.get('window') === 'open');
  await expect.poll(() => officer.getByTestId('petition-card').allTextContents()).toEqual([expect.stringContaining(TITLE)]);
  await expect.poll(() => officer.getByRole('heading', { level: 2, name: /UBND thành phố Huế/ }).count()).toBe(1);
  await bothLanguages(officer, 'petitions-queue', () => officer.getByRole('heading', { level: 2, name: /has to answer/ }).waitFor());

  await officer.getByTestId('petition-card').getByRole('link').click();
  await officer.getByTestId('answer-form').waitFor();
  await officer.fill(
    'textarea[name=markdown]',
    'UBND thành phố đã **lập biên bản** các trường hợp lấn chiếm và giao phường Thuận Hóa cưỡng chế trong tháng tới. <script>alert(1)</script>',
  );
  await officer.getByLabel('Đang giải quyết', { exact: true }).check();
  await officer.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  await expect.poll(() => officer.getByTestId('answers').locator('strong').allTextContents()).toContain('lập biên bản');
  expect(await officer.getByTestId('answers').locator('script').count()).toBe(0);
  expect(await officer.getByTestId('petition-status').textContent()).toContain('Đang giải quyết');
  expect(await officer.getByTestId('petition-status').textContent()).not.toContain('Đã giải quyết xong');
  await bothLanguages(officer, 'petition-officer', () => officer.getByRole('heading', { name: 'Answers' }).waitFor());

  const figures = await get<PetitionFigures>('/api/bodies/pc-hue/petition-figures');
  expect([figures.answered, figures.resolved]).toEqual([answered + 1, resolved]);
  await officer.goto('/petitions?body=pc-hue');
  await expect.poll(() => figure(officer, 'pc-hue', 'answered')).toBe(String(answered + 1));
  expect(await figure(officer, 'pc-hue', 'resolved')).toBe(String(resolved));
});

test('the filer rates the answer from the browser that filed it, with the secret it kept', async () => {
  await filer.goto(`/petitions/by-code/${filed.code}`);
  await filer.getByTestId('filer-rating').waitFor();
  expect(await filer.getByTestId('filer-kept').textContent()).toContain('Trình duyệt này đang giữ mã bí mật');
  expect(await filer.locator('input[name=secret]').inputValue()).toBe(filed.secret);
  await filer.getByTestId('filer-rating').getByLabel('Hài lòng một phần', { exact: true }).check();
  await filer.fill('textarea[name=filer-comment]', 'Mong thành phố xử lý sớm hơn.');
  await filer.getByRole('button', { name: 'Gửi đánh giá của người gửi' }).click();
  await expect.poll(() => filer.getByTestId('ratings').textContent()).toContain('1 một phần');
  expect(await filer.getByTestId('timeline').textContent()).toContain('Mong thành phố xử lý sớm hơn.');
  await bothLanguages(filer, 'petition-filer', () => filer.getByRole('heading', { name: 'For the filer' }).waitFor());
  expect((await get<PetitionDetail>(`/api/petitions/${filed.petitionId}`)).petition.partlySatisfied).toBe(1);

  // The filer has their name and contact erased; the petition stays, and the secretariat sees only that they were.
  await filer.getByRole('button', { name: 'Xóa thông tin cá nhân của tôi' }).click();
  await filer.getByRole('button', { name: 'Xác nhận xóa' }).click();
  await expect.poll(() => filer.getByTestId('filer-panel').getByRole('status').allTextContents()).toContain(
    'Đã xóa thông tin cá nhân của bạn; kiến nghị vẫn được giữ.',
  );
  const secretariat = await page('secretariat.hue');
  await secretariat.goto(`/petitions/${filed.petitionId}`);
  await secretariat.getByRole('button', { name: 'Xem người gửi' }).click();
  await expect.poll(() => secretariat.getByTestId('submitters').textContent()).toContain('Thông tin đã được xóa theo yêu cầu');
  expect(await secretariat.getByTestId('submitters').textContent()).not.toContain('Nguyễn Văn Bình');
});

test('a voter follows a demo petition by its code typed in lower case without hyphens, and rates its answer', async () => {
  const demo = await get<PetitionDetail>('/api/petitions/0199a000-0000-7000-8000-000000000504');
  const voter = await page('voter');
  await voter.goto('/petitions');
  await voter.getByTestId('code-box').locator('input[name=code]').fill(demo.petition.code.toLowerCase().replace(/-/g, ''));
  await voter.getByRole('button', { name: 'Xem', exact: true }).click();
  await voter.waitForURL(url => url.pathname === `/petitions/by-code/${demo.petition.code}`);
  await expect.poll(() => voter.getByTestId('petition-code').textContent()).toBe(demo.petition.code);
  expect(await voter.locator('h1').textContent()).toBe('Ô nhiễm mùi từ bãi rác Thủy Phương');
  expect(await voter.getByTestId('answers').locator('strong').allTextContents()).toContain('đóng ô chôn lấp cũ');

  // A code that cannot be one is refused in place, and what was typed stays.
  await voter.goto('/petitions');
  await voter.getByTestId('code-box').locator('input[name=code]').fill('kn-123');
  await voter.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect.poll(() => voter.getByTestId('code-box').getByRole('alert').textContent()).toContain('Mã chưa đúng');
  expect(await voter.getByTestId('code-box').locator('input[name=code]').inputValue()).toBe('kn-123');

  await voter.goto(`/petitions/by-code/${demo.petition.code.toLowerCase()}`);
  await voter.getByTestId('voter-rating').waitFor();
  // Someone who did not file it has no secret: a wrong one is refused in plain words.
  await voter.getByTestId('filer-panel').locator('summary').click();
  await voter.fill('input[name=secret]', 'not-the-secret');
  await voter.getByRole('button', { name: 'Gửi đánh giá của người gửi' }).click();
  await expect.poll(() => voter.getByTestId('filer-panel').getByTestId('problem').textContent()).toContain('Mã bí mật không đúng');
  expect(await voter.locator('input[name=secret]').inputValue()).toBe('not-the-secret');
  await voter.getByTestId('voter-rating').getByLabel('Không hài lòng', { exact: true }).check();
  await voter.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
  await expect.poll(() => voter.getByTestId('ratings').textContent()).toContain('1 không hài lòng');
  await bothLanguages(voter, 'petition-public', () => voter.getByRole('heading', { name: 'Rate the answer' }).waitFor());
});

test('the secretariat records a contact meeting with two petitions and gets their codes', async () => {
  const secretariat = await page('secretariat.hue');
  await secretariat.goto('/petitions');
  await secretariat.getByRole('link', { name: 'Ghi nhận cuộc tiếp xúc cử tri' }).click();
  await secretariat.getByTestId('meeting-form').waitFor();
  await expect.poll(() => secretariat.locator('main select[name=body]').inputValue()).toBe('pc-hue');
  await secretariat.locator('select[name=timing]').selectOption('afterSession');
  await secretariat.fill('input[name=session]', '3');
  await expect.poll(() => secretariat.locator('main select[name=province]').inputValue()).toBe('hue');
  await secretariat.fill('input[name=commune]', 'Phường Phú Xuân');
  await secretariat.getByLabel('Tôn Nữ Thanh Tâm').check();
  await secretariat.getByLabel('Hồ Văn Lộc').check();

  const rows = secretariat.getByTestId('meeting-rows').locator(':scope > li');
  await rows.nth(0).locator('select[name=field]').selectOption('education');
  await rows.nth(0).locator('input[name=title]').fill('Thiếu phòng học tại trường tiểu học Phú Xuân');
  await rows.nth(0).locator('textarea[name=text]').fill('Trường phải học hai ca vì thiếu phòng; đề nghị xây thêm phòng học.');
  await rows.nth(0).locator('input[name=supporters]').fill('35');
  await secretariat.getByRole('button', { name: 'Thêm kiến nghị' }).click();
  await expect.poll(() => rows.count()).toBe(2);
  // The new row takes the keyboard.
  expect(await secretariat.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('field');
  await rows.nth(1).locator('select[name=field]').selectOption('transport');
  await rows.nth(1).locator('input[name=title]').fill('Đèn tín hiệu giao thông ở ngã tư Lê Lợi hỏng');
  await rows.nth(1).locator('textarea[name=text]').fill('Đèn tín hiệu hỏng nhiều tuần, gây ùn tắc giờ cao điểm.');
  await rows.nth(1).locator('input[name=supporters]').fill('12');
  await bothLanguages(secretariat, 'petition-meeting', () => secretariat.getByRole('heading', { name: 'Record a contact meeting' }).waitFor());

  await secretariat.getByRole('button', { name: 'Ghi nhận cuộc tiếp xúc và 2 kiến nghị' }).click();
  await secretariat.getByTestId('meeting-receipt').waitFor();
  const codes = (await secretariat.getByTestId('meeting-codes').locator('code').allTextContents()).map(c => c.trim());
  expect(codes).toHaveLength(2);
  codes.forEach(c => expect(c).toMatch(/^KN-[0-9A-Z]{4}-[0-9A-Z]{4}$/));
  await expect.poll(() => secretariat.getByTestId('meetings').textContent()).toContain('Sau kỳ họp thứ 3');
  expect(await accessibilityViolations(secretariat)).toEqual([]);
  await screenshot(secretariat, 'petition-meeting-recorded-vi');

  const first = await get<PetitionDetail>(`/api/petitions/by-code/${codes[0]}`);
  expect(first.sources[0]).toMatchObject({ channel: 'meeting', meetingTiming: 'afterSession', session: 3, provinceId: 'hue', supporters: 35 });
  const meeting = await get<PetitionPage>(`/api/petitions?meeting=${first.petition.meetingId}`);
  expect(meeting.items.map(p => p.title).sort()).toEqual(['Thiếu phòng học tại trường tiểu học Phú Xuân', 'Đèn tín hiệu giao thông ở ngã tư Lê Lợi hỏng']);
});

test('every page above ran under the Content-Security-Policy without a violation', () => {
  expect(cspViolations).toEqual([]);
});
