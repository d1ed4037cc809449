import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import { memberCardLink } from '../followers/bindingLinks';
import { checkInByQr } from '../followers/checkInByQr';
import { parseQrScene } from '../followers/parseQrScene';
import { recordFollow } from '../followers/recordFollow';
import { syncFollowerTask } from '../jobs/SyncFollowerTask';
import type { Answer } from '../replies/Reply';
import { textAnswer } from '../replies/Reply';
import { checkInLine } from './checkInLine';

/**
 * A follow, plain or through a parametric QR code (`qrscene_<scene>`): records the follower
 * and the channel, welcomes them with a link to the member card (carrying a one-time
 * binding token when they are not bound yet) and looks up their unionid afterwards.
 */
export async function onSubscribe(request: OaRequest<InboundEvent>): Promise<Answer> {
  const { system, message } = request;
  const { config, dataSource } = system;
  const at = new Date(message.createTime * 1000);
  const channel = parseQrScene(config, message.eventKey);
  const outcome = await recordFollow(dataSource, { openid: message.openid, channel, dedupKey: request.dedupKey, at });
  const bound = outcome.memberId !== null;
  const texts = config.officialAccount.texts;
  const lines = [bound ? texts.welcomeBack : texts.welcome];
  if (outcome.store) lines.push(`欢迎来到${outcome.store.name}！`);
  if (bound && outcome.store) {
    lines.push(checkInLine(await checkInByQr(system, outcome.memberId!, channel.scene!)));
  }
  lines.push(await memberCardLink(dataSource, config, message.openid, bound, bound ? '打开会员卡' : '领取会员卡'));
  const after = bound ? [] : [() => system.scheduler.schedule(syncFollowerTask, { openid: message.openid, key: request.dedupKey })];
  return textAnswer(lines.join('\n'), after);
}
