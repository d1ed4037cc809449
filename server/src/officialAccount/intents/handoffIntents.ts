import type Redis from 'ioredis';
import type { AppConfig } from '../../config/configSchema';
import { handoffKey } from '../callback/MessageDeduper';
import type { Answer } from '../replies/Reply';
import type { TextHandler } from './TextHandler';

const ASK_FOR_PERSON = /^(?:转?人工|人工客服|客服|联系店员|找店员|店员|真人|转接人工|我要人工|联系客服)$/;

const TRANSFER: Answer = { reply: { type: 'transfer' } };

/** Opens the follower's hand-off window: their next messages go to a person. */
export async function openHandoff(redis: Redis, config: AppConfig, openid: string): Promise<void> {
  await redis.set(handoffKey(config.redis.keyPrefix, openid), '1', 'EX', config.officialAccount.handoffWindowMinutes * 60);
}

/** While the follower's hand-off window is open (after 联系店员), every text goes to a person. */
export const handoffWindowIntent: TextHandler = async (request) => (request.claim.handoff ? TRANSFER : null);

/** 人工 / 客服 / 联系店员: hand this message and the next ones to a person. */
export const askForPersonIntent: TextHandler = async (request, text) => {
  if (!ASK_FOR_PERSON.test(text.clean.replace(/\s+/g, ''))) return null;
  await openHandoff(request.system.redis, request.system.config, request.message.openid);
  return TRANSFER;
};
