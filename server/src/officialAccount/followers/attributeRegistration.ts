import type { DataSource, EntityManager } from 'typeorm';

/**
 * Gives a member who has none yet the registration channel and store of the follower just
 * bound to them: the QR code (store, poster, campaign) through which the parent first
 * followed is how they came to the store, and segments select on it. A member who already
 * has an attribution keeps it; the first one wins.
 */
export async function attributeRegistration(db: DataSource | EntityManager, memberId: string): Promise<void> {
  await db.query(
    `UPDATE members m JOIN oa_followers f ON f.member_id = m.id
        SET m.registration_channel = f.first_channel, m.registration_store_id = f.first_store_id
      WHERE m.id = ? AND m.registration_channel IS NULL AND m.registration_store_id IS NULL`,
    [memberId],
  );
}
