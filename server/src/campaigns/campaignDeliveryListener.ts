import type { EntityManager } from 'typeorm';
import { TEMPLATE_SEND_LISTENERS } from '../officialAccount/templateSends/templateSendRecords';
import type { TemplateSendResult } from '../officialAccount/templateSends/templateSendRecords';

/**
 * Applies a TEMPLATESENDJOBFINISH result to the campaign send it belongs to (source
 * `campaign`, sourceRef = the send id): delivered, or failed with WeChat's status text.
 */
export async function applyCampaignDelivery(manager: EntityManager, result: Pick<TemplateSendResult, 'source' | 'sourceRef' | 'status' | 'detail'>, at = new Date()): Promise<void> {
  if (result.source !== 'campaign' || !result.sourceRef) return;
  if (result.status === 'delivered') {
    await manager.query("UPDATE campaign_sends SET state = 'delivered', delivered_at = ? WHERE id = ? AND state IN ('pending', 'sent')", [at, result.sourceRef]);
  } else {
    await manager.query("UPDATE campaign_sends SET state = 'failed', error_message = ? WHERE id = ? AND state IN ('pending', 'sent')", [
      `delivery ${result.detail}`.slice(0, 255),
      result.sourceRef,
    ]);
  }
}

let installed = false;

/** Registers {@link applyCampaignDelivery} once among the template-send listeners (done by the routes at start). */
export function installCampaignDeliveryListener(): void {
  if (installed) return;
  installed = true;
  TEMPLATE_SEND_LISTENERS.push((manager, result) => applyCampaignDelivery(manager, result));
}
