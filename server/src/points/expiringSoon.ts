import type { EntityManager } from 'typeorm';
import type { ExpiringPointsDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { DAY_MS } from '../time/dayMs';

/** The points of the member's lots that expire within `points.expiringSoonDays`. */
export async function expiringSoon(manager: EntityManager, config: AppConfig, memberId: string, now: Date): Promise<ExpiringPointsDto> {
  const before = new Date(now.getTime() + config.points.expiringSoonDays * DAY_MS);
  const [row] = (await manager.query(
    `SELECT COALESCE(SUM(remaining), 0) AS points, MIN(expires_at) AS earliest
       FROM points_entries WHERE member_id = ? AND remaining > 0 AND expires_at <= ?`,
    [memberId, before],
  )) as Array<{ points: string | number; earliest: Date | null }>;
  return {
    points: Number(row?.points ?? 0),
    before: before.toISOString(),
    earliestAt: row?.earliest ? new Date(row.earliest).toISOString() : null,
  };
}
