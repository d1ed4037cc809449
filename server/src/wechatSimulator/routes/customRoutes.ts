import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { ok } from '../api/WechatRoute';

const MSG_TYPES = new Set(['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage']);

/** The fields a message type cannot do without (WeChat answers 47001 when one is missing or empty). */
const REQUIRED_FIELDS: Record<string, readonly string[]> = {
  text: ['content'],
  image: ['media_id'],
  miniprogrampage: ['title', 'appid', 'pagepath', 'thumb_media_id'],
};

function hasRequiredFields(msgType: string, content: Record<string, unknown>): boolean {
  return (REQUIRED_FIELDS[msgType] ?? []).every((field) => typeof content[field] === 'string' && content[field] !== '');
}

/**
 * `POST /cgi-bin/message/custom/send`: only within 48 hours of the follower's last
 * interaction (message, click, scan, follow), else 45015; at most 20 messages per
 * interaction (45047); 40003 unknown openid; 47001 when the message lacks a field its type
 * needs (a `miniprogrampage` card needs title, appid, pagepath and thumb_media_id).
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
        if (!hasRequiredFields(msgType, content as Record<string, unknown>)) throw new WechatFailure(47001);
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
