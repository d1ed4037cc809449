import type { ApiErrorBody, CampaignClickDto } from '@toyclub/shared';
import { CAMPAIGN_CLICK_PARAM } from '@toyclub/shared';
import { createCampaignFixture } from '../testing/factories/createCampaignFixture';
import { createMember } from '../testing/factories/createMember';
import { clickToken, trackedLink, trackedVariantLinks } from './clickTokens';
import { DAY_MS } from '../time/dayMs';
import { useTestServer } from '../testing/useTestServer';

const TARGET = 'https://toyclub.example/events/42?from=campaign';

describe('campaign click tracking', () => {
  const harness = useTestServer();

  async function newSend() {
    const fixture = await createCampaignFixture(harness.system);
    const { member } = await createMember(harness.system);
    return fixture.addSend({ memberId: member.id, state: 'sent' });
  }

  const clicksOf = async (sendId: string) =>
    (await harness.system.dataSource.query('SELECT click_count, first_via, first_clicked_at, last_clicked_at FROM campaign_clicks WHERE send_id = ?', [sendId])) as Array<{
      click_count: number;
      first_via: string;
      first_clicked_at: Date;
      last_clicked_at: Date;
    }>;
  const open = (path: string) => fetch(`${harness.server.baseUrl}${path}`, { redirect: 'manual' });
  const postClick = async (token: string) => {
    const response = await fetch(`${harness.server.baseUrl}/api/mp/campaign-clicks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    return { status: response.status, body: (await response.json()) as CampaignClickDto | ApiErrorBody };
  };

  it('redirects a tracked web link to its target and counts every opening once per send', async () => {
    const send = await newSend();
    const link = trackedLink(harness.system.config, { sendId: send.id, target: TARGET });
    expect(link.startsWith(`${harness.system.config.http.publicBaseUrl}/r/c`)).toBe(true);
    const path = new URL(link).pathname;

    const first = await open(path);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(TARGET);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const [afterFirst] = await clicksOf(send.id);
    expect(afterFirst).toMatchObject({ click_count: 1, first_via: 'link' });

    await Promise.all([open(path), open(path)]);
    const [afterThree] = await clicksOf(send.id);
    expect(afterThree!.click_count).toBe(3);
    expect(afterThree!.first_clicked_at).toEqual(afterFirst!.first_clicked_at);
    expect(afterThree!.last_clicked_at.getTime()).toBeGreaterThanOrEqual(afterFirst!.last_clicked_at.getTime());
  });

  it('records a mini-program page opened with its ctk parameter', async () => {
    const send = await newSend();
    const pagepath = trackedLink(harness.system.config, { sendId: send.id, target: 'pages/events/index?id=3' });
    const match = new RegExp(`^pages/events/index\\?id=3&${CAMPAIGN_CLICK_PARAM}=(.+)$`).exec(pagepath);
    expect(match).not.toBeNull();
    expect(await postClick(match![1]!)).toEqual({ status: 200, body: { recorded: true, clickCount: 1 } });
    expect(await postClick(match![1]!)).toEqual({ status: 200, body: { recorded: true, clickCount: 2 } });
    expect((await clicksOf(send.id))[0]).toMatchObject({ click_count: 2, first_via: 'page' });
    // A page token is no redirect.
    expect((await open(`/r/${match![1]!}`)).status).toBe(400);
  });

  it('refuses forged, tampered, expired and orphaned tokens with a clear 4xx and records nothing', async () => {
    const send = await newSend();
    const token = clickToken(harness.system.config, { sendId: send.id, target: TARGET });
    const [body, signature] = [token.slice(0, token.lastIndexOf('.')), token.slice(token.lastIndexOf('.') + 1)];

    const forgedSignature = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const otherTarget = clickToken(harness.system.config, { sendId: send.id, target: 'https://evil.example/' });
    const swapped = `${otherTarget.slice(0, otherTarget.lastIndexOf('.'))}.${signature}`;
    const signedElsewhere = clickToken({ ...harness.system.config, security: { signingSecret: 'another-deployment-secret-0000000000000' } }, { sendId: send.id, target: TARGET });
    for (const bad of [forgedSignature, swapped, signedElsewhere, 'not-a-token-at-all']) {
      const response = await open(`/r/${bad}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(((await response.json()) as ApiErrorBody).error).toBe('click_link_invalid');
    }
    expect(await postClick(forgedSignature)).toMatchObject({ status: 400, body: { error: 'click_link_invalid', message: '链接无效' } });

    const expired = clickToken(harness.system.config, { sendId: send.id, target: TARGET, now: new Date(Date.now() - (harness.system.config.campaigns.clickLinkTtlDays + 1) * DAY_MS) });
    const gone = await open(`/r/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ error: 'click_link_expired', message: '链接已过期' });

    const inBrowser = await fetch(`${harness.server.baseUrl}/r/${expired}`, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(inBrowser.status).toBe(410);
    expect(inBrowser.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await inBrowser.text()).toContain('<h1 style="font-size:1.25em">链接已过期</h1>');

    const orphan = clickToken(harness.system.config, { sendId: '999999999999', target: TARGET });
    expect((await open(`/r/${orphan}`)).status).toBe(404);
    expect(await clicksOf(send.id)).toEqual([]);
    expect(await clicksOf('999999999999')).toEqual([]);
  });

  it('tracks both links of a content variant for the sender, and leaves absent ones absent', async () => {
    const send = await newSend();
    const links = trackedVariantLinks(harness.system.config, { sendId: send.id, url: TARGET, miniProgramPage: 'pages/polls/index' });
    expect(links.url).toMatch(/\/r\/c[0-9a-z]+\./);
    expect(links.miniProgramPage).toMatch(new RegExp(`^pages/polls/index\\?${CAMPAIGN_CLICK_PARAM}=c`));
    expect((await open(new URL(links.url!).pathname)).headers.get('location')).toBe(TARGET);
    expect(trackedVariantLinks(harness.system.config, { sendId: send.id })).toEqual({});
  });

  it('builds no link for a target that is neither a web URL nor a page path', () => {
    expect(() => trackedLink(harness.system.config, { sendId: '1', target: 'javascript:alert(1)' })).toThrow(/not a web URL/);
  });
});
