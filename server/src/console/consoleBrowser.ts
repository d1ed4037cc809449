import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, CHROMIUM_ARGS, CHROMIUM_PATH } from '../h5/browserHarness';
import { CONSOLE_DIST_DIR } from './serveConsole';

/**
 * Fails fast, with the command that fixes it, when the console build or Chromium is
 * missing, then launches Chromium headless. Close the browser in afterAll.
 */
export async function launchConsoleBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(CONSOLE_DIST_DIR, 'index.html'))) {
    throw new Error(`${CONSOLE_DIST_DIR}/index.html is missing: run \`npm run build:console\` first`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run \`apt-get install -y chromium\` first`);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A desktop-sized, Chinese-locale context: the console is used on the shop's computer. */
export function openDesktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
}

/**
 * Picks `option` in the antd Select `select` (antd renders options in a detached dropdown).
 * A searchable select is filtered by the option's text first: antd renders only the
 * options in view, and a database shared with other tests holds many stores and segments.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const search = select.locator('input.ant-select-selection-search-input');
  if (await search.isEditable()) await search.fill(option);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  // Multiple selects stay open after a pick; closing keeps the next click from landing on the list.
  await page.keyboard.press('Escape');
}
