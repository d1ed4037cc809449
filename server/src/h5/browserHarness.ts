import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../config/configPaths';

/** Debian's Chromium; playwright-core drives it without downloading a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Headless flags for the browser tests (no sandbox in containers, nothing fetched from the internet). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Where browser tests leave their screenshots. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
/** Taro's H5 pages slide in; a screenshot taken sooner catches the page mid-transition. */
const TRANSITION_MS = 600;

/**
 * Fails fast, with the command that fixes it, when the H5 build or Chromium is missing,
 * then launches Chromium headless. Close the browser in afterAll.
 */
export async function launchH5Browser(): Promise<Browser> {
  const indexHtml = path.join(REPO_ROOT, 'miniprogram/dist-h5/index.html');
  if (!fs.existsSync(indexHtml)) {
    throw new Error(`${indexHtml} is missing: run \`npm run build:h5 -w miniprogram\` first`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run \`apt-get install -y chromium\` first`);
  }
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh browser context sized and configured like a phone (375×812, zh-CN, touch). */
export function openPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

/**
 * Collects everything that means the page is broken even when it looks fine: console
 * errors, uncaught exceptions, CSP violations (reported by the page itself, and by Chromium
 * as console errors), failed requests and error answers from our own server.
 */
export async function watchForProblems(page: Page, baseUrl: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A reload or goto drops whatever the page still had in flight (a tab refetching on
    // show, say): Chromium reports that as ERR_ABORTED, and it is no defect of the page.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(baseUrl) && response.status() >= 400) {
      problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
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

/** A screenshot in test-artifacts/, once the page transition has settled. */
export async function screenshotSettled(page: Page, fileName: string): Promise<void> {
  await page.waitForTimeout(TRANSITION_MS);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, fileName) });
}

/** Where the H5 build keeps its simulated WeChat user (miniprogram auth.ts H5_OPENID_STORAGE_KEY). */
export const H5_OPENID_STORAGE_KEY = 'toyclub.h5.openid';

/**
 * A page in a fresh phone context that signs in as the WeChat user `openid` (written in
 * Taro's H5 storage format, `{data}`, before any script of the page runs). Close its context.
 */
export async function openPhoneAs(browser: Browser, openid: string): Promise<Page> {
  const context = await openPhoneContext(browser);
  await context.addInitScript(`localStorage.setItem(${JSON.stringify(H5_OPENID_STORAGE_KEY)}, ${JSON.stringify(JSON.stringify({ data: openid }))});`);
  return context.newPage();
}
