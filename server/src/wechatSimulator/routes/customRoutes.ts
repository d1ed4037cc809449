import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { ok } from '../api/WechatRoute';

const MSG_TYPES = new Set(['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage']);

/**
 * `POST /cgi-bin/message/custom/send`: only within 48 hours of the follower's last
 * interaction (message, click, scan, follow), else 45015; at most 20 messages per
 * interaction (45047); 40003 unknown openid.
 */
export function customRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/message/custom/send',
      auth: 'oa',
      handle(request) {
        const body = request.json();
        const msgType = body.msgtype;
        if (typeof msgType !== 'string' || !MSG_TYPES.has(msgType)) throw new WechatFailure(40008);
        const content = body[msgType];
        if (typeof content !== 'object' || content === null) throw new WechatFailure(47001);
        if (msgType === 'text' && !(content as { content?: unknown }).content) throw new WechatFailure(47001);
        const follower = context.followers.require(body.touser);
        const window = context.limits.customWindowHours * 3600 * 1000;
        const last = follower.lastInteractionAt;
        if (!follower.subscribed || last === undefined || context.clock.now() - last > window) throw new WechatFailure(45015);
        if (follower.customSinceInteraction >= context.limits.customMessagesPerInteraction) throw new WechatFailure(45047);
        follower.customSinceInteraction += 1;
        context.inbox.add({ at: context.clock.now(), openid: follower.openid, app: 'oa', kind: 'custom', payload: body, status: 'delivered' });
        return ok();
      },
    },
  ];
}
