import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { bare } from '../api/WechatRoute';
import type { Follower } from '../stores/FollowerStore';

/** user/info's shape: the full profile while following, a stub after unfollowing. */
function userInfo(follower: Follower, lang: string): Record<string, unknown> {
  const unionid = follower.unionid === undefined ? {} : { unionid: follower.unionid };
  if (!follower.subscribed) return { subscribe: 0, openid: follower.openid, ...unionid, tagid_list: [] };
  return {
    subscribe: 1,
    openid: follower.openid,
    language: lang,
    subscribe_time: follower.subscribeTime,
    ...unionid,
    remark: follower.remark,
    groupid: 0,
    tagid_list: [...follower.tagIds],
    subscribe_scene: follower.subscribeScene,
    qr_scene: follower.qrScene,
    qr_scene_str: follower.qrSceneStr,
  };
}

/**
 * Followers: `GET /cgi-bin/user/info`, `POST /cgi-bin/user/info/batchget` (≤ 100) and
 * `GET /cgi-bin/user/get` (subscribed openids, pages of 10 000; an empty page has no `data`
 * and `next_openid: ""`).
 */
export function userRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'GET',
      path: '/cgi-bin/user/info',
      auth: 'oa',
      handle(request) {
        const follower = context.followers.require(request.query.get('openid'));
        return bare(userInfo(follower, request.query.get('lang') ?? 'zh_CN'));
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/user/info/batchget',
      auth: 'oa',
      handle(request) {
        const list = request.json().user_list;
        if (!Array.isArray(list) || list.length === 0 || list.length > 100) throw new WechatFailure(40032);
        const infos = list.map((item: unknown) => {
          const entry = (typeof item === 'object' && item !== null ? item : {}) as { openid?: unknown; lang?: unknown };
          return userInfo(context.followers.require(entry.openid), typeof entry.lang === 'string' ? entry.lang : 'zh_CN');
        });
        return bare({ user_info_list: infos });
      },
    },
    {
      method: 'GET',
      path: '/cgi-bin/user/get',
      auth: 'oa',
      handle(request) {
        const subscribed = context.followers.list().filter((follower) => follower.subscribed);
        const next = request.query.get('next_openid');
        let start = 0;
        if (next) {
          start = subscribed.findIndex((follower) => follower.openid === next) + 1;
          if (start === 0) throw new WechatFailure(40003);
        }
        const page = subscribed.slice(start, start + context.limits.userListPageSize).map((follower) => follower.openid);
        const more = start + page.length < subscribed.length;
        return bare({
          total: subscribed.length,
          count: page.length,
          ...(page.length ? { data: { openid: page } } : {}),
          next_openid: more ? page[page.length - 1] : '',
        });
      },
    },
  ];
}
