import { randomInt } from 'node:crypto';
import { In } from 'typeorm';
import { createLogger } from '../logging/createLogger';
import { Campaign } from './Campaign';
import { campaignPlanner } from './campaignPlanner';
import { CampaignSend } from './CampaignSend';
import { campaignSentRecorder } from './campaignSentRecorder';
import { pointsChangeCampaign, startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';

describe('the grouped record of accepted sends', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ inProcessWorker: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('records the sends WeChat accepted, and applies a delivery result that beat the record', async () => {
    const { segmentId } = await h.audience(5);
    const { campaignId, runId } = await h.openRun(pointsChangeCampaign(segmentId));
    await campaignPlanner({ system: h.system, runId, generation: 0, sweep: false, log: createLogger(h.system.config, 'test') });
    const campaign = await h.system.dataSource.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const sends = await h.system.dataSource.getRepository(CampaignSend).find({ where: { runId }, order: { id: 'ASC' } });
    const msgIds = sends.map(() => String(randomInt(1, 2 ** 47)));
    // The push for the third and fourth came before their sender recorded them.
    await h.system.dataSource.query(
      "INSERT INTO wechat_template_sends (msgid, openid, template_id, status, status_detail, source) VALUES (?, ?, ?, 'delivered', 'success', 'unknown'), (?, ?, ?, 'failed', 'failed: user block', 'unknown')",
      [msgIds[2], sends[2]!.openid, 'TPL_POINTS_CHANGE', msgIds[3], sends[3]!.openid, 'TPL_POINTS_CHANGE'],
    );

    const recorder = campaignSentRecorder(h.system);
    await Promise.all(sends.map((send, index) => recorder.record(campaign, send, msgIds[index]!)));

    const after = await h.system.dataSource.getRepository(CampaignSend).find({ where: { id: In(sends.map((send) => send.id)) }, order: { id: 'ASC' } });
    expect(after.map((send) => send.state)).toEqual(['sent', 'sent', 'delivered', 'failed', 'sent']);
    expect(after.map((send) => send.wechatMsgId)).toEqual(msgIds);
    expect(after.every((send) => send.sentAt instanceof Date && send.claimedUntil === null)).toBe(true);
    const records = (await h.system.dataSource.query('SELECT msgid, status, source, source_ref FROM wechat_template_sends WHERE msgid IN (?) ORDER BY CAST(source_ref AS UNSIGNED)', [msgIds])) as Array<{
      msgid: string;
      status: string;
      source: string;
      source_ref: string;
    }>;
    expect(records.map((record) => [String(record.msgid), record.status, record.source, String(record.source_ref)])).toEqual(
      sends.map((send, index) => [msgIds[index], index === 2 ? 'delivered' : index === 3 ? 'failed' : 'sent', 'campaign', send.id]),
    );
  });
});
