import { randomBytes } from 'node:crypto';
import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { ok } from '../api/WechatRoute';
import { judgeContent } from '../actions/judgeContent';
import { mediaCheckXml } from '../push/jobEventXml';
import type { MediaCheckVerdict } from '../push/jobEventXml';

const traceId = (): string => `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;

/** 40003 unknown openid, 40129 bad scene, 61010 user not active within the window. */
function checkUser(context: SimContext, openid: unknown, scene: unknown): void {
  const user = context.mpUsers.require(openid);
  if (scene !== 1 && scene !== 2 && scene !== 3 && scene !== 4) throw new WechatFailure(40129);
  const window = context.limits.mpActiveWindowSeconds * 1000;
  if (user.lastActiveAt === undefined || context.clock.now() - user.lastActiveAt > window) throw new WechatFailure(61010);
}

/**
 * A media URL's verdict, decided by the URL since nothing is downloaded: "unreachable" →
 * WeChat's download-failure status code, "risky" → porn (20002), else the word lists.
 */
function mediaVerdict(context: SimContext, url: string): Omit<MediaCheckVerdict, 'traceId'> {
  if (url.includes('unreachable')) return { suggest: 'review', label: 21000, statusCode: 4_294_966_288 };
  if (url.includes('risky')) return { suggest: 'risky', label: 20002, statusCode: 0 };
  const verdict = judgeContent(context.settings, [url]);
  return { suggest: verdict.suggest, label: verdict.label, statusCode: 0 };
}

/**
 * `POST /wxa/msg_sec_check` (v2: suggest/label/detail from the configured risky and review
 * words; v1: 87014 for risky text) and `POST /wxa/media_check_async` (a trace_id now, the
 * verdict later as a `wxa_media_check` event to the mini-program's push URL).
 */
export function securityRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/wxa/msg_sec_check',
      auth: 'mp',
      handle(request) {
        const body = request.json();
        if (typeof body.content !== 'string' || body.content.length > 2500) throw new WechatFailure(40097);
        if (body.version !== 2) {
          // v1 has no openid or scene and answers risky text with an error.
          if (judgeContent(context.settings, [body.content]).suggest === 'risky') throw new WechatFailure(87014);
          return ok();
        }
        checkUser(context, body.openid, body.scene);
        const texts = [body.content, body.title, body.nickname, body.signature].filter((text): text is string => typeof text === 'string');
        const verdict = judgeContent(context.settings, texts);
        return ok({ detail: verdict.detail, trace_id: traceId(), result: { suggest: verdict.suggest, label: verdict.label } });
      },
    },
    {
      method: 'POST',
      path: '/wxa/media_check_async',
      auth: 'mp',
      handle(request) {
        const body = request.json();
        if (typeof body.media_url !== 'string' || !/^https?:\/\//.test(body.media_url)) throw new WechatFailure(40097);
        if (body.media_type !== 1 && body.media_type !== 2) throw new WechatFailure(40097);
        if (body.version !== 2) throw new WechatFailure(40097);
        checkUser(context, body.openid, body.scene);
        const openid = String(body.openid);
        const verdict = { ...mediaVerdict(context, body.media_url), traceId: traceId() };
        context.tasks.later(context.settings.jobFinishDelayMs, () =>
          context.push.deliver({ app: 'mp', openid, xml: mediaCheckXml(context.apps.mp, openid, verdict, context.clock.nowSeconds()) }),
        );
        return ok({ trace_id: verdict.traceId });
      },
    },
  ];
}
