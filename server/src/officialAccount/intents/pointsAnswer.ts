import type { OaRequest } from '../OaRequest';
import { memberCardLink } from '../followers/bindingLinks';
import { localDate } from '../../time/localDate';
import type { Answer } from '../replies/Reply';
import { textAnswer } from '../replies/Reply';
import { memberPointsOf } from './memberPoints';

/**
 * The bound member's balance and expiring points (我的积分, as a text or the menu button);
 * an unbound follower gets the one-time link that binds their member card.
 */
export async function pointsAnswer(request: OaRequest): Promise<Answer> {
  const { system, message } = request;
  const { config, dataSource } = system;
  const points = await memberPointsOf(dataSource, message.openid, config.points.expiringSoonDays);
  if (!points) {
    const link = await memberCardLink(dataSource, config, message.openid, false, '领取或关联会员卡');
    return textAnswer(`${config.officialAccount.texts.bindPrompt}\n${link}`);
  }
  const lines = [`您当前的积分：${points.balance.toLocaleString('en-US')} 分`];
  if (points.expiringPoints > 0 && points.earliestExpiry) {
    const earliest = localDate(points.earliestExpiry, config.membership.timeZone);
    lines.push(`${config.points.expiringSoonDays}天内将过期：${points.expiringPoints} 分（最早 ${earliest} 到期），记得来店里用掉哦～`);
  } else {
    lines.push(`近${config.points.expiringSoonDays}天没有即将过期的积分。`);
  }
  return textAnswer(lines.join('\n'));
}
