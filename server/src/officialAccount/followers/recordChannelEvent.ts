import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QrChannel } from './parseQrScene';

/** The store a channel points to, when it is a store's code. */
export interface ChannelStore {
  id: string;
  name: string;
}

/** Finds the store of a store's channel; null for other channels and stores that no longer exist. */
export async function channelStore(manager: EntityManager, channel: QrChannel): Promise<ChannelStore | null> {
  if (channel.kind !== 'store' || !channel.code) return null;
  const rows = (await manager.query('SELECT id, name FROM stores WHERE id = ?', [channel.code])) as Array<{ id: string; name: string }>;
  return rows[0] ? { id: String(rows[0].id), name: rows[0].name } : null;
}

/**
 * Writes one follow or scan to the attribution log. Keyed by the push's dedup key, so a
 * re-delivered push is counted once; returns false when it was already recorded.
 */
export async function recordChannelEvent(
  manager: EntityManager,
  input: { openid: string; event: 'subscribe' | 'scan'; channel: QrChannel; storeId: string | null; dedupKey: string },
): Promise<boolean> {
  const result = (await manager.query(
    `INSERT IGNORE INTO oa_channel_events (openid, event, scene, channel_kind, channel_code, store_id, dedup_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      input.openid,
      input.event,
      input.channel.scene,
      input.channel.kind,
      input.channel.code,
      input.storeId,
      createHash('sha1').update(input.dedupKey).digest('hex'),
    ],
  )) as { affectedRows: number };
  return result.affectedRows === 1;
}
