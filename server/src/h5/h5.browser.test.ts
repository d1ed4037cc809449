import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { BRAND_NAME, MEMBER_APP_TABS } from '@toyclub/shared';
import { REPO_ROOT } from '../config/configPaths';
import { createTestSystem } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import type { System } from '../system/System';

/** Debian's Chromium; playwright-core drives it without downloading a browser of its own. */
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
/** Taro's H5 pages slide in; a screenshot taken sooner catches the page mid-transition. */
const TRANSITION_MS = 600;

/**
 * Collects everything that means the page is broken even when it looks fine: console
 * errors, uncaught exceptions, CSP violations (reported by the page itself, and by Chromium
 * as console errors), failed requests and error answers from our own server.
 */
async function watchForProblems(page: Page, baseUrl: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.url().startsWith(baseUrl) && response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  await page.exposeFunction('reportCspViolation', (violation: string) => problems.push(`CSP violation: ${violation}`));
  // A string, not a function: this workspace's types have no DOM, and the code runs in the page.
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
    });
  `);
  return problems;
}

async function openPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}

describe('H5 member app in a real browser, served at /h5/ under the CSP', () => {
  let system: System;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const indexHtml = path.join(REPO_ROOT, 'miniprogram/dist-h5/index.html');
    if (!fs.existsSync(indexHtml)) {
      throw new Error(`${indexHtml} is missing: run \`npm run build:h5 -w miniprogram\` first`);
    }
    if (!fs.existsSync(CHROMIUM_PATH)) {
      throw new Error(`${CHROMIUM_PATH} is missing: run \`apt-get install -y chromium\` first`);
    }
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    system = await createTestSystem();
    server = await startTestServer(system);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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

    await page.waitForTimeout(TRANSITION_MS);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'h5-card.png') });
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
      await page.waitForTimeout(TRANSITION_MS);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, shot) });
    }
    // The hash router keeps every page under /h5/, so a reload lands on the same tab.
    expect(new URL(page.url()).hash).toBe('#/pages/mine/index');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
