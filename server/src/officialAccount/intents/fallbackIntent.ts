import { followerProfile } from '../followers/followerProfile';
import type { Answer } from '../replies/Reply';
import { textAnswer } from '../replies/Reply';
import type { TextHandler } from './TextHandler';

/**
 * Nothing else answered: members of the top tiers are handed to a person (their message
 * goes to the customer-service inbox); everyone else gets help that points to the menu.
 */
export async function answerFallback(request: Parameters<TextHandler>[0]): Promise<Answer> {
  const { config, dataSource } = request.system;
  const profile = await followerProfile(dataSource, request.message.openid);
  if (profile.tierCode && config.officialAccount.handoffTierCodes.includes(profile.tierCode)) return { reply: { type: 'transfer' } };
  return textAnswer(config.officialAccount.texts.fallback);
}

/** The last step of the text pipeline: {@link answerFallback}, which always answers. */
export const fallbackIntent: TextHandler = (request) => answerFallback(request);
