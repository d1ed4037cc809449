import { autoReplyIntent } from '../../autoReplies/autoReplyIntent';
import type { OaRequest } from '../OaRequest';
import type { InboundText } from '../callback/InboundMessage';
import type { Answer } from '../replies/Reply';
import { answerFallback, fallbackIntent } from './fallbackIntent';
import { askForPersonIntent, handoffWindowIntent } from './handoffIntents';
import { ownerTodayIntent } from './ownerTodayIntent';
import { pointsIntent } from './pointsIntent';
import { storeInfoIntent } from './storeInfoIntent';
import type { TextHandler } from './TextHandler';
import { followerText } from './TextHandler';
import { toyAgeIntent } from './toyAgeIntent';
import { toyStockIntent } from './toyStockIntent';

/**
 * The order texts are tried in: owner commands, an open hand-off, the owner's keyword
 * rules, the built-in intents, and the fallback (which always answers).
 */
export const TEXT_PIPELINE: readonly TextHandler[] = [
  ownerTodayIntent,
  handoffWindowIntent,
  autoReplyIntent,
  askForPersonIntent,
  pointsIntent,
  toyAgeIntent,
  toyStockIntent,
  storeInfoIntent,
  fallbackIntent,
];

/** Runs the text through `pipeline` until a step answers. */
export async function answerText(request: OaRequest<InboundText>, pipeline: readonly TextHandler[] = TEXT_PIPELINE): Promise<Answer> {
  const text = followerText(request.message.content);
  for (const handler of pipeline) {
    const answer = await handler(request, text);
    if (answer) return answer;
  }
  return answerFallback(request);
}
