import { In } from 'typeorm';
import { Member } from '../members/Member';
import { creditPoints } from '../points/pointsLedger';
import { PointsEntry } from '../points/PointsEntry';
import { chineseDate } from './journeyFields';
import type { JourneyGrant } from './JourneyDefinition';
import { DAY_MS } from '../time/dayMs';

const CHUNK = 500;

/** The ledger idempotency key of the bonus for one churn episode (`churn:<last purchase>`). */
export function winBackBonusKey(occasionKey: string): string {
  return `winback:${occasionKey}`;
}

/**
 * Credits `journeys.churn.bonusPoints` to each member just enrolled in the churn warning,
 * as a `winback_bonus` lot that expires with the offer (`offerValidDays`, the date the
 * message shows), referring to the enrolment. It runs in the journey's transaction, so
 * the bonus exists exactly when the enrolment does: a second run finds the occasion
 * enrolled and grants nothing, a run that dies rolls both back. The idempotency key per
 * episode (unique per member in the ledger) makes a double credit impossible even so.
 * Nothing is credited when `bonusPoints` is 0 (the warning is text only).
 */
export async function winBackBonus({ manager, config, now, enrolments }: JourneyGrant): Promise<number> {
  const { bonusPoints, offerValidDays } = config.journeys.churn;
  if (bonusPoints === 0 || enrolments.length === 0) return 0;
  const expiresAt = new Date(now.getTime() + offerValidDays * DAY_MS);
  const note = `有效期至${chineseDate(expiresAt, config.membership.timeZone)}`;
  let granted = 0;
  for (let start = 0; start < enrolments.length; start += CHUNK) {
    const chunk = enrolments.slice(start, start + CHUNK);
    const memberIds = chunk.map((enrolment) => enrolment.memberId);
    // The same row lock as lockMember, taken for the chunk in one statement in ascending id order.
    const members = new Map(
      (await manager.getRepository(Member).find({ where: { id: In(memberIds) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })).map((member) => [member.id, member]),
    );
    const keys = chunk.map((enrolment) => winBackBonusKey(enrolment.occasionKey));
    const credited = new Set(
      (await manager.getRepository(PointsEntry).find({ select: { memberId: true, idempotencyKey: true }, where: { memberId: In(memberIds), idempotencyKey: In(keys) } })).map(
        (entry) => `${entry.memberId}|${entry.idempotencyKey}`,
      ),
    );
    for (const enrolment of chunk) {
      const member = members.get(enrolment.memberId);
      const idempotencyKey = winBackBonusKey(enrolment.occasionKey);
      // A member erased since the candidates were read gets nothing.
      if (!member || member.deletedAt || credited.has(`${member.id}|${idempotencyKey}`)) continue;
      await creditPoints({
        manager,
        member,
        points: bonusPoints,
        reason: 'winback_bonus',
        refType: 'journey_enrolment',
        refId: enrolment.id,
        note,
        idempotencyKey,
        now,
        expiresAt,
      });
      granted += 1;
    }
  }
  return granted;
}
