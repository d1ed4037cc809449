import type { Browser, Page } from 'playwright-core';
import { BRAND_NAME, MEMBER_APP_TABS } from '@toyclub/shared';
import { createTestSystem } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import type { System } from '../system/System';
import { launchH5Browser, openPhoneContext, screenshotSettled, watchForProblems } from './browserHarness';

async function openPhonePage(browser: Browser): Promise<Page> {
  return (await openPhoneContext(browser)).newPage();
}

describe('H5 member app in a real browser, served at /h5/ under the CSP', () => {
  let system: System;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchH5Browser();
    system = await createTestSystem();
    server = await startTestServer(system);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close(1000);
    await system?.close();
  });

  it('renders the card page, reaches /healthz and shows 服务正常', async () => {
    const page = await openPhonePage(browser);
    const problems = await watchForProblems(page, server.baseUrl);
    const health = page.waitForResponse((response) => new URL(response.url()).pathname === '/healthz');

    const document = await page.goto(`${server.baseUrl}/h5/`);
    expect(document?.status()).toBe(200);
    // The page is only a fair test of the CSP if the server actually sent it.
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");

    await page.locator('#card-page').waitFor({ state: 'visible' });
    expect((await health).status()).toBe(200);
    await page.locator('#service-status.service-status--ok').waitFor({ state: 'visible' });

    expect(await page.locator('#service-status').innerText()).toContain('服务正常');
    expect(await page.locator('#brand-header').innerText()).toContain(BRAND_NAME);
    expect(await page.locator('#member-card').innerText()).toContain('登录后查看会员卡');
    for (const tab of MEMBER_APP_TABS) {
      await page.locator('.taro-tabbar__tabbar').getByText(tab.text, { exact: true }).waitFor({ state: 'visible' });
    }

    await screenshotSettled(page, 'h5-card.png');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('switches tabs through the shortcuts and the tab bar and shows each empty state', async () => {
    const page = await openPhonePage(browser);
    const problems = await watchForProblems(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/h5/`);
    await page.locator('#card-page').waitFor({ state: 'visible' });

    await page.locator('#shortcut-corner').click();
    await page.locator('#corner-empty').waitFor({ state: 'visible' });
    expect(new URL(page.url()).hash).toBe('#/pages/corner/index');

    const expectations = [
      { text: '投票', hook: '#polls-empty', content: '暂无进行中的投票', shot: 'h5-polls.png' },
      { text: '玩具角', hook: '#corner-empty', content: '晒出你家玩具角', shot: 'h5-corner.png' },
      { text: '我的', hook: '#mine-links', content: '门店信息', shot: 'h5-mine.png' },
    ];
    for (const { text, hook, content, shot } of expectations) {
      await page.locator('.taro-tabbar__tabbar').getByText(text, { exact: true }).click();
      await page.locator(hook).waitFor({ state: 'visible' });
      expect(await page.locator(hook).innerText()).toContain(content);
      await screenshotSettled(page, shot);
    }
    // The hash router keeps every page under /h5/, so a reload lands on the same tab.
    expect(new URL(page.url()).hash).toBe('#/pages/mine/index');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
