import type { Context } from 'koa';
import type { CoWechatMessage, CoWechatReply } from 'co-wechat';
import type { AppContextExtras, AppState } from '../../app/appTypes';
import { answerEvent, isSystemEvent } from '../events/answerEvent';
import { touchFollower } from '../followers/followerProfile';
import { answerText } from '../intents/textPipeline';
import type { TextHandler } from '../intents/TextHandler';
import type { OaRequest } from '../OaRequest';
import type { Logger } from '../../logging/createLogger';
import type { Answer, Reply } from '../replies/Reply';
import { EMPTY_REPLY, textAnswer, toCoWechatReply } from '../replies/Reply';
import { callbackRedis } from './callbackRedis';
import { dedupKeyOf } from './dedupKeyOf';
import { parseInboundMessage } from './InboundMessage';
import { MessageDeduper } from './MessageDeduper';
import { runAfterReply, sendWhenReady } from './lateAnswer';

/** What {@link handlePush} can be given besides the push (tests put a slow step in the pipeline). */
export interface PushHandlingOptions {
  textPipeline?: readonly TextHandler[];
}

type AppKoaContext = Context & AppContextExtras & { state: AppState };

async function answer(request: OaRequest, options: PushHandlingOptions): Promise<Answer> {
  const { message } = request;
  if (message.kind === 'event') return answerEvent({ ...request, message });
  if (message.kind === 'text') return answerText({ ...request, message }, options.textPipeline);
  return textAnswer(request.system.config.officialAccount.texts.fallback);
}

/** Resolves with the answer, or with null once `ms` have passed (the work goes on). */
function withinBudget(work: Promise<Answer>, ms: number): Promise<Answer | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, ms));
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Stores the reply for the re-deliveries while it is being sent, instead of before: the
 * answer does not wait for a Redis round trip (under load, each one on the way adds its
 * share to the tail), and a re-delivery already waiting polls until the reply lands. Should
 * storing fail, the claim is dropped, so that a re-delivery handles the push again (its
 * effects are idempotent by their own keys) rather than waiting out the claim.
 */
function settleMeanwhile(deduper: MessageDeduper, dedupKey: string, reply: Reply, log: Logger): void {
  deduper.settle(dedupKey, reply).catch((error: unknown) => {
    log.error({ err: error, dedupKey }, 'could not store the reply of a push');
    return deduper.release(dedupKey).catch(() => undefined);
  });
}

/**
 * co-wechat's handler: checks the push, lets only its first delivery act (re-deliveries get
 * the first reply), answers within the reply budget, and past the budget answers empty and
 * sends the real answer later as a customer-service message.
 */
export async function handlePush(raw: CoWechatMessage, ctx: AppKoaContext, options: PushHandlingOptions = {}): Promise<CoWechatReply> {
  const started = Date.now();
  const { system } = ctx;
  const log = ctx.state.log;
  const settings = system.config.officialAccount;
  const message = parseInboundMessage(raw);
  const dedupKey = dedupKeyOf(message);
  const deduper = new MessageDeduper(callbackRedis(system), system.config.redis.keyPrefix, settings.dedupTtlSeconds, settings.replyBudgetMs + 1000);
  let claim = await deduper.claim(dedupKey, message.openid);
  // A re-delivery waits for the first delivery's reply; if that one failed and let go, the
  // re-deliveries race to take the push over, and the losers wait for the winner's reply.
  for (let round = 0; !claim.first; round += 1) {
    const waited = await deduper.waitForReply(dedupKey, settings.replyBudgetMs - (Date.now() - started));
    log.info({ dedupKey, outcome: waited.kind }, 'duplicate push');
    if (waited.kind === 'reply') return toCoWechatReply(waited.reply);
    if (waited.kind === 'timeout' || round >= 2) return '';
    claim = await deduper.claim(dedupKey, message.openid);
  }
  const request: OaRequest = { system, message, dedupKey, claim, log };
  try {
    const interaction = message.kind !== 'event' || !(isSystemEvent(message) || message.event === 'subscribe');
    if (claim.touch && interaction) await touchFollower(system.dataSource, message.openid);
    const work = answer(request, options);
    const inTime = await withinBudget(work, settings.replyBudgetMs - (Date.now() - started));
    if (!inTime) {
      settleMeanwhile(deduper, dedupKey, EMPTY_REPLY, log);
      sendWhenReady(system, message.openid, dedupKey, work, log);
      log.warn({ dedupKey, budgetMs: settings.replyBudgetMs }, 'push answered empty: handler past the reply budget');
      return '';
    }
    settleMeanwhile(deduper, dedupKey, inTime.reply, log);
    await runAfterReply(system, inTime.after, log);
    return toCoWechatReply(inTime.reply);
  } catch (error) {
    // Let WeChat's re-delivery try again; effects are idempotent by their own keys.
    await deduper.release(dedupKey).catch(() => undefined);
    throw error;
  }
}
