import { randomBytes } from 'node:crypto';
import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatAnswer, WechatRequest, WechatRoute } from '../api/WechatRoute';
import { bare } from '../api/WechatRoute';
import { runMassSend } from '../actions/runMassSend';
import type { Follower } from '../stores/FollowerStore';

const MSG_TYPES = new Set(['mpnews', 'text', 'voice', 'image', 'mpvideo', 'wxcard']);

/** The message part of a mass body: 40008 unknown type, 40007 unknown mpnews media_id. */
function checkMessage(context: SimContext, body: Record<string, unknown>): string {
  const msgType = String(body.msgtype ?? '');
  if (!MSG_TYPES.has(msgType)) throw new WechatFailure(40008);
  const content = body[msgType] as Record<string, unknown> | undefined;
  if (typeof content !== 'object' || content === null) throw new WechatFailure(47001);
  if (msgType === 'text' && (typeof content.content !== 'string' || content.content === '')) throw new WechatFailure(47001);
  if (msgType === 'mpnews' && !context.drafts.has(String(content.media_id))) throw new WechatFailure(40007);
  return msgType;
}

/**
 * clientmsgid: ≤ 64 bytes (45067); reused within a minute → 45066; within 24 hours → 45065
 * with the existing msg_id (the first job stands).
 */
function checkClientMsgId(context: SimContext, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const id = String(value);
  if (Buffer.byteLength(id) > 64) throw new WechatFailure(45067);
  const earlier = context.mass.byClientMsgId.get(id);
  if (earlier) {
    if (context.clock.now() - earlier.createdAt < context.limits.massRetryTooFastSeconds * 1000) throw new WechatFailure(45066);
    throw new WechatFailure(45065, undefined, { msg_id: Number(earlier.value) });
  }
  return id;
}

function submit(context: SimContext, request: WechatRequest, pick: (body: Record<string, unknown>) => Follower[]): WechatAnswer {
  const body = request.json();
  const msgType = checkMessage(context, body);
  const clientMsgId = checkClientMsgId(context, body.clientmsgid);
  const job = runMassSend(context, pick(body), msgType, body, clientMsgId);
  if (clientMsgId) context.mass.byClientMsgId.set(clientMsgId, job.msgId, context.limits.massDedupSeconds);
  return { kind: 'json', body: { errcode: 0, errmsg: 'send job submission success', msg_id: Number(job.msgId), msg_data_id: Number(job.msgDataId) } };
}

/**
 * Mass sending: `message/mass/sendall` (by tag or to all), `message/mass/send` (2..10 000
 * openids, 40130), `message/mass/get`, and `draft/add` for the mpnews media_id.
 */
export function massRoutes(context: SimContext): WechatRoute[] {
  const subscribed = (): Follower[] => context.followers.list().filter((follower) => follower.subscribed);
  return [
    {
      method: 'POST',
      path: '/cgi-bin/message/mass/sendall',
      auth: 'oa',
      handle: (request) =>
        submit(context, request, (body) => {
          const filter = (body.filter ?? {}) as { is_to_all?: unknown; tag_id?: unknown };
          if (filter.is_to_all === true) return subscribed();
          const tag = context.tags.get(filter.tag_id);
          if (!tag) throw new WechatFailure(40050);
          return subscribed().filter((follower) => follower.tagIds.includes(tag.id));
        }),
    },
    {
      method: 'POST',
      path: '/cgi-bin/message/mass/send',
      auth: 'oa',
      handle: (request) =>
        submit(context, request, (body) => {
          const list = body.touser;
          if (!Array.isArray(list) || list.length < 2 || list.length > 10_000) throw new WechatFailure(40130);
          return list.map((openid) => context.followers.get(String(openid))).filter((f): f is Follower => f?.subscribed === true);
        }),
    },
    {
      method: 'POST',
      path: '/cgi-bin/message/mass/get',
      auth: 'oa',
      handle(request) {
        const job = context.mass.get(String(request.json().msg_id));
        if (!job) throw new WechatFailure(40097);
        return bare({ msg_id: Number(job.msgId), msg_status: job.status });
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/draft/add',
      auth: 'oa',
      handle(request) {
        const articles = request.json().articles;
        if (!Array.isArray(articles) || articles.length === 0 || articles.length > 8) throw new WechatFailure(47001);
        for (const article of articles as Array<Record<string, unknown>>) {
          if (typeof article?.title !== 'string' || typeof article.content !== 'string') throw new WechatFailure(47001);
        }
        const mediaId = randomBytes(24).toString('base64url');
        context.drafts.set(mediaId, articles);
        return bare({ media_id: mediaId });
      },
    },
  ];
}
