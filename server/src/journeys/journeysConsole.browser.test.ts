import type { Browser, Page } from 'playwright-core';
import type { JourneyDto, JourneyKey, JourneyListDto } from '@toyclub/shared';
import { startCampaignHarness } from '../campaigns/testing/campaignHarness';
import type { CampaignHarness } from '../campaigns/testing/campaignHarness';
import { launchConsoleBrowser, openDesktopContext } from '../console/consoleBrowser';
import { screenshotSettled, watchForProblems } from '../h5/browserHarness';
import { createStaff, STAFF_PASSWORD } from '../testing/factories/createStaff';

describe('自动旅程 in the staff console, in a real browser under the CSP', () => {
  let h: CampaignHarness;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchConsoleBrowser();
    h = await startCampaignHarness();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function journey(key: JourneyKey): Promise<JourneyDto> {
    const response = await h.owner.get<JourneyListDto>('/api/admin/journeys');
    expect(response.status).toBe(200);
    return response.body.journeys.find((candidate) => candidate.key === key)!;
  }

  /** The session probe before signing in (401) and the refused days before (400) are what the flow expects. */
  function unexpected(problems: string[]): string[] {
    const expected = [/^HTTP 401 GET \S+\/api\/admin\/session$/, /^HTTP 400 PATCH \S+\/api\/admin\/journeys\/birthday$/, /status of (401|400)/];
    return problems.filter((problem) => !expected.some((pattern) => pattern.test(problem.trim())));
  }

  async function switchState(page: Page, key: JourneyKey): Promise<string | null> {
    return page.locator(`#journey-switch-${key}`).getAttribute('aria-checked');
  }

  it('signs in as an owner, opens 自动旅程 from the menu, switches a journey and changes the birthday days before, both kept after a reload', async () => {
    // The journeys are global: whatever this test changes is put back, for the journey tests sharing the database.
    const original = { churn: (await journey('churn')).enabled, daysBefore: (await journey('birthday')).daysBefore! };
    const owner = await createStaff(h.system, { role: 'owner' });
    const page = await (await openDesktopContext(browser)).newPage();
    const problems = await watchForProblems(page, h.server.baseUrl);
    try {
      await page.goto(`${h.server.baseUrl}/console/`);
      await page.locator('#login-username').fill(owner.username);
      await page.locator('#login-password').fill(STAFF_PASSWORD);
      await page.locator('#login-submit').click();
      await page.locator('#signed-in-as').waitFor({ state: 'visible' });

      await page.locator('#console-menu').getByText('自动旅程').click();
      await page.waitForURL(/#\/journeys$/);
      await page.locator('.journey-card--expiry').waitFor({ state: 'visible' });
      expect(await page.locator('.journey-card .ant-card-head-title').allInnerTexts()).toEqual(['生日祝福', '流失预警', '入会欢迎', '积分到期提醒']);
      const birthdayCard = page.locator('.journey-card--birthday');
      expect(await birthdayCard.innerText()).toContain('近 30 天');
      expect(await birthdayCard.innerText()).toContain(`生日前 ${original.daysBefore} 天`);
      expect(await birthdayCard.locator('.journey-settings').innerText()).toContain('TPL_BIRTHDAY_GREETING');

      // The switch flips once the server has it (the page reloads the list after the PATCH).
      expect(await switchState(page, 'churn')).toBe(String(original.churn));
      await page.locator('#journey-switch-churn').click();
      await page.locator(`#journey-switch-churn[aria-checked="${String(!original.churn)}"]`).waitFor({ state: 'visible' });
      expect((await journey('churn')).enabled).toBe(!original.churn);

      // The birthday greeting's days before: the server's Chinese reason for a refused value, then a saved one.
      await page.locator('#journey-edit-birthday').click();
      await page.locator('#journey-days-before').fill('90');
      await page.locator('#journey-save').click();
      await page.locator('#journey-save-error').waitFor({ state: 'visible' });
      expect(await page.locator('#journey-save-error').innerText()).toContain('提前天数最多 60 天');
      const changed = original.daysBefore === 10 ? 11 : 10;
      await page.locator('#journey-days-before').fill(String(changed));
      await page.locator('#journey-save').click();
      await birthdayCard.locator('.journey-days-before', { hasText: `生日前 ${changed} 天` }).waitFor({ state: 'visible' });
      expect((await journey('birthday')).daysBefore).toBe(changed);
      await screenshotSettled(page, 'console-journeys.png');

      // Both kept across a reload.
      await page.reload();
      await page.locator('.journey-card--birthday .journey-days-before', { hasText: `生日前 ${changed} 天` }).waitFor({ state: 'visible' });
      expect(await switchState(page, 'churn')).toBe(String(!original.churn));

      // And switched back from the page.
      await page.locator('#journey-switch-churn').click();
      await page.locator(`#journey-switch-churn[aria-checked="${String(original.churn)}"]`).waitFor({ state: 'visible' });
      expect((await journey('churn')).enabled).toBe(original.churn);

      expect(unexpected(problems)).toEqual([]);
    } finally {
      // Only what differs: switching on a journey that is on restarts a halted one.
      if ((await journey('churn')).enabled !== original.churn) await h.owner.patch<JourneyDto>('/api/admin/journeys/churn', { enabled: original.churn });
      await h.owner.patch<JourneyDto>('/api/admin/journeys/birthday', { daysBefore: original.daysBefore });
      await page.context().close();
    }
  });
});
