import { massJobFinishXml } from '../push/jobEventXml';
import type { SimContext } from '../SimContext';
import type { Follower } from '../stores/FollowerStore';
import type { MassJob } from '../stores/MassSendStore';

/**
 * Sends a mass message to followers: those who already got the monthly maximum (4) this
 * China month are filtered out, the rest receive it and have it counted. MASSSENDJOBFINISH
 * follows with WeChat's counts.
 */
export function runMassSend(
  context: SimContext,
  recipients: Follower[],
  msgType: string,
  payload: unknown,
  clientMsgId: string | undefined,
): MassJob {
  const month = context.clock.monthKey();
  const receiving = recipients.filter((follower) => (follower.massByMonth[month] ?? 0) < context.limits.massPerUserPerMonth);
  const job = context.mass.create({
    clientMsgId,
    createdAt: context.clock.now(),
    msgType,
    recipients: receiving.map((follower) => follower.openid),
    status: 'SEND_SUCCESS',
    totalCount: recipients.length,
    filterCount: receiving.length,
    sentCount: receiving.length,
    errorCount: 0,
  });
  for (const follower of receiving) {
    follower.massByMonth[month] = (follower.massByMonth[month] ?? 0) + 1;
    context.inbox.add({ at: context.clock.now(), openid: follower.openid, app: 'oa', kind: 'mass', msgId: job.msgId, payload, status: 'delivered' });
  }
  const counts = { ...job, status: receiving.length > 0 ? 'send success' : 'send fail' };
  context.tasks.later(context.settings.jobFinishDelayMs, () =>
    context.push.deliver({ app: 'oa', xml: massJobFinishXml(context.apps.oa, job.msgId, counts, context.clock.nowSeconds()) }),
  );
  return job;
}
