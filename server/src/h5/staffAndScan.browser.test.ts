import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BindingCodeDto, CardCodeDto, MemberMeDto, PurchaseRequest, RedemptionDto } from '@toyclub/shared';
import { storeCheckInScene } from '../checkins/storeScenes';
import { Member } from '../members/Member';
import { Purchase } from '../purchases/Purchase';
import { PurchaseItem } from '../purchases/PurchaseItem';
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

/** ¥259.90 typed at the till = 25990 fen; 1 point per yuan × 普通 (100 %), rounded down. */
const PURCHASE_YUAN = '259.90';
const PURCHASE_FEN = 25990;
const PURCHASE_POINTS = 259;
const REWARD_PRICE = 100;
/** A purchase without a card: the receipt code's points once claimed. */
const RECEIPT_YUAN = '30';
const RECEIPT_POINTS = 30;
/** config/default.json points.checkInPoints. */
const CHECK_IN_POINTS = 5;
/** What the simulated WeChat account hands over as the member's phone number. */
const PHONE_NUMBER = '13812345678';

describe('H5 店员模式 and the scan page in a real browser: binding, the till, 核销兑换, receipt codes, store check-in, the phone number', () => {
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

  /** A phone whose page signs in as `openid`, watched for problems. */
  async function openPhone(openid: string): Promise<{ page: Page; problems: string[] }> {
    const page = await openPhoneAs(browser, openid);
    return { page, problems: await watchForProblems(page, server.baseUrl) };
  }

  /** Signs in on the card page through the simulator and accepts the privacy policy. */
  async function signInOnCard(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/h5/#/pages/card/index`, { waitUntil: 'networkidle' });
    await page.getByText('微信登录', { exact: true }).click();
    await page.getByText('同意并继续', { exact: true }).click();
    await page.locator('#consent-prompt').waitFor({ state: 'detached' });
  }

  let scans = 0;
  /**
   * Opens the scan landing page with `scene` in a fresh document, as WeChat does for a
   * scanned code. The query before the hash differs each time, so the browser loads the
   * page anew rather than leaving a hash change to the router.
   */
  async function openScan(page: Page, scene: string): Promise<void> {
    scans += 1;
    await page.goto(`${server.baseUrl}/h5/?scan=${scans}#/pages/scan/index?scene=${encodeURIComponent(scene)}`, { waitUntil: 'networkidle' });
  }

  /** The same code scanned again: the scan page loaded afresh with the same scene. */
  async function scanAgain(page: Page): Promise<void> {
    await page.reload({ waitUntil: 'networkidle' });
  }

  /**
   * Takes out of `problems` what a step was meant to cause (a refused request, its console
   * line) and fails when one of them did not happen; anything else stays to fail the test.
   */
  function takeExpected(problems: string[], expected: RegExp[]): void {
    for (const pattern of expected) {
      expect(problems.some((problem) => pattern.test(problem))).toBe(true);
    }
    const rest = problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
    problems.splice(0, problems.length, ...rest);
  }

  async function walkThrough(clerk: Page, clerkProblems: string[], customer: Page, customerProblems: string[], customerOpenid: string): Promise<void> {
    const { store } = await createStore(system);
    const account = await createStaff(system, { role: 'clerk', storeId: store.id });
    const admin = await staffClient(server.baseUrl, account.username);
    const binding = await admin.post<BindingCodeDto>(`/api/admin/staff/${account.id}/binding-code`);
    expect(binding.status).toBe(201);
    const { member, token } = await createMember(system);
    const cardHolder = memberClient(server.baseUrl, token);
    const card = await cardHolder.post<CardCodeDto>('/api/mp/card-code');
    expect(card.status).toBe(200);

    // The clerk signs in, and binds the staff account in 店员模式 from 我的.
    await signInOnCard(clerk);
    await clerk.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
    await clerk.locator('#mine-staff-bind').click();
    await clerk.locator('#staff-binding').waitFor({ state: 'visible' });
    await clerk.locator('#binding-input input').fill(binding.body.code);
    await clerk.locator('#binding-submit').click();
    await clerk.locator('#staff-role').waitFor({ state: 'visible' });
    await screenshotSettled(clerk, 'h5-staff-bound.png');

    // The member's card code typed at the till, then ¥259.90 with one item line.
    await clerk.locator('#card-input input').fill(card.body.code);
    await clerk.locator('#card-submit').click();
    await clerk.locator('#staff-member').waitFor({ state: 'visible' });
    await clerk.locator('#purchase-amount input').fill(PURCHASE_YUAN);
    await clerk.locator('#item-add').click();
    await clerk.locator('#item-0-name input').fill('积木');
    await clerk.locator('#item-0-amount input').fill('100');
    await clerk.locator('#item-0-building_blocks').click();
    await screenshotSettled(clerk, 'h5-staff-purchase-form.png');

    // The first answer is lost on the way back (the server did record it): the clerk taps
    // 提交 again and the page resends the same idempotency key, so the points come once.
    const sent: PurchaseRequest[] = [];
    clerk.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/mp/staff/purchases') sent.push(request.postDataJSON() as PurchaseRequest);
    });
    await clerk.route('**/api/mp/staff/purchases', async (route) => {
      await route.fetch();
      await route.abort('failed');
    }, { times: 1 });
    await clerk.locator('#purchase-submit').click();
    await clerk.locator('#purchase-error').waitFor({ state: 'visible' });
    takeExpected(clerkProblems, [/^request failed: .*\/api\/mp\/staff\/purchases/, /^console error: Failed to load resource: net::ERR_FAILED/]);
    await clerk.locator('#purchase-submit').click();
    await clerk.locator('#purchase-result').waitFor({ state: 'visible' });
    expect(await clerk.locator('#purchase-points').innerText()).toContain(`会员获得 ${PURCHASE_POINTS} 积分，当前积分 ${PURCHASE_POINTS}`);
    await screenshotSettled(clerk, 'h5-staff-purchase-result.png');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ cardCode: card.body.code, amountFen: PURCHASE_FEN, items: [{ name: '积木', quantity: 1, amountFen: 10000, category: 'building_blocks' }] });
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);

    const purchases = await system.dataSource.getRepository(Purchase).findBy({ memberId: member.id });
    expect(purchases.map((purchase) => [purchase.amountFen, purchase.pointsEarned, purchase.storeId])).toEqual([[PURCHASE_FEN, PURCHASE_POINTS, store.id]]);
    const items = await system.dataSource.getRepository(PurchaseItem).findBy({ purchaseId: purchases[0]!.id });
    expect(items.map((item) => [item.name, item.category, item.amountFen])).toEqual([['积木', 'building_blocks', 10000]]);
    expect((await system.dataSource.getRepository(Member).findOneByOrFail({ id: member.id })).pointsBalance).toBe(PURCHASE_POINTS);
    expect((await cardHolder.get<MemberMeDto>('/api/mp/me')).body.pointsBalance).toBe(PURCHASE_POINTS);

    // The member spends the points on a reward; the clerk hands it over with 核销兑换.
    const reward = await createReward(system, { pointsPrice: REWARD_PRICE, stock: 3 });
    const redeemed = await cardHolder.post<RedemptionDto>(`/api/mp/rewards/${reward.id}/redemptions`, { idempotencyKey: `h5-staff-redeem-${Date.now()}` });
    expect(redeemed.status).toBe(200);
    await clerk.locator('#fulfil-input input').fill(redeemed.body.code);
    await clerk.locator('#fulfil-submit').click();
    await clerk.locator('#fulfil-result').waitFor({ state: 'visible' });
    expect(await clerk.locator('#fulfil-result').innerText()).toContain(`已核销：${reward.name}（${REWARD_PRICE} 积分）`);
    const redemption = await system.dataSource.getRepository(Redemption).findOneByOrFail({ id: redeemed.body.id });
    expect(redemption.status).toBe('fulfilled');
    expect(redemption.fulfilledAt).not.toBeNull();
    await screenshotSettled(clerk, 'h5-staff-fulfilled.png');

    // 下一单 without a card: the customer is no member yet, so the page shows a receipt code.
    await clerk.locator('#purchase-next').click();
    await clerk.locator('#purchase-amount input').fill(RECEIPT_YUAN);
    await clerk.locator('#purchase-submit').click();
    await clerk.locator('#purchase-receipt').waitFor({ state: 'visible' });
    const receiptScene = await clerk.locator('#purchase-receipt #card-code-text').innerText();
    await screenshotSettled(clerk, 'h5-staff-receipt.png');

    // Another member claims the receipt on the scan page; scanning it again changes nothing,
    // and a third member (the clerk's own phone) is refused with a clear message.
    await signInOnCard(customer);
    await openScan(customer, receiptScene);
    await customer.locator('#scan-result-title').getByText(`领取成功，获得 ${RECEIPT_POINTS} 积分`).waitFor({ state: 'visible' });
    await screenshotSettled(customer, 'h5-scan-receipt.png');
    await scanAgain(customer);
    await customer.locator('#scan-result-title').getByText(`领取成功，获得 ${RECEIPT_POINTS} 积分`).waitFor({ state: 'visible' });
    const customerMember = () => system.dataSource.getRepository(Member).findOneByOrFail({ openid: customerOpenid });
    expect((await customerMember()).pointsBalance).toBe(RECEIPT_POINTS);
    await openScan(clerk, receiptScene);
    await clerk.locator('#scan-error-message').getByText('这张小票的积分已被领取', { exact: true }).waitFor({ state: 'visible' });
    takeExpected(clerkProblems, [/^HTTP 409 POST .*\/api\/mp\/receipt-claims/, /^console error: Failed to load resource: the server responded with a status of 409/]);
    await screenshotSettled(clerk, 'h5-scan-receipt-used.png');
    expect(clerkProblems).toEqual([]);

    // The store's check-in code: points once a day, the second scan says 今天已签到.
    const checkInScene = storeCheckInScene(system.config, store.id);
    await openScan(customer, checkInScene);
    await customer.locator('#scan-result-title').getByText(`签到成功，获得 ${CHECK_IN_POINTS} 积分`).waitFor({ state: 'visible' });
    await screenshotSettled(customer, 'h5-scan-check-in.png');
    await scanAgain(customer);
    await customer.locator('#scan-result-title').getByText('今天已签到', { exact: true }).waitFor({ state: 'visible' });
    takeExpected(customerProblems, [/^HTTP 409 POST .*\/api\/mp\/check-ins/, /^console error: Failed to load resource: the server responded with a status of 409/]);
    await screenshotSettled(customer, 'h5-scan-check-in-again.png');
    expect((await customerMember()).pointsBalance).toBe(RECEIPT_POINTS + CHECK_IN_POINTS);

    // 我的 → 绑定手机号: on H5 the code comes from the simulator through our origin, the
    // server exchanges it, and the page shows the number masked.
    await customer.goto(`${server.baseUrl}/h5/?mine=1#/pages/mine/index`, { waitUntil: 'networkidle' });
    await customer.locator('#phone-open').click();
    await customer.locator('#phone-input input').fill(PHONE_NUMBER);
    await customer.locator('#phone-submit').click();
    await customer.locator('#mine-page').getByText('138****5678').waitFor({ state: 'visible' });
    await customer.locator('#phone-bind').waitFor({ state: 'detached' });
    await screenshotSettled(customer, 'h5-mine-phone.png');
    expect((await customerMember()).phoneLast4).toBe(PHONE_NUMBER.slice(-4));

    expect(customerProblems).toEqual([]);
  }

  it('binds a clerk, records a purchase once despite a lost answer, fulfils a redemption, a receipt and a check-in are scanned once, and 我的 binds the phone through the simulator', async () => {
    const stamp = Date.now();
    const clerk = await openPhone(`o-h5-clerk-${stamp}`);
    const customerOpenid = `o-h5-customer-${stamp}`;
    const customer = await openPhone(customerOpenid);
    try {
      await walkThrough(clerk.page, clerk.problems, customer.page, customer.problems, customerOpenid);
    } catch (error) {
      // What each phone showed and logged when a step failed is the quickest way to the cause.
      await clerk.page.screenshot({ path: path.join(ARTIFACTS_DIR, 'h5-staff-failure-clerk.png') });
      await customer.page.screenshot({ path: path.join(ARTIFACTS_DIR, 'h5-staff-failure-customer.png') });
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\nclerk page problems:\n${clerk.problems.join('\n')}\ncustomer page problems:\n${customer.problems.join('\n')}`,
      );
    } finally {
      await clerk.page.context().close();
      await customer.page.context().close();
    }
  });
});
