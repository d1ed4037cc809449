import type { Browser, Page } from 'playwright-core';
import { startCampaignHarness } from '../campaigns/testing/campaignHarness';
import type { CampaignHarness } from '../campaigns/testing/campaignHarness';
import { createMembersBulk } from '../testing/factories/createMembersBulk';
import { createSegment } from '../testing/factories/createSegment';
import { createStaff, STAFF_PASSWORD } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { screenshotSettled, watchForProblems } from '../h5/browserHarness';
import { chooseOption, launchConsoleBrowser, openDesktopContext } from './consoleBrowser';

const AUDIENCE = 6;

describe('staff console in a real browser, served at /console/ under the CSP', () => {
  let h: CampaignHarness;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchConsoleBrowser();
    h = await startCampaignHarness({ config: { campaigns: { progressPollMs: 100 } } });
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /**
   * What the flow expects: the session probe before signing in (401), the refused campaign
   * (422), and the page closing its progress stream itself on `end` (Chromium reports the
   * close as an aborted request when it beats the server's end of the response).
   */
  function unexpected(problems: string[]): string[] {
    const expected = [
      /^HTTP 401 GET \S+\/api\/admin\/session$/,
      /^HTTP 422 POST \S+\/api\/admin\/campaigns$/,
      /^HTTP 409 DELETE \S+\/api\/admin\/tags\/\d+$/,
      /status of (401|409|422)/,
      /^request failed: \S+\/progress\/stream net::ERR_ABORTED$/,
    ];
    return problems.filter((problem) => !expected.some((pattern) => pattern.test(problem.trim())));
  }

  /** Opens the console and signs in through the form as a fresh owner. */
  async function signIn(page: Page): Promise<void> {
    const owner = await createStaff(h.system, { role: 'owner' });
    await page.goto(`${h.server.baseUrl}/console/`);
    await page.locator('#login-username').fill(owner.username);
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();
    await page.locator('#signed-in-as').waitFor({ state: 'visible' });
  }

  async function statisticValue(page: Page, selector: string): Promise<string> {
    return page.locator(`${selector} .ant-statistic-content-value`).innerText();
  }

  it('signs in, builds a segment of a store’s members, sends a campaign to it, watches it finish and reads the report', async () => {
    const { store } = await createStore(h.system, { name: `控制台门店${Date.now() % 100000}` });
    const members = await createMembersBulk(h.system, { count: AUDIENCE, storeId: store.id });
    for (const member of members) h.sim.addFollower({ openid: member.openid! });
    const owner = await createStaff(h.system, { role: 'owner' });

    const page = await (await openDesktopContext(browser)).newPage();
    const problems = await watchForProblems(page, h.server.baseUrl);
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(new URL(request.url()).pathname));

    // 登录
    const document = await page.goto(`${h.server.baseUrl}/console/`);
    expect(document?.status()).toBe(200);
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('#login-username').fill(owner.username);
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await screenshotSettled(page, 'console-login.png');
    await page.locator('#login-submit').click();
    await page.locator('#signed-in-as').waitFor({ state: 'visible' });
    await screenshotSettled(page, 'console-members.png');

    // 人群: registration store = the fresh store, so the count is exactly this test's members,
    // and their tier (the lowest), picked by its name.
    await page.goto(`${h.server.baseUrl}/console/#/segments/new`);
    const segmentName = `控制台测试人群${store.id}`;
    const tierName = h.system.config.tiers.levels[0]!.name;
    await page.locator('#segment-name').fill(segmentName);
    await chooseOption(page, page.locator('.rule-kind-select'), '注册门店');
    await chooseOption(page, page.locator('.rule-store-select'), store.name);
    await page.locator('.add-rule').click();
    await chooseOption(page, page.locator('.rule-kind-select').nth(1), '会员等级');
    await chooseOption(page, page.locator('.rule-tier-select'), tierName);
    await page.locator('#segment-preview-button').click();
    await page.locator('#segment-preview').waitFor({ state: 'visible' });
    expect(await statisticValue(page, '.segment-preview-count')).toBe(String(AUDIENCE));
    expect(await page.locator('#segment-preview .ant-table-row').count()).toBe(AUDIENCE);
    expect(await page.locator('#segment-preview .ant-table-row', { hasText: tierName }).count()).toBe(AUDIENCE);
    await screenshotSettled(page, 'console-segment-preview.png');
    await page.locator('#segment-save').click();
    await page.waitForURL(/#\/segments\/\d+$/);
    await page.goto(`${h.server.baseUrl}/console/#/segments`);
    const segmentRow = page.locator('.ant-table-row', { hasText: segmentName });
    await segmentRow.getByRole('button', { name: '计算人数' }).click();
    await segmentRow.locator('.segment-count', { hasText: `${AUDIENCE} 人` }).waitFor({ state: 'visible' });
    expect(new URL(page.url()).hash).toBe('#/segments');

    // 营销活动: a marketing message by template is refused with the server's reason, then sent as a service notice.
    await page.goto(`${h.server.baseUrl}/console/#/campaigns/new`);
    await page.locator('#campaign-name').fill(`周末拼装活动提醒${store.id}`);
    await chooseOption(page, page.locator('.campaign-segment-select'), segmentName);
    await chooseOption(page, page.locator('.campaign-template-select'), 'TPL_EVENT_REMINDER');
    await page.locator('.variant-field-thing1 input, input.variant-field-thing1').first().fill('乐高拼装小课堂');
    await page.locator('.variant-field-time2 input, input.variant-field-time2').first().fill('12月6日 14:00');
    await page.locator('.variant-field-thing3 input, input.variant-field-thing3').first().fill('旗舰店');
    await page.locator('#campaign-holdout').fill('0');
    await page.locator('.campaign-purpose label', { hasText: '营销推广' }).click();
    await page.locator('#campaign-submit').click();
    await page.locator('#campaign-refusal').waitFor({ state: 'visible' });
    expect(await page.locator('#campaign-refusal').innerText()).toContain('模板消息只能用于服务通知');
    await screenshotSettled(page, 'console-campaign-refused.png');

    await page.locator('.campaign-purpose label', { hasText: '服务通知' }).click();
    await page.locator('#campaign-submit').click();
    await page.waitForURL(/#\/campaigns\/\d+$/);
    const campaignId = new URL(page.url()).hash.split('/')[2]!;

    // The progress bar follows the SSE stream to 100%.
    await page.locator('#campaign-progress-text', { hasText: '（100%）' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.campaign-state--completed').first().waitFor({ state: 'visible' });
    expect(await page.locator('#campaign-progress-text').innerText()).toContain(`已处理 ${AUDIENCE} / ${AUDIENCE} 人`);
    await screenshotSettled(page, 'console-campaign-progress.png');
    expect(chunks.some((chunk) => /ReportChart/.test(chunk))).toBe(false);

    // 报告, once WeChat's delivery reports are in.
    await h.waitFor(campaignId, (detail) => detail.counts.sent === 0 && detail.counts.delivered === AUDIENCE, 'the delivery reports');
    await page.locator('#campaign-report-link').click();
    await page.locator('#campaign-report').waitFor({ state: 'visible' });
    expect(await statisticValue(page, '.report-sent')).toBe(String(AUDIENCE));
    expect(await statisticValue(page, '.report-delivered')).toBe(String(AUDIENCE));
    await page.locator('#report-chart canvas').waitFor({ state: 'visible' });
    // echarts arrived in its own chunk, only for the report.
    expect(chunks.some((chunk) => /\/console\/assets\/ReportChart-[\w-]+\.js$/.test(chunk))).toBe(true);
    await screenshotSettled(page, 'console-campaign-report.png');
    await page.goto(`${h.server.baseUrl}/console/#/campaigns`);
    await page.locator('.ant-table-row', { hasText: `周末拼装活动提醒${store.id}` }).locator('.campaign-state--completed').waitFor({ state: 'visible' });

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it('creates a dynamic tag and a keyword auto-reply, opens a member and finds that read in the audit log', async () => {
    const page = await (await openDesktopContext(browser)).newPage();
    const problems = await watchForProblems(page, h.server.baseUrl);
    await signIn(page);
    const suffix = String(Date.now() % 100000);

    await page.goto(`${h.server.baseUrl}/console/#/tags`);
    await page.locator('#tag-new').click();
    await page.locator('#tag-name').fill(`母婴潜在客户${suffix}`);
    await page.locator('.ant-modal label', { hasText: '动态标签' }).click();
    await page.locator('#tag-save').click();
    const tagRow = page.locator('#tag-table .ant-table-row', { hasText: `母婴潜在客户${suffix}` });
    await tagRow.waitFor({ state: 'visible' });
    expect(await tagRow.innerText()).toContain('动态');
    expect(await tagRow.innerText()).toMatch(/近 90 天购买「.+」≥ 3 次/);
    await screenshotSettled(page, 'console-tags.png');

    // A segment now uses the tag: 删除 is refused with the reason, and the tag stays.
    const [created] = (await h.system.dataSource.query('SELECT id FROM tags WHERE name = ?', [`母婴潜在客户${suffix}`])) as Array<{ id: string | number }>;
    await createSegment(h.system, { name: `潜在客户分群${suffix}`, definition: { op: 'and', rules: [{ kind: 'tag', tagIds: [Number(created!.id)] }] } });
    await tagRow.getByRole('button', { name: '删 除' }).or(tagRow.getByRole('button', { name: '删除' })).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
    const refusal = page.locator('.ant-message-error', { hasText: '正在使用该标签' });
    await refusal.waitFor({ state: 'visible' });
    expect(await refusal.innerText()).toContain(`分群「潜在客户分群${suffix}」`);
    expect(await tagRow.isVisible()).toBe(true);

    await page.goto(`${h.server.baseUrl}/console/#/auto-replies`);
    await page.locator('#auto-reply-new').click();
    await page.locator('#auto-reply-name').fill(`营业时间${suffix}`);
    await page.locator('#auto-reply-pattern').fill(`几点开门${suffix}`);
    await page.locator('#auto-reply-content').fill('每天 10:00–21:00 营业，欢迎光临！');
    await page.locator('#auto-reply-save').click();
    const replyRow = page.locator('#auto-reply-table .ant-table-row', { hasText: `营业时间${suffix}` });
    await replyRow.waitFor({ state: 'visible' });
    expect(await replyRow.innerText()).toContain(`包含：几点开门${suffix}`);
    await screenshotSettled(page, 'console-auto-replies.png');

    // 会员 detail, then the audit log entry that reading it left.
    const { store } = await createStore(h.system);
    const [member] = await createMembersBulk(h.system, { count: 1, storeId: store.id });
    await page.goto(`${h.server.baseUrl}/console/#/members/${member!.id}`);
    await page.getByText('消费统计').waitFor({ state: 'visible' });
    expect(await page.locator('.ant-card-head-title', { hasText: '会员' }).first().innerText()).toContain('测试家长');
    // The tier by its name, not its code.
    await page.locator('.ant-descriptions-item-content', { hasText: h.system.config.tiers.levels[0]!.name }).waitFor({ state: 'visible' });
    await screenshotSettled(page, 'console-member-detail.png');
    await page.goto(`${h.server.baseUrl}/console/#/audit`);
    await page.getByPlaceholder('会员 ID').fill(String(member!.id));
    await page.getByPlaceholder('会员 ID').press('Enter');
    const auditRow = page.locator('.ant-table-row', { hasText: 'member.view' });
    await auditRow.first().waitFor({ state: 'visible' });
    expect(await auditRow.first().innerText()).toContain(String(member!.id));
    await screenshotSettled(page, 'console-audit.png');

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it('pauses, resumes and cancels a campaign scheduled for later from its page', async () => {
    const { segmentId } = await h.audience(2);
    const id = await h.launch({
      name: '下周新品预告',
      segmentId,
      channel: 'template',
      content: { purpose: 'service', templateId: 'TPL_EVENT_REMINDER', variants: [{ fields: { thing1: '新品到店', time2: '12月8日 10:00', thing3: '旗舰店' } }] },
      schedule: { kind: 'at', at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    const page = await (await openDesktopContext(browser)).newPage();
    const problems = await watchForProblems(page, h.server.baseUrl);
    await signIn(page);
    await page.goto(`${h.server.baseUrl}/console/#/campaigns/${id}`);
    await page.locator('.ant-card-head .campaign-state--scheduled').waitFor({ state: 'visible' });

    await page.locator('#campaign-pause').click();
    await page.locator('.ant-card-head .campaign-state--paused').waitFor({ state: 'visible' });
    expect((await h.detail(id)).state).toBe('paused');

    await page.locator('#campaign-resume').click();
    await page.locator('#campaign-pause').waitFor({ state: 'visible' });
    expect((await h.detail(id)).state).not.toBe('paused');

    await page.locator('#campaign-cancel').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定取消' }).click();
    await page.locator('.ant-card-head .campaign-state--cancelled').waitFor({ state: 'visible' });
    const cancelled = await h.detail(id);
    expect(cancelled.state).toBe('cancelled');
    // Nothing went to WeChat for it.
    expect(cancelled.counts.sent + cancelled.counts.delivered).toBe(0);
    await screenshotSettled(page, 'console-campaign-cancelled.png');

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
