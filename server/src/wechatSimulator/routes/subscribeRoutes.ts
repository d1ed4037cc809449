import { JsonInt64 } from '../core/JsonInt64';
import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { ok } from '../api/WechatRoute';
import { checkSubscribeData } from '../actions/checkSubscribeData';

const MP_STATES = new Set(['developer', 'trial', 'formal']);

function templateIdOf(body: Record<string, unknown>): string {
  if (typeof body.template_id !== 'string' || body.template_id === '') throw new WechatFailure(40037);
  return body.template_id;
}

/**
 * Subscription messages, one send per user grant (43101 when none is left):
 * `POST /cgi-bin/message/subscribe/send` for the mini-program (answers a 64-bit msgid) and
 * `POST /cgi-bin/message/subscribe/bizsend` for the official account (no msgid).
 */
export function subscribeRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/message/subscribe/send',
      auth: 'mp',
      handle(request) {
        const body = request.json();
        const templateId = templateIdOf(body);
        const user = context.mpUsers.require(body.touser);
        if (body.miniprogram_state !== undefined && !MP_STATES.has(String(body.miniprogram_state))) throw new WechatFailure(47001);
        checkSubscribeData(body.data);
        context.grants.take('mp', user.openid, templateId);
        const msgId = context.msgIds.nextId();
        context.inbox.add({ at: context.clock.now(), openid: user.openid, app: 'mp', kind: 'subscribe', msgId, templateId, payload: body, status: 'delivered' });
        return ok({ msgid: new JsonInt64(msgId) });
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/message/subscribe/bizsend',
      auth: 'oa',
      handle(request) {
        const body = request.json();
        const templateId = templateIdOf(body);
        const follower = context.followers.requireSubscribed(body.touser);
        checkSubscribeData(body.data);
        context.grants.take('oa', follower.openid, templateId);
        context.inbox.add({ at: context.clock.now(), openid: follower.openid, app: 'oa', kind: 'subscribe', templateId, payload: body, status: 'delivered' });
        return ok();
      },
    },
  ];
}
