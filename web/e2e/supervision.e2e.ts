/**
 * Topical supervision, end to end in Debian's Chromium against the real server and its demo: Huế's
 * secretariat decides a topic over the Department of Health and the People's Committee, sends the plan with
 * a working session twelve days ahead, cites a voters' petition (by its code) and a commitment of the ledger;
 * the Department of Health's officer files its report; the secretariat records a field visit and a finding
 * and recommends to the Department of Health; the topic page shows the cited petition and commitment with
 * where they stand, and the commitment the recommendation became once the ledger has opened it. Every screen
 * is checked for accessibility and photographed in Vietnamese and English.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CommitmentDetail, LedgerPage, SupervisionDetail } from '../src/api/types';
import { vietnamDayPlus } from '../src/time/format';
import { screenshot } from './harness/artifacts';
import { accessibilityViolations } from './harness/axe';
import { cspViolations, launchBrowser, newContext, signIn } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const petitionId = '0199a000-0000-7000-8000-000000000504';

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

async function expectAccessible(p: Page): Promise<void> {
  expect(await accessibilityViolations(p)).toEqual([]);
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

test('the secretariat runs a topic from decision to recommendation, and the topic page shows its evidence and the commitment it created', async () => {
  // The demo's commitments of Huế reach the ledger a moment after the seed.
  let ledger: LedgerPage | null = null;
  await expect
    .poll(async () => {
      ledger = await get<LedgerPage>('/api/commitments?body=pc-hue');
      return ledger.total;
    })
    .toBeGreaterThan(0);
  const cited = ledger!.items[0]!;
  const petition = await get<{ petition: { code: string; title: string } }>(`/api/petitions/${petitionId}`);

  const secretariat = await page('secretariat.hue');
  await secretariat.goto('/supervision?body=pc-hue');
  await secretariat.getByTestId('topics-count').waitFor();
  await expectAccessible(secretariat);
  await screenshot(secretariat, 'supervision-list-vi');

  await secretariat.getByRole('link', { name: 'Quyết định chuyên đề giám sát' }).click();
  await secretariat.getByTestId('new-topic').waitFor();
  await expect.poll(() => secretariat.locator('select[name=body]').inputValue()).toBe('pc-hue');
  await secretariat.fill('input[name=title]', 'Việc xử lý ô nhiễm môi trường và bảo đảm y tế cơ sở tại thành phố Huế');
  await secretariat.fill('textarea[name=scope]', 'Giám sát việc **xử lý rác thải** và cung ứng thuốc tại trạm y tế, giai đoạn 2024–2026.');
  await secretariat.fill('input[name=assignedTo]', 'Ban Văn hóa – Xã hội HĐND thành phố');
  await secretariat.fill('input[name=decisionReference]', '45/NQ-HĐND');
  await secretariat.locator('input[name=supervised][value=hue-a-health]').waitFor();
  await secretariat.locator('input[name=supervised][value=hue-a-health]').check();
  await secretariat.locator('input[name=supervised][value=hue-a-committee]').check();
  await photograph(secretariat, 'supervision-new');
  await secretariat.getByRole('button', { name: 'Lưu quyết định' }).click();
  await secretariat.waitForURL(url => /^\/supervision\/[0-9a-f-]{36}$/.test(url.pathname));
  const topicId = new URL(secretariat.url()).pathname.split('/')[2]!;
  await secretariat.getByTestId('plan-form').waitFor();
  expect(await secretariat.getByTestId('stage').textContent()).toBe('Đã quyết định');
  expect(await secretariat.getByTestId('supervised').textContent()).toContain('Sở Y tế thành phố Huế');
  expect(await secretariat.locator('#scope-heading + .prose strong').textContent()).toBe('xử lý rác thải');

  // A working session less than ten days after the programme is refused in plain words; the outline stays.
  await secretariat.fill('textarea[name=outline]', 'Đề cương báo cáo gồm: thực trạng, nguyên nhân, kiến nghị.');
  await secretariat.fill('input[name=workingSession]', vietnamDayPlus(5));
  await secretariat.getByRole('button', { name: 'Gửi kế hoạch' }).click();
  await secretariat.getByTestId('plan-form').getByTestId('problem').waitFor();
  expect(await secretariat.locator('textarea[name=outline]').inputValue()).toContain('Đề cương');
  await secretariat.fill('input[name=workingSession]', vietnamDayPlus(12));
  await secretariat.getByRole('button', { name: 'Gửi kế hoạch' }).click();
  await expect.poll(() => secretariat.getByTestId('stage').textContent()).toBe('Đã gửi kế hoạch');
  expect(await secretariat.getByTestId('working-sessions').locator('li').count()).toBe(1);

  // Evidence: the petition by the code voters are given, the commitment by its id.
  await secretariat.selectOption('select[name=evidenceKind]', 'petition');
  await secretariat.fill('input[name=evidenceRef]', petition.petition.code.toLowerCase());
  await secretariat.getByRole('button', { name: 'Dẫn chứng', exact: true }).click();
  await expect.poll(() => secretariat.getByTestId('evidence-petitions').textContent()).toContain(petition.petition.title);
  await secretariat.selectOption('select[name=evidenceKind]', 'commitment');
  await secretariat.fill('input[name=evidenceRef]', cited.commitmentId);
  await secretariat.getByRole('button', { name: 'Dẫn chứng', exact: true }).click();
  await expect.poll(() => secretariat.getByTestId('evidence-commitments').textContent()).toContain(cited.text);
  expect(await secretariat.getByTestId('evidence-petitions').getByTestId('petition-status').textContent()).not.toBe('');
  expect(await secretariat.getByTestId('evidence-petitions').getByRole('link').getAttribute('href')).toBe(`/petitions/${petitionId}`);
  expect(await secretariat.getByTestId('evidence-commitments').getByRole('link').getAttribute('href')).toBe(`/commitments/${cited.commitmentId}`);
  expect(await secretariat.getByTestId('evidence-commitments').locator('.badge').first().textContent()).not.toBe('');

  // The Department of Health's officer files its report; it may not plan or recommend.
  const officer = await page('officer.hue-health');
  await officer.goto(`/supervision/${topicId}`);
  await officer.getByTestId('report-form').waitFor();
  expect(await officer.getByTestId('plan-form').count()).toBe(0);
  expect(await officer.getByTestId('finding-form').count()).toBe(0);
  await officer.fill('textarea[name=report]', 'Sở đã bổ sung **12 danh mục** thuốc thiết yếu cho 30 trạm y tế.');
  await officer.fill('textarea[name=attachments]', 'https://syt.hue.gov.vn/bao-cao-giam-sat.pdf');
  await officer.getByRole('button', { name: 'Gửi báo cáo', exact: true }).click();
  await expect.poll(() => officer.getByTestId('reports').textContent()).toContain('12 danh mục');
  await photograph(officer, 'supervision-officer');

  await secretariat.reload();
  await secretariat.getByTestId('timeline').waitFor();
  await secretariat.getByTestId('visit-form').waitFor();
  // The province list loads after the form appears; the topic's province is chosen once it has.
  await expect.poll(() => secretariat.locator('select[name=provinceId]').inputValue()).toBe('hue');
  await secretariat.fill('input[name=commune]', 'Phường Thủy Phương');
  await secretariat.fill('textarea[name=visitNotes]', 'Bãi rác chưa có hệ thống xử lý nước rỉ rác; mùi lan tới khu dân cư.');
  await secretariat.getByRole('button', { name: 'Lưu khảo sát' }).click();
  await expect.poll(() => secretariat.getByTestId('stage').textContent()).toBe('Đang khảo sát');
  expect(await secretariat.getByTestId('visits').textContent()).toContain('Phường Thủy Phương, Huế');

  await secretariat.fill('textarea[name=finding]', 'Việc xử lý rác thải tại bãi rác Thủy Phương chưa đạt quy chuẩn.');
  await secretariat.getByRole('button', { name: 'Lưu kết luận' }).click();
  await expect.poll(() => secretariat.getByTestId('stage').textContent()).toBe('Đang dự thảo báo cáo');
  expect(await secretariat.getByTestId('findings').locator('li').count()).toBe(1);

  const recommend = secretariat.getByTestId('recommendation-form');
  await recommend.locator('select[name=agencyId] option[value=hue-a-health]').waitFor({ state: 'attached' });
  await recommend.locator('textarea[name=recommendation]').fill('Bảo đảm đủ thuốc thiết yếu tại 100% trạm y tế phường, xã.');
  await recommend.locator('input[name=expectedResult]').fill('Không trạm y tế nào thiếu thuốc thiết yếu.');
  await recommend.locator('select[name=agencyId]').selectOption('hue-a-health');
  await recommend.locator('input[name=deadline]').fill(vietnamDayPlus(120));
  await recommend.getByLabel(/Kết luận 1/).check();
  await recommend.getByRole('button', { name: 'Đưa ra kiến nghị' }).click();
  await expect.poll(() => secretariat.getByTestId('recommendations').textContent()).toContain('100% trạm y tế');

  // The ledger opens the recommendation's commitment a moment later; the page looks again until it shows.
  const link = secretariat.getByTestId('recommendation-commitment').getByRole('link', { name: 'theo dõi cam kết' });
  await link.waitFor({ timeout: 60_000 });
  const detail = await get<SupervisionDetail>(`/api/supervision/${topicId}`);
  const made = detail.recommendations[0]!;
  expect(made.owner.agencyId).toBe('hue-a-health');
  expect(made.findingIds.length).toBe(1);
  expect(await link.getAttribute('href')).toBe(`/commitments/${made.commitmentId}`);
  const commitment = await get<CommitmentDetail>(`/api/commitments/${made.commitmentId}`);
  expect(commitment.commitment.agencyId).toBe('hue-a-health');
  expect(await secretariat.getByTestId('recommendation-commitment').locator('.badge').first().textContent()).toBe('Đang thực hiện');
  expect(detail.timeline.map(e => e.type)).toEqual([
    'supervision_topic_decided',
    'supervision_plan_sent',
    'supervision_evidence_linked',
    'supervision_evidence_linked',
    'supervision_report_received',
    'supervision_field_visit_recorded',
    'supervision_finding_recorded',
    'recommendation_made',
  ]);
  await photograph(secretariat, 'supervision-topic-secretariat');

  // The public sees every part of it, and no step to take.
  const voter = await page();
  await voter.goto(`/supervision/${topicId}`);
  await voter.getByTestId('recommendation-commitment').getByRole('link').waitFor();
  expect(await voter.locator('main form').count()).toBe(0); // the header's search form aside
  expect(await voter.getByTestId('evidence-petitions').textContent()).toContain(petition.petition.code);
  expect(await voter.getByTestId('timeline').locator(':scope > li').count()).toBe(8);
  await expectAccessible(voter);
  await screenshot(voter, 'supervision-topic-vi');
  await voter.getByTestId('language-switch').click();
  await expect.poll(() => voter.getByTestId('stage').textContent()).toBe('Reporting');
  await expectAccessible(voter);
  await screenshot(voter, 'supervision-topic-en');

  await voter.goto('/supervision?body=pc-hue');
  await voter.getByTestId('topic-card').first().waitFor();
  expect(await voter.getByTestId('topics').textContent()).toContain('ô nhiễm môi trường');
  await expectAccessible(voter);
  await screenshot(voter, 'supervision-list-en');
  await voter.getByTestId('language-switch').click();
});

test('every page above ran under the Content-Security-Policy without a violation', () => {
  expect(cspViolations).toEqual([]);
});
