/**
 * Requests for explanation (Decree 59/2019), end to end in Debian's Chromium against the real server and its
 * demo: a person files a request to Huế's People's Committee without an account and keeps the code and the
 * secret; the committee's officer finds it in the queue, accepts it, extends it once with a reason and gives
 * the explanation; the requester, in the same browser, reads it by code and rates it; the public list shows a
 * request only when its requester consented, and a requester can erase their details. Every screen is checked
 * for accessibility and photographed in Vietnamese and English.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ExplanationView } from '../src/api/types';
import { screenshot } from './harness/artifacts';
import { accessibilityViolations } from './harness/axe';
import { cspViolations, launchBrowser, newContext, signIn } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(user?: string): Promise<Page> {
  const context = await newContext(browser, server.url);
  contexts.push(context);
  const p = await context.newPage();
  if (user) {
    await signIn(p, user);
  }

  return p;
}

async function expectAccessible(p: Page): Promise<void> {
  expect(await accessibilityViolations(p)).toEqual([]);
}

interface Filing {
  readonly subject: string;
  readonly publish: boolean;
  readonly name: string;
}

/** Fills in and sends the filing form as a person would; returns the code and the secret shown. */
async function file(p: Page, filing: Filing, photographForm = false): Promise<{ code: string; secret: string }> {
  await p.goto('/explanations/new');
  await p.getByTestId('file-explanation').waitFor();
  await p.selectOption('select[name=body]', 'pc-hue');
  await p.locator('select[name=agencyId] option[value=hue-a-committee]').waitFor({ state: 'attached' });
  await p.selectOption('select[name=agencyId]', 'hue-a-committee');
  await p.fill('input[name=subject]', filing.subject);
  await p.fill(
    'textarea[name=matter]',
    'Quyết định thu hồi đất số 123/QĐ-UBND không nêu rõ căn cứ tính giá bồi thường, ảnh hưởng trực tiếp đến quyền lợi của gia đình tôi.',
  );
  await p.fill('input[name=decisionReference]', '123/QĐ-UBND');
  if (filing.publish) {
    await p.locator('input[name=publish]').check();
  }

  await p.fill('input[name=fullName]', filing.name);
  await p.fill('input[name=contact]', '0905 123 456');
  await p.fill('input[name=address]', '12 Lê Lợi, phường Thuận Hóa, Huế');
  await p.fill('input[name=idNumber]', '046090001234');
  if (photographForm) {
    await photograph(p, 'explanations-new');
  }

  await p.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await p.getByTestId('receipt').waitFor();
  const code = (await p.getByTestId('receipt-code').textContent())!.trim();
  const secret = (await p.getByTestId('receipt-secret').textContent())!.trim();
  return { code, secret };
}

/** Checks the screen with axe and photographs it in Vietnamese and in English, then returns to Vietnamese. */
async function photograph(p: Page, name: string): Promise<void> {
  await expectAccessible(p);
  await screenshot(p, `${name}-vi`);
  await p.getByTestId('language-switch').click();
  await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe('en');
  await expectAccessible(p);
  await screenshot(p, `${name}-en`);
  await p.getByTestId('language-switch').click();
  await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe('vi');
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

test('a person files a request, the officer accepts, extends and explains it, and the requester reads and rates it by code', async () => {
  // The requester: no account.
  const requester = await page();
  const subject = 'Đề nghị giải trình về giá bồi thường khi thu hồi đất';
  const { code, secret } = await file(requester, { subject, publish: true, name: 'Nguyễn Văn An' }, true);
  expect(code).toMatch(/^GT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(secret).toMatch(/^[0-9a-f]{32}$/);
  expect(await requester.evaluate(c => localStorage.getItem(`qs.explanation.secret.${c}`), code)).toBe(secret);
  expect(await requester.getByTestId('receipt-acknowledge-by').textContent()).toMatch(/\d{4}/);
  await photograph(requester, 'explanations-receipt');

  // A bad filing keeps what was typed and says why in plain words.
  const careless = await page();
  await careless.goto('/explanations/new');
  await careless.getByTestId('file-explanation').waitFor();
  await careless.fill('input[name=subject]', 'Thiếu thông tin');
  await careless.fill('textarea[name=matter]', 'Nội dung');
  await careless.fill('input[name=fullName]', 'Trần Thị Bình');
  await careless.fill('input[name=contact]', 'binh@example.vn');
  // Six people may appoint one or two representatives, not five (the form's limit is lifted to reach the server's).
  await careless.fill('input[name=represented]', '6');
  await careless.evaluate(() => document.querySelector<HTMLInputElement>('input[name=representatives]')!.removeAttribute('max'));
  await careless.fill('input[name=representatives]', '5');
  await careless.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await careless.getByTestId('problem').waitFor();
  expect(await careless.getByTestId('problem').textContent()).toContain('người đại diện');
  expect(await careless.locator('input[name=subject]').inputValue()).toBe('Thiếu thông tin');
  expect(await careless.locator('input[name=fullName]').inputValue()).toBe('Trần Thị Bình');

  // The committee's officer finds it in the agency's queue, with what to do by when.
  const officer = await page('officer.hue-committee');
  await officer.goto('/explanations');
  const queue = officer.getByTestId('queue');
  await queue.waitFor();
  const card = queue.locator(`[data-code="${code}"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain('Chờ tiếp nhận');
  expect(await card.textContent()).toContain('Hạn tiếp nhận');
  await photograph(officer, 'explanations-queue');

  await card.getByRole('link', { name: subject }).click();
  await officer.getByTestId('acknowledge-actions').waitFor();
  await officer.getByRole('button', { name: 'Xem thông tin người yêu cầu' }).click();
  await expect.poll(() => officer.getByTestId('requester-details').textContent()).toContain('Nguyễn Văn An');
  expect(await officer.getByTestId('requester-details').textContent()).toContain('046090001234');
  await photograph(officer, 'explanation-acknowledge');

  await officer.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await officer.getByTestId('explain-actions').waitFor();
  expect(await officer.getByTestId('explanation-status').textContent()).toContain('Đang giải trình');
  const accepted = (await officer.getByTestId('explain-by').textContent())!;

  // More than 15 days is refused in plain words, and the reason stays typed.
  await officer.fill('textarea[name=extendReason]', 'Cần xác minh hồ sơ địa chính với Sở Nông nghiệp và Môi trường.');
  await officer.evaluate(() => document.querySelector<HTMLInputElement>('input[name=days]')!.removeAttribute('max'));
  await officer.fill('input[name=days]', '20');
  await officer.getByRole('button', { name: 'Gia hạn giải trình' }).click();
  await officer.getByTestId('problem').waitFor();
  expect(await officer.locator('textarea[name=extendReason]').inputValue()).toContain('Sở Nông nghiệp');

  await officer.fill('input[name=days]', '10');
  await officer.getByRole('button', { name: 'Gia hạn giải trình' }).click();
  await expect.poll(() => officer.getByTestId('explain-by').textContent()).toContain('đã gia hạn');
  expect(await officer.getByTestId('explain-by').textContent()).not.toBe(accepted);
  // One extension only: the form is gone.
  expect(await officer.getByRole('button', { name: 'Gia hạn giải trình' }).count()).toBe(0);

  await officer.fill(
    'textarea[name=explanation]',
    'Giá bồi thường được tính theo **bảng giá đất** năm nay của thành phố <script>alert(1)</script>.\n\n- Hệ số điều chỉnh: 1,2',
  );
  await officer.fill('textarea[name=legalBasis]', 'Luật Đất đai 2024, Điều 91; Quyết định 80/2024/QĐ-UBND');
  await officer.getByRole('button', { name: 'Gửi nội dung giải trình' }).click();
  await expect.poll(() => officer.getByTestId('explanation-status').textContent()).toContain('Đã giải trình');
  expect(await officer.getByTestId('explanation').locator('script').count()).toBe(0);
  expect(await officer.getByTestId('timeline').locator(':scope > li').count()).toBe(4);
  await photograph(officer, 'explanation-officer');

  // The requester, in the same browser, opens it by code: the secret kept at filing proves who they are.
  await requester.goto(`/explanations/by-code/${code}`);
  await requester.getByTestId('explanation').waitFor();
  expect(await requester.getByTestId('explanation').locator('.prose strong').textContent()).toBe('bảng giá đất');
  expect(await requester.getByTestId('legal-basis').textContent()).toContain('Luật Đất đai 2024');
  expect(await requester.getByTestId('explain-by').textContent()).toContain('đã gia hạn');
  await requester.getByTestId('rating-form').getByLabel('Hài lòng một phần').check();
  await requester.fill('textarea[name=comment]', 'Cần nêu rõ hơn cách áp dụng hệ số.');
  await requester.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect.poll(() => requester.getByTestId('rating').textContent()).toBe('Hài lòng một phần');
  await expectAccessible(requester);
  await screenshot(requester, 'explanation-requester-vi');
  const rated = (await (await fetch(`${server.url}/api/explanations/by-code/${code}`, { headers: { 'X-Filer-Secret': secret } })).json()) as ExplanationView;
  expect(rated.audience).toBe('requester');
  expect(rated.rating).toBe('partlySatisfied');
  expect(rated.ratingComment).toBe('Cần nêu rõ hơn cách áp dụng hệ số.');

  await requester.getByTestId('language-switch').click();
  await expect.poll(() => requester.getByTestId('rating').textContent()).toBe('Partly satisfied');
  await expectAccessible(requester);
  await screenshot(requester, 'explanation-requester-en');
  await requester.getByTestId('language-switch').click();
});

test('the public list shows a request only when its requester consented, and a requester erases their details', async () => {
  const consenting = await page();
  const published = await file(consenting, { subject: 'Giải trình về việc cấp phép xây dựng trạm trộn bê tông', publish: true, name: 'Lê Văn Cường' });
  const private_ = await page();
  const hidden = await file(private_, { subject: 'Giải trình về việc thu phí vệ sinh môi trường', publish: false, name: 'Phạm Thị Dung' });

  const anyone = await page();
  await anyone.goto('/explanations');
  await anyone.getByTestId('explanations-count').waitFor();
  await anyone.locator(`[data-code="${published.code}"]`).waitFor();
  expect(await anyone.locator(`[data-code="${hidden.code}"]`).count()).toBe(0);
  expect(await anyone.getByTestId('queue').count()).toBe(0);
  expect(await anyone.getByTestId('explanations').textContent()).not.toContain('Phạm Thị Dung');
  await expectAccessible(anyone);
  await screenshot(anyone, 'explanations-public-vi');

  // By code, without the secret: the published one is readable, the other is "not found or not public".
  await anyone.goto(`/explanations/by-code/${published.code}`);
  await anyone.getByTestId('explanation-facts').waitFor();
  expect(await anyone.getByTestId('secret-form').count()).toBe(1);
  expect(await anyone.getByTestId('rating-form').count()).toBe(0);
  await anyone.goto(`/explanations/by-code/${hidden.code}`);
  await anyone.getByTestId('not-found').waitFor();
  await photograph(anyone, 'explanation-not-public');

  // Pasting the secret elsewhere opens it, and keeps it on that browser.
  await anyone.fill('input[name=secret]', hidden.secret);
  await anyone.getByRole('button', { name: 'Xem bằng mã bí mật' }).click();
  await anyone.getByTestId('erase').waitFor();
  expect(await anyone.evaluate(c => localStorage.getItem(`qs.explanation.secret.${c}`), hidden.code)).toBe(hidden.secret);

  // The officer's queue holds the unpublished one too, marked as such.
  const officer = await page('officer.hue-committee');
  await officer.goto('/explanations');
  const card = officer.getByTestId('queue').locator(`[data-code="${hidden.code}"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain('Không công khai');

  // The requester erases their details: the request stays, with nobody behind it, and the secret stops working.
  await private_.goto(`/explanations/by-code/${hidden.code}`);
  await private_.getByRole('button', { name: 'Xóa thông tin của tôi' }).click();
  await private_.getByRole('button', { name: 'Xác nhận xóa vĩnh viễn' }).click();
  await private_.getByTestId('erased').waitFor();
  await private_.getByTestId('not-found').waitFor();
  expect(await private_.evaluate(c => localStorage.getItem(`qs.explanation.secret.${c}`), hidden.code)).toBeNull();
  await card.getByRole('link').click();
  await officer.getByRole('button', { name: 'Xem thông tin người yêu cầu' }).click();
  await expect.poll(() => officer.getByTestId('requester').textContent()).toContain('đã xóa thông tin');

  // An officer takes a request down in person for their own agency; the secret is handed over, not kept on the desk's browser.
  const desk = await page('officer.hue-committee');
  await desk.goto('/explanations/new');
  await desk.locator('input[name=inPerson]').check();
  await expect.poll(() => desk.getByTestId('in-person-agency').textContent()).toContain('UBND thành phố Huế');
  await desk.fill('input[name=subject]', 'Giải trình về việc cấp giấy chứng nhận quyền sử dụng đất');
  await desk.fill('textarea[name=matter]', 'Hồ sơ cấp giấy chứng nhận nộp từ tháng 3 chưa được giải quyết, không có văn bản trả lời.');
  await desk.fill('input[name=fullName]', 'Hoàng Văn Em');
  await desk.fill('input[name=contact]', '0234 3822 111');
  await desk.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await desk.getByTestId('receipt').waitFor();
  const taken = (await desk.getByTestId('receipt-code').textContent())!.trim();
  expect(await desk.getByTestId('receipt').textContent()).toContain('Đưa mã theo dõi và mã bí mật cho người yêu cầu');
  expect(await desk.evaluate(c => localStorage.getItem(`qs.explanation.secret.${c}`), taken)).toBeNull();
  const response = await desk.request.get(`/api/explanations/by-code/${taken}`);
  expect(((await response.json()) as ExplanationView).channel).toBe('inPerson');

  await anyone.goto('/explanations');
  await anyone.locator(`[data-code="${published.code}"]`).waitFor();
  await anyone.getByTestId('language-switch').click();
  await expect.poll(() => anyone.getByRole('heading', { level: 1 }).textContent()).toBe('Requests for explanation');
  await expectAccessible(anyone);
  await screenshot(anyone, 'explanations-public-en');
  await anyone.getByTestId('language-switch').click();
});

test('every page above ran under the Content-Security-Policy without a violation', () => {
  expect(cspViolations).toEqual([]);
});
