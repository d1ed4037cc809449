import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Child } from '../children/Child';
import { presentChild } from '../children/presentChild';
import { CheckIn } from '../checkins/CheckIn';
import type { Member } from '../members/Member';
import { MemberStats } from '../members/MemberStats';
import { presentStats } from '../members/presentAdminMember';
import { PointsEntry } from '../points/PointsEntry';
import { presentPointsEntry } from '../points/presentPointsEntry';
import { Purchase } from '../purchases/Purchase';
import { PurchaseItem } from '../purchases/PurchaseItem';
import { Redemption } from '../rewards/Redemption';
import { PhoneVault } from '../security/phoneNumbers';
import type { System } from '../system/System';
import { TierChange } from '../tiers/TierChange';
import { Consent } from './Consent';

async function purchasesOf(manager: EntityManager, memberId: string) {
  const purchases = await manager.getRepository(Purchase).find({ where: { memberId }, order: { id: 'ASC' } });
  const items = purchases.length ? await manager.getRepository(PurchaseItem).findBy({ purchaseId: In(purchases.map((purchase) => purchase.id)) }) : [];
  return purchases.map((purchase) => ({
    id: purchase.id,
    storeId: purchase.storeId,
    amountFen: purchase.amountFen,
    refundedFen: purchase.refundedFen,
    pointsEarned: purchase.pointsEarned,
    pointsReversed: purchase.pointsReversed,
    purchasedAt: purchase.purchasedAt.toISOString(),
    items: items
      .filter((item) => item.purchaseId === purchase.id)
      .map((item) => ({ name: item.name, category: item.category, quantity: item.quantity, amountFen: item.amountFen })),
  }));
}

async function tagsOf(manager: EntityManager, memberId: string) {
  const rows = (await manager.query(
    'SELECT t.name, mt.source, mt.assigned_at FROM member_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = ? ORDER BY t.name',
    [memberId],
  )) as Array<{ name: string; source: string; assigned_at: Date }>;
  return rows.map((row) => ({ name: row.name, source: row.source, assignedAt: row.assigned_at.toISOString() }));
}

/** The messages the store sent (or held back) to the member: campaigns and journeys, with their clicks. */
async function messagesOf(manager: EntityManager, memberId: string) {
  const rows = (await manager.query(
    `SELECT c.name, c.channel, s.state, s.skip_reason, s.sent_at, s.delivered_at, k.first_clicked_at
       FROM campaign_sends s
       JOIN campaigns c ON c.id = s.campaign_id
       LEFT JOIN campaign_clicks k ON k.send_id = s.id
      WHERE s.member_id = ?
      ORDER BY s.id`,
    [memberId],
  )) as Array<{
    name: string;
    channel: string;
    state: string;
    skip_reason: string | null;
    sent_at: Date | null;
    delivered_at: Date | null;
    first_clicked_at: Date | null;
  }>;
  return rows.map((row) => ({
    campaign: row.name,
    channel: row.channel,
    state: row.state,
    skipReason: row.skip_reason,
    sentAt: row.sent_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    clickedAt: row.first_clicked_at?.toISOString() ?? null,
  }));
}

/** Everything ToyClub holds about a member, as one JSON document (PIPL's right to a copy). */
export async function memberDataExporter(system: System, member: Member) {
  const manager = system.dataSource.manager;
  const memberId = member.id;
  const [children, consents, entries, redemptions, checkIns, tierChanges, stats, purchases, tags, messages] = await Promise.all([
    manager.getRepository(Child).find({ where: { memberId }, order: { id: 'ASC' } }),
    manager.getRepository(Consent).find({ where: { memberId }, order: { id: 'ASC' } }),
    manager.getRepository(PointsEntry).find({ where: { memberId }, order: { id: 'ASC' } }),
    manager.getRepository(Redemption).find({ where: { memberId }, order: { id: 'ASC' } }),
    manager.getRepository(CheckIn).find({ where: { memberId }, order: { id: 'ASC' } }),
    manager.getRepository(TierChange).find({ where: { memberId }, order: { id: 'ASC' } }),
    manager.getRepository(MemberStats).findOneBy({ memberId }),
    purchasesOf(manager, memberId),
    tagsOf(manager, memberId),
    messagesOf(manager, memberId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    member: {
      id: member.id,
      nickname: member.nickname,
      phone: member.phoneSealed ? new PhoneVault(system.config.security.signingSecret).reveal(member.phoneSealed) : null,
      tierCode: member.tierCode,
      pointsBalance: member.pointsBalance,
      createdAt: member.createdAt.toISOString(),
      registrationChannel: member.registrationChannel,
      registrationStoreId: member.registrationStoreId,
    },
    consents: consents.map((consent) => ({ kind: consent.kind, policyVersion: consent.policyVersion, grantedAt: consent.grantedAt.toISOString() })),
    children: children.map(presentChild),
    purchaseStatistics: stats ? presentStats(stats) : null,
    purchases,
    pointsLedger: entries.map(presentPointsEntry),
    redemptions: redemptions.map((redemption) => ({
      id: redemption.id,
      rewardId: redemption.rewardId,
      points: redemption.points,
      status: redemption.status,
      createdAt: redemption.createdAt.toISOString(),
    })),
    checkIns: checkIns.map((checkIn) => ({ storeId: checkIn.storeId, day: checkIn.day, points: checkIn.points })),
    tags,
    messages,
    tierChanges: tierChanges.map((change) => ({
      from: change.fromTier,
      to: change.toTier,
      reason: change.reason,
      at: change.createdAt.toISOString(),
    })),
  };
}
