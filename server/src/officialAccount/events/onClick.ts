import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import { memberCardLink } from '../followers/bindingLinks';
import { followerProfile } from '../followers/followerProfile';
import { openHandoff } from '../intents/handoffIntents';
import { pointsAnswer } from '../intents/pointsAnswer';
import { miniProgramLink } from '../replies/miniProgramLink';
import type { Answer } from '../replies/Reply';
import { textAnswer } from '../replies/Reply';

/** The CLICK keys of the configured menu. */
export const MENU_KEYS = {
  memberCard: 'MEMBER_CARD',
  myPoints: 'MY_POINTS',
  latestActivity: 'LATEST_ACTIVITY',
  contactStaff: 'CONTACT_STAFF',
} as const;

/**
 * A menu click: 会员卡 (the card link, with a one-time binding token when unbound), 我的积分,
 * 最新活动 / 投票, and 联系店员 (opens the hand-off window: the next messages go to a person).
 */
export async function onClick(request: OaRequest<InboundEvent>): Promise<Answer> {
  const { system, message } = request;
  const { config, dataSource } = system;
  const texts = config.officialAccount.texts;
  switch (message.eventKey) {
    case MENU_KEYS.memberCard: {
      const profile = await followerProfile(dataSource, message.openid);
      const bound = profile.memberId !== null;
      const link = await memberCardLink(dataSource, config, message.openid, bound, bound ? '打开会员卡' : '领取或关联会员卡');
      return textAnswer(bound ? `点这里出示会员卡：${link}` : `${texts.bindPrompt}\n${link}`);
    }
    case MENU_KEYS.myPoints:
      return pointsAnswer(request);
    case MENU_KEYS.latestActivity:
      return textAnswer(`${texts.latestActivity}${miniProgramLink(config, config.officialAccount.activityPage, '最新活动和投票')}`);
    case MENU_KEYS.contactStaff: {
      await openHandoff(system.redis, config, message.openid);
      return textAnswer(texts.contactStaff);
    }
    default:
      request.log.warn({ key: message.eventKey }, 'menu click with an unknown key');
      return textAnswer(texts.fallback);
  }
}
