import { randomBytes } from 'node:crypto';
import type { SegmentDefinition, SegmentRule } from '@toyclub/shared';
import type { System } from '../system/System';
import { Child } from '../children/Child';
import { createFollower } from '../testing/factories/createFollower';
import { createMember } from '../testing/factories/createMember';
import { createPurchase } from '../testing/factories/createPurchase';
import { createStore } from '../testing/factories/createStore';
import { calendarDate } from './childDates';

/** The fixture's members by letter (see {@link buildSegmentFixture}). */
export type FixtureName = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K';

/** The members of one test's segment fixture, all registered at a store of their own. */
export interface SegmentFixture {
  storeId: number;
  channel: string;
  tagId: number;
  ids: Record<FixtureName, string>;
  nameOf: Map<string, FixtureName>;
  /** `rule` restricted to this fixture's store, so that other tests' members never count. */
  scoped(rule: SegmentRule | SegmentDefinition): SegmentDefinition;
}

const PURCHASES: Partial<Record<FixtureName, Array<[daysAgo: number, fen: number]>>> = {
  A: [10, 20, 30, 40, 50, 60].map((days) => [days, 10_000]), // 6 × 100 元: high frequency, low ticket
  B: [[100, 80_000]], // once, 800 元, 100 days ago: low frequency, high ticket
  C: [5, 15, 25, 35].map((days) => [days, 100_000]), // 4 × 1000 元, recent: high value
  D: [[30, 350_000]], // once, 3500 元, 30 days ago: developing (and low frequency, high ticket)
  E: [[400, 20_000], [200, 20_000]], // last bought 200 days ago: dormant
  F: [[80, 5_000], [60, 5_000], [40, 5_000]], // every 20 days, now 40 days late: churn risk
};

/**
 * Hand-computed fixture: A-F buy as noted in {@link PURCHASES}; G is new (registered now)
 * and diamond; H has a child of 30 months; I a child whose birthday is in 3 days; J came
 * through a channel of its own and carries a tag; K was deleted. All but G registered
 * 400 days ago; only A follows the official account reachably (B's follower is not).
 */
export async function buildSegmentFixture(system: System): Promise<SegmentFixture> {
  const { store } = await createStore(system);
  const channel = `poster:seg-${randomBytes(4).toString('hex')}`;
  const names: FixtureName[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'];
  const ids = {} as Record<FixtureName, string>;
  for (const name of names) {
    const { member } = await createMember(system, {
      registrationStoreId: store.id,
      registrationChannel: name === 'J' ? channel : null,
      tierCode: name === 'G' ? 'diamond' : undefined,
      guardianConsented: name === 'H' || name === 'I',
    });
    ids[name] = member.id;
    for (const [daysAgo, amountFen] of PURCHASES[name] ?? []) await createPurchase(system, { memberId: member.id, storeId: store.id, amountFen, daysAgo });
  }
  const db = system.dataSource;
  const old = names.filter((name) => name !== 'G').map((name) => ids[name]);
  await db.query(`UPDATE members SET created_at = NOW(3) - INTERVAL 400 DAY WHERE id IN (${old.map(() => '?').join(',')})`, old);
  await db.query('UPDATE members SET deleted_at = NOW(3) WHERE id = ?', [ids.K]);
  await createFollower(system, { memberId: ids.A });
  await createFollower(system, { memberId: ids.B });
  await db.query('UPDATE oa_followers SET reachable = 0, subscribed = 0 WHERE member_id = ?', [ids.B]);
  await createFollower(system, { memberId: ids.K });

  const today = calendarDate(new Date(), system.config.membership.timeZone);
  const thirtyMonths = today.year * 12 + today.month - 1 - 30;
  const inThreeDays = new Date(Date.UTC(today.year, today.month - 1, today.day + 3));
  await db.getRepository(Child).insert([
    { memberId: ids.H, name: '大宝', birthYear: Math.floor(thirtyMonths / 12), birthMonth: (thirtyMonths % 12) + 1, birthDay: Math.min(today.day, 28), gender: null, interests: [] },
    { memberId: ids.I, name: '二宝', birthYear: null, birthMonth: inThreeDays.getUTCMonth() + 1, birthDay: inThreeDays.getUTCDate(), gender: null, interests: [] },
  ]);
  const tag = await db.query(`INSERT INTO tags (name, kind, mirror_to_wechat) VALUES (?, 'manual', 0)`, [`t${randomBytes(6).toString('hex')}`]);
  const tagId = Number((tag as { insertId: number }).insertId);
  await db.query(`INSERT INTO member_tags (member_id, tag_id, source) VALUES (?, ?, 'manual'), (?, ?, 'manual')`, [ids.J, tagId, ids.K, tagId]);

  return {
    storeId: Number(store.id),
    channel,
    tagId,
    ids,
    nameOf: new Map(names.map((name) => [ids[name], name])),
    scoped: (rule) => ({ op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store.id)] }, rule] }),
  };
}
