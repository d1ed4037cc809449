import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import { memberCardLink } from '../followers/bindingLinks';
import { checkInByQr } from '../followers/checkInByQr';
import { parseQrScene } from '../followers/parseQrScene';
import { recordScan } from '../followers/recordFollow';
import type { Answer } from '../replies/Reply';
import { emptyAnswer, textAnswer } from '../replies/Reply';
import { checkInLine } from './checkInLine';

/**
 * A follower scans a parametric QR code: the channel is attributed, and a store's code
 * checks a bound member in (once a day). Unbound followers get the binding link instead.
 */
export async function onScan(request: OaRequest<InboundEvent>): Promise<Answer> {
  const { system, message } = request;
  const { config, dataSource } = system;
  const channel = parseQrScene(config, message.eventKey);
  const scan = await recordScan(dataSource, { openid: message.openid, channel, dedupKey: request.dedupKey, at: new Date(message.createTime * 1000) });
  if (!scan.store) return emptyAnswer();
  const lines = [`欢迎来到${scan.store.name}！`];
  if (scan.memberId) {
    lines.push(checkInLine(await checkInByQr(system, scan.memberId, channel.scene!)));
  } else {
    lines.push(config.officialAccount.texts.bindPrompt, await memberCardLink(dataSource, config, message.openid, false, '领取会员卡'));
  }
  return textAnswer(lines.join('\n'));
}
