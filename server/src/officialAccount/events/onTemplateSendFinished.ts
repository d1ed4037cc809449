import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import type { Answer } from '../replies/Reply';
import { emptyAnswer } from '../replies/Reply';
import { settleTemplateSend } from '../templateSends/settleTemplateSend';

/** TEMPLATESENDJOBFINISH: settles the send record named by `MsgID`. WeChat expects no reply. */
export async function onTemplateSendFinished(request: OaRequest<InboundEvent>): Promise<Answer> {
  const { message, system } = request;
  // parseInboundMessage refuses this event without MsgID and Status.
  await settleTemplateSend(system.dataSource, {
    msgId: message.templateMsgId!,
    openid: message.openid,
    status: message.status!,
    at: new Date(message.createTime * 1000),
  });
  return emptyAnswer();
}
