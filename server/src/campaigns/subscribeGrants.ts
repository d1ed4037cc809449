import type { DataSource, EntityManager } from 'typeorm';

/** Adds one subscription grant per accepted template to a follower (one grant, one send). */
export async function recordSubscribeGrants(db: DataSource | EntityManager, openid: string, templateIds: string[]): Promise<void> {
  if (templateIds.length === 0) return;
  await db.query('INSERT INTO oa_subscribe_grants (openid, template_id, remaining) VALUES ? ON DUPLICATE KEY UPDATE remaining = remaining + 1', [
    templateIds.map((templateId) => [openid, templateId, 1]),
  ]);
}
