import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BindingCodeDto, CardCodeDto, PurchaseDto, StaffAccountDto } from '@toyclub/shared';
import { POINTS_REASON_LABELS } from '@toyclub/shared';
import { Member } from '../members/Member';
import { Redemption } from '../rewards/Redemption';
import { createMember } from '../testing/factories/createMember';
import { createReward } from '../testing/factories/createReward';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { memberClient } from '../testing/factories/memberClient';
import type { System } from '../system/System';
import type { TestServer } from '../testing/startTestServer';
import { ARTIFACTS_DIR, openPhoneAs, screenshotSettled, watchForProblems } from './browserHarness';
import { startH5SimulatorStack } from './startH5SimulatorStack';
import type { H5SimulatorStack } from './startH5SimulatorStack';

/** ¥259.00 at the default 1 point per yuan and tier 普通 (×1). */
const PURCHASE_FEN = 25900;
const EXPECTED_POINTS = 259;
const REWARD_PRICE = 100;

describe('H5 member flow in a real browser: sign-in, consent, a child, the card, points from the till, a reward', () => {
  let stack: H5SimulatorStack;
  let system: System;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5SimulatorStack();
    ({ system, server, browser } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** A clerk of a fresh store, bound to a mini-program identity through a binding code as at the till. */
  async function clerkAtTheTill() {
    const { store } = await createStore(system);
    const account = await createStaff(system, { role: 'clerk', storeId: store.id });
    const admin = await staffClient(server.baseUrl, account.username);
    const binding = await admin.post<BindingCodeDto>(`/api/admin/staff/${account.id}/binding-code`);
    expect(binding.status).toBe(201);
    const phone = memberClient(server.baseUrl, (await createMember(system)).token);
    const bound = await phone.post<StaffAccountDto>('/api/mp/staff/binding', { code: binding.body.code });
    expect(bound.status).toBe(200);
    return { store, phone };
  }

  /** Resolves with the next card code the page is given. */
  function nextCardCode(page: Page): Promise<string> {
    return page
      .waitForResponse((response) => new URL(response.url()).pathname === '/api/mp/card-code' && response.status() === 200)
      .then(async (response) => ((await response.json()) as CardCodeDto).code);
  }

  async function walkThrough(page: Page, openid: string, problems: string[]): Promise<void> {
    // Signed out, the card offers 微信登录; the sign-in goes through the simulator's login code.
    await page.goto(`${server.baseUrl}/h5/#/pages/card/index`, { waitUntil: 'networkidle' });
    await page.getByText('微信登录', { exact: true }).click();
    await page.locator('#consent-prompt').waitFor({ state: 'visible' });
    const member = await system.dataSource.getRepository(Member).findOneByOrFail({ openid });
    expect(member.privacyConsentedAt).toBeNull();
    await screenshotSettled(page, 'h5-flow-consent.png');
    // An enabled Taro button must not carry disabled="false": Taro's CSS greys out [disabled].
    expect(await page.locator('#consent-accept').getAttribute('disabled')).toBeNull();

    // Accepting the privacy policy removes the prompt and issues the card code.
    const firstCode = nextCardCode(page);
    await page.getByText('同意并继续', { exact: true }).click();
    await page.locator('#consent-prompt').waitFor({ state: 'detached' });
    await firstCode;

    // 我的孩子: the guardian's separate consent comes first, then a child with a birthday.
    await page.getByText('我的孩子', { exact: true }).click();
    await page.locator('#guardian-consent').waitFor({ state: 'visible' });
    await screenshotSettled(page, 'h5-flow-guardian.png');
    await page.locator('#children-guardian-accept').click();
    await page.locator('#children-empty').waitFor({ state: 'visible' });
    await page.locator('#child-name input').fill('豆豆');
    await page.locator('#child-month input').fill('5');
    await page.locator('#child-day input').fill('20');
    await page.locator('#child-add').click();
    await page.getByText('生日 5 月 20 日').waitFor({ state: 'visible' });
    expect(await page.locator('#children-page').innerText()).toContain('豆豆');
    await screenshotSettled(page, 'h5-flow-children.png');

    // 隐私与授权 shows both consents, and the data export carries the child.
    await page.goBack();
    await page.getByText('隐私与授权', { exact: true }).click();
    await page.locator('#privacy-page').getByText('已同意').nth(1).waitFor({ state: 'visible' });
    await page.getByText('导出', { exact: true }).click();
    await page.locator('#privacy-export-json').waitFor({ state: 'visible' });
    expect(await page.locator('#privacy-export-json').innerText()).toContain('豆豆');
    await screenshotSettled(page, 'h5-flow-privacy.png');

    // Back on the card, loaded afresh: tier 普通, balance 0 and the card code the clerk will scan.
    await page.goBack();
    await page.locator('#card-page').waitFor({ state: 'visible' });
    expect(new URL(page.url()).hash).toBe('#/pages/card/index');
    const shownCode = nextCardCode(page);
    await page.reload({ waitUntil: 'networkidle' });
    const code = await shownCode;
    await page.locator('#card-code').getByText(code, { exact: true }).waitFor({ state: 'visible' });
    expect(await page.locator('#member-card-tier').innerText()).toBe('普通');
    expect(await page.locator('#member-card-balance').innerText()).toBe('0');
    await screenshotSettled(page, 'h5-flow-card.png');

    // The clerk records a purchase with the code shown on the page.
    const { store, phone } = await clerkAtTheTill();
    const purchase = await phone.post<PurchaseDto>('/api/mp/staff/purchases', { cardCode: code, amountFen: PURCHASE_FEN, idempotencyKey: `h5-flow-${Date.now()}` });
    expect(purchase).toMatchObject({ status: 200, body: { memberId: member.id, storeId: store.id, pointsEarned: EXPECTED_POINTS } });

    // After a reload the card shows the new balance, and 积分明细 lists the purchase.
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('#member-card-balance').getByText(String(EXPECTED_POINTS), { exact: true }).waitFor({ state: 'visible' });
    await screenshotSettled(page, 'h5-flow-card-points.png');
    await page.getByText('积分明细', { exact: true }).click();
    await page.locator('#points-balance').getByText(`当前积分 ${EXPECTED_POINTS}`).waitFor({ state: 'visible' });
    const entry = page.locator('.points-entry').filter({ hasText: POINTS_REASON_LABELS.purchase });
    await entry.waitFor({ state: 'visible' });
    expect(await entry.innerText()).toContain(`+${EXPECTED_POINTS}`);
    await screenshotSettled(page, 'h5-flow-points.png');

    // 积分兑换: the member spends the points on a reward and gets a redemption code.
    const reward = await createReward(system, { pointsPrice: REWARD_PRICE, stock: 5 });
    await page.goBack();
    await page.getByText('积分兑换', { exact: true }).click();
    await page.locator(`#redeem-${reward.id}`).click();
    await page.locator('#rewards-notice').getByText('兑换成功').waitFor({ state: 'visible' });
    const redemption = await system.dataSource.getRepository(Redemption).findOneByOrFail({ memberId: member.id, rewardId: reward.id });
    expect(await page.locator('#rewards-notice').innerText()).toContain(redemption.code);
    await page.locator('.redemption').getByText(`兑换码 ${redemption.code}`).waitFor({ state: 'visible' });
    expect(await page.locator('.reward').filter({ has: page.locator(`#redeem-${reward.id}`) }).innerText()).toContain('剩余 4');
    await screenshotSettled(page, 'h5-flow-rewards.png');
    await page.goBack();
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('#member-card-balance').getByText(String(EXPECTED_POINTS - REWARD_PRICE), { exact: true }).waitFor({ state: 'visible' });

    expect(problems).toEqual([]);
  }

  it('signs in through the simulator, consents, adds a child, shows the card, the points of a till purchase and redeems them', async () => {
    const openid = `o-h5-flow-${Date.now()}`;
    // The page signs in as a WeChat user the test knows.
    const page = await openPhoneAs(browser, openid);
    const problems = await watchForProblems(page, server.baseUrl);
    try {
      await walkThrough(page, openid, problems);
    } catch (error) {
      // What the page showed and logged when a step failed is the quickest way to the cause.
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'h5-flow-failure.png') });
      throw new Error(`${error instanceof Error ? error.message : String(error)}\npage problems:\n${problems.join('\n')}`);
    } finally {
      await page.context().close();
    }
  });
});
