import { JsonInt64 } from '../core/JsonInt64';
import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { ok } from '../api/WechatRoute';
import { templateJobFinishXml } from '../push/jobEventXml';
import type { TemplateJobStatus } from '../push/jobEventXml';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `POST /cgi-bin/message/template/send`: 40003 unknown openid, 43004 unfollowed, the same
 * openid + client_msg_id within 10 minutes returns the first msgid without a second
 * delivery; the outcome arrives later as TEMPLATESENDJOBFINISH. Colour, first and remark
 * are accepted and ignored (2023 rules).
 */
export function templateRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/message/template/send',
      auth: 'oa',
      handle(request) {
        const body = request.json();
        const { touser, template_id: templateId, client_msg_id: clientMsgId } = body;
        if (typeof touser !== 'string' || touser === '') throw new WechatFailure(40003);
        if (typeof templateId !== 'string' || templateId === '') throw new WechatFailure(40037);
        if (body.data !== undefined && !isObject(body.data)) throw new WechatFailure(47001);
        if (body.miniprogram !== undefined && !isObject(body.miniprogram)) throw new WechatFailure(47001);
        const dedupKey = typeof clientMsgId === 'string' && clientMsgId !== '' ? `${touser}\n${clientMsgId}` : undefined;
        const earlier = dedupKey ? context.templateDedup.get(dedupKey) : undefined;
        if (earlier) return ok({ msgid: new JsonInt64(earlier.value) });

        const follower = context.followers.requireSubscribed(touser);
        const msgId = context.msgIds.nextId();
        if (dedupKey) context.templateDedup.set(dedupKey, msgId, context.limits.templateDedupSeconds);
        const status: TemplateJobStatus = follower.blocking
          ? 'failed:user block'
          : follower.systemFailure
            ? 'failed: system failed'
            : 'success';
        context.inbox.add({ at: context.clock.now(), openid: touser, app: 'oa', kind: 'template', msgId, templateId, payload: body, status });
        context.tasks.later(context.settings.jobFinishDelayMs, () =>
          context.push.deliver({
            app: 'oa',
            openid: touser,
            xml: templateJobFinishXml(context.apps.oa, touser, msgId, status, context.clock.nowSeconds()),
          }),
        );
        return ok({ msgid: new JsonInt64(msgId) });
      },
    },
  ];
}
