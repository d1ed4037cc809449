import type { DataSource } from 'typeorm';
import { runInTransaction } from '../../db/runInTransaction';
import type { QrChannel } from './parseQrScene';
import type { ChannelStore } from './recordChannelEvent';
import { channelStore, recordChannelEvent } from './recordChannelEvent';

/** What a follow changed. */
export interface FollowOutcome {
  /** The bound member, if the follower was bound before (a re-follow). */
  memberId: string | null;
  /** True when this openid followed for the first time. */
  firstFollow: boolean;
  store: ChannelStore | null;
}

/**
 * Records a follow: the follower becomes reachable again, the channel is attributed (first
 * channel kept, last channel updated) and logged once per push.
 */
export async function recordFollow(
  dataSource: DataSource,
  input: { openid: string; channel: QrChannel; dedupKey: string; at: Date },
): Promise<FollowOutcome> {
  return runInTransaction(dataSource, async (manager) => {
    const store = await channelStore(manager, input.channel);
    const scene = input.channel.scene;
    const storeId = store?.id ?? null;
    // One upsert: a concurrent push from the same follower cannot make it fail on the unique openid.
    const upsert = (await manager.query(
      `INSERT INTO oa_followers (openid, subscribed, reachable, subscribed_at, first_channel, first_store_id, last_channel, last_store_id, last_interaction_at)
       VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE subscribed = 1, reachable = 1, unreachable_reason = NULL, subscribed_at = VALUES(subscribed_at),
         unsubscribed_at = NULL, first_channel = COALESCE(first_channel, VALUES(first_channel)),
         first_store_id = COALESCE(first_store_id, VALUES(first_store_id)), last_channel = COALESCE(VALUES(last_channel), last_channel),
         last_store_id = COALESCE(VALUES(last_store_id), last_store_id), last_interaction_at = VALUES(last_interaction_at)`,
      [input.openid, input.at, scene, storeId, scene, storeId, input.at],
    )) as { affectedRows: number };
    const rows = (await manager.query('SELECT member_id FROM oa_followers WHERE openid = ?', [input.openid])) as Array<{ member_id: string | null }>;
    await recordChannelEvent(manager, { openid: input.openid, event: 'subscribe', channel: input.channel, storeId, dedupKey: input.dedupKey });
    const memberId = rows[0]?.member_id;
    return { memberId: memberId === null || memberId === undefined ? null : String(memberId), firstFollow: upsert.affectedRows === 1, store };
  });
}

/**
 * Records a scan by a follower: attribution (last channel) logged once per push. Returns the
 * store when the code was a store's, for the check-in.
 */
export async function recordScan(
  dataSource: DataSource,
  input: { openid: string; channel: QrChannel; dedupKey: string; at: Date },
): Promise<{ store: ChannelStore | null; memberId: string | null; firstTime: boolean }> {
  return runInTransaction(dataSource, async (manager) => {
    const store = await channelStore(manager, input.channel);
    await manager.query(
      `INSERT INTO oa_followers (openid, subscribed, reachable, last_channel, last_store_id, last_interaction_at) VALUES (?, 1, 1, ?, ?, ?)
       ON DUPLICATE KEY UPDATE last_channel = COALESCE(VALUES(last_channel), last_channel),
         last_store_id = COALESCE(VALUES(last_store_id), last_store_id), last_interaction_at = VALUES(last_interaction_at)`,
      [input.openid, input.channel.scene, store?.id ?? null, input.at],
    );
    const firstTime = await recordChannelEvent(manager, { openid: input.openid, event: 'scan', channel: input.channel, storeId: store?.id ?? null, dedupKey: input.dedupKey });
    const rows = (await manager.query(
      'SELECT f.member_id FROM oa_followers f JOIN members m ON m.id = f.member_id AND m.deleted_at IS NULL WHERE f.openid = ?',
      [input.openid],
    )) as Array<{ member_id: string }>;
    return { store, memberId: rows[0] ? String(rows[0].member_id) : null, firstTime };
  });
}
