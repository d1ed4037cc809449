import type { JourneyDto, JourneyListDto } from '@toyclub/shared';
import { startCampaignHarness } from '../campaigns/testing/campaignHarness';
import type { CampaignHarness } from '../campaigns/testing/campaignHarness';
import { createStaff, staffClient } from '../testing/factories/createStaff';

describe('journeys in the console', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ inProcessWorker: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists the four journeys with their switch, last run and counts', async () => {
    const response = await h.owner.get<JourneyListDto>('/api/admin/journeys');
    expect(response.status).toBe(200);
    expect(response.body.journeys.map((journey) => journey.key)).toEqual(['birthday', 'churn', 'welcome', 'expiry']);
    const birthday = response.body.journeys[0]!;
    expect(birthday.name).toBe('生日祝福');
    expect(typeof birthday.daysBefore).toBe('number');
    expect(Object.keys(birthday.counts).sort()).toEqual(['delivered', 'enrolled', 'failed', 'pending', 'sent', 'skipped']);
    expect(response.body.journeys[1]!.daysBefore).toBeNull();
  });

  it('lets an owner change the days before and switch a journey off and on', async () => {
    const changed = await h.owner.patch<JourneyDto>('/api/admin/journeys/birthday', { daysBefore: 5 });
    expect(changed.status).toBe(200);
    expect(changed.body.daysBefore).toBe(5);
    const off = await h.owner.patch<JourneyDto>('/api/admin/journeys/expiry', { enabled: false });
    expect(off.body.enabled).toBe(false);
    const listed = await h.owner.get<JourneyListDto>('/api/admin/journeys');
    expect(listed.body.journeys.find((journey) => journey.key === 'expiry')!.enabled).toBe(false);
    const on = await h.owner.patch<JourneyDto>('/api/admin/journeys/expiry', { enabled: true });
    expect(on.body.enabled).toBe(true);
    await h.owner.patch<JourneyDto>('/api/admin/journeys/birthday', { daysBefore: h.system.config.journeys.birthday.daysBefore });
  });

  it('refuses days before on a journey without them, bad input, and a clerk', async () => {
    const churn = await h.owner.patch<{ error: string; message: string }>('/api/admin/journeys/churn', { daysBefore: 3 });
    expect(churn.status).toBe(422);
    expect(churn.body).toMatchObject({ error: 'days_before_birthday_only', message: '只有生日祝福旅程可以设置提前天数' });
    expect((await h.owner.patch('/api/admin/journeys/birthday', { daysBefore: 90 })).status).toBe(400);
    expect((await h.owner.patch('/api/admin/journeys/birthday', {})).status).toBe(400);
    expect((await h.owner.patch('/api/admin/journeys/unknown', { enabled: true })).status).toBe(400);
    const clerk = await createStaff(h.system, { role: 'clerk' });
    const client = await staffClient(h.server.baseUrl, clerk.username);
    expect((await client.get('/api/admin/journeys')).status).toBe(403);
  });
});
